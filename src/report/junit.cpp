// JUnit XML in the layout Jenkins, GitLab and Azure DevOps read: a test suite per rule that ran, a
// test case per (rule, component) with findings holding one failure for the findings at or above
// the fail threshold, and one passing case for a rule without findings.
#include <map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/text.h"
#include "report/formats.h"
#include "report/location.h"

namespace calint {

namespace {

/// Text XML 1.0 can hold: well-formed UTF-8 (a file name need not be), control characters other
/// than tab, CR and LF shown as \xNN.
std::string xml_text(std::string_view s) { return escape_controls(to_valid_utf8(s), "\t\n\r"); }

/// An attribute value on one line.
std::string xml_attribute(std::string_view s) {
  std::string out = xml_text(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

void set(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(xml_attribute(value).c_str());
}
void set(pugi::xml_node node, const char* name, std::size_t value) {
  node.append_attribute(name).set_value(std::to_string(value).c_str());
}

/// One test case: the findings of one rule on one component.
struct Case {
  const Finding* first = nullptr;
  std::vector<const Finding*> failing;      ///< at or above the threshold, counted
  std::vector<const Finding*> passing;      ///< below the threshold
  std::vector<const Finding*> not_counted;  ///< suppressed, or unchanged since the baseline
};

std::string line_of(const Finding& f, const Report& report) {
  std::string where =
      f.file.empty() ? report.root(f.export_index) + " (org-wide)" : fmt::format("{}:{}:{}", f.file, f.line, f.column);
  std::string text = fmt::format("{} {}: {}", to_string(f.severity), where, f.message);
  if (!f.evidence.empty()) text += fmt::format("\n    {}", f.evidence);
  if (f.suppression) text += fmt::format("\n    accepted by policy exception: {}", f.suppression->justification);
  if (f.baseline == BaselineState::Unchanged) text += "\n    unchanged since the baseline";
  return text;
}

std::string lines_of(const std::vector<const Finding*>& findings, const Report& report) {
  std::string out;
  for (const Finding* f : findings) out += line_of(*f, report) + "\n";
  return out;
}

std::string why_skipped(const Case& c) {
  const Finding& f = *c.not_counted.front();
  if (f.suppression) return "accepted by policy exception: " + f.suppression->justification;
  return "unchanged since the baseline";
}

}  // namespace

void write_junit(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  // Cases per rule, in report order.
  std::map<std::string_view, std::vector<Case>> cases;
  std::map<std::tuple<std::string_view, int, std::string_view, std::string_view>, std::size_t> case_of;
  for (const auto& f : report.findings) {
    auto key = std::make_tuple(std::string_view(f.rule), f.export_index, std::string_view(f.component.type),
                               std::string_view(f.component.name));
    auto& list = cases[f.rule];
    auto [it, fresh] = case_of.emplace(key, list.size());
    if (fresh) list.push_back({&f, {}, {}, {}});
    Case& c = list[it->second];
    if (!f.counts()) {
      c.not_counted.push_back(&f);
    } else if (fails(f, report)) {
      c.failing.push_back(&f);
    } else {
      c.passing.push_back(&f);
    }
  }

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("testsuites");
  set(root, "name", "calint");
  std::string timestamp = format_date(report.as_of) + "T00:00:00";
  std::string threshold = report.policy.fail_on ? std::string(to_string(*report.policy.fail_on)) : "";
  std::size_t all_tests = 0;
  std::size_t all_failures = 0;
  std::size_t all_skipped = 0;
  for (const auto& rule : report.rules) {
    pugi::xml_node suite = root.append_child("testsuite");
    set(suite, "name", rule.id + " " + rule.name);
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t skipped = 0;
    auto found = cases.find(rule.id);
    if (found == cases.end()) {
      pugi::xml_node tc = suite.append_child("testcase");
      set(tc, "classname", "Rule");
      set(tc, "name", fmt::format("{} {}: no findings", rule.id, rule.name));
      set(tc, "time", "0");
      ++tests;
    } else {
      for (const Case& c : found->second) {
        const Finding& f = *c.first;
        pugi::xml_node tc = suite.append_child("testcase");
        set(tc, "classname", f.component.type);
        std::string name = f.component.name;
        if (report.roots.size() > 1) name += " (" + report.root(f.export_index) + ")";
        set(tc, "name", name);
        Placement at = place(f, report, options);
        if (at.placed) set(tc, "file", at.file.path);
        set(tc, "time", "0");
        ++tests;
        if (!c.failing.empty()) {
          pugi::xml_node failure = tc.append_child("failure");
          set(failure, "type", rule.id);
          std::string message =
              c.failing.size() == 1
                  ? fmt::format("{}: {}", to_string(c.failing.front()->severity), c.failing.front()->message)
                  : fmt::format("{} findings of {} {} at or above {}", c.failing.size(), rule.id, rule.name, threshold);
          set(failure, "message", message);
          failure.append_child(pugi::node_pcdata).set_value(xml_text(lines_of(c.failing, report)).c_str());
          ++failures;
        } else if (c.passing.empty()) {
          set(tc.append_child("skipped"), "message", why_skipped(c));
          ++skipped;
        }
        std::vector<const Finding*> rest = c.passing;
        rest.insert(rest.end(), c.not_counted.begin(), c.not_counted.end());
        if (!rest.empty()) {
          tc.append_child("system-out")
              .append_child(pugi::node_pcdata)
              .set_value(xml_text(lines_of(rest, report)).c_str());
        }
      }
    }
    set(suite, "tests", tests);
    set(suite, "failures", failures);
    set(suite, "errors", std::size_t{0});
    set(suite, "skipped", skipped);
    set(suite, "time", "0");
    set(suite, "timestamp", timestamp);
    all_tests += tests;
    all_failures += failures;
    all_skipped += skipped;
  }
  set(root, "tests", all_tests);
  set(root, "failures", all_failures);
  set(root, "errors", std::size_t{0});
  set(root, "skipped", all_skipped);
  set(root, "time", "0");
  set(root, "timestamp", timestamp);
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace calint
