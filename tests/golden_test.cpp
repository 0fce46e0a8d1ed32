// Whole reports of the samples, in every format, against files under tests/golden/.
// CALINT_UPDATE_GOLDEN=1 rewrites them; review the change with `git diff`. Never set it in CI.
#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

#include "load/metadata_types.h"
#include "report/formats.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

struct Golden {
  const char* file;
  std::vector<std::string> args;
};

std::string render(const test::CliResult& r) {
  std::string out = r.out;
  // Volatile: the version. (No std::regex: GCC 12 warns inside it under ASan, and warnings are errors.)
  const std::string key = "\"version\": \"";
  if (auto at = out.find(key); at != std::string::npos) {
    auto end = out.find('"', at + key.size());
    out.replace(at + key.size(), end - at - key.size(), "[VERSION]");
  }
  return out + "--- stderr ---\n" + r.err + "--- exit code " + std::to_string(r.code) + " ---\n";
}

}  // namespace

TEST_CASE("golden reports of the samples", "[golden]") {
  const std::vector<Golden> cases = {
      {"source-org.txt", {"audit", "samples/source-org", "--no-color", "--as-of", "2026-06-01"}},
      {"source-org.json", {"audit", "samples/source-org", "--format", "json", "--as-of", "2026-06-01"}},
      {"mdapi-org.txt", {"audit", "samples/mdapi-org", "--no-color", "--as-of", "2026-06-01"}},
      {"mdapi-org.json", {"audit", "samples/mdapi-org", "--format", "json", "--as-of", "2026-06-01"}},
      {"strict-policy.txt",
       {"audit", "samples/source-org", "samples/partial-org", "--policy", "samples/policies/strict.yaml", "--no-color",
        "--as-of", "2026-06-01"}},
      {"strict-policy.json",
       {"audit", "samples/source-org", "samples/partial-org", "--policy", "samples/policies/strict.yaml", "--format",
        "json", "--as-of", "2026-06-01"}},
      {"ci-policy.txt",
       {"audit", "samples/source-org", "--policy", "samples/policies/ci.yaml", "--no-color", "--as-of", "2026-06-01"}},
      {"permissive-policy.txt",
       {"audit", "samples/source-org", "--policy", "samples/policies/permissive.yaml", "--no-color", "--as-of",
        "2026-06-01"}},
  };
  const bool update = std::getenv("CALINT_UPDATE_GOLDEN") != nullptr;
  for (const auto& g : cases) {
    INFO("golden " << g.file << " (rewrite with CALINT_UPDATE_GOLDEN=1, then review git diff)");
    std::string actual = render(test::run(g.args));
    fs::path path = test::source_dir() / "tests" / "golden" / g.file;
    if (update) test::write_file(path, actual);
    REQUIRE(fs::exists(path));
    CHECK(actual == test::read_file(path));
  }
}

TEST_CASE("every report format has a golden report of the sample org", "[golden][meta]") {
  for (const auto& format : formats()) {
    INFO("format " << format.name);
    std::string ext = format.name == "text" ? "txt" : std::string(format.name);
    CHECK(fs::exists(test::source_dir() / "tests" / "golden" / ("source-org." + ext)));
  }
}

TEST_CASE("the metadata-API copy of the sample org gives the same findings", "[golden]") {
  Report source = test::audit({"samples/source-org"});
  Report mdapi = test::audit({"samples/mdapi-org"});
  auto key = [](const Finding& f) {
    return f.rule + "|" + f.component.type + "|" + f.component.name + "|" + std::to_string(f.line) + ":" +
           std::to_string(f.column) + "|" + f.message;
  };
  std::vector<std::string> a;
  std::vector<std::string> b;
  for (const auto& f : source.findings) a.push_back(key(f));
  for (const auto& f : mdapi.findings) b.push_back(key(f));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  CHECK_FALSE(a.empty());
  CHECK(a == b);
}

TEST_CASE("mdapi sample files are byte-identical to their source-format twins", "[golden]") {
  fs::path src = test::source_dir() / "samples/source-org/force-app/main/default";
  fs::path md = test::source_dir() / "samples/mdapi-org/src";
  std::size_t compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    std::string name = e.path().filename().string();
    const std::string suffix = "-meta.xml";
    if (!e.is_regular_file() || name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) {
      continue;
    }
    std::string base;
    if (!load::classify_file_name(name, &base)) continue;  // only what calint reads
    fs::path rel = fs::relative(e.path(), src);
    fs::path twin = md / rel.parent_path() / name.substr(0, name.size() - suffix.size());
    if (!fs::exists(twin)) continue;  // e.g. Apex class metadata, laid out differently
    INFO(rel.string());
    CHECK(test::read_file(e.path()) == test::read_file(twin));
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("well-configured sample apps get nothing at medium or above", "[golden]") {
  Report r = test::audit({"samples/source-org"});
  for (const char* good : {"Order_Sync_Service", "Nightly_Inventory_Batch", "Northwind_CLI", "Sales_Pipeline_Insights",
                           "Tableau_Cloud_SSO", "Field_Service_Portal"}) {
    INFO(good);
    for (const auto& f : r.findings) {
      if (f.component.name == good) CHECK(f.severity < Severity::Medium);
    }
  }
}
