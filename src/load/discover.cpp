#include "load/discover.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
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

/// `name` appended to the folder path `dir` ("dir/name"; no doubled separator).
std::string child_path(const std::string& dir, std::string_view name) {
  std::string out;
  out.reserve(dir.size() + 1 + name.size());
  out.append(dir);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

/// Whether the canonical path `p` is `root` or lies under it (whole path segments).
bool inside(std::string_view root, std::string_view p) {
  if (p.substr(0, root.size()) != root) return false;
  return p.size() == root.size() || root.back() == '/' || p[root.size()] == '/';
}

std::string errno_text(int error) { return std::error_code(error, std::generic_category()).message(); }

/// The canonical form of `path` (links resolved), or "" when it cannot be resolved.
std::string canonical_of(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return {};
  std::string out(resolved);
  std::free(resolved);  // NOLINT(cppcoreguidelines-no-malloc): realpath's buffer
  return out;
}

enum class Kind : std::uint8_t { Directory, Regular, Other, Unknown };

Kind kind_of_mode(mode_t mode) {
  if (S_ISDIR(mode)) return Kind::Directory;
  if (S_ISREG(mode)) return Kind::Regular;
  return Kind::Other;
}

/// Walks a folder. Real folders are walked first; folders reached through a link only afterwards,
/// and only when the link stays inside the tree and leads somewhere not yet visited. That keeps
/// paths canonical and makes loops impossible.
///
/// Plain POSIX reads with string paths: the file type comes from the directory entry (no stat
/// per file), and only links and file systems that do not report types are stat'ed. A 20,000-file
/// export is listed in a few milliseconds.
class FolderWalk {
 public:
  FolderWalk(const std::string& path, std::string root, std::string canonical_root, Listing& out)
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
    std::string disk;
    std::string canonical;
    std::string rel;
  };
  struct Entry {
    std::string name;
    Kind kind;  // without following a link; Unknown when the directory did not say
    bool link;
  };
  struct Candidate {
    std::string name;
    std::string rel;
    std::string canonical;
    bool via_link;
  };

  void visit(const Dir& dir) {
    std::vector<Entry> entries;
    DIR* handle = ::opendir(dir.disk.c_str());
    int error = handle == nullptr ? errno : 0;
    if (handle != nullptr) {
      while (true) {
        errno = 0;
        const dirent* e = ::readdir(handle);
        if (e == nullptr) {
          error = errno;
          break;
        }
        std::string_view name(e->d_name);
        if (name == "." || name == "..") continue;
        Kind kind = Kind::Unknown;
        bool link = false;
        switch (e->d_type) {
          case DT_DIR:
            kind = Kind::Directory;
            break;
          case DT_REG:
            kind = Kind::Regular;
            break;
          case DT_LNK:
            link = true;
            break;
          case DT_UNKNOWN:
            break;
          default:
            kind = Kind::Other;
            break;
        }
        entries.push_back({std::string(name), kind, link});
      }
      ::closedir(handle);
    }
    if (error != 0) {
      out_.errors.push_back({join_display(path_, dir.rel), fmt::format("cannot read folder: {}", errno_text(error))});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    folders_.push_back(dir.canonical);
    for (auto& entry : entries) visit_entry(dir, folders_.size() - 1, entry);
  }

  void visit_entry(const Dir& dir, std::size_t folder, Entry& entry) {
    if (entry.kind == Kind::Regular && !entry.link && classify_file_name(entry.name, nullptr) == nullptr) {
      // Most files of a project are no metadata calint reads: counted, and kept only by name in
      // case an in-tree link leads to them (list_files), with no path built.
      ++out_.skipped;
      unread_.push_back({folder, std::move(entry.name)});
      return;
    }
    std::string rel = dir.rel.empty() ? entry.name : child_path(dir.rel, entry.name);
    std::string disk = child_path(dir.disk, entry.name);
    struct stat st {};
    if (entry.kind == Kind::Unknown && !entry.link) {  // the file system did not say: ask
      if (::lstat(disk.c_str(), &st) != 0) {
        out_.errors.push_back({join_display(path_, rel), fmt::format("cannot read: {}", errno_text(errno))});
        return;
      }
      entry.link = S_ISLNK(st.st_mode);
      if (!entry.link) entry.kind = kind_of_mode(st.st_mode);
    }
    std::string canonical;
    if (entry.link) {
      if (::stat(disk.c_str(), &st) != 0) {
        ++out_.skipped;  // dangling link: nothing to read
        return;
      }
      entry.kind = kind_of_mode(st.st_mode);
      canonical = canonical_of(disk);
      if (canonical.empty() || !inside(canonical_root_, canonical)) {
        ++out_.skipped;  // a link leading out of the tree is never followed
        return;
      }
    } else {
      canonical = child_path(dir.canonical, entry.name);
    }
    if (entry.kind == Kind::Directory) {
      if (skipped_directory(entry.name)) return;
      if (entry.link) {
        deferred_links_.push_back({std::move(disk), std::move(canonical), std::move(rel)});
      } else if (visited_.insert(canonical).second) {
        stack_.push_back({std::move(disk), std::move(canonical), std::move(rel)});
      }
    } else if (entry.kind == Kind::Regular) {
      candidates_.push_back({std::move(entry.name), std::move(rel), std::move(canonical), entry.link});
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
    // A link to a file that is not read is that file: it stays unread, and is counted once.
    std::set<std::string> unread;
    if (std::any_of(candidates_.begin(), candidates_.end(), [](const Candidate& c) { return c.via_link; })) {
      for (const auto& [folder, name] : unread_) unread.insert(child_path(folders_[folder], name));
    }
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      if (i > 0 && c.canonical == candidates_[i - 1].canonical) continue;
      if (c.via_link && unread.contains(c.canonical)) continue;
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
  std::string canonical_root_;
  Listing& out_;
  std::set<std::string> visited_;
  std::vector<Dir> stack_;
  std::vector<Dir> deferred_links_;
  std::vector<Candidate> candidates_;
  std::vector<std::string> folders_;  ///< canonical paths of the folders visited
  /// Plain files (not links) that are no metadata calint reads: folder (in folders_) and name.
  std::vector<std::pair<std::size_t, std::string>> unread_;
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
    FolderWalk(display, path, canonical_root.string(), out).run();
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
