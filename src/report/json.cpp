#include <nlohmann/json.hpp>

#include "report/formats.h"

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

nlohmann::ordered_json finding_json(const Finding& f) {
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
  j["suppressed"] = f.suppressed();
  return j;
}

/// nlohmann's dump(2) of `j`, every line after the first indented by `indent`.
std::string dump(const nlohmann::ordered_json& j, std::string_view indent) {
  std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace

void write_json(std::ostream& out, const ReportView& view, const FormatOptions& options) {
  const Report& report = view.report;
  // Streamed one finding at a time: a report of a large export never exists twice in memory.
  // The layout equals nlohmann's dump(2) of the whole document.
  nlohmann::ordered_json tool = {{"name", "calint"}, {"version", options.version}};
  out << "{\n  \"tool\": " << dump(tool, "  ") << ",\n  \"findings\": [";
  bool first = true;
  for (const auto& f : report.findings) {
    out << (first ? "\n    " : ",\n    ") << dump(finding_json(f), "    ");
    first = false;
  }
  out << (first ? "]" : "\n  ]");
  nlohmann::ordered_json by_severity;
  for (Severity s : kSeverities) by_severity[std::string(to_string(s))] = view.count(s);
  nlohmann::ordered_json summary = {{"files", report.files_audited},
                                    {"components", report.components},
                                    {"by_severity", by_severity},
                                    {"suppressed", view.suppressed.size()},
                                    {"files_audited", report.files_audited},
                                    {"files_skipped", report.files_skipped}};
  auto errors = nlohmann::ordered_json::array();
  for (const auto& e : report.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  out << ",\n  \"summary\": " << dump(summary, "  ") << ",\n  \"errors\": " << dump(errors, "  ") << "\n}\n";
}

}  // namespace calint
