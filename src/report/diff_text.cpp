// text: a diff for a terminal. Values from metadata are shown with control characters escaped.
#include <fmt/format.h>

#include "core/text.h"
#include "report/diff_formats.h"

namespace calint {

namespace {

std::string paint(bool on, std::string_view text, std::string_view code) {
  return on ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
}

std::string direction(Direction d, bool color) {
  std::string word = fmt::format("{:<7}", to_string(d));
  return d == Direction::Widens    ? paint(color, word, "1;31")
         : d == Direction::Narrows ? paint(color, word, "32")
                                   : word;
}

std::string app_heading(const AppDiff& a) {
  std::string h = fmt::format("{} {}", a.app.type, escape_controls(a.app.name));
  if (!a.app.label.empty() && a.app.label != a.app.name) h += fmt::format(" ({})", escape_controls(a.app.label));
  h += " " + a.status;
  if (!a.base_type.empty()) h += fmt::format(" (was a {})", a.base_type);
  if (!a.file.empty()) h += fmt::format(" - {}", escape_controls(a.file));
  return h;
}

void findings(std::ostream& out, std::string_view title, const std::vector<Finding>& list) {
  if (list.empty()) return;
  out << fmt::format("\n{} ({}):\n", title, list.size());
  for (const auto& f : list) {
    std::string where = f.file.empty() ? std::string("(org-wide)") : fmt::format("{}:{}:{}", f.file, f.line, f.column);
    out << fmt::format("  {:<8} {} {}  {} {}  {}\n    {}\n", to_string(f.severity), f.rule, f.name, f.component.type,
                       escape_controls(f.component.name), escape_controls(where), escape_controls(f.message));
  }
}

}  // namespace

void write_diff_text(std::ostream& out, const DiffReport& diff, const FormatOptions& options) {
  out << fmt::format("calint diff {} -> {} (policy {}, {})\n", escape_controls(diff.base), escape_controls(diff.head),
                     escape_controls(diff.policy.source), format_date(diff.as_of));
  if (!diff.errors.empty()) {
    out << "\nNot compared: a side could not be read whole (the errors follow on stderr).\n";
  } else if (diff.empty()) {
    out << "\nNo change to OAuth posture: no app added, removed or changed, no finding introduced or fixed.\n";
  }
  for (const auto& a : diff.apps) {
    out << "\n" << paint(options.color, app_heading(a), "1") << "\n";
    for (const auto& c : a.changes) {
      out << fmt::format("  {} {} - {}\n", direction(c.direction, options.color), escape_controls(change_text(c)),
                         escape_controls(c.reason));
    }
  }
  findings(out, "Findings introduced", diff.introduced);
  findings(out, "Findings fixed", diff.fixed);
  std::size_t widens = diff.count(Direction::Widens);
  std::size_t narrows = diff.count(Direction::Narrows);
  out << fmt::format("\nChanges: {} widen{} access, {} narrow{} it, {} neutral. Findings: {} introduced, {} fixed.\n",
                     widens, widens == 1 ? "s" : "", narrows, narrows == 1 ? "s" : "", diff.count(Direction::Neutral),
                     diff.introduced.size(), diff.fixed.size());
}

}  // namespace calint
