#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/hash.h"
#include "core/text.h"

using namespace calint;

TEST_CASE("glob matches whole API names", "[text]") {
  CHECK(glob_match("ns__*", "ns__Connector"));
  CHECK_FALSE(glob_match("ns__*", "other__ns__x"));
  CHECK(glob_match("Partner_?", "Partner_A"));
  CHECK_FALSE(glob_match("Partner_?", "Partner_AB"));
  CHECK(glob_match("*", ""));
  CHECK(glob_match("a*b*c", "axxbyyc"));
  CHECK_FALSE(glob_match("a*b*c", "axxbyy"));
  CHECK(glob_match("Exact", "Exact"));
  CHECK_FALSE(glob_match("exact", "Exact"));
}

TEST_CASE("url_decode decodes Salesforce file names and keeps broken escapes", "[text]") {
  CHECK(url_decode("Integration%2FAPI Only") == "Integration/API Only");
  CHECK(url_decode("Work%2Ecom Only User") == "Work.com Only User");
  CHECK(url_decode("100%") == "100%");
  CHECK(url_decode("%zz") == "%zz");
  CHECK(url_decode("%4") == "%4");
}

TEST_CASE("did_you_mean suggests only close candidates", "[text]") {
  std::vector<std::string> keys = {"fail_on", "rules", "scopes"};
  CHECK(did_you_mean("fail_onn", keys) == std::optional<std::string>("fail_on"));
  CHECK(did_you_mean("Rules", keys) == std::optional<std::string>("rules"));
  CHECK_FALSE(did_you_mean("completely_different", keys).has_value());
}

TEST_CASE("split_trimmed drops empty pieces", "[text]") {
  auto parts = split_trimmed(" Api, RefreshToken ,,OpenID ", ',');
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == "Api");
  CHECK(parts[1] == "RefreshToken");
  CHECK(parts[2] == "OpenID");
}

TEST_CASE("parse_uint is strict", "[text]") {
  CHECK(parse_uint("90") == std::optional<long long>(90));
  CHECK_FALSE(parse_uint("").has_value());
  CHECK_FALSE(parse_uint("-1").has_value());
  CHECK_FALSE(parse_uint("9a").has_value());
  CHECK_FALSE(parse_uint("99999999999999999999").has_value());
}

TEST_CASE("dates parse only real calendar days", "[date]") {
  REQUIRE(parse_date("2026-02-28"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("26-01-01"));
  CHECK_FALSE(parse_date("2026-1-01"));
  CHECK(format_date(*parse_date("2027-06-30")) == "2027-06-30");
  CHECK(*parse_date("2027-06-30") < *parse_date("2027-07-01"));
}

TEST_CASE("sha256 is the real digest", "[hash]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
