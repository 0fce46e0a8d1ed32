#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "report/report.h"

namespace calint {

namespace {

struct Style {
  bool on;
  [[nodiscard]] std::string wrap(std::string_view text, std::string_view code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
  }
  [[nodiscard]] std::string severity(Severity s) const {
    switch (s) {
      case Severity::Critical:
        return wrap("critical", "1;35");
      case Severity::High:
        return wrap("high", "1;31");
      case Severity::Medium:
        return wrap("medium", "33");
      case Severity::Low:
        return wrap("low", "36");
      case Severity::Info:
        return wrap("info", "2");
    }
    return "info";
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

void write_text_report(std::ostream& out, const Report& report, const Catalog& catalog, const TextOptions& options) {
  Style style{options.color};
  const std::vector<std::string>& roots = report.roots;

  // Group by component, in the order the sorted findings first name it.
  std::vector<std::pair<std::string, std::vector<const Finding*>>> groups;
  std::map<std::string, std::size_t> group_of;
  std::vector<const Finding*> suppressed;
  for (const auto& f : report.findings) {
    if (f.suppressed) {
      suppressed.push_back(&f);
      continue;
    }
    std::string key = fmt::format("{}\x1f{}\x1f{}", f.export_index, f.component.type, f.component.name);
    auto [it, fresh] = group_of.emplace(key, groups.size());
    if (fresh) groups.push_back({heading(f, roots), {}});
    groups[it->second].second.push_back(&f);
  }
  for (const auto& [title, findings] : groups) {
    out << style.bold(title) << '\n';
    for (const Finding* f : findings) {
      out << "  " << location(*f, roots) << ": " << style.severity(f->severity) << ": " << escape_controls(f->message)
          << " [" << f->rule << ' ' << f->name << "]\n";
    }
    out << '\n';
  }
  if (!suppressed.empty()) {
    out << style.bold("Accepted by policy exceptions") << '\n';
    for (const Finding* f : suppressed) {
      out << "  " << location(*f, roots) << ": " << to_string(f->severity) << ": " << escape_controls(f->message)
          << " [" << f->rule << ' ' << f->name << "] (exception: " << escape_controls(f->suppression) << ")\n";
    }
    out << '\n';
  }

  // The rules that fired, once each, so the report can be handed on as it is.
  std::map<std::string, std::size_t> fired;
  for (const auto& f : report.findings) {
    if (!f.suppressed) ++fired[f.rule];
  }
  if (!fired.empty()) {
    out << style.bold("Rules triggered") << " (`calint explain ID` says why each matters and how to fix it)\n";
    for (const auto& [id, count] : fired) {
      const RuleInfo* info = catalog.find(id);
      if (!info) continue;
      out << "  " << id << ' ' << info->name << " (" << count << "): " << info->summary << '\n';
    }
    out << '\n';
  }

  for (const auto& n : report.notes) out << "note: " << escape_controls(n) << '\n';
  for (const auto& w : report.warnings) out << escape_controls(w) << '\n';
  for (const auto& e : report.errors)
    out << escape_controls(e.path) << ": error: " << escape_controls(e.message) << '\n';
  if (!report.notes.empty() || !report.warnings.empty() || !report.errors.empty()) out << '\n';

  std::map<Severity, std::size_t> counts;
  std::size_t total = 0;
  for (const auto& f : report.findings) {
    if (f.suppressed) continue;
    ++counts[f.severity];
    ++total;
  }
  std::vector<std::string> parts;
  for (auto name : kSeverityNames) {
    Severity s = *parse_severity(name);
    parts.push_back(fmt::format("{} {}", counts[s], name));
  }
  out << style.bold("Summary") << ": " << total << (total == 1 ? " finding" : " findings") << " ("
      << fmt::format("{}", fmt::join(parts, ", ")) << ")";
  if (!suppressed.empty()) out << ", " << suppressed.size() << " accepted by exceptions";
  auto plural = [](std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  out << "; " << plural(report.components, "component") << " in " << plural(report.files_audited, "file")
      << " audited, " << plural(report.files_skipped, "file") << " skipped";
  if (!report.errors.empty()) out << "; " << report.errors.size() << (report.errors.size() == 1 ? " error" : " errors");
  out << '\n';
  if (options.fail_on) {
    std::size_t failing = count_at_or_above(report, *options.fail_on);
    out << fmt::format(
        "{} at or above the fail threshold ({})\n",
        failing == 0 ? std::string("No finding is") : plural(failing, "finding") + (failing == 1 ? " is" : " are"),
        to_string(*options.fail_on));
  }
}

}  // namespace calint
