// markdown: a diff as a pull-request comment. Same rules as the Markdown report: under 60,000
// characters (GitHub's comment limit is 65,536), what does not fit is counted and left out, and
// every value from metadata is escaped (report/markdown_text.h) so that none can open a link, an
// image, HTML or a table cell. Apps that widen access come first, then the findings introduced.
#include <algorithm>

#include <fmt/format.h>

#include "report/diff_formats.h"
#include "report/markdown_text.h"
#include "report/view.h"

namespace calint {

namespace {

constexpr std::size_t kBudget = 60000;

std::string_view mark(Direction d) {
  return d == Direction::Widens ? "🔺 **widens**" : d == Direction::Narrows ? "🔻 narrows" : "▫️ neutral";
}

std::string value(const std::string& v) { return v.empty() ? std::string("(none)") : md_code(v); }

std::string change_item(const PostureChange& c) {
  std::string what = md_escape(c.what);
  std::string text;
  if (c.item == "app") {
    text = c.change == "migrated"
               ? fmt::format("migrated: {} → {}", value(c.before), value(c.after))
               : fmt::format("app {}: {}", c.change, md_escape(c.change == "added" ? c.after : c.before));
  } else if (c.change == "added" || c.change == "removed") {
    const std::string& v = c.change == "added" ? c.after : c.before;
    text = v.empty() ? fmt::format("{} {}", what, c.change) : fmt::format("{} {}: {}", what, c.change, value(v));
  } else if (c.change == "enabled" || c.change == "disabled" || (c.before.empty() && c.after.empty())) {
    text = fmt::format("{} {}", what, c.change);
  } else {
    text = fmt::format("{}: {} → {}", what, value(c.before), value(c.after));
  }
  return fmt::format("- {} {} — {}\n", mark(c.direction), text, md_escape(c.reason));
}

std::string app_section(const AppDiff& a) {
  std::string s = fmt::format("\n#### {} {}", a.app.type, md_code(a.app.name));
  if (!a.app.label.empty() && a.app.label != a.app.name) s += fmt::format(" ({})", md_escape(a.app.label));
  s += fmt::format(" · {}", a.status);
  if (!a.base_type.empty()) s += fmt::format(" (was a {})", a.base_type);
  s += fmt::format(" · {}\n\n", mark(a.direction()));
  for (const auto& c : a.changes) s += change_item(c);
  return s;
}

std::string finding_item(const Finding& f) {
  std::string where = f.file.empty() ? std::string("org-wide") : md_code(fmt::format("{}:{}", f.file, f.line));
  return fmt::format("- **{} {}** {} · {} {} · {}<br>\n  {}\n", md_escape(f.rule), md_escape(f.name),
                     to_string(f.severity), f.component.type, md_code(f.component.name), where, md_escape(f.message));
}

}  // namespace

void write_diff_markdown(std::ostream& out, const DiffReport& diff, const FormatOptions& /*options*/) {
  std::size_t widens = diff.count(Direction::Widens);
  std::string head;
  std::string verdict =
      !diff.errors.empty() ? "❌ calint diff: errors (see below)"
      : widens > 0 ? fmt::format("🔺 calint diff: {} widen{} access", plural(widens, "change"), widens == 1 ? "s" : "")
      : diff.empty() ? std::string("✅ calint diff: no change to OAuth posture")
                     : std::string("✅ calint diff: nothing widens access");
  head += fmt::format("## {}\n\n", verdict);
  head += fmt::format("{} → {}, policy {}, calint {}, {}.\n\n", md_code(diff.base), md_code(diff.head),
                      md_code(diff.policy.source), md_escape(diff.tool_version), format_date(diff.as_of));
  head += "| | |\n|---|---:|\n";
  head += fmt::format("| changes that widen access | {} |\n| that narrow it | {} |\n| neutral | {} |\n", widens,
                      diff.count(Direction::Narrows), diff.count(Direction::Neutral));
  head +=
      fmt::format("| findings introduced | {} |\n| findings fixed | {} |\n", diff.introduced.size(), diff.fixed.size());

  std::string tail;
  auto list = [&](std::string_view title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    tail += fmt::format("\n### {}\n\n", title);
    for (const auto& i : items) tail += fmt::format("- {}\n", md_escape(i));
  };
  std::vector<std::string> errors;
  for (const auto& e : diff.errors) errors.push_back(e.path + ": " + e.message);
  list("Errors", errors);
  list("Warnings", diff.warnings);
  list("Notes", diff.notes);

  // Sections in order of importance; each is cut at the budget, and what is left out is counted.
  std::string body;
  std::size_t budget = kBudget - std::min(kBudget / 2, head.size() + tail.size() + 600);
  std::size_t apps_left = 0;
  std::size_t findings_left = 0;
  auto add = [&](const std::string& chunk, std::size_t& left_out) {
    if (body.size() + chunk.size() > budget) {
      ++left_out;
      return false;
    }
    body += chunk;
    return true;
  };
  std::vector<const AppDiff*> apps;
  for (const auto& a : diff.apps) apps.push_back(&a);
  std::stable_sort(apps.begin(), apps.end(),
                   [](const AppDiff* a, const AppDiff* b) { return a->direction() > b->direction(); });
  auto section = [&](std::string_view title, auto&& items, auto&& render, std::size_t& left_out) {
    if (items.empty()) return;
    std::string title_line = fmt::format("\n### {} ({})\n", title, items.size());
    if (!add(title_line, left_out)) {
      left_out += items.size() - 1;
      return;
    }
    for (const auto* item : items) add(render(*item), left_out);
  };
  std::vector<const AppDiff*> widening;
  std::vector<const AppDiff*> others;
  for (const auto* a : apps) (a->direction() == Direction::Widens ? widening : others).push_back(a);
  std::vector<const Finding*> introduced;
  std::vector<const Finding*> fixed;
  for (const auto& f : diff.introduced) introduced.push_back(&f);
  for (const auto& f : diff.fixed) fixed.push_back(&f);
  section("Apps that widen access", widening, app_section, apps_left);
  if (!introduced.empty()) {
    std::string title = fmt::format("\n### Findings introduced ({})\n\n", introduced.size());
    if (add(title, findings_left)) {
      for (const auto* f : introduced) add(finding_item(*f), findings_left);
    } else {
      findings_left += introduced.size() - 1;
    }
  }
  section("Other apps changed", others, app_section, apps_left);
  if (!fixed.empty()) {
    std::string title = fmt::format("\n### Findings fixed ({})\n\n", fixed.size());
    if (add(title, findings_left)) {
      for (const auto* f : fixed) add(finding_item(*f), findings_left);
    } else {
      findings_left += fixed.size() - 1;
    }
  }
  if (apps_left + findings_left > 0) {
    tail +=
        fmt::format("\n**{} and {} left out** to stay within GitHub's comment limit; the JSON diff has every change.\n",
                    plural(apps_left, "app"), plural(findings_left, "finding"));
  }
  out << head << body << tail;
}

}  // namespace calint
