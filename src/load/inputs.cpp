#include "load/inputs.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "core/text.h"
#include "load/discover.h"
#include "load/metadata_types.h"
#include "load/project_source.h"

namespace fs = std::filesystem;

namespace calint {

namespace {

/// One file of a file list.
struct ListedFile {
  std::string given;  ///< as on the command line
  fs::path absolute;  ///< lexically normal
  const load::MetaTypeInfo* type = nullptr;
  std::string base;
  bool exists = true;
};

/// A missing path is taken for a deleted file when its last part has a suffix (`X.cls`,
/// `Y.connectedApp-meta.xml`); `no/such/export` stays an error.
bool named_like_a_file(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  auto dot = name.rfind('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < name.size();
}

/// The nearest folder at or above `p` that exists (a deleted file's folder may be gone too).
fs::path existing_folder(fs::path p) {
  std::error_code ec;
  while (!p.empty() && p != p.root_path() && !fs::is_directory(p, ec)) p = p.parent_path();
  return p.empty() ? fs::path("/") : p;
}

/// Where a file outside any project sits in its export: above the type folder a retrieve puts it in
/// (`.../connectedApps/X.connectedApp` -> `...`, where `profiles/` and `settings/` are too), else
/// its own folder.
fs::path metadata_root(const ListedFile& f) {
  fs::path folder = existing_folder(f.absolute.parent_path());
  if (folder == f.absolute.parent_path() && folder.filename() == f.type->folder && folder.has_parent_path() &&
      folder.parent_path() != folder) {
    return folder.parent_path();
  }
  return folder;
}

/// The deepest folder holding every one of `folders`.
fs::path common_parent(const std::vector<fs::path>& folders) {
  fs::path common = folders.front();
  for (const auto& f : folders) {
    fs::path next;
    auto a = common.begin();
    auto b = f.begin();
    for (; a != common.end() && b != f.end() && *a == *b; ++a, ++b) next /= *a;
    common = next;
  }
  return common.empty() ? fs::path("/") : common;
}

/// How to show `root` to the user: relative to the current folder when the paths were given that
/// way, so reports and code-scanning tools resolve it from where calint ran.
std::string root_display(const fs::path& root, bool relative) {
  if (!relative) return root.string();
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return root.string();
  fs::path rel = root.lexically_relative(cwd);
  if (rel.empty()) return root.string();
  std::string s = rel.string();
  return s.empty() ? std::string(".") : s;
}

}  // namespace

std::string find_project_root(const std::string& folder) {
  std::error_code ec;
  fs::path start(folder);
  // The repository bounds the search: a sfdx-project.json above it belongs to something else.
  fs::path stop;
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) {
      stop = p;
      break;
    }
    if (p == p.root_path()) break;
  }
  for (const char* marker : {"sfdx-project.json", "package.xml"}) {
    for (fs::path p = start; !p.empty(); p = p.parent_path()) {
      if (fs::is_regular_file(p / marker, ec)) return p.string();
      if (p == stop || p == p.root_path()) break;
    }
  }
  return {};
}

namespace {

/// What the paths of a command line are, before they become exports.
struct Sorted {
  std::vector<ListedFile> files;  ///< files calint reads (existing or deleted)
  std::size_t irrelevant = 0;     ///< files calint does not read
  std::string first_irrelevant;
  bool relative = true;  ///< every file was given relative to the current folder
};

/// Folders and zips become whole exports in `plan`; files go into the returned list.
Sorted sort_paths(const std::vector<std::string>& paths, const PlanOptions& options, InputPlan& plan) {
  Sorted sorted;
  for (const auto& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    bool exists = !ec && fs::exists(status);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
      plan.errors.push_back({path, fmt::format("cannot read: {}", ec.message())});
      continue;
    }
    if (exists && fs::is_directory(status)) {
      if (options.changed_files) {
        plan.notes.push_back(
            fmt::format("{}: a changed folder (a submodule?) is not audited in a changed-file list", path));
      } else {
        plan.exports.push_back({open_source(path, options.source), false, {}});
      }
      continue;
    }
    if (exists && load::is_zip_path(path)) {
      plan.exports.push_back({open_source(path, options.source), false, {}});
      continue;
    }
    if (!exists && !options.changed_files &&
        (!named_like_a_file(path) || to_lower(fs::path(path).extension().string()) == ".zip")) {
      plan.errors.push_back({path, "cannot read: No such file or directory"});
      continue;
    }
    ListedFile f;
    f.given = path;
    f.absolute = fs::absolute(path, ec).lexically_normal();
    f.exists = exists;
    f.type = load::classify_file_name(f.absolute.filename().string(), &f.base);
    if (!f.type) {
      if (sorted.irrelevant++ == 0) sorted.first_irrelevant = path;
      continue;
    }
    if (fs::path(path).is_absolute()) sorted.relative = false;
    sorted.files.push_back(std::move(f));
  }
  return sorted;
}

/// Files inside one project are one partial export; files outside any project, one more.
void group_files(const Sorted& sorted, const PlanOptions& options, InputPlan& plan) {
  std::map<std::string, std::vector<const ListedFile*>> by_root;
  std::vector<const ListedFile*> loose;
  for (const auto& f : sorted.files) {
    std::string root = find_project_root(existing_folder(f.absolute.parent_path()).string());
    if (root.empty())
      loose.push_back(&f);
    else
      by_root[root].push_back(&f);
  }
  if (!loose.empty()) {
    std::vector<fs::path> folders;
    folders.reserve(loose.size());
    for (const auto* f : loose) folders.push_back(metadata_root(*f));
    fs::path common = common_parent(folders);
    if (common != common.root_path()) {
      auto& members = by_root[common.string()];
      members.insert(members.end(), loose.begin(), loose.end());
    } else {
      // Files with nothing in common but the filesystem root: each folder is a root of its own
      // (never walk the whole disk).
      for (std::size_t i = 0; i < loose.size(); ++i) by_root[folders[i].string()].push_back(loose[i]);
    }
  }
  for (const auto& [root, members] : by_root) {
    PlannedExport e;
    e.partial = true;
    std::vector<load::GivenFile> given;
    for (const auto* f : members) {
      if (f->exists) {
        given.push_back({f->given, f->absolute.string()});
        continue;
      }
      std::string name = f->type->type == MetaType::Profile ? url_decode(f->base) : f->base;
      e.deleted.push_back({f->given, f->type->type, name});
      plan.notes.push_back(fmt::format("{}: no longer exists (deleted), skipped", f->given));
    }
    e.source = load::make_project_source(root, root_display(fs::path(root), sorted.relative), std::move(given),
                                         options.source.limits.max_file_size);
    plan.exports.push_back(std::move(e));
  }
}

}  // namespace

InputPlan plan_inputs(const std::vector<std::string>& paths, const PlanOptions& options) {
  InputPlan plan;
  Sorted sorted = sort_paths(paths, options, plan);
  if (!sorted.files.empty()) {
    group_files(sorted, options, plan);
    return plan;
  }
  plan.nothing_relevant = (sorted.irrelevant > 0 || paths.empty()) && plan.exports.empty() && plan.errors.empty();
  if (paths.empty()) {
    plan.notes.emplace_back("nothing relevant changed: no file changed");
  } else if (plan.nothing_relevant) {
    std::string what = sorted.irrelevant == 1 ? fmt::format("{} is not", sorted.first_irrelevant)
                                              : fmt::format("none of the {} files given is", sorted.irrelevant);
    plan.notes.push_back(
        fmt::format("nothing relevant changed: {} metadata calint reads (Connected Apps, External Client Apps, "
                    "settings, profiles, permission sets)",
                    what));
  }
  return plan;
}

}  // namespace calint
