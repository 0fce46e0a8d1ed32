#include "report/diff_formats.h"

#include <array>

#include <fmt/format.h>

namespace calint {

// One file per format; SARIF is the audit's SARIF writer over the introduced findings.
void write_diff_text(std::ostream& out, const DiffReport& diff, const FormatOptions& options);
void write_diff_json(std::ostream& out, const DiffReport& diff, const FormatOptions& options);
void write_diff_markdown(std::ostream& out, const DiffReport& diff, const FormatOptions& options);

namespace {

void write_diff_sarif(std::ostream& out, const DiffReport& diff, const FormatOptions& options) {
  Report introduced = introduced_report(diff);
  find_format("sarif")->write(out, make_view(introduced), options);
}

constexpr std::array kDiffFormats = {
    DiffFormat{"text", "changes per app, classed, then findings introduced and fixed, for a terminal", write_diff_text},
    DiffFormat{"json", "the whole diff as one JSON object (schemas/diff.schema.json)", write_diff_json},
    DiffFormat{"markdown", "a pull-request comment (under 60,000 characters)", write_diff_markdown},
    DiffFormat{"sarif", "SARIF 2.1.0 of the findings the head introduces, for GitHub code scanning", write_diff_sarif},
};

}  // namespace

std::span<const DiffFormat> diff_formats() { return kDiffFormats; }

const DiffFormat* find_diff_format(std::string_view name) {
  for (const auto& f : kDiffFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string change_text(const PostureChange& c) {
  if (c.item == "app") {
    if (c.change == "migrated") return fmt::format("migrated: {} → {}", c.before, c.after);
    return fmt::format("app {}: {}", c.change, c.change == "added" ? c.after : c.before);
  }
  if (c.change == "added" || c.change == "removed") {
    const std::string& value = c.change == "added" ? c.after : c.before;
    return value.empty() ? fmt::format("{} {}", c.what, c.change) : fmt::format("{} {}: {}", c.what, c.change, value);
  }
  if (c.change == "enabled" || c.change == "disabled") return fmt::format("{} {}", c.what, c.change);
  if (c.before.empty() && c.after.empty()) return fmt::format("{} {}", c.what, c.change);
  return fmt::format("{}: {} → {}", c.what, c.before, c.after);
}

}  // namespace calint
