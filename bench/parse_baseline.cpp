// parse_baseline: the lower bound calint's audit is measured against.
//
//   parse_baseline [--jobs N] [--allow-errors] DIR...
//
// Walks each DIR (std::filesystem, symlinks are not followed; .git, .hg, .svn and node_modules
// are skipped as calint skips them), selects the files calint reads (by file-name suffix, the
// same list calint uses, and of the settings only the five calint audits) and parses each with
// pugixml (load_file, parse_default) on N threads (default: hardware concurrency). It does
// nothing with the documents except count the element children of each root, so that the parse
// cannot be optimised away. Prints the number of files, their total size and the wall time.
//
// Exit status: 0 on success, 1 if a directory could not be read or a file failed to parse
// (with --allow-errors, files that fail to parse are only counted), 2 on a usage error.

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 22> kSuffixes = {
    ".connectedApp-meta.xml", ".connectedApp", ".settings-meta.xml",         ".settings",
    ".profile-meta.xml",      ".profile",      ".permissionset-meta.xml",    ".permissionset",
    ".eca-meta.xml",          ".eca",          ".ecaOauth-meta.xml",         ".ecaOauth",
    ".ecaGlblOauth-meta.xml", ".ecaGlblOauth", ".ecaOauthPlcy-meta.xml",     ".ecaOauthPlcy",
    ".ecaPlcy-meta.xml",      ".ecaPlcy",      ".ecaOauthSecurity-meta.xml", ".ecaOauthSecurity",
    ".ecaSamlPlcy-meta.xml",  ".ecaSamlPlcy",
};

// calint reads only these settings (load/discover.cpp, is_audited_settings); it skips the others.
constexpr std::array<std::string_view, 5> kAuditedSettings = {"MyDomain", "OauthOidc", "ConnectedApp", "Security",
                                                              "ExternalClientApp"};

bool selected(std::string_view name) {
  for (std::string_view s : kSuffixes) {
    if (name.size() <= s.size() || !name.ends_with(s)) continue;
    if (!s.starts_with(".settings")) return true;
    const std::string_view base = name.substr(0, name.size() - s.size());
    return std::find(kAuditedSettings.begin(), kAuditedSettings.end(), base) != kAuditedSettings.end();
  }
  return false;
}

bool skipped_directory(std::string_view name) {
  return name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules";
}

struct Entry {
  fs::path path;
  std::uintmax_t size = 0;
};

struct Totals {
  std::uint64_t elements = 0;
  std::uint64_t errors = 0;
};

int usage() {
  std::fputs("usage: parse_baseline [--jobs N] [--allow-errors] DIR...\n", stderr);
  return 2;
}

// Collect the selected regular files under dir. Returns false if something could not be read.
bool walk(const fs::path& dir, std::vector<Entry>& out) {
  bool ok = true;
  std::error_code ec;
  const auto st = fs::symlink_status(dir, ec);
  if (ec || !fs::is_directory(st)) {
    std::fprintf(stderr, "parse_baseline: %s: not a directory\n", dir.string().c_str());
    return false;
  }
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    std::fprintf(stderr, "parse_baseline: %s: %s\n", dir.string().c_str(), ec.message().c_str());
    return false;
  }
  for (const fs::recursive_directory_iterator end; it != end;) {
    const fs::directory_entry& e = *it;
    std::error_code sec;
    // symlink_status: a symlink is neither followed nor selected
    if (e.is_directory(sec) && !e.is_symlink(sec) && skipped_directory(e.path().filename().native())) {
      it.disable_recursion_pending();
    } else if (e.is_regular_file(sec) && !e.is_symlink(sec) && selected(e.path().filename().native())) {
      std::error_code zec;
      const auto size = e.file_size(zec);
      out.push_back({e.path(), zec ? 0 : size});
    }
    it.increment(ec);
    if (ec) {
      std::fprintf(stderr, "parse_baseline: %s: %s\n", dir.string().c_str(), ec.message().c_str());
      ok = false;
      break;
    }
  }
  return ok;
}

// quiet: count failures without a message for each (--allow-errors).
Totals parse_all(const std::vector<Entry>& files, unsigned jobs, bool quiet) {
  std::atomic<std::size_t> next{0};
  std::vector<Totals> per_thread(jobs);
  auto worker = [&](unsigned t) {
    Totals local;
    for (;;) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= files.size()) break;
      pugi::xml_document doc;
      const pugi::xml_parse_result r = doc.load_file(files[i].path.c_str(), pugi::parse_default);
      if (!r) {
        ++local.errors;
        if (quiet) continue;
        std::fprintf(stderr, "parse_baseline: %s: offset %lld: %s\n", files[i].path.string().c_str(),
                     static_cast<long long>(r.offset), r.description());
        continue;
      }
      for (const pugi::xml_node child : doc.document_element().children()) {
        if (child.type() == pugi::node_element) ++local.elements;
      }
    }
    per_thread[t] = local;
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker, t);
  for (auto& th : threads) th.join();
  Totals total;
  for (const auto& p : per_thread) {
    total.elements += p.elements;
    total.errors += p.errors;
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    unsigned jobs = std::thread::hardware_concurrency();
    if (jobs == 0) jobs = 1;
    bool allow_errors = false;
    std::vector<fs::path> dirs;
    for (int i = 1; i < argc; ++i) {
      const std::string_view a = argv[i];
      std::string_view value;
      if (a == "--jobs" || a == "-j") {
        if (i + 1 >= argc) return usage();
        value = argv[++i];
      } else if (a.starts_with("--jobs=")) {
        value = a.substr(7);
      } else if (a == "--allow-errors") {
        allow_errors = true;
        continue;
      } else if (a == "--help" || a == "-h") {
        usage();
        return 0;
      } else if (a.starts_with("-") && a != "-") {
        std::fprintf(stderr, "parse_baseline: unknown option %s\n", argv[i]);
        return usage();
      } else {
        dirs.emplace_back(argv[i]);
        continue;
      }
      char* endp = nullptr;
      const std::string v(value);
      const long n = std::strtol(v.c_str(), &endp, 10);
      if (v.empty() || *endp != '\0' || n < 1 || n > 1024) {
        std::fprintf(stderr, "parse_baseline: --jobs wants an integer 1..1024, got '%s'\n", v.c_str());
        return usage();
      }
      jobs = static_cast<unsigned>(n);
    }
    if (dirs.empty()) return usage();

    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Entry> files;
    bool ok = true;
    for (const auto& d : dirs) ok = walk(d, files) && ok;
    // deterministic order; largest first so the tail of the run is not one big file
    std::sort(files.begin(), files.end(),
              [](const Entry& a, const Entry& b) { return a.size != b.size ? a.size > b.size : a.path < b.path; });
    std::uintmax_t bytes = 0;
    for (const auto& f : files) bytes += f.size;
    const auto t1 = std::chrono::steady_clock::now();

    const unsigned used = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, files.size())));
    const Totals totals = parse_all(files, used, allow_errors);
    const auto t2 = std::chrono::steady_clock::now();

    const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::printf(
        "parse_baseline: %zu files, %ju bytes (%.1f MiB), %.3f s "
        "(walk %.3f s, parse %.3f s), %u jobs, %ju root-child elements, %ju parse errors\n",
        files.size(), bytes, static_cast<double>(bytes) / (1024.0 * 1024.0), secs(t0, t2), secs(t0, t1), secs(t1, t2),
        jobs, static_cast<std::uintmax_t>(totals.elements), static_cast<std::uintmax_t>(totals.errors));
    return ok && (allow_errors || totals.errors == 0) ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parse_baseline: %s\n", e.what());
    return 1;
  }
}
