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

std::string location(const Finding& f, const std::vector<std::string>& roots) {
  if (!f.file.empty()) return fmt::format("{}:{}:{}", escape_controls(f.file), f.line, f.column);
  auto index = static_cast<std::size_t>(f.export_index);
  return index < roots.size() ? escape_controls(roots[index]) : std::string("(org-wide)");
}

std::string heading(const Finding& f, const std::vector<std::string>& roots) {
  std::string h = fmt::format("{} {}", f.component.type, escape_controls(f.component.name));
  if (!f.component.label.empty() && f.component.label != f.component.name) {
    h += fmt::format(" ({})", escape_controls(f.component.label));
  }
  if (roots.size() > 1 && static_cast<std::size_t>(f.export_index) < roots.size()) {
    h += fmt::format(" in {}", escape_controls(roots[static_cast<std::size_t>(f.export_index)]));
  }
  if (!f.same_as.type.empty()) h += fmt::format(" - same integration as {} {}", f.same_as.type, f.same_as.name);
  return h;
}

}  // namespace

void write_text(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  Style style{options.color};
  const std::vector<std::string>& roots = report.roots;

  for (const auto& group : view.groups) {
    out << style.bold(heading(*group.first, roots)) << '\n';
    for (const Finding* f : group.findings) {
      out << "  " << location(*f, roots) << ": " << style.severity(f->severity) << ": " << escape_controls(f->message)
          << " [" << f->rule << ' ' << f->name << "]\n";
    }
    out << '\n';
  }
  if (!view.suppressed.empty()) {
    out << style.bold("Accepted by policy exceptions") << '\n';
    for (const Finding* f : view.suppressed) {
      out << "  " << location(*f, roots) << ": " << to_string(f->severity) << ": " << escape_controls(f->message)
          << " [" << f->rule << ' ' << f->name << "] (exception: " << escape_controls(f->suppression->justification)
          << ")\n";
    }
    out << '\n';
  }

  // The rules that fired, once each, so the report can be handed on as it is.
  if (!view.fired.empty()) {
    out << style.bold("Rules triggered") << " (`calint explain ID` says why each matters and how to fix it)\n";
    for (const auto& [rule, count] : view.fired) {
      out << "  " << rule->id << ' ' << rule->name << " (" << count << "): " << rule->summary << '\n';
    }
    out << '\n';
  }

  for (const auto& n : report.notes) out << "note: " << escape_controls(n) << '\n';
  for (const auto& w : report.warnings) out << escape_controls(w) << '\n';
  for (const auto& e : report.errors)
    out << escape_controls(e.path) << ": error: " << escape_controls(e.message) << '\n';
  if (!report.notes.empty() || !report.warnings.empty() || !report.errors.empty()) out << '\n';

  std::vector<std::string> parts;
  for (Severity s : kSeverities) parts.push_back(fmt::format("{} {}", view.count(s), to_string(s)));
  auto plural = [](std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  out << style.bold("Summary") << ": " << plural(view.total, "finding") << " ("
      << fmt::format("{}", fmt::join(parts, ", ")) << ")";
  if (!view.suppressed.empty()) out << ", " << view.suppressed.size() << " accepted by exceptions";
  out << "; " << plural(report.components, "component") << " in " << plural(report.files_audited, "file")
      << " audited, " << plural(report.files_skipped, "file") << " skipped";
  if (!report.errors.empty()) out << "; " << plural(report.errors.size(), "error");
  out << '\n';
  if (view.failing) {
    std::size_t failing = *view.failing;
    out << fmt::format(
        "{} at or above the fail threshold ({})\n",
        failing == 0 ? std::string("No finding is") : plural(failing, "finding") + (failing == 1 ? " is" : " are"),
        to_string(*report.policy.fail_on));
  }
}

}  // namespace calint
