// The JSON report: everything in the Report, so that `calint render` can rebuild it (json_reader.cpp
// reads what this writes). Layout: schemas/report.schema.json.
#include <nlohmann/json.hpp>

#include "core/parallel.h"

#include "report/formats.h"
#include "report/json_dump.h"
#include "report/json_out.h"

namespace calint {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json component_json(const ComponentRef& component, const ComponentRef* same_as) {
  Json c;
  c["type"] = component.type;
  c["name"] = component.name;
  if (!component.label.empty()) c["label"] = component.label;
  if (same_as && !same_as->type.empty()) c["same_as"] = {{"type", same_as->type}, {"name", same_as->name}};
  return c;
}

Json suppression_json(const std::optional<Suppression>& s) {
  if (!s) return nullptr;
  return {{"kind", s->kind},
          {"justification", s->justification},
          {"expires", s->expires ? Json(format_date(*s->expires)) : Json(nullptr)},
          {"owner", text_or_null(s->owner)},
          {"ticket", text_or_null(s->ticket)},
          {"where", text_or_null(s->where)}};
}

}  // namespace

Json finding_json(const Finding& f) {
  Json j;
  bool located = !f.file.empty();
  j["rule"] = f.rule;
  j["name"] = f.name;
  j["severity"] = std::string(to_string(f.severity));
  j["message"] = f.message;
  j["file"] = located ? Json(f.file) : Json(nullptr);
  j["line"] = located ? Json(f.line) : Json(nullptr);
  j["column"] = located ? Json(f.column) : Json(nullptr);
  j["component"] = component_json(f.component, &f.same_as);
  j["element"] = f.element;
  j["value"] = text_or_null(f.key);
  j["fingerprint"] = f.fingerprint;
  j["suppressed"] = f.suppressed();
  j["suppression"] = suppression_json(f.suppression);
  j["baseline"] = f.baseline == BaselineState::None ? Json(nullptr) : Json(std::string(baseline_name(f.baseline)));
  j["evidence"] = text_or_null(f.evidence);
  j["export"] = f.export_index;
  return j;
}

namespace {

Json rule_json(const RuleInfo& r) {
  Json refs = Json::array();
  for (const auto& ref : r.references) refs.push_back({{"title", ref.title}, {"url", ref.url}});
  return {{"id", r.id},
          {"name", r.name},
          {"severity", std::string(to_string(r.severity))},
          {"escalated_severity",
           r.escalated_severity ? Json(std::string(to_string(*r.escalated_severity))) : Json(nullptr)},
          {"escalation", text_or_null(r.escalation)},
          {"reduced_severity", r.reduced_severity ? Json(std::string(to_string(*r.reduced_severity))) : Json(nullptr)},
          {"reduction", text_or_null(r.reduction)},
          {"defined_in", text_or_null(r.defined_in)},
          {"summary", r.summary},
          {"rationale", r.rationale},
          {"remediation", r.remediation},
          {"references", refs},
          {"controls", r.controls},
          {"applies_to", r.applies_to}};
}

Json by_severity_json(const std::array<std::size_t, 5>& counts) {
  Json j;
  for (Severity s : kSeverities) j[std::string(to_string(s))] = counts[static_cast<std::size_t>(s)];
  return j;
}

Json baseline_json(const std::optional<BaselineSummary>& b) {
  if (!b) return nullptr;
  Json fixed = Json::array();
  for (const auto& f : b->fixed) {
    fixed.push_back({{"fingerprint", f.fingerprint},
                     {"rule", f.rule},
                     {"component", component_json(f.component, nullptr)},
                     {"message", f.message}});
  }
  return {{"path", b->path}, {"new", b->new_findings}, {"unchanged", b->unchanged}, {"fixed", fixed}};
}

/// Writes `"key": [` then each item, then `]`, a batch of items at a time: a report of a large
/// export never exists twice in memory. The items of a batch are rendered on up to `jobs` threads
/// and written in order, so the bytes do not depend on `jobs`. The layout equals nlohmann's
/// dump(2) of the whole document.
template <class List, class Render>
void stream_array(std::ostream& out, std::string_view key, const List& list, Render render, int jobs) {
  constexpr std::size_t kBatch = 1024;
  out << ",\n  \"" << key << "\": [";
  std::vector<std::string> rendered(std::min(list.size(), kBatch));
  for (std::size_t base = 0; base < list.size(); base += kBatch) {
    const std::size_t count = std::min(kBatch, list.size() - base);
    // Pieces of 64 items: a thread per item would cost more than the item.
    constexpr std::size_t kPiece = 64;
    parallel_for((count + kPiece - 1) / kPiece, jobs, [&](std::size_t piece) {
      for (std::size_t i = piece * kPiece; i < std::min(count, (piece + 1) * kPiece); ++i)
        rendered[i] = render(list[base + i]);
    });
    for (std::size_t i = 0; i < count; ++i) {
      out << (base + i == 0 ? "\n    " : ",\n    ") << rendered[i];
      rendered[i] = std::string();
    }
  }
  out << (list.empty() ? "]" : "\n  ]");
}

}  // namespace

void write_json(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  auto field = [&](std::string_view key, const Json& value) {
    out << ",\n  \"" << key << "\": " << dump_indented(value, "  ");
  };
  out << "{\n  \"format_version\": " << kReportFormatVersion;
  field("tool", {{"name", "calint"}, {"version", report.tool_version}});
  field("audit_date", format_date(report.as_of));
  field("policy",
        {{"source", report.policy.source},
         {"fail_on", report.policy.fail_on ? Json(std::string(to_string(*report.policy.fail_on))) : Json(nullptr)}});
  field("partial", report.partial);
  Json exports = Json::array();
  for (const auto& r : report.roots) exports.push_back({{"path", r.path}, {"anchor", text_or_null(r.anchor)}});
  field("exports", exports);
  // Findings and inventory rows are written straight (json_out.h), in the layout of the rest.
  stream_array(
      out, "findings", report.findings, [](const Finding& f) { return finding_text(f, 4); }, options.jobs);
  stream_array(
      out, "rules", report.rules, [](const RuleInfo& r) { return dump_indented(rule_json(r), "    "); }, options.jobs);
  stream_array(
      out, "inventory", report.inventory, [](const InventoryApp& a) { return inventory_text(a, 4); }, options.jobs);
  field("baseline", baseline_json(report.baseline));
  std::array<std::size_t, 5> by_severity{};
  for (Severity s : kSeverities) by_severity[static_cast<std::size_t>(s)] = view.count(s);
  field("summary", {{"files", report.files_audited},
                    {"components", report.components},
                    {"by_severity", by_severity_json(by_severity)},
                    {"suppressed", view.suppressed.size()},
                    {"files_audited", report.files_audited},
                    {"files_skipped", report.files_skipped},
                    {"findings", view.total},
                    {"failing", view.failing ? Json(*view.failing) : Json(nullptr)},
                    {"apps", report.app_count()},
                    {"errors", report.errors.size()}});
  field("notes", report.notes);
  field("warnings", report.warnings);
  Json errors = Json::array();
  for (const auto& e : report.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  field("errors", errors);
  out << "\n}\n";
}

}  // namespace calint
