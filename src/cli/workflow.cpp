#include "cli/workflow.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/text.h"
#include "policy/catalog.h"

namespace fs = std::filesystem;

namespace calint {

namespace {

/// The folder a path discovers its policy from: a folder itself; a file's (or a deleted file's)
/// nearest existing folder.
std::string start_folder(const std::string& path) {
  std::error_code ec;
  fs::path p(path);
  if (fs::is_directory(p, ec)) return p.string();
  p = fs::absolute(p, ec).lexically_normal().parent_path();
  while (!p.empty() && p != p.root_path() && !fs::is_directory(p, ec)) p = p.parent_path();
  return p.empty() ? std::string(".") : p.string();
}

/// A discovered file as the user would write it: relative to the current folder when below it.
std::string shown(const std::string& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path rel = fs::path(path).lexically_relative(cwd);
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

/// `path` lies at or below `folder` (both lexically normal, absolute).
bool below(const fs::path& path, const fs::path& folder) {
  auto rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::string size_option(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 30U) && bytes % (std::uint64_t{1} << 30U) == 0)
    return fmt::format("{}GiB", bytes >> 30U);
  if (bytes >= (std::uint64_t{1} << 20U) && bytes % (std::uint64_t{1} << 20U) == 0)
    return fmt::format("{}MiB", bytes >> 20U);
  return std::to_string(bytes);
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
  text = trim(text);
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 18) return std::nullopt;
  std::uint64_t n = std::stoull(std::string(text.substr(0, digits)));
  std::string unit = to_lower(trim(text.substr(digits)));
  static const std::map<std::string, unsigned> kShift = {{"", 0},    {"b", 0},    {"k", 10},   {"kib", 10}, {"kb", 10},
                                                         {"m", 20},  {"mib", 20}, {"mb", 20},  {"g", 30},   {"gib", 30},
                                                         {"gb", 30}, {"t", 40},   {"tib", 40}, {"tb", 40}};
  auto it = kShift.find(unit);
  if (it == kShift.end()) return std::nullopt;
  if (it->second > 0 && n > (std::numeric_limits<std::uint64_t>::max() >> it->second)) return std::nullopt;
  return n << it->second;
}

bool check_workflow_args(const WorkflowArgs& w, const std::vector<std::string>& paths, std::ostream& err) {
  if (!w.write_baseline.empty() && !w.baseline.empty()) {
    err << "calint: --write-baseline cannot be combined with --baseline: write a new baseline, or compare with one "
           "(and --update-baseline to drop its fixed entries)\n";
    return false;
  }
  if (w.update_baseline && w.baseline.empty()) {
    err << "calint: --update-baseline needs --baseline FILE (the baseline to rewrite)\n";
    return false;
  }
  if (paths.empty() && w.changed_since.empty() && !w.show_policy) {
    err << "calint: audit needs a PATH (a folder, a zip, or metadata files), or --changed-since REF\n";
    return false;
  }
  for (const auto& [name, text] :
       {std::pair{"--zip-max-entry-size", &w.zip_max_entry_size},
        std::pair{"--zip-max-total-size", &w.zip_max_total_size}, std::pair{"--max-file-size", &w.max_file_size}}) {
    if (!size_arg(name, *text, 1, err)) return false;
  }
  return true;
}

std::optional<std::uint64_t> size_arg(std::string_view name, const std::string& text, std::uint64_t fallback,
                                      std::ostream& err) {
  if (text.empty()) return fallback;
  auto size = parse_size(text);
  if (!size || *size == 0) {
    err << fmt::format("calint: {} must be a size such as 512MiB or 8GiB, found '{}'\n", name, text);
    return std::nullopt;
  }
  return size;
}

bool select_policy(const WorkflowArgs& w, const std::vector<std::string>& paths, Policy& policy, std::ostream& err) {
  std::string file = w.policy;
  if (file.empty()) {
    // Discovery: from the current folder with --changed-since, else from every path given.
    std::vector<std::string> starts = paths;
    if (!w.changed_since.empty() || paths.empty()) starts = {"."};
    std::map<std::string, std::string> by_folder;  // start folder -> discovered file
    std::map<std::string, std::string> found;      // discovered file -> the first path finding it
    for (const auto& start : starts) {
      std::string folder = start_folder(start);
      auto it = by_folder.find(folder);
      if (it == by_folder.end()) it = by_folder.emplace(folder, discover_policy(folder)).first;
      found.emplace(it->second, start);
    }
    if (found.size() > 1) {
      std::vector<std::string> which;
      which.reserve(found.size());
      for (const auto& [f, p] : found) {
        which.push_back(f.empty() ? fmt::format("the embedded default for {}", p)
                                  : fmt::format("{} for {}", shown(f), p));
      }
      err << fmt::format("calint: the paths given would use different policies ({}); choose one with --policy\n",
                         fmt::join(which, "; "));
      return false;
    }
    if (!found.empty()) file = found.begin()->first.empty() ? std::string() : shown(found.begin()->first);
  }
  return load_policy(file, policy, err);
}

bool select_inputs(const WorkflowArgs& w, const std::vector<std::string>& paths, AuditOptions& options,
                   std::ostream& err) {
  InputLimits& limits = options.limits;
  if (w.zip_max_entries > 0) limits.zip.max_entries = w.zip_max_entries;
  if (w.zip_max_ratio > 0) limits.zip.max_ratio = w.zip_max_ratio;
  if (!w.zip_max_entry_size.empty()) limits.zip.max_entry_size = *parse_size(w.zip_max_entry_size);
  if (!w.zip_max_total_size.empty()) limits.zip.max_total_size = *parse_size(w.zip_max_total_size);
  if (!w.max_file_size.empty()) limits.max_file_size = *parse_size(w.max_file_size);
  if (w.max_files > 0) limits.max_files = w.max_files;
  if (w.xml_max_depth > 0) limits.xml.max_depth = w.xml_max_depth;
  if (w.xml_max_elements > 0) limits.xml.max_elements = w.xml_max_elements;
  if (w.xpath_max_cost > 0) limits.xpath_max_cost = w.xpath_max_cost;
  if (w.changed_since.empty()) {
    options.paths = paths;
    return true;
  }
  ChangedFiles changed = changed_since(w.changed_since);
  if (!changed.error.empty()) {
    err << "calint: " << escape_controls(changed.error) << '\n';
    return false;
  }
  options.changed_files = true;
  if (paths.empty()) {
    options.paths = std::move(changed.paths);
    return true;
  }
  // Only the changes below the paths given.
  std::error_code ec;
  std::vector<fs::path> roots;
  roots.reserve(paths.size());
  for (const auto& p : paths) roots.push_back(fs::absolute(p, ec).lexically_normal());
  for (auto& c : changed.paths) {
    fs::path abs = fs::absolute(c, ec).lexically_normal();
    if (std::any_of(roots.begin(), roots.end(), [&](const fs::path& r) { return abs == r || below(abs, r); })) {
      options.paths.push_back(std::move(c));
    }
  }
  return true;
}

bool read_baseline_arg(const WorkflowArgs& w, std::uint64_t max_bytes, std::optional<Baseline>& baseline,
                       std::ostream& err) {
  if (w.baseline.empty()) return true;
  try {
    baseline = read_baseline(w.baseline, max_bytes);
  } catch (const BaselineError& e) {
    err << e.what() << '\n';
    return false;
  }
  return true;
}

bool write_baseline_args(const WorkflowArgs& w, const std::optional<Baseline>& baseline, Report& report,
                         std::ostream& err) {
  try {
    if (!w.write_baseline.empty()) {
      if (report.partial) {
        // It would replace a project's baseline with one of the changed components only.
        err << fmt::format(
            "calint: --write-baseline needs whole exports (folders or zips), not a list of files: a baseline of "
            "only the changed components would replace the project's; {} was not written\n",
            w.write_baseline);
        return false;
      }
      std::vector<BaselineEntry> entries = baseline_entries(report);
      write_baseline(w.write_baseline, entries, report.tool_version);
      mark_baselined(report, w.write_baseline);
      err << fmt::format("calint: wrote {} finding{} to the baseline {}\n", entries.size(),
                         entries.size() == 1 ? "" : "s", w.write_baseline);
    }
    if (w.update_baseline && baseline) {
      std::vector<BaselineEntry> kept = updated_baseline(*baseline, report);
      write_baseline(w.baseline, kept, report.tool_version);
      std::size_t removed = baseline->entries.size() - kept.size();
      err << fmt::format("calint: updated the baseline {}: {} fixed entr{} removed, {} kept\n", w.baseline, removed,
                         removed == 1 ? "y" : "ies", kept.size());
    }
  } catch (const BaselineError& e) {
    err << e.what() << '\n';
    return false;
  }
  return true;
}

}  // namespace calint
