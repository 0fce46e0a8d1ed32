// SARIF 2.1.0 for GitHub code scanning and every SARIF viewer. Validated against the OASIS schema
// (schemas/sarif-schema-2.1.0.json) by the tests; docs/reports.md says what GitHub reads of it.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "report/formats.h"
#include "report/json_dump.h"
#include "report/location.h"

namespace calint {

namespace {

using Json = nlohmann::ordered_json;

/// The key of partialFingerprints: versioned, since a change to how fingerprints are computed must
/// not be mistaken for the same finding.
constexpr std::string_view kFingerprintKey = "calint/v2";
constexpr std::string_view kInformationUri = "https://calint.dev";

std::string_view level(Severity s) {
  if (s >= Severity::High) return "error";
  if (s == Severity::Medium) return "warning";
  return "note";
}

/// GitHub's security-severity: a number in a string (critical > 9.0, high 7.0-8.9, medium 4.0-6.9,
/// low 0.1-3.9); info gets none.
std::string_view security_severity(Severity s) {
  switch (s) {
    case Severity::Critical:
      return "9.5";
    case Severity::High:
      return "8.0";
    case Severity::Medium:
      return "5.5";
    case Severity::Low:
      return "3.0";
    case Severity::Info:
      break;
  }
  return "";
}

/// The first paragraph of a text, on one line, cut at a word to at most `max` bytes (GitHub shows
/// at most 1024 characters of a rule's fullDescription).
std::string first_paragraph(std::string_view text, std::size_t max) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (line.empty() && !out.empty()) break;
    if (!line.empty() && !out.empty()) out += ' ';
    out += line;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  if (out.size() <= max) return out;
  std::size_t cut = out.rfind(' ', max - 3);
  return out.substr(0, cut == std::string::npos ? max - 3 : cut) + "...";
}

std::string help_markdown(const RuleInfo& r) {
  std::string md = fmt::format("**{} {}** ({})\n\n{}\n\n### Why it matters\n\n{}\n\n### How to fix it\n\n{}", r.id,
                               r.name, to_string(r.severity), r.summary, r.rationale, r.remediation);
  if (!r.controls.empty()) md += fmt::format("\n\nBenchmark controls: {}", fmt::join(r.controls, ", "));
  if (!r.references.empty()) {
    md += "\n\n### References\n";
    for (const auto& ref : r.references) md += fmt::format("\n- [{}]({})", ref.title, ref.url);
  }
  return md;
}

Json rule_json(const RuleInfo& r) {
  Json tags = {"security"};
  for (const auto& c : r.controls) tags.push_back(c);
  Json properties = {{"tags", tags}, {"precision", "high"}};
  if (auto ss = security_severity(r.severity); !ss.empty()) properties["security-severity"] = ss;
  Json rule = {{"id", r.id},
               {"name", r.name},
               {"shortDescription", {{"text", r.summary}}},
               {"fullDescription", {{"text", r.rationale.empty() ? r.summary : first_paragraph(r.rationale, 1000)}}},
               {"help",
                {{"text", fmt::format("Why it matters: {}\nHow to fix it: {}", r.rationale, r.remediation)},
                 {"markdown", help_markdown(r)}}}};
  if (!r.references.empty()) rule["helpUri"] = r.references.front().url;
  rule["defaultConfiguration"] = {{"level", level(r.severity)}};
  rule["properties"] = properties;
  return rule;
}

Json artifact_location(const RootedPath& p) {
  if (p.inside) return {{"uri", percent_encode_path(p.path)}, {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", file_uri(p.path)}};
}

Json message_text(const Finding& f, const RuleInfo* rule, const std::string& placement_note) {
  std::string text = f.message;
  if (rule && f.severity != rule->severity) {
    text += fmt::format(" (severity {}; the rule's default is {})", to_string(f.severity), to_string(rule->severity));
  }
  return {{"text", text + placement_note}};
}

Json result_json(const Finding& f, const Report& report, const std::map<std::string_view, std::size_t>& index,
                 const FormatOptions& options) {
  Placement at = place(f, report, options);
  auto rule_index = index.find(f.rule);
  Json result = {{"ruleId", f.rule}};
  if (rule_index != index.end()) result["ruleIndex"] = rule_index->second;
  result["level"] = level(f.severity);
  result["message"] = message_text(f, report.rule(f.rule), at.note(report.anchor(f.export_index)));
  Json location;
  if (at.placed) {
    Json region = {{"startLine", at.line}};
    if (at.column > 0) region["startColumn"] = at.column;
    if (!f.evidence.empty() && at.zip_entry.empty() && !at.org_wide) region["snippet"] = {{"text", f.evidence}};
    location["physicalLocation"] = {{"artifactLocation", artifact_location(at.file)}, {"region", region}};
  }
  Json logical = {{"name", f.component.name},
                  {"fullyQualifiedName", f.component.type + "/" + f.component.name},
                  {"kind", "object"}};
  location["logicalLocations"] = Json::array({logical});
  result["locations"] = Json::array({location});
  result["partialFingerprints"] = {{std::string(kFingerprintKey), f.fingerprint}};
  if (f.baseline != BaselineState::None) result["baselineState"] = baseline_name(f.baseline);
  if (f.suppression) {
    const Suppression& s = *f.suppression;
    Json suppression = {{"kind", "external"}, {"status", "accepted"}, {"justification", s.justification}};
    Json props = Json::object();
    if (s.expires) props["expires"] = format_date(*s.expires);
    if (!s.owner.empty()) props["owner"] = s.owner;
    if (!s.ticket.empty()) props["ticket"] = s.ticket;
    if (!s.where.empty()) props["policyEntry"] = s.where;
    if (!props.empty()) suppression["properties"] = props;
    result["suppressions"] = Json::array({suppression});
  }
  Json props = {{"severity", to_string(f.severity)}, {"componentType", f.component.type}};
  if (!f.component.label.empty()) props["componentLabel"] = f.component.label;
  if (!f.same_as.type.empty()) props["sameIntegrationAs"] = f.same_as.type + "/" + f.same_as.name;
  if (!at.zip_entry.empty()) {
    props["zipEntry"] = at.zip_entry;
    props["zipEntryLine"] = at.entry_line;
    props["zipEntryColumn"] = at.entry_column;
  }
  if (at.org_wide) props["orgWide"] = true;
  result["properties"] = props;
  return result;
}

/// A baseline entry no finding matches any more: a result whose problem is absent now.
Json fixed_json(const FixedFinding& f, const Report& report, const std::map<std::string_view, std::size_t>& index,
                const FormatOptions& options) {
  Json result = {{"ruleId", f.rule}};
  if (auto it = index.find(f.rule); it != index.end()) result["ruleIndex"] = it->second;
  result["kind"] = "pass";
  result["level"] = "none";
  result["message"] = {{"text", "Fixed since the baseline: " + f.message}};
  Json location;
  if (!report.roots.empty() && !report.anchor(0).empty()) {
    ZipPath zip = split_zip(report.anchor(0));
    location["physicalLocation"] = {{"artifactLocation", artifact_location(under_srcroot(zip.archive, options))},
                                    {"region", {{"startLine", 1}}}};
  }
  location["logicalLocations"] = Json::array({{{"name", f.component.name},
                                               {"fullyQualifiedName", f.component.type + "/" + f.component.name},
                                               {"kind", "object"}}});
  result["locations"] = Json::array({location});
  result["partialFingerprints"] = {{std::string(kFingerprintKey), f.fingerprint}};
  result["baselineState"] = "absent";
  return result;
}

Json notification(std::string_view level_name, const std::string& text, const std::string& path,
                  const FormatOptions& options) {
  Json n = {{"level", level_name}, {"message", {{"text", text}}}};
  if (!path.empty()) {
    n["locations"] =
        Json::array({{{"physicalLocation",
                       {{"artifactLocation", artifact_location(under_srcroot(split_zip(path).archive, options))}}}}});
  }
  return n;
}

}  // namespace

void write_sarif(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  std::map<std::string_view, std::size_t> index;
  Json rules = Json::array();
  for (const auto& r : report.rules) {
    index.emplace(r.id, rules.size());
    rules.push_back(rule_json(r));
  }
  Json driver = {{"name", "calint"},
                 {"semanticVersion", report.tool_version},
                 {"version", report.tool_version},
                 {"informationUri", kInformationUri},
                 {"rules", rules}};
  Json execution = Json::array();
  for (const auto& e : report.errors)
    execution.push_back(notification("error", e.path + ": " + e.message, e.path, options));
  for (const auto& n : report.notes) execution.push_back(notification("note", n, "", options));
  Json configuration = Json::array();
  for (const auto& w : report.warnings) configuration.push_back(notification("warning", w, "", options));
  Json invocation = {{"executionSuccessful", report.errors.empty()}};
  if (!execution.empty()) invocation["toolExecutionNotifications"] = execution;
  if (!configuration.empty()) invocation["toolConfigurationNotifications"] = configuration;
  Json base = {{"%SRCROOT%",
                {{"uri", file_uri(options.srcroot.empty() || options.srcroot.back() == '/' ? options.srcroot
                                                                                           : options.srcroot + "/")},
                 {"description", {{"text", "The source root: paths are relative to it"}}}}}};
  Json properties = {
      {"auditDate", format_date(report.as_of)},
      {"policy", report.policy.source},
      {"failOn", report.policy.fail_on ? Json(std::string(to_string(*report.policy.fail_on))) : Json(nullptr)},
      {"partial", report.partial}};
  if (report.baseline) properties["baseline"] = report.baseline->path;

  // Results are streamed, one at a time; the layout equals nlohmann's dump(2) of the whole document.
  out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
      << "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": " << dump_indented(driver, "        ")
      << "\n      },\n      \"invocations\": [\n        " << dump_indented(invocation, "        ")
      << "\n      ],\n      \"originalUriBaseIds\": " << dump_indented(base, "      ") << ",\n      \"results\": [";
  bool first = true;
  auto emit = [&](const Json& result) {
    out << (first ? "\n        " : ",\n        ") << dump_indented(result, "        ");
    first = false;
  };
  for (const auto& f : report.findings) emit(result_json(f, report, index, options));
  if (report.baseline) {
    for (const auto& f : report.baseline->fixed) emit(fixed_json(f, report, index, options));
  }
  out << (first ? "]" : "\n      ]") << ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": "
      << dump_indented(properties, "      ") << "\n    }\n  ]\n}\n";
}

}  // namespace calint
