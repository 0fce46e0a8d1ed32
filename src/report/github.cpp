// GitHub workflow commands: one annotation per finding that counts, most severe first (GitHub
// shows only the first 10 errors and 10 warnings of a step), escaped as @actions/core escapes them.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "report/formats.h"
#include "report/location.h"

namespace calint {

namespace {

/// A message: %, CR and LF escaped as @actions/core does; other control characters (which the log
/// viewer would read as colours and cursor moves) shown as \xNN.
std::string escape_data(std::string_view raw) {
  std::string s = escape_controls(raw, "\r\n");
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

/// A property value: also ':' and ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string_view command(Severity s) {
  if (s >= Severity::High) return "error";
  if (s == Severity::Medium) return "warning";
  return "notice";
}

}  // namespace

void write_github(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  // New findings before those unchanged since a baseline, then most severe first.
  std::vector<const Finding*> order = view.by_severity_order;
  std::stable_sort(order.begin(), order.end(), [](const Finding* a, const Finding* b) {
    return a->baseline != BaselineState::Unchanged && b->baseline == BaselineState::Unchanged;
  });
  for (const Finding* f : order) {
    Placement at = place(*f, report, options);
    std::string message = fmt::format("{}: {}", to_string(f->severity), f->message);
    if (!f->component.name.empty()) {
      message += fmt::format(" [{} {}]", f->component.type, f->component.name);
    }
    message += at.note(report.anchor(f->export_index));
    if (f->baseline == BaselineState::Unchanged) message += " (unchanged since the baseline)";
    std::string properties;
    if (at.placed) {
      properties = fmt::format("file={},line={}", escape_property(at.file.path), at.line);
      if (at.column > 0) properties += fmt::format(",col={}", at.column);
      properties += ",";
    }
    properties += "title=" + escape_property(f->rule + " " + f->name);
    out << "::" << command(f->severity) << ' ' << properties << "::" << escape_data(message) << '\n';
  }
}

}  // namespace calint
