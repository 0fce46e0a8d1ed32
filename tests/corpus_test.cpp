// Real public metadata from ../shared/corpus (skipped when absent): no crash, every Connected App
// and External Client App file seen and read, every finding located.
#include <filesystem>

#include <catch2/catch.hpp>

#include "load/loader.h"
#include "load/metadata_types.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

TEST_CASE("every folder of the shared corpus audits cleanly", "[corpus]") {
  fs::path corpus = test::corpus_dir();
  if (corpus.empty()) {
    WARN("../shared/corpus not found: corpus test skipped");
    return;
  }
  std::size_t exports = 0;
  std::size_t apps_on_disk = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (!entry.is_directory()) continue;
    INFO("export " << entry.path().string());
    std::size_t on_disk = 0;
    std::size_t auditable = 0;
    for (const auto& f : fs::recursive_directory_iterator(entry.path())) {
      const load::MetaTypeInfo* type =
          f.is_regular_file() ? load::classify_file_name(f.path().filename().string(), nullptr) : nullptr;
      if (type && (type->type == MetaType::ConnectedApp || type->type == MetaType::ExternalClientApp)) ++on_disk;
      if (type) ++auditable;
    }
    LoadedExport loaded = load_export(*open_source(entry.path().string()), 2);
    CHECK(loaded.errors.empty());
    CHECK(loaded.model.connected_apps.size() + loaded.model.external_client_apps.size() == on_disk);
    Report r = test::audit({entry.path().string()});
    CHECK(r.errors.empty());
    CHECK(r.files_audited == auditable);
    for (const auto& f : r.findings) {
      INFO(f.rule << " " << f.file << ": " << f.message);
      if (f.rule == "CA000") FAIL_CHECK("real metadata must parse");
      if (f.rule == "CA501") continue;  // org-wide: no file by design
      CHECK_FALSE(f.file.empty());
      CHECK(f.line >= 1);
      CHECK(f.column >= 1);
      CHECK(fs::exists(f.file));
    }
    apps_on_disk += on_disk;
    ++exports;
  }
  CHECK(exports >= 10);
  CHECK(apps_on_disk >= 100);
}
