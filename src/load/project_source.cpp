#include "load/project_source.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "load/discover.h"
#include "load/metadata_types.h"

namespace fs = std::filesystem;

namespace calint::load {

namespace {

/// `p` relative to `root`, both resolved through symlinks where they exist, '/'-separated; empty
/// when `p` is not below `root`.
std::string relative_below(const fs::path& p, const fs::path& canonical_root) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(p, ec);
  if (ec) real = p;
  fs::path rel = real.lexically_relative(canonical_root);
  if (rel.empty() || *rel.begin() == "..") return {};
  return rel.generic_string();
}

class ProjectSource : public ExportSource {
 public:
  ProjectSource(std::string root, std::string display, std::vector<GivenFile> given, std::uint64_t max_file_size)
      : root_(std::move(root)), display_(std::move(display)), given_(std::move(given)), max_file_size_(max_file_size) {}

  [[nodiscard]] const std::string& root() const override { return display_; }

  [[nodiscard]] Listing list() const override {
    Listing out = discover(root_, display_);
    std::error_code ec;
    fs::path canonical_root = fs::canonical(root_, ec);
    if (ec) canonical_root = root_;
    std::map<std::string, const GivenFile*> by_rel;
    for (const auto& g : given_) by_rel.emplace(relative_below(g.absolute, canonical_root), &g);
    for (auto& f : out.files) {
      auto it = by_rel.find(f.rel_path);
      if (it == by_rel.end()) continue;
      f.given = true;
      f.display_path = it->second->display;
      by_rel.erase(it);
    }
    // Given files the walk did not list: under a skipped folder, or reached through a link.
    for (const auto& [rel, g] : by_rel) {
      fs::path name = fs::path(g->absolute).filename();
      std::string base;
      const MetaTypeInfo* type = classify_file_name(name.string(), &base);
      if (!type) continue;  // the planner only passes files calint reads
      std::string key = rel.empty() ? g->absolute : rel;
      ExportFile f = make_export_file(*type, std::move(base), g->display, key);
      f.given = true;
      extra_[key] = g->absolute;
      out.files.push_back(std::move(f));
    }
    std::sort(out.files.begin(), out.files.end(),
              [](const ExportFile& a, const ExportFile& b) { return a.rel_path < b.rel_path; });
    return out;
  }

  /// The display root names a folder from the current one, so the project file is found through it.
  [[nodiscard]] std::string project_file() const override { return find_project_file(display_); }

  bool read(const ExportFile& file, std::string& bytes, std::string& error) const override {
    auto it = extra_.find(file.rel_path);
    std::string path = it != extra_.end() ? it->second : (fs::path(root_) / file.rel_path).string();
    return read_whole_file(path, bytes, error, max_file_size_);
  }

 private:
  std::string root_;
  std::string display_;
  std::vector<GivenFile> given_;
  std::uint64_t max_file_size_;
  /// Given files outside the walk, by their key in the listing; filled by list(), read by read().
  mutable std::map<std::string, std::string> extra_;
};

}  // namespace

std::unique_ptr<ExportSource> make_project_source(std::string root, std::string display, std::vector<GivenFile> given,
                                                  std::uint64_t max_file_size) {
  return std::make_unique<ProjectSource>(std::move(root), std::move(display), std::move(given), max_file_size);
}

}  // namespace calint::load
