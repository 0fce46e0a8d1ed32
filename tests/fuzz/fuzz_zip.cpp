// Fuzz target for the zip reader: the input is written to a file named like a retrieve zip and
// audited as `calint audit X.zip` would (listed, inflated in memory, loaded, every rule, every
// format). The limits are lowered so the fuzzer meets them. Invariants: no exception escapes; a
// refused zip yields no file and exactly one error, naming the zip; what is inflated stays within
// the limits; every finding's location lies inside its file.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/date.h"
#include "engine/engine.h"
#include "fuzz_support.h"
#include "load/loader.h"
#include "load/source.h"
#include "policy/policy.h"
#include "report/formats.h"

using namespace calint;

namespace {

const std::string& zip_path() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : (dir != nullptr ? dir : "/tmp");
    return base + "/calint-fuzz-" + std::to_string(::getpid()) + ".zip";
  }();
  return path;
}

SourceOptions lowered_limits() {
  SourceOptions options;
  options.limits.zip.max_entries = 200;
  options.limits.zip.max_entry_size = std::uint64_t{1} << 20U;
  options.limits.zip.max_total_size = std::uint64_t{4} << 20U;
  options.limits.zip.max_ratio = 200;
  return options;
}

void check_listing(const ExportSource& source, const SourceOptions& options) {
  Listing listing = source.list();
  if (listing.root_unreadable) {
    if (!listing.files.empty() || listing.errors.size() != 1) fuzz::violated("a refused zip lists files");
  }
  for (const auto& e : listing.errors) {
    if (e.path.rfind(zip_path(), 0) != 0) fuzz::violated("an error that does not name the zip", e.path);
  }
  std::uint64_t total = 0;
  for (const auto& f : listing.files) {
    std::string bytes;
    std::string error;
    if (!source.read(f, bytes, error)) fuzz::violated("a listed entry cannot be read", error);
    if (bytes.size() > options.limits.zip.max_entry_size) fuzz::violated("an entry past the entry limit", f.rel_path);
    total += bytes.size();
  }
  if (total > options.limits.zip.max_total_size) fuzz::violated("entries past the total limit");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Policy policy = default_policy(builtin_catalog());
  {
    std::ofstream out(zip_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const SourceOptions options = lowered_limits();
    auto source = open_source(zip_path(), options);
    check_listing(*source, options);
    LoadedExport loaded = load_export(*source, 1);
    Report report;
    report.roots.push_back(ExportRoot{zip_path(), ""});
    audit_export(loaded.model, 0, policy, builtin_catalog(), Date{20000}, report);
    finalize(report);
    ReportView view = make_view(report);
    for (const auto& format : formats()) {
      std::ostringstream out;
      format.write(out, view, FormatOptions{});
    }
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  std::remove(zip_path().c_str());
  return 0;
}
