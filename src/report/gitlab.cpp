// GitLab Code Quality: a JSON array of issues for the merge-request widget
// (https://docs.gitlab.com/ci/testing/code_quality/). Suppressed findings are left out; a finding
// without a file of its own is placed at its export's project file.
#include <nlohmann/json.hpp>

#include "report/formats.h"
#include "report/json_dump.h"
#include "report/location.h"

namespace calint {

namespace {

std::string_view gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Critical:
      return "blocker";
    case Severity::High:
      return "critical";
    case Severity::Medium:
      return "major";
    case Severity::Low:
      return "minor";
    case Severity::Info:
      break;
  }
  return "info";
}

}  // namespace

void write_gitlab(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  using Json = nlohmann::ordered_json;
  const Report& report = view.report;
  out << '[';
  bool first = true;
  for (const auto& f : report.findings) {
    if (f.suppressed()) continue;
    Placement at = place(f, report, options);
    if (!at.placed) continue;
    std::string description = f.rule + " " + f.name + ": " + f.message + at.note(report.anchor(f.export_index));
    Json issue = {{"type", "issue"},
                  {"check_name", f.rule},
                  {"description", description},
                  {"categories", {"Security"}},
                  {"fingerprint", f.fingerprint},
                  {"severity", gitlab_severity(f.severity)},
                  {"location", {{"path", at.file.path}, {"lines", {{"begin", at.line}}}}}};
    out << (first ? "\n  " : ",\n  ") << dump_json(issue, -1);
    first = false;
  }
  out << (first ? "]\n" : "\n]\n");
}

}  // namespace calint
