// markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY. Kept under 60,000 characters
// (GitHub's comment limit is 65,536); values from metadata and policy are escaped so that none
// can open a link, an image, HTML or a table cell.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "report/formats.h"
#include "report/location.h"
#include "report/markdown_text.h"

namespace calint {

namespace {

constexpr std::size_t kBudget = 60000;

std::string location(const Finding& f, const Report& report, const FormatOptions& options) {
  if (f.file.empty()) {
    const std::string& root = report.root(f.export_index);
    return root.empty() ? std::string("org-wide") : md_code(root) + " (org-wide)";
  }
  std::string shown = md_code(fmt::format("{}:{}", f.file, f.line));
  if (options.link_base.empty()) return shown;
  ZipPath zip = split_zip(f.file);
  RootedPath path = under_srcroot(zip.archive, options);
  if (!path.inside) return shown;
  std::string base = options.link_base;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base + "/" + percent_encode_path(path.path);
  if (zip.entry.empty()) url += fmt::format("#L{}", f.line);
  // The URL is percent-encoded and the base is the user's own; parentheses and spaces cannot
  // break out of it.
  for (char& c : url) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>') c = '_';
  }
  return fmt::format("[{}]({})", shown, url);
}

std::string component(const ComponentRef& c) {
  std::string s = fmt::format("{} {}", c.type, md_code(c.name));
  if (!c.label.empty() && c.label != c.name) s += fmt::format(" ({})", md_escape(c.label));
  return s;
}

std::string finding_item(const Finding& f, const Report& report, const FormatOptions& options) {
  std::string item = fmt::format("- **{} {}** · {} · {}", md_escape(f.rule), md_escape(f.name), component(f.component),
                                 location(f, report, options));
  if (f.baseline == BaselineState::New) item += " · new";
  if (f.baseline == BaselineState::Unchanged) item += " · unchanged since the baseline";
  item += fmt::format("<br>\n  {}\n", md_escape(f.message));
  return item;
}

}  // namespace

void write_markdown(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  std::string head;
  std::string mark = view.verdict == Verdict::Fail || view.verdict == Verdict::Error ? "❌" : "✅";
  if (view.verdict == Verdict::NoThreshold) mark = "ℹ️";
  head += fmt::format("## {} calint: {}\n\n", mark, view.verdict_line());
  std::vector<std::string> roots;
  for (const auto& r : report.roots) roots.push_back(md_code(r.path));
  head += fmt::format("Audited {} on {} with policy {} (fail on {}), calint {}.\n\n", fmt::join(roots, ", "),
                      format_date(report.as_of), md_code(report.policy.source),
                      report.policy.fail_on ? to_string(*report.policy.fail_on) : "nothing",
                      md_escape(report.tool_version));
  if (report.partial) {
    head +=
        "> **Partial run**: only the components of the files given are reported (their project is read as "
        "context); checks for what is missing or unused did not run.\n\n";
  }
  head += "| severity | findings |\n|---|---:|\n";
  for (Severity s : kSeverities) head += fmt::format("| {} | {} |\n", to_string(s), view.count(s));
  head += fmt::format("| **total** | **{}** |\n", view.total);
  if (!view.suppressed.empty()) head += fmt::format("| accepted by exceptions | {} |\n", view.suppressed.size());
  if (report.baseline) {
    const auto& b = *report.baseline;
    head += fmt::format("| new since the baseline | {} |\n| unchanged | {} |\n| fixed | {} |\n", b.new_findings,
                        b.unchanged, b.fixed.size());
  }
  head += fmt::format("\n{} in {} audited ({} apps).\n", plural(report.components, "component"),
                      plural(report.files_audited, "file"), report.app_count());

  // The tail is written whatever the budget: diagnostics, then what was left out.
  std::string tail;
  auto list = [&](std::string_view title, const std::vector<std::string>& items, std::string_view prefix) {
    if (items.empty()) return;
    tail += fmt::format("\n### {}\n\n", title);
    for (const auto& i : items) tail += fmt::format("- {}{}\n", prefix, md_escape(i));
  };
  std::vector<std::string> errors;
  for (const auto& e : report.errors) errors.push_back(e.path + ": " + e.message);
  list("Errors", errors, "");
  list("Warnings", report.warnings, "");
  list("Notes", report.notes, "");

  std::string body;
  std::size_t shown = 0;
  std::size_t budget = kBudget - std::min(kBudget / 2, head.size() + tail.size() + 400);
  std::optional<Severity> current;
  for (const Finding* f : view.by_severity_order) {
    std::string chunk;
    if (!current || *current != f->severity) {
      current = f->severity;
      chunk += fmt::format("\n### {} ({})\n\n", to_string(f->severity), view.count(f->severity));
    }
    chunk += finding_item(*f, report, options);
    if (body.size() + chunk.size() > budget) break;
    body += chunk;
    ++shown;
  }
  std::string suppressed;
  if (!view.suppressed.empty()) {
    suppressed +=
        fmt::format("\n<details><summary>Accepted by policy exceptions ({})</summary>\n\n", view.suppressed.size());
    for (const Finding* f : view.suppressed) {
      std::string item =
          fmt::format("- **{}** {} · {} · {}: {}\n", f->rule, to_string(f->severity), component(f->component),
                      md_escape(f->suppression->justification), md_escape(f->message));
      if (body.size() + suppressed.size() + item.size() + 20 > budget) break;
      suppressed += item;
    }
    suppressed += "\n</details>\n";
  }
  if (report.baseline && !report.baseline->fixed.empty()) {
    std::string fixed =
        fmt::format("\n<details><summary>Fixed since the baseline ({})</summary>\n\n", report.baseline->fixed.size());
    for (const auto& f : report.baseline->fixed) {
      std::string item =
          fmt::format("- **{}** {}: {}\n", md_escape(f.rule), component(f.component), md_escape(f.message));
      if (body.size() + suppressed.size() + fixed.size() + item.size() + 20 > budget) break;
      fixed += item;
    }
    suppressed += fixed + "\n</details>\n";
  }
  if (shown < view.by_severity_order.size()) {
    tail += fmt::format(
        "\n**{} of {} left out** to stay within GitHub's comment limit; the JSON, SARIF or HTML report has every "
        "finding.\n",
        plural(view.by_severity_order.size() - shown, "finding"), view.by_severity_order.size());
  }
  out << head << body << suppressed << tail;
}

}  // namespace calint
