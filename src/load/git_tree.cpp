// `git:REF[:PATH]`: the tree at a git revision, read without checking it out (a subprocess, no
// shell, NUL-separated names: any file name a tree can hold is read as it is).
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "core/text.h"
#include "load/discover.h"
#include "load/git.h"
#include "load/metadata_types.h"

namespace fs = std::filesystem;

namespace calint::load {

namespace {

/// One blob of the tree calint reads.
struct TreeBlob {
  std::string oid;
  std::string rel;  ///< below the source's PATH
};

class GitTreeSource : public ExportSource {
 public:
  GitTreeSource(std::string ref, std::string path)
      : ref_(std::move(ref)),
        path_(std::move(path)),
        root_(path_.empty() ? "git:" + ref_ : fmt::format("git:{}:{}", ref_, path_)) {}

  [[nodiscard]] const std::string& root() const override { return root_; }
  [[nodiscard]] std::string project_file() const override { return project_file_; }

  [[nodiscard]] Listing list() const override {
    Listing out;
    if (auto why = list_into(out)) {
      out = Listing{};
      out.errors.push_back({root_, *why});
      out.root_unreadable = true;
    }
    return out;
  }

  bool read(const ExportFile& file, std::string& bytes, std::string& error) const override {
    auto it = contents_.find(file.rel_path);  // filled by list() before the loader's threads start
    if (it == contents_.end()) {
      error = "cannot read: not in the tree";
      return false;
    }
    bytes = it->second;
    return true;
  }

 private:
  /// Fills `out` and the contents; the reason when the revision or its PATH cannot be read.
  std::optional<std::string> list_into(Listing& out) const;
  std::optional<std::string> resolve(std::string& object, std::string& type) const;
  std::optional<std::string> read_blobs(const std::vector<TreeBlob>& blobs) const;
  [[nodiscard]] std::string display(const std::string& rel) const { return join_display(path_, rel); }

  std::string ref_;
  std::string path_;  ///< as given, relative to the current folder; "" for the current folder
  std::string root_;
  mutable std::map<std::string, std::string, std::less<>> contents_;  ///< rel -> bytes
  mutable std::string project_file_;
  mutable int project_rank_ = 0;
};

/// The object PATH names at REF: its id and type (tree, or blob for a single file).
std::optional<std::string> GitTreeSource::resolve(std::string& object, std::string& type) const {
  if (ref_.empty() || ref_.front() == '-') return fmt::format("'{}' is not a git revision", ref_);
  GitResult prefix = run_git({"rev-parse", "--show-prefix"});
  if (prefix.status < 0)
    return fmt::format("reading a git revision runs git, which could not be started: {}", prefix.err);
  if (prefix.status != 0) {
    std::error_code ec;
    return fmt::format("git:REF needs a git repository, and {} is not in one ({})", fs::current_path(ec).string(),
                       first_git_line(prefix.err));
  }
  GitResult commit = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", ref_ + "^{commit}"});
  if (commit.status != 0) {
    return fmt::format(
        "unknown git revision '{}' (for a pull request, fetch the base branch first: git fetch "
        "origin main, then git:origin/main)",
        ref_);
  }
  // PATH from the current folder, as a path from the top of the repository.
  fs::path in_repo = (fs::path(first_git_line(prefix.out)) / path_).lexically_normal();
  std::string rel = in_repo.generic_string();
  while (!rel.empty() && rel.back() == '/') rel.pop_back();
  if (rel == ".") rel.clear();
  if (rel == ".." || rel.starts_with("../")) return fmt::format("'{}' is outside the git repository", path_);
  std::string spec = first_git_line(commit.out) + ":" + rel;  // commit ids hold no ':'
  GitResult found = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", spec});
  if (found.status != 0) {
    return fmt::format("'{}' is not in the tree at {} (the path is read from the current folder)",
                       path_.empty() ? "." : path_, ref_);
  }
  object = first_git_line(found.out);
  GitResult kind = run_git({"cat-file", "-t", object});
  type = first_git_line(kind.out);
  if (kind.status != 0 || (type != "tree" && type != "blob")) {
    return fmt::format("'{}' at {} is neither a folder nor a file", path_, ref_);
  }
  return std::nullopt;
}

std::optional<std::string> GitTreeSource::list_into(Listing& out) const {
  std::string object;
  std::string type;
  if (auto why = resolve(object, type)) return why;
  std::vector<TreeBlob> blobs;
  auto consider = [&](std::string_view mode, std::string oid, std::string rel) {
    if (in_skipped_directory(rel)) return;
    auto slash = rel.rfind('/');
    std::string leaf = slash == std::string::npos ? rel : rel.substr(slash + 1);
    // The project file: sfdx-project.json before package.xml, the top before one folder down.
    if (slash == std::string::npos || rel.find('/') == slash) {
      bool top = slash == std::string::npos;
      int rank = leaf == "sfdx-project.json" ? (top ? 4 : 2) : leaf == "package.xml" ? (top ? 3 : 1) : 0;
      if (rank > project_rank_) {
        project_rank_ = rank;
        project_file_ = display(rel);
      }
    }
    std::string base;
    const MetaTypeInfo* info = classify_file_name(leaf, &base);
    // A symbolic link's blob is its target's name, not metadata.
    if (!info || mode == "120000") {
      ++out.skipped;
      return;
    }
    out.files.push_back(make_export_file(*info, std::move(base), display(rel), rel));
    blobs.push_back({std::move(oid), std::move(rel)});
  };
  if (type == "blob") {
    std::string leaf = fs::path(path_).filename().string();
    consider("100644", object, leaf);
    if (!out.files.empty()) out.files.back().display_path = path_;
  } else {
    GitResult tree = run_git({"ls-tree", "-r", "-z", "--full-tree", object});
    if (tree.status != 0) return fmt::format("git ls-tree failed ({})", first_git_line(tree.err));
    // "<mode> SP <type> SP <object> TAB <name>" records, each ended by NUL.
    std::size_t at = 0;
    while (at < tree.out.size()) {
      std::size_t end = tree.out.find('\0', at);
      if (end == std::string::npos) end = tree.out.size();
      std::string_view record(tree.out.data() + at, end - at);
      at = end + 1;
      auto tab = record.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view head = record.substr(0, tab);
      auto s1 = head.find(' ');
      auto s2 = head.find(' ', s1 + 1);
      if (s1 == std::string_view::npos || s2 == std::string_view::npos) continue;
      if (head.substr(s1 + 1, s2 - s1 - 1) != "blob") continue;  // a submodule's commit
      consider(head.substr(0, s1), std::string(head.substr(s2 + 1)), std::string(record.substr(tab + 1)));
    }
  }
  if (auto why = read_blobs(blobs)) return why;
  std::sort(out.files.begin(), out.files.end(),
            [](const ExportFile& a, const ExportFile& b) { return a.rel_path < b.rel_path; });
  return std::nullopt;
}

/// Every blob calint reads, in one `git cat-file --batch`: "<oid> <type> <size>\n<bytes>\n" each.
std::optional<std::string> GitTreeSource::read_blobs(const std::vector<TreeBlob>& blobs) const {
  if (blobs.empty()) return std::nullopt;
  std::string request;
  for (const auto& b : blobs) request += b.oid + "\n";
  GitResult batch = run_git({"cat-file", "--batch"}, request);
  if (batch.status != 0) return fmt::format("git cat-file failed ({})", first_git_line(batch.err));
  std::string_view rest = batch.out;
  for (const auto& b : blobs) {
    auto nl = rest.find('\n');
    if (nl == std::string_view::npos) return std::string("git cat-file ended early");
    std::string_view header = rest.substr(0, nl);
    auto space = header.rfind(' ');
    std::size_t size = 0;
    if (space == std::string_view::npos ||
        std::from_chars(header.data() + space + 1, header.data() + header.size(), size).ec != std::errc{} ||
        nl + 1 + size > rest.size()) {
      return fmt::format("git cat-file could not read {}", escape_controls(b.rel));
    }
    contents_[b.rel] = std::string(rest.substr(nl + 1, size));
    rest.remove_prefix(std::min(rest.size(), nl + 1 + size + 1));
  }
  return std::nullopt;
}

}  // namespace

std::unique_ptr<ExportSource> open_git_tree(const std::string& ref, const std::string& path) {
  return std::make_unique<GitTreeSource>(ref, path);
}

}  // namespace calint::load
