#include <array>

#include <fmt/format.h>

#include "core/text.h"
#include "report/formats.h"

namespace calint {

namespace {

struct Style {
  bool on;
  [[nodiscard]] std::string wrap(std::string_view text, std::string_view code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
  }
  [[nodiscard]] std::string severity(Severity s) const {
    static constexpr std::array<std::string_view, kSeverities.size()> kColors = {"2", "36", "33", "1;31", "1;35"};
    return wrap(to_string(s), kColors[static_cast<std::size_t>(s)]);  // info .. critical
  }
  [[nodiscard]] std::string bold(std::string_view t) const { return wrap(t, "1"); }
};

std::string location(const Finding& f, const Report& report) {
  if (!f.file.empty()) return fmt::format("{}:{}:{}", escape_controls(f.file), f.line, f.column);
  const std::string& root = report.root(f.export_index);
  return root.empty() ? std::string("(org-wide)") : escape_controls(root);
}

std::string heading(const Finding& f, const Report& report) {
  std::string h = fmt::format("{} {}", escape_controls(f.component.type), escape_controls(f.component.name));
  if (!f.component.label.empty() && f.component.label != f.component.name) {
    h += fmt::format(" ({})", escape_controls(f.component.label));
  }
  if (report.roots.size() > 1 && !report.root(f.export_index).empty()) {
    h += fmt::format(" in {}", escape_controls(report.root(f.export_index)));
  }
  if (!f.same_as.type.empty()) {
    h += fmt::format(" - same integration as {} {}", escape_controls(f.same_as.type), escape_controls(f.same_as.name));
  }
  return h;
}

std::string tags(const Finding& f) {
  std::string t = fmt::format(" [{} {}]", escape_controls(f.rule), escape_controls(f.name));
  if (f.baseline == BaselineState::Unchanged) t += " (unchanged since the baseline)";
  return t;
}

std::string suppression_text(const Suppression& s) {
  std::string t = fmt::format("{}: {}", escape_controls(s.kind), escape_controls(s.justification));
  if (s.expires) t += fmt::format("; expires {}", format_date(*s.expires));
  if (!s.owner.empty()) t += fmt::format("; owner {}", escape_controls(s.owner));
  if (!s.ticket.empty()) t += fmt::format("; ticket {}", escape_controls(s.ticket));
  return t;
}

}  // namespace

// Every string that comes from the report goes through escape_controls: a report read by `calint
// render`, a custom rule's name and a file name are all outside text.
void write_text(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  Style style{options.color};

  if (report.partial) {
    out << style.bold("Partial run") << ": only the components of the files given are reported (their project is "
        << "read as context); checks for what is missing or unused did not run\n\n";
  }
  for (const auto& group : view.groups) {
    out << style.bold(heading(*group.first, report)) << '\n';
    for (const Finding* f : group.findings) {
      out << "  " << location(*f, report) << ": " << style.severity(f->severity) << ": " << escape_controls(f->message)
          << tags(*f) << '\n';
    }
    out << '\n';
  }
  if (!view.suppressed.empty() && options.show_suppressed) {
    out << style.bold("Accepted by policy exceptions") << '\n';
    for (const Finding* f : view.suppressed) {
      out << "  " << location(*f, report) << ": " << to_string(f->severity) << ": " << escape_controls(f->message)
          << " [" << escape_controls(f->rule) << ' ' << escape_controls(f->name) << "] ("
          << suppression_text(*f->suppression) << ")\n";
    }
    out << '\n';
  }
  if (report.baseline && !report.baseline->fixed.empty()) {
    out << style.bold("Fixed since the baseline") << '\n';
    for (const auto& f : report.baseline->fixed) {
      out << "  " << escape_controls(f.component.type) << ' ' << escape_controls(f.component.name) << ": "
          << escape_controls(f.message) << " [" << escape_controls(f.rule) << "]\n";
    }
    out << '\n';
  }

  // The rules that fired, once each, so the report can be handed on as it is.
  if (!view.fired.empty()) {
    out << style.bold("Rules triggered") << " (`calint explain ID` says why each matters and how to fix it)\n";
    for (const auto& [rule, count] : view.fired) {
      out << "  " << escape_controls(rule->id) << ' ' << escape_controls(rule->name) << " (" << count
          << "): " << escape_controls(rule->summary) << '\n';
    }
    out << '\n';
  }

  std::vector<std::string> parts;
  parts.reserve(kSeverities.size());
  for (Severity s : kSeverities) parts.push_back(fmt::format("{} {}", view.count(s), to_string(s)));
  out << style.bold("Summary") << ": " << plural(view.total, "finding") << " ("
      << fmt::format("{}", fmt::join(parts, ", ")) << ")";
  if (!view.suppressed.empty()) {
    out << ", " << view.suppressed.size() << " accepted by exceptions"
        << (options.show_suppressed ? "" : " (--show-suppressed lists them)");
  }
  out << "; " << plural(report.components, "component") << " in " << plural(report.files_audited, "file")
      << " audited, " << plural(report.files_skipped, "file") << " skipped";
  if (!report.errors.empty()) out << "; " << plural(report.errors.size(), "error");
  if (report.partial) out << "; partial run";
  out << '\n' << "Policy: " << escape_controls(report.policy.source) << '\n';
  if (report.baseline) {
    const auto& b = *report.baseline;
    out << fmt::format("Baseline {}: {} new, {} unchanged, {} fixed\n", escape_controls(b.path), b.new_findings,
                       b.unchanged, b.fixed.size());
  }
  if (view.failing) {
    std::size_t failing = *view.failing;
    std::string what = report.baseline ? "new finding" : "finding";
    out << fmt::format("{} at or above the fail threshold ({})\n",
                       failing == 0 ? "No " + what + " is" : plural(failing, what) + (failing == 1 ? " is" : " are"),
                       to_string(*report.policy.fail_on));
  }
}

}  // namespace calint
