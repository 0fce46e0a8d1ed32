#include "report/location.h"

#include <filesystem>

#include <fmt/format.h>

#include "core/text.h"

namespace fs = std::filesystem;

namespace calint {

ZipPath split_zip(std::string_view display_path) {
  for (std::size_t at = display_path.find("!/"); at != std::string_view::npos; at = display_path.find("!/", at + 1)) {
    std::string_view archive = display_path.substr(0, at);
    if (archive.size() > 4 && iequals(archive.substr(archive.size() - 4), ".zip")) {
      return {archive, display_path.substr(at + 2)};
    }
  }
  return {display_path, {}};
}

RootedPath under_srcroot(std::string_view display_path, const FormatOptions& options) {
  fs::path p(display_path);
  if (p.is_relative()) p = fs::path(options.cwd) / p;
  p = p.lexically_normal();
  fs::path root = fs::path(options.srcroot).lexically_normal();
  if (!options.srcroot.empty()) {
    fs::path rel = p.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != ".." && rel != ".") return {rel.generic_string(), true};
  }
  return {p.generic_string(), false};
}

std::string file_uri(std::string_view absolute_path) { return "file://" + percent_encode_path(absolute_path); }

std::string Placement::note(const std::string& anchor_display) const {
  if (org_wide) {
    return fmt::format(" (org-wide: no file holds this setting, so it is shown at line 1 of {})", anchor_display);
  }
  if (!zip_entry.empty()) {
    return fmt::format(" (in {}, line {}, column {}; shown at line 1 of the zip)", zip_entry, entry_line, entry_column);
  }
  return {};
}

Placement place(const Finding& f, const Report& report, const FormatOptions& options) {
  Placement p;
  std::string_view display = f.file;
  if (display.empty()) {
    display = report.anchor(f.export_index);
    p.org_wide = true;
    if (display.empty()) {
      p.placed = false;
      return p;
    }
  } else {
    p.line = f.line;
    p.column = f.column;
  }
  ZipPath zip = split_zip(display);
  if (!zip.entry.empty()) {
    if (!p.org_wide) {
      p.zip_entry = std::string(zip.entry);
      p.entry_line = f.line;
      p.entry_column = f.column;
    }
    p.line = 1;
    p.column = 0;
  }
  if (p.org_wide) {
    p.line = 1;
    p.column = 0;
  }
  p.file = under_srcroot(zip.archive, options);
  return p;
}

}  // namespace calint
