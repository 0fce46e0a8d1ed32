#include "load/discover.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "core/text.h"

namespace fs = std::filesystem;

namespace calint {

namespace {

struct SuffixEntry {
  std::string_view suffix;
  MetaType type;
};

// Longest suffixes first within each type so `.ecaOauthPlcy` is not taken for `.ecaOauth`.
constexpr std::array kSuffixes = {
    SuffixEntry{".connectedApp", MetaType::ConnectedApp},
    SuffixEntry{".ecaOauthSecurity", MetaType::EcaOauthSecurity},
    SuffixEntry{".ecaOauthPlcy", MetaType::EcaOauthPolicy},
    SuffixEntry{".ecaGlblOauth", MetaType::EcaGlobalOauth},
    SuffixEntry{".ecaSamlPlcy", MetaType::EcaSamlPolicy},
    SuffixEntry{".ecaOauth", MetaType::EcaOauthSettings},
    SuffixEntry{".ecaPlcy", MetaType::EcaPolicy},
    SuffixEntry{".eca", MetaType::ExternalClientApp},
    SuffixEntry{".settings", MetaType::Settings},
    SuffixEntry{".profile", MetaType::Profile},
    SuffixEntry{".permissionset", MetaType::PermissionSet},
};

constexpr std::string_view kMetaXml = "-meta.xml";

std::string component_type_of(MetaType t) {
  switch (t) {
    case MetaType::ConnectedApp:
      return "ConnectedApp";
    case MetaType::Settings:
      return "Settings";
    case MetaType::Profile:
      return "Profile";
    case MetaType::PermissionSet:
      return "PermissionSet";
    default:
      return "ExternalClientApplication";
  }
}

bool skipped_directory(const std::string& name) {
  return name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules";
}

std::string join_display(const std::string& root, const std::string& rel) {
  if (rel.empty()) return root;
  if (root.empty() || root == ".") return rel;
  if (root.back() == '/') return root + rel;
  return root + "/" + rel;
}

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

std::string error_text(const std::error_code& ec) { return ec.message(); }

ExportFile make_file(MetaType type, std::string base, const std::string& root_display, const std::string& rel) {
  ExportFile f;
  f.type = type;
  f.display_path = join_display(root_display, rel);
  f.rel_path = rel;
  f.component_type = component_type_of(type);
  f.component_name = type == MetaType::Profile ? url_decode(base) : base;
  f.base_name = std::move(base);
  return f;
}

}  // namespace

std::optional<MetaType> classify_file_name(std::string_view name, std::string* base) {
  std::string_view stem = name;
  if (stem.size() > kMetaXml.size() && stem.substr(stem.size() - kMetaXml.size()) == kMetaXml) {
    stem.remove_suffix(kMetaXml.size());
  }
  for (const auto& entry : kSuffixes) {
    if (stem.size() > entry.suffix.size() && stem.substr(stem.size() - entry.suffix.size()) == entry.suffix) {
      if (base) *base = std::string(stem.substr(0, stem.size() - entry.suffix.size()));
      return entry.type;
    }
  }
  return std::nullopt;
}

bool is_audited_settings(std::string_view base) {
  return base == "MyDomain" || base == "OauthOidc" || base == "ConnectedApp" || base == "Security" ||
         base == "ExternalClientApp";
}

std::optional<MetaType> audited_type(std::string_view file_name, std::string* base) {
  std::string stem;
  auto type = classify_file_name(file_name, &stem);
  if (!type || (*type == MetaType::Settings && !is_audited_settings(stem))) return std::nullopt;
  if (base) *base = std::move(stem);
  return type;
}

Discovered discover(const std::string& path) {
  Discovered out;
  out.root_display = path;
  std::error_code ec;
  fs::path root(path);
  auto status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    out.errors.push_back({path, fmt::format("cannot read: {}", ec ? error_text(ec) : "No such file or directory")});
    return out;
  }

  auto consider = [&](const std::string& file_name, const std::string& rel) {
    std::string base;
    auto type = audited_type(file_name, &base);
    if (!type) {
      ++out.skipped;
      return;
    }
    out.files.push_back(make_file(*type, std::move(base), path, rel));
  };

  if (!fs::is_directory(status)) {
    if (!fs::is_regular_file(status)) {
      out.errors.push_back({path, "cannot read: not a regular file or folder"});
      return out;
    }
    std::string file_name = root.filename().string();
    std::string base;
    auto type = audited_type(file_name, &base);
    if (!type) {
      out.errors.push_back({path,
                            "not a metadata file calint reads (expected a folder, or a .connectedApp, "
                            ".eca*, .settings, .profile or .permissionset file)"});
      return out;
    }
    out.files.push_back(make_file(*type, std::move(base), "", path));
    out.files.back().rel_path = file_name;
    return out;
  }

  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) {
    out.errors.push_back({path, fmt::format("cannot read: {}", error_text(ec))});
    return out;
  }
  // Real folders are walked first; folders reached through a link only afterwards, and only when
  // the link stays inside the tree and leads somewhere not yet visited. That keeps paths canonical
  // and makes loops impossible.
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
  std::set<fs::path> visited_dirs{canonical_root};
  std::vector<Dir> stack{{root, canonical_root, ""}};
  std::vector<Dir> deferred_links;
  std::vector<Candidate> candidates;
  while (!stack.empty() || !deferred_links.empty()) {
    Dir dir;
    if (!stack.empty()) {
      dir = std::move(stack.back());
      stack.pop_back();
    } else {
      dir = std::move(deferred_links.back());
      deferred_links.pop_back();
      if (!visited_dirs.insert(dir.canonical).second) continue;
    }
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(dir.disk, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
      out.errors.push_back({join_display(path, dir.rel), fmt::format("cannot read folder: {}", error_text(ec))});
      ec.clear();
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const auto& entry : entries) {
      std::string name = entry.path().filename().string();
      std::string rel = dir.rel.empty() ? name : dir.rel + "/" + name;
      std::error_code sec;
      auto lstatus = entry.symlink_status(sec);
      bool is_link = fs::is_symlink(lstatus);
      fs::file_status target_status = is_link ? entry.status(sec) : lstatus;
      if (sec) {
        if (is_link) {
          ++out.skipped;  // dangling link: nothing to read
          continue;
        }
        out.errors.push_back({join_display(path, rel), fmt::format("cannot read: {}", error_text(sec))});
        continue;
      }
      fs::path canonical = dir.canonical / name;
      if (is_link) {
        canonical = fs::canonical(entry.path(), sec);
        if (sec || !inside(canonical_root, canonical)) {
          ++out.skipped;  // a link leading out of the tree is never followed
          continue;
        }
      }
      if (fs::is_directory(target_status)) {
        if (skipped_directory(name)) continue;
        if (is_link) {
          deferred_links.push_back({entry.path(), canonical, rel});
        } else if (visited_dirs.insert(canonical).second) {
          stack.push_back({entry.path(), canonical, rel});
        }
      } else if (fs::is_regular_file(target_status)) {
        candidates.push_back({name, rel, canonical, is_link});
      } else {
        ++out.skipped;
      }
    }
  }
  // A file reached both directly and through an in-tree link is audited once: the direct path wins.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.canonical, a.via_link, a.rel) < std::tie(b.canonical, b.via_link, b.rel);
  });
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0 && candidates[i].canonical == candidates[i - 1].canonical) continue;
    consider(candidates[i].name, candidates[i].rel);
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const ExportFile& a, const ExportFile& b) { return a.rel_path < b.rel_path; });
  return out;
}

}  // namespace calint
