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

TEST_CASE("escape_controls shows what could drive a terminal or reorder a line", "[text][injection]") {
  CHECK(escape_controls("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07");
  CHECK(escape_controls("tab\there\n", "\t\n") == "tab\there\n");
  // C1 controls (U+009B is a one-byte CSI), line and paragraph separators, bidirectional controls.
  CHECK(escape_controls("x\xc2\x9b"
                        "31m") == "x\\u009b31m");
  CHECK(escape_controls("a\xe2\x80\xa8"
                        "b\xe2\x80\xa9"
                        "c") == "a\\u2028b\\u2029c");
  CHECK(escape_controls("\xe2\x80\xae"
                        "evil\xe2\x80\xac") == "\\u202eevil\\u202c");
  CHECK(escape_controls("\xe2\x81\xa6"
                        "x\xe2\x81\xa9\xe2\x80\x8f\xd8\x9c") == "\\u2066x\\u2069\\u200f\\u061c");
  // Ordinary UTF-8 around them is kept, including neighbours of the escaped ranges.
  CHECK(escape_controls("caf\xc3\xa9 \xc2\xa0 \xe2\x80\x94 \xe2\x80\xaf \xe2\x81\xa5") ==
        "caf\xc3\xa9 \xc2\xa0 \xe2\x80\x94 \xe2\x80\xaf \xe2\x81\xa5");
  // A sequence cut short at the end is left alone.
  CHECK(escape_controls("a\xe2\x80") == "a\xe2\x80");
}
