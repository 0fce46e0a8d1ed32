#include "load/discover.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "core/text.h"

namespace fs = std::filesystem;

namespace calint::load {

namespace {

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

std::string error_text(const std::error_code& ec) { return ec.message(); }

}  // namespace

bool skipped_directory(std::string_view name) {
  return name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules" || name == ".sf" ||
         name == ".sfdx" || name == ".husky";
}

bool in_skipped_directory(std::string_view rel) {
  std::size_t start = 0;
  while (true) {
    std::size_t end = rel.find('/', start);
    if (end == std::string_view::npos) return false;  // the last segment is the file itself
    if (skipped_directory(rel.substr(start, end - start))) return true;
    start = end + 1;
  }
}

bool is_zip_path(const std::string& path) {
  if (path.size() < 4) return false;
  std::string suffix = to_lower(std::string_view(path).substr(path.size() - 4));
  if (suffix != ".zip") return false;
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

std::string join_display(const std::string& root, const std::string& rel) {
  if (rel.empty()) return root;
  if (root.empty() || root == ".") return rel;
  if (root.back() == '/') return root + rel;
  return root + "/" + rel;
}

ExportFile make_export_file(const MetaTypeInfo& type, std::string base, std::string display_path,
                            std::string rel_path) {
  ExportFile f;
  f.type = type.type;
  f.display_path = std::move(display_path);
  f.rel_path = std::move(rel_path);
  f.component_type = type.component_type;
  f.label = type.label;
  f.component_name = type.type == MetaType::Profile ? url_decode(base) : base;
  f.base_name = std::move(base);
  return f;
}

namespace {

/// Walks a folder. Real folders are walked first; folders reached through a link only afterwards,
/// and only when the link stays inside the tree and leads somewhere not yet visited. That keeps
/// paths canonical and makes loops impossible.
class FolderWalk {
 public:
  FolderWalk(const std::string& path, fs::path root, fs::path canonical_root, Listing& out)
      : path_(path), canonical_root_(std::move(canonical_root)), out_(out) {
    visited_.insert(canonical_root_);
    stack_.push_back({std::move(root), canonical_root_, ""});
  }

  void run() {
    while (!stack_.empty() || !deferred_links_.empty()) {
      Dir dir;
      if (!stack_.empty()) {
        dir = std::move(stack_.back());
        stack_.pop_back();
      } else {
        dir = std::move(deferred_links_.back());
        deferred_links_.pop_back();
        if (!visited_.insert(dir.canonical).second) continue;
      }
      visit(dir);
    }
    list_files();
  }

 private:
  struct Dir {
    fs::path disk;
    fs::path canonical;
    std::string rel;
  };
  struct Candidate {
    std::string name;
    std::string rel;
    fs::path canonical;
    bool via_link;
  };

  void visit(const Dir& dir) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(dir.disk, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
      out_.errors.push_back({join_display(path_, dir.rel), fmt::format("cannot read folder: {}", error_text(ec))});
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const auto& entry : entries) visit_entry(dir, entry);
  }

  void visit_entry(const Dir& dir, const fs::directory_entry& entry) {
    std::string name = entry.path().filename().string();
    std::string rel = dir.rel.empty() ? name : dir.rel + "/" + name;
    std::error_code ec;
    auto lstatus = entry.symlink_status(ec);
    bool is_link = fs::is_symlink(lstatus);
    fs::file_status target_status = is_link ? entry.status(ec) : lstatus;
    if (ec) {
      if (is_link) {
        ++out_.skipped;  // dangling link: nothing to read
        return;
      }
      out_.errors.push_back({join_display(path_, rel), fmt::format("cannot read: {}", error_text(ec))});
      return;
    }
    fs::path canonical = dir.canonical / name;
    if (is_link) {
      canonical = fs::canonical(entry.path(), ec);
      if (ec || !inside(canonical_root_, canonical)) {
        ++out_.skipped;  // a link leading out of the tree is never followed
        return;
      }
    }
    if (fs::is_directory(target_status)) {
      if (skipped_directory(name)) return;
      if (is_link) {
        deferred_links_.push_back({entry.path(), canonical, rel});
      } else if (visited_.insert(canonical).second) {
        stack_.push_back({entry.path(), canonical, rel});
      }
    } else if (fs::is_regular_file(target_status)) {
      candidates_.push_back({name, rel, canonical, is_link});
    } else {
      ++out_.skipped;
    }
  }

  /// Classifies the files found. One reached both directly and through an in-tree link is listed
  /// once: the direct path wins.
  void list_files() {
    std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.canonical, a.via_link, a.rel) < std::tie(b.canonical, b.via_link, b.rel);
    });
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      if (i > 0 && c.canonical == candidates_[i - 1].canonical) continue;
      std::string base;
      const MetaTypeInfo* type = classify_file_name(c.name, &base);
      if (!type) {
        ++out_.skipped;
        continue;
      }
      out_.files.push_back(make_export_file(*type, std::move(base), join_display(path_, c.rel), c.rel));
    }
    std::sort(out_.files.begin(), out_.files.end(),
              [](const ExportFile& a, const ExportFile& b) { return a.rel_path < b.rel_path; });
  }

  const std::string& path_;
  fs::path canonical_root_;
  Listing& out_;
  std::set<fs::path> visited_;
  std::vector<Dir> stack_;
  std::vector<Dir> deferred_links_;
  std::vector<Candidate> candidates_;
};

}  // namespace

Listing discover(const std::string& path) { return discover(path, path); }

Listing discover(const std::string& path, const std::string& display) {
  Listing out;
  auto fail = [&](std::string message) {
    out.errors.push_back({display, std::move(message)});
    out.root_unreadable = true;
    return std::move(out);
  };
  std::error_code ec;
  fs::path root(path);
  auto status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    return fail(fmt::format("cannot read: {}", ec ? error_text(ec) : "No such file or directory"));
  }
  if (fs::is_directory(status)) {
    fs::path canonical_root = fs::canonical(root, ec);
    if (ec) return fail(fmt::format("cannot read: {}", error_text(ec)));
    FolderWalk(display, root, canonical_root, out).run();
    return out;
  }
  if (!fs::is_regular_file(status)) return fail("cannot read: not a regular file or folder");
  std::string file_name = root.filename().string();
  std::string base;
  const MetaTypeInfo* type = classify_file_name(file_name, &base);
  if (!type) {
    return fail(
        "not a metadata file calint reads (expected a folder, or a .connectedApp, .eca*, .settings, .profile or "
        ".permissionset file)");
  }
  out.files.push_back(make_export_file(*type, std::move(base), path, file_name));
  return out;
}

}  // namespace calint::load
