#include <nlohmann/json.hpp>

#include "core/severity.h"
#include "report/report.h"

namespace calint {

namespace {

nlohmann::ordered_json component_json(const Finding& f) {
  nlohmann::ordered_json c;
  c["type"] = f.component.type;
  c["name"] = f.component.name;
  if (!f.component.label.empty()) c["label"] = f.component.label;
  if (!f.same_as.type.empty()) c["same_as"] = {{"type", f.same_as.type}, {"name", f.same_as.name}};
  return c;
}

}  // namespace

void write_json_report(std::ostream& out, const Report& report, const std::string& version) {
  nlohmann::ordered_json doc;
  doc["tool"] = {{"name", "calint"}, {"version", version}};
  auto findings = nlohmann::ordered_json::array();
  nlohmann::ordered_json by_severity;
  for (auto name : kSeverityNames) by_severity[std::string(name)] = 0;
  std::size_t suppressed = 0;
  for (const auto& f : report.findings) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule;
    j["name"] = f.name;
    j["severity"] = std::string(to_string(f.severity));
    j["message"] = f.message;
    j["file"] = f.file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.file);
    j["line"] = f.file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.line);
    j["column"] = f.file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.column);
    j["component"] = component_json(f);
    j["fingerprint"] = f.fingerprint;
    j["suppressed"] = f.suppressed;
    findings.push_back(std::move(j));
    if (f.suppressed) ++suppressed;
    else by_severity[std::string(to_string(f.severity))] = by_severity[std::string(to_string(f.severity))].get<int>() + 1;
  }
  doc["findings"] = std::move(findings);
  doc["summary"] = {{"files", report.files_audited},
                    {"components", report.components},
                    {"by_severity", by_severity},
                    {"suppressed", suppressed},
                    {"files_audited", report.files_audited},
                    {"files_skipped", report.files_skipped}};
  auto errors = nlohmann::ordered_json::array();
  for (const auto& e : report.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  doc["errors"] = std::move(errors);
  // Invalid UTF-8 in a hostile file must not abort the report: replace it.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace calint
