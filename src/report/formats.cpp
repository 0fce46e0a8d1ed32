#include "report/formats.h"

#include <array>

namespace calint {

// One file per format.
void write_text(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_json(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_sarif(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_html(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_markdown(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_junit(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_csv(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_gitlab(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_github(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_inventory(std::ostream& out, const ReportView& view, const FormatOptions& options);

namespace {

constexpr std::array kFormats = {
    Format{"text", "findings grouped by component, for a terminal", write_text},
    Format{"json", "the whole report as one JSON object (schemas/report.schema.json); `calint render` reads it",
           write_json},
    Format{"sarif", "SARIF 2.1.0, for GitHub code scanning and SARIF viewers", write_sarif},
    Format{"html", "one self-contained page with charts and the app inventory, for a security review", write_html},
    Format{"markdown", "a pull-request comment or GitHub job summary (under 60,000 characters)", write_markdown},
    Format{"junit", "JUnit XML: a test suite per rule, for the test tab of Jenkins, GitLab and Azure DevOps",
           write_junit},
    Format{"csv", "one row per finding, for a spreadsheet", write_csv},
    Format{"gitlab", "GitLab Code Quality JSON, for the merge-request widget", write_gitlab},
    Format{"github", "GitHub workflow commands: inline pull-request annotations", write_github},
    Format{"inventory", "the app inventory as CSV, one row per Connected App and External Client App", write_inventory},
};

}  // namespace

std::span<const Format> formats() { return kFormats; }

const Format* find_format(std::string_view name) {
  for (const auto& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string format_names() {
  std::string out;
  for (const auto& f : kFormats) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

}  // namespace calint
