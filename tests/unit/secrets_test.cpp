// secret_ranges is written for speed (remembered names, a dash-led search for PEM keys). It must
// mask exactly what the plain definition masks: this file keeps that definition as the reference
// and compares the two on every metadata file of the fixtures, the samples and ../shared/corpus
// (when present), and on damaged variants of texts full of secrets.
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/secrets.h"
#include "core/text.h"
#include "load/xml_scan.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

/// The plain definition: every '<', the name up to a blank, '/', '>' or '<', and the value of
/// each secret-named element to its end tag; every PEM private key from its BEGIN line to END.
Ranges reference_ranges(std::string_view text) {
  Ranges out;
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    std::size_t name_end = pos + 1;
    auto ends_name = [](char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' || c == '<';
    };
    while (name_end < text.size() && !ends_name(text[name_end])) ++name_end;
    std::string_view name = text.substr(pos + 1, name_end - pos - 1);
    pos = name_end;
    if (name.empty() || name.front() == '!' || name.front() == '?' || !is_secret_element(name)) continue;
    std::size_t value_start = text.find('>', name_end);
    value_start = value_start == std::string_view::npos ? name_end : value_start + 1;
    std::size_t value_end = text.find("</" + std::string(name), value_start);
    if (value_end == std::string_view::npos) value_end = text.size();
    out.emplace_back(value_start, value_end);
  }
  for (std::size_t k = text.find("PRIVATE KEY-----"); k != std::string_view::npos;
       k = text.find("PRIVATE KEY-----", k + 1)) {
    std::size_t from = text.rfind('\n', k);
    from = from == std::string_view::npos ? 0 : from + 1;
    std::size_t to = text.find("-----END", k + 1);
    to = to == std::string_view::npos ? text.size() : text.find('\n', to);
    out.emplace_back(from, to == std::string_view::npos ? text.size() : to);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A scan handler that reads everything.
struct ReadAll {
  bool start(std::string_view /*name*/, std::size_t /*offset*/, int /*depth*/) { return true; }
  void text(std::string_view /*raw*/, bool /*cdata*/, int /*depth*/) {}
  bool end(int /*depth*/) { return true; }
};

/// What the scanner says it read (ScanFacts::plain_until) changes no range: checked against the
/// plain definition. Returns how much of the text the scanner vouched for.
std::size_t scan_facts_hold(std::string_view text, const Ranges& expected) {
  ReadAll all;
  load::ScanFacts facts;
  load::scan_xml(text, all, &facts);
  CHECK(facts.plain_until <= text.size());
  CHECK(secret_ranges(text, facts.plain_until) == expected);
  return facts.plain_until;
}

}  // namespace

TEST_CASE("secret_ranges masks what the plain definition masks, on every metadata file", "[secrets]") {
  std::vector<fs::path> roots = {test::source_dir() / "tests", test::source_dir() / "samples"};
  if (fs::path corpus = test::corpus_dir(); !corpus.empty()) {
    roots.push_back(corpus);
  } else {
    WARN("../shared/corpus not found: secret ranges checked on fixtures and samples only");
  }
  std::size_t files = 0;
  std::size_t with_secrets = 0;
  std::size_t vouched = 0;
  for (const auto& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() == ".cpp") continue;
      std::string name = entry.path().filename().string();
      if (name.find(".xml") == std::string::npos && name.find(".connectedApp") == std::string::npos) continue;
      std::string text = test::read_file(entry.path());
      Ranges expected = reference_ranges(text);
      INFO(entry.path().string());
      CHECK(secret_ranges(text) == expected);
      if (scan_facts_hold(text, expected) == text.size()) ++vouched;
      ++files;
      if (!expected.empty()) ++with_secrets;
    }
  }
  INFO(files << " files, " << with_secrets << " with secrets, " << vouched << " wholly vouched for by the scanner");
  REQUIRE(files > 100);
  CHECK(vouched * 2 > files);
  CHECK(with_secrets > 5);  // the comparison covers files that hold secrets, not only clean ones
}

TEST_CASE("secret_ranges masks what the plain definition masks, on damaged texts", "[secrets]") {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
      "  <label>Clean</label><contactEmail>a@example.com</contactEmail><description>plain</description>\n"
      "<!-- <consumerSecret>in a comment</consumerSecret> -->\n"
      "  <oauthConfig>\n    <consumerSecret>S3cr3tV4lu3</consumerSecret>\n"
      "    <sf:clientSecret a=\"1\">x</sf:clientSecret><Password/><PASSWORDX>y</PASSWORDX>\n"
      "    <sessionId><![CDATA[<b>00D</b>]]></sessionId><accessTokenValue>t</accessTokenValue>\n"
      "    <private_key>k</private_key><privateKeyPem>-----BEGIN RSA PRIVATE KEY-----\nMIIB\n"
      "-----END RSA PRIVATE KEY-----</privateKeyPem>\n"
      "    <certificate>-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----</certificate>\n"
      "    <secretive>z</secretive><scopes>Api</scopes><secret\n>multi\nline</secret>\n"
      "  </oauthConfig>\n</ConnectedApp>\n";
  const std::vector<std::string> inserts = {"<",  "</",       "<!",  "<?",       ">", "-", "-----",
                                            "\n", "PRIVATE ", "KEY", "<secret>", "/", " ", "<sEcReT "};
  REQUIRE(reference_ranges(text).size() >= 10);
  std::mt19937 rng(20261202);
  std::size_t cases = 0;
  std::size_t vouched = 0;
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    std::string_view part = std::string_view(text).substr(0, cut);
    INFO("cut at " << cut);
    Ranges expected = reference_ranges(part);
    CHECK(secret_ranges(part) == expected);
    scan_facts_hold(part, expected);
    ++cases;
  }
  for (const auto& insert : inserts) {
    for (std::size_t at = 0; at <= text.size(); at += 1 + rng() % 5) {
      std::string damaged = text;
      damaged.insert(at, insert);
      INFO("'" << escape_controls(insert) << "' inserted at " << at);
      Ranges expected = reference_ranges(damaged);
      CHECK(secret_ranges(damaged) == expected);
      if (scan_facts_hold(damaged, expected) > 100) ++vouched;
      ++cases;
    }
  }
  // Names that collide in the remembered table still get their own answer.
  std::string many;
  for (int i = 0; i < 500; ++i)
    many += "<name" + std::to_string(i) + "secret>v</name" + std::to_string(i) + "secret>" + "<nameX" +
            std::to_string(i) + ">w</nameX" + std::to_string(i) + ">\n";
  CHECK(secret_ranges(many) == reference_ranges(many));
  CHECK(reference_ranges(many).size() == 500);
  INFO(cases << " cases, " << vouched << " vouched for by the scanner past their first 100 bytes");
  CHECK(vouched * 2 > cases);
}
