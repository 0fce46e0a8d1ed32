// csv: one row per finding; inventory: one row per app. RFC 4180 (CRLF, quotes doubled), UTF-8
// without a byte-order mark, and no cell a spreadsheet would run as a formula.
#include <fmt/format.h>

#include "report/formats.h"

namespace calint {

namespace {

/// One cell: a leading =, +, -, @, tab or CR gets a ' (so a spreadsheet shows text, never runs a
/// formula); quoted when it holds a comma, a quote or a line break.
std::string cell(std::string_view value) {
  std::string v;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) v = "'";
  v += value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + '"';
}

void row(std::ostream& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (auto c : cells) {
    if (!first) out << ',';
    out << cell(c);
    first = false;
  }
  out << "\r\n";
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

}  // namespace

void write_csv(std::ostream& out, const ReportView& view, const FormatOptions& /*options*/) {
  row(out, {"severity", "rule", "name", "component_type", "component", "label", "file", "line", "column", "message",
            "fingerprint", "suppressed", "justification", "expires", "owner", "ticket", "baseline", "evidence"});
  for (const auto& f : view.report.findings) {
    const Suppression* s = f.suppression ? &*f.suppression : nullptr;
    std::string line = f.file.empty() ? "" : std::to_string(f.line);
    std::string column = f.file.empty() ? "" : std::to_string(f.column);
    std::string expires = s && s->expires ? format_date(*s->expires) : "";
    row(out, {to_string(f.severity), f.rule, f.name, f.component.type, f.component.name, f.component.label, f.file,
              line, column, f.message, f.fingerprint, f.suppressed() ? "true" : "false",
              s ? s->justification : std::string_view(), expires, s ? s->owner : std::string_view(),
              s ? s->ticket : std::string_view(), baseline_name(f.baseline), f.evidence});
  }
}

void write_inventory(std::ostream& out, const ReportView& view, const FormatOptions& /*options*/) {
  const Report& report = view.report;
  row(out, {"type",
            "name",
            "label",
            "same_integration_as",
            "export",
            "file",
            "contact_email",
            "permitted_users",
            "permitted_users_default",
            "scopes",
            "callback_urls",
            "flows",
            "run_as_user",
            "pkce",
            "ip_relaxation",
            "refresh_token_policy",
            "session_timeout",
            "profiles",
            "permission_sets",
            "owner",
            "criticality",
            "critical",
            "high",
            "medium",
            "low",
            "info",
            "users",
            "tokens",
            "first_use",
            "last_use"});
  for (const auto& a : report.inventory) {
    // Usage columns: empty without usage data (`--usage`).
    std::array<std::string, 4> usage;
    if (a.usage) {
      usage = {std::to_string(a.usage->users), std::to_string(a.usage->tokens),
               a.usage->first_use ? format_date(*a.usage->first_use) : "",
               a.usage->last_use ? format_date(*a.usage->last_use) : ""};
    }
    std::array<std::string, 5> counts;
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = std::to_string(a.count(kSeverities[i]));
    row(out, {a.component.type,
              a.component.name,
              a.component.label,
              a.same_as,
              report.root(a.export_index),
              a.file,
              a.contact_email,
              a.permitted_users,
              a.permitted_users_default ? "true" : "false",
              joined(a.scopes),
              joined(a.callback_urls),
              joined(a.flows),
              a.run_as_user,
              a.pkce,
              a.ip_relaxation,
              a.refresh_token_policy,
              a.session_timeout,
              joined(a.profiles),
              joined(a.permission_sets),
              a.owner,
              a.criticality,
              counts[0],
              counts[1],
              counts[2],
              counts[3],
              counts[4],
              usage[0],
              usage[1],
              usage[2],
              usage[3]});
  }
}

}  // namespace calint
