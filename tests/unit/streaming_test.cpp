// The streaming readers of profiles and permission sets against the DOM readers they replace:
// every profile and permission set of the fixtures, the samples and ../shared/corpus (when
// present), and thousands of damaged variants, must give the same model and the same problems
// (CA000 messages and locations). Also: "did you mean" from the index against the direct search,
// and reports identical whatever --jobs.
#include <filesystem>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/suggest.h"
#include "core/text.h"
#include "load/discover.h"
#include "load/loader.h"
#include "load/metadata_types.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

std::string loc(const SourceLoc& l) { return fmt::format("{}:{}", l.line, l.column); }

std::string field(const Field<std::string>& f) {
  return fmt::format("{}={}{}@{}", f.element, f.present ? "" : "(absent)", f.value, loc(f.loc));
}

/// Everything a reader of profiles and permission sets puts into the model, as text.
std::string describe(const Export& m) {
  std::ostringstream out;
  auto grants = [&](const AccessHolder& h) {
    for (const auto& g : h.grants) out << "  grant " << g.name << "@" << loc(g.loc) << "\n";
  };
  for (const auto& p : m.profiles) {
    out << "profile " << p.name << " '" << p.display_name << "' root@" << loc(p.root) << "\n";
    grants(p);
    for (const auto& r : p.login_ip_ranges)
      out << "  range@" << loc(r.loc) << " " << field(r.start) << " " << field(r.end) << "\n";
  }
  for (const auto& p : m.permission_sets) {
    out << "permission set " << p.name << " root@" << loc(p.root) << " " << field(p.label) << "\n";
    grants(p);
  }
  for (const auto& i : m.issues)
    out << "issue@" << loc(i.loc) << " [" << i.element << "|" << i.key << "] " << i.message << "\n";
  return out.str();
}

struct Outcome {
  std::string dom;
  std::string streamed;
  bool used_scanner = false;
};

Outcome read_both(const std::string& file_name, const std::string& bytes) {
  std::string base;
  const load::MetaTypeInfo* type = load::classify_file_name(file_name, &base);
  REQUIRE(type != nullptr);
  ExportFile f = load::make_export_file(*type, base, file_name, file_name);
  Outcome o;
  o.dom = describe(read_one_file(f, 0, bytes, load::ReadMode::Dom));
  o.streamed = describe(read_one_file(f, 0, bytes, load::ReadMode::Stream, &o.used_scanner));
  return o;
}

bool is_access_file(const fs::path& p) {
  std::string base;
  const load::MetaTypeInfo* type = load::classify_file_name(p.filename().string(), &base);
  return type != nullptr && type->scan != nullptr;
}

}  // namespace

TEST_CASE("streaming readers give the DOM readers' model on every profile and permission set", "[streaming]") {
  std::vector<fs::path> roots = {test::source_dir() / "tests", test::source_dir() / "samples"};
  if (fs::path corpus = test::corpus_dir(); !corpus.empty()) {
    roots.push_back(corpus);
  } else {
    WARN("../shared/corpus not found: streaming equivalence checked on fixtures and samples only");
  }
  std::size_t files = 0;
  std::size_t streamed = 0;
  for (const auto& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || !is_access_file(entry.path())) continue;
      ++files;
      Outcome o = read_both(entry.path().filename().string(), test::read_file(entry.path()));
      INFO(entry.path().string());
      CHECK(o.streamed == o.dom);
      if (o.used_scanner) ++streamed;
    }
  }
  INFO(fmt::format("{} files, {} read by the streaming reader", files, streamed));
  REQUIRE(files > 10);
  // The comparison means something only if the scanner read the files, not its pugixml fallback.
  CHECK(streamed * 10 >= files * 8);
}

TEST_CASE("streaming readers agree with the DOM readers on damaged and unusual files", "[streaming]") {
  const std::string profile =
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- retrieved -->\n"
      "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
      "    <custom>false</custom>\n"
      "    <fieldPermissions><editable>true</editable><field>Account.Rating</field></fieldPermissions>\n"
      "    <loginIpRanges>\n        <endAddress>10.0.0.255</endAddress>\n"
      "        <startAddress> 10.0.0.1 </startAddress>\n    </loginIpRanges>\n"
      "    <loginIpRanges><startAddress>10.0.0.9</startAddress></loginIpRanges>\n"
      "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n"
      "    </userPermissions>\n"
      "    <userPermissions><enabled><![CDATA[true]]></enabled><name>Modify&#65;llData</name></userPermissions>\n"
      "    <userPermissions><name>ViewAllData</name><enabled>true</enabled></userPermissions>\n"
      "</Profile>\n";
  const std::string permission_set =
      "<?xml version='1.0'?>\n<PermissionSet xmlns='http://soap.sforce.com/2006/04/metadata'>\n"
      "    <description>R&amp;D &lt;team&gt;</description>\n"
      "    <hasActivationRequired>false</hasActivationRequired>\n"
      "    <label>R&amp;D\r\n Access</label>\n"
      "    <userPermissions><enabled>true</enabled><name>UseAnyApiClient</name></userPermissions>\n"
      "</PermissionSet>\n";
  // Damage: cut anywhere, and insert what breaks or bends XML at many offsets.
  const std::vector<std::string> inserts = {"<",
                                            "&",
                                            "&#0;",
                                            "&#x41;",
                                            "&#X41;",
                                            "&bogus;",
                                            "\r",
                                            std::string(1, '\0'),
                                            "<!-- c -->",
                                            "<![CDATA[x]]>",
                                            "]]>",
                                            "</a>",
                                            "<a/>",
                                            "<?pi x?>",
                                            "<!DOCTYPE x>",
                                            "\xC3\xA9",
                                            "<b:x>",
                                            "\"",
                                            "=",
                                            "<<<<<<< HEAD\n",
                                            ">"};
  std::mt19937 rng(20260601);
  std::size_t cases = 0;
  std::size_t streamed = 0;
  for (const auto& [name, text] : {std::pair{std::string("P.profile-meta.xml"), profile},
                                   std::pair{std::string("S.permissionset-meta.xml"), permission_set}}) {
    Outcome whole = read_both(name, text);
    CHECK(whole.used_scanner);
    CHECK(whole.streamed == whole.dom);
    for (std::size_t cut = 0; cut <= text.size(); cut += 3) {
      Outcome o = read_both(name, text.substr(0, cut));
      INFO(name << " cut at " << cut);
      CHECK(o.streamed == o.dom);
      ++cases;
    }
    for (const auto& insert : inserts) {
      for (std::size_t at = 0; at <= text.size(); at += 1 + rng() % 7) {
        std::string damaged = text;
        damaged.insert(at, insert);
        Outcome o = read_both(name, damaged);
        INFO(name << " '" << escape_controls(insert) << "' inserted at " << at);
        CHECK(o.streamed == o.dom);
        if (o.used_scanner) ++streamed;
        ++cases;
      }
    }
  }
  INFO(cases << " cases, " << streamed << " read by the streaming reader");
  CHECK(streamed > 100);
}

TEST_CASE("the suggestion index answers as did_you_mean does", "[streaming][text]") {
  std::mt19937 rng(7);
  const std::string alphabet = "abcdeABCDE _-";
  auto random_word = [&](std::size_t max) {
    std::string w(1 + rng() % max, ' ');
    for (char& c : w) c = alphabet[rng() % alphabet.size()];
    return w;
  };
  std::vector<std::string> candidates;
  for (int i = 0; i < 300; ++i) candidates.push_back(random_word(14));
  candidates.push_back(std::string(70, 'a'));  // longer than a machine word
  candidates.push_back("System Administrator");
  SuggestionIndex index(candidates);
  std::vector<std::string> words = {"", "system administrator", "Sytsem Administrator", std::string(69, 'a') + "b"};
  for (int i = 0; i < 2000; ++i) words.push_back(random_word(16));
  for (int i = 0; i < 200; ++i) {  // near misses of candidates
    std::string w = candidates[rng() % candidates.size()];
    if (!w.empty()) w[rng() % w.size()] = alphabet[rng() % alphabet.size()];
    if (w.size() > 1) std::swap(w[0], w[1]);
    words.push_back(w);
  }
  for (const auto& w : words) {
    INFO("'" << w << "'");
    CHECK(index.suggest(w) == did_you_mean(w, candidates));
    CHECK(index.suggest(w) == did_you_mean(w, candidates));  // asked again: the same answer
  }
  // A wide alphabet (digits, punctuation that shares bits of the character sets, UTF-8 bytes) and
  // label-like candidates: the bound that passes over candidates never changes an answer.
  const std::vector<std::string> pieces = {"Acme", "Sales",    "Ops", "EMEA", "API", "Integration", "v2",
                                           "_",    " ",        "-",   ".",    "&",   "(",           ")",
                                           "/",    "\xC3\xA9", "0",   "7",    "R&D", "Admin"};
  auto label = [&] {
    std::string w;
    for (std::size_t n = 1 + rng() % 5; n > 0; --n) w += pieces[rng() % pieces.size()];
    return w;
  };
  std::vector<std::string> labels;
  for (int i = 0; i < 400; ++i) labels.push_back(label());
  SuggestionIndex labelled(labels);
  std::vector<std::string> asked;
  for (int i = 0; i < 600; ++i) asked.push_back(label());
  for (int i = 0; i < 600; ++i) {  // one to three edits away from a label
    std::string w = labels[rng() % labels.size()];
    for (std::size_t edits = 1 + rng() % 3; edits > 0 && !w.empty(); --edits) {
      std::size_t at = rng() % w.size();
      switch (rng() % 4) {
        case 0:
          w.erase(at, 1);
          break;
        case 1:
          w.insert(at, 1, "xQ9 /"[rng() % 5]);
          break;
        case 2:
          w[at] = "aZ3_&"[rng() % 5];
          break;
        default:
          if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
      }
    }
    asked.push_back(w);
  }
  for (const auto& w : asked) {
    INFO("'" << w << "'");
    CHECK(labelled.suggest(w) == did_you_mean(w, labels));
  }
}

TEST_CASE("reports are the same whatever --jobs", "[streaming][golden]") {
  test::InDir in(test::source_dir());
  for (const auto& path : {std::string("samples/source-org"), std::string("samples/mdapi-org"),
                           std::string("tests/fixtures/injection-org")}) {
    auto one = test::run({"audit", path, "--as-of", "2026-06-01", "--format", "json", "--jobs", "1"});
    auto many = test::run({"audit", path, "--as-of", "2026-06-01", "--format", "json", "--jobs", "3"});
    INFO(path);
    CHECK(one.code == many.code);
    CHECK(one.out == many.out);
    CHECK(one.out.size() > 100);
  }
  // Enough apps and findings that the JSON writer renders several batches on several threads.
  test::TempDir dir;
  for (int i = 0; i < 1500; ++i) {
    test::write_file(dir.path / fmt::format("connectedApps/App{:04}.connectedApp-meta.xml", i),
                     fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                                 "    <contactEmail>owner{0}@example.com</contactEmail>\n    <label>App {0}</label>\n"
                                 "    <oauthConfig>\n        <callbackUrl>http://app{0}.example.com/cb</callbackUrl>\n"
                                 "        <scopes>{1}</scopes>\n    </oauthConfig>\n</ConnectedApp>\n",
                                 i, i % 2 == 0 ? "Full" : "Api"));
  }
  auto one = test::run({"audit", dir.path.string(), "--as-of", "2026-06-01", "--format", "json", "--jobs", "1"});
  auto many = test::run({"audit", dir.path.string(), "--as-of", "2026-06-01", "--format", "json", "--jobs", "3"});
  CHECK(one.code == many.code);
  CHECK(one.out == many.out);
  auto report = nlohmann::json::parse(one.out);
  CHECK(report["findings"].size() > 3000);
  CHECK(report["inventory"].size() == 1500);
}
