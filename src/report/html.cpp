// html: one self-contained page a security reviewer opens, prints and forwards. No request leaves
// it (inline CSS and SVG; a Content-Security-Policy says so to the browser), and every value from
// metadata or policy is escaped. tests/html_check.py loads it in Chromium.
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "report/html_text.h"

namespace calint {

namespace html {
std::string_view style_sheet();
}  // namespace html

namespace {

using html::h;

std::string chips(const std::array<std::size_t, 5>& by_severity) {
  std::string out;
  for (Severity s : kSeverities) {
    std::size_t n = by_severity[static_cast<std::size_t>(s)];
    if (n > 0)
      out += fmt::format("<span class=\"chip tag {}\" title=\"{}\">{}</span>", html::sev_class(s), to_string(s), n);
  }
  return out.empty() ? "<span class=\"muted\">none</span>" : out;
}

std::string list_cell(const std::vector<std::string>& items) {
  if (items.empty()) return "<span class=\"muted\">&mdash;</span>";
  if (items.size() == 1) return h(items.front());
  std::string out = "<ul>";
  for (const auto& i : items) out += "<li>" + h(i) + "</li>";
  return out + "</ul>";
}

/// Short values (scopes, flows) as pills; `hot` ones (Full, Web, RefreshToken) stand out.
std::string pills(const std::vector<std::string>& items, bool mark_broad) {
  if (items.empty()) return "<span class=\"muted\">&mdash;</span>";
  std::string out;
  for (const auto& i : items) {
    bool hot = mark_broad && (i == "Full" || i == "Web" || i == "RefreshToken" || i == "OfflineAccess");
    out += fmt::format("<span class=\"pill{}\">{}</span>", hot ? " hot" : "", h(i));
  }
  return out;
}

std::string text_cell(const std::string& s) { return s.empty() ? "<span class=\"muted\">&mdash;</span>" : h(s); }

/// Row ids of the inventory, by (export, type, name).
using AppIndex = std::map<std::tuple<int, std::string_view, std::string_view>, std::size_t>;

std::string app_anchor(const AppIndex& apps, int export_index, const std::string& type, const std::string& name) {
  auto it = apps.find(std::make_tuple(export_index, std::string_view(type), std::string_view(name)));
  return it == apps.end() ? std::string() : fmt::format("app-{}", it->second);
}

void write_head(std::ostream& out, const ReportView& view) {
  const Report& report = view.report;
  std::string roots;
  for (const auto& r : report.roots) roots += (roots.empty() ? "" : ", ") + r.path;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"calint " << h(report.tool_version) << "\">\n"
      << "<title>calint audit of " << h(roots) << ": " << h(view.verdict_line()) << "</title>\n"
      << "<style>" << html::style_sheet() << "</style>\n</head>\n<body>\n";
}

void write_header(std::ostream& out, const ReportView& view) {
  const Report& report = view.report;
  static constexpr std::array<std::string_view, 4> kVerdictClass = {"pass", "fail", "report", "error"};
  out << "<header class=\"top\"><div class=\"inner\">\n<h1>Connected App and External Client App audit</h1>\n"
      << "<p class=\"sub\">OAuth configuration of Salesforce metadata, checked by calint against a policy</p>\n"
      << "<div class=\"verdict " << kVerdictClass[static_cast<std::size_t>(view.verdict)] << "\" id=\"verdict\">"
      << h(view.verdict_line()) << "</div>\n<dl class=\"meta\">\n<dt>Exports audited</dt><dd>";
  for (std::size_t i = 0; i < report.roots.size(); ++i) out << (i ? "<br>" : "") << h(report.roots[i].path);
  out << "</dd>\n<dt>Policy</dt><dd>" << h(report.policy.source) << "</dd>\n<dt>Fail threshold</dt><dd>"
      << (report.policy.fail_on ? std::string(to_string(*report.policy.fail_on)) : std::string("none (--exit-zero)"))
      << "</dd>\n<dt>Audit date</dt><dd>" << format_date(report.as_of) << "</dd>\n<dt>calint</dt><dd>"
      << h(report.tool_version) << "</dd>\n<dt>Scope</dt><dd>"
      << fmt::format("{} ({} apps) in {} audited, {} skipped", plural(report.components, "component"),
                     report.app_count(), plural(report.files_audited, "file"), report.files_skipped)
      << (report.partial ? "; partial run" : "") << "</dd>\n</dl>\n</div></header>\n";
  out << "<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#inventory\">App inventory</a>"
      << "<a href=\"#findings\">Findings</a>" << (view.suppressed.empty() ? "" : "<a href=\"#accepted\">Accepted</a>")
      << "<a href=\"#rules\">Rules</a><a href=\"#diagnostics\">Diagnostics</a></nav>\n<main>\n";
  if (report.partial) {
    out << "<div class=\"banner\" id=\"partial\"><strong>Partial run:</strong> only the components of the files "
           "given are reported (their project is read as context); checks for what is missing or unused did not run, "
           "and the inventory lists only the apps reported.</div>\n";
  }
}

void write_summary(std::ostream& out, const ReportView& view) {
  const Report& report = view.report;
  std::size_t apps_with_findings = 0;
  for (const auto& a : report.inventory) {
    if (a.usage_only()) continue;
    std::size_t n = 0;
    for (auto c : a.findings) n += c;
    apps_with_findings += n > 0 ? 1 : 0;
  }
  auto card = [&](auto n, std::string_view label, std::string_view cls = "") {
    out << "<div class=\"card " << cls << "\"><div class=\"n\">" << n << "</div><div class=\"l\">" << label
        << "</div></div>";
  };
  out << "<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">";
  card(view.total, "findings");
  card(view.count(Severity::Critical), "critical", "sev-critical");
  card(view.count(Severity::High), "high", "sev-high");
  if (view.failing) card(*view.failing, fmt::format("at or above {}", to_string(*report.policy.fail_on)));
  card(fmt::format("{} / {}", apps_with_findings, report.app_count()), "apps with findings");
  card(view.suppressed.size(), "accepted by exceptions");
  if (report.baseline) {
    card(report.baseline->new_findings, "new since the baseline");
    card(report.baseline->unchanged, "unchanged");
    card(report.baseline->fixed.size(), "fixed");
  }
  out << "</div>\n<div class=\"charts\"><figure><figcaption>Findings by severity</figcaption>"
      << html::severity_chart(view) << "</figure>\n";
  if (!view.groups.empty()) {
    out << "<figure><figcaption>Findings by app and rule</figcaption>" << html::matrix_chart(view) << "</figure>\n";
  }
  out << "</div></section>\n";
}

std::string_view other_type(std::string_view type) {
  return type == "ConnectedApp" ? "ExternalClientApplication" : "ConnectedApp";
}

/// The usage cell: users and tokens, first and last use.
std::string usage_cell(const InventoryUsage& u) {
  if (u.tokens == 0) return "<span class=\"muted\">no tokens</span>";
  return fmt::format("{} user{}, {} token{}<br><span class=\"muted\">{} to {}</span>", u.users, u.users == 1 ? "" : "s",
                     u.tokens, u.tokens == 1 ? "" : "s", u.first_use ? format_date(*u.first_use) : "?",
                     u.last_use ? format_date(*u.last_use) : "?");
}

void write_inventory_row(std::ostream& out, const Report& report, std::size_t i, const AppIndex& apps, bool owners,
                         bool usage) {
  const InventoryApp& a = report.inventory[i];
  out << "<tr id=\"app-" << i << "\" class=\"app\" data-name=\"" << h(a.component.name) << "\"><td class=\"app\">"
      << "<div class=\"type\">" << h(a.component.type) << "</div><strong>" << h(a.component.name) << "</strong>";
  if (!a.component.label.empty() && a.component.label != a.component.name) {
    out << "<br><span class=\"muted\">" << h(a.component.label) << "</span>";
  }
  if (!a.same_as.empty()) {
    std::string type(other_type(a.component.type));
    std::string other = app_anchor(apps, a.export_index, type, a.same_as);
    out << "<br><span class=\"muted\">same integration as " << (other.empty() ? "" : "<a href=\"#" + other + "\">")
        << h(type) << ' ' << h(a.same_as) << (other.empty() ? "" : "</a>") << "</span>";
  }
  if (report.roots.size() > 1) out << "<br><span class=\"muted\">in " << h(report.root(a.export_index)) << "</span>";
  std::string users = a.permitted_users;
  if (a.permitted_users_default) users += " (default)";
  std::string flows = pills(a.flows, false);
  if (!a.run_as_user.empty()) flows += "<br><span class=\"muted\">runs as " + h(a.run_as_user) + "</span>";
  out << "</td><td class=\"contact\">" << text_cell(a.contact_email) << "</td><td"
      << (a.permitted_users == "self-authorized" ? " class=\"warn\"" : "") << ">" << text_cell(users)
      << "</td><td class=\"scopes\">" << pills(a.scopes, true) << "</td><td class=\"urls\">"
      << list_cell(a.callback_urls) << "</td><td>" << flows << "</td><td>" << text_cell(a.pkce) << "</td><td>"
      << text_cell(a.ip_relaxation) << "</td><td>" << text_cell(a.refresh_token_policy) << "</td><td>"
      << text_cell(a.session_timeout.empty() ? "" : a.session_timeout + " min") << "</td><td>" << list_cell(a.profiles)
      << "</td><td>" << list_cell(a.permission_sets) << "</td>";
  if (owners) out << "<td>" << text_cell(a.owner) << "</td><td>" << text_cell(a.criticality) << "</td>";
  if (usage) out << "<td>" << (a.usage ? usage_cell(*a.usage) : std::string()) << "</td>";
  out << "<td>" << chips(a.findings) << "</td></tr>\n";
}

void write_inventory_table(std::ostream& out, const Report& report, const AppIndex& apps) {
  bool owners = false;
  bool usage = false;
  for (const auto& a : report.inventory) {
    owners = owners || !a.owner.empty() || !a.criticality.empty();
    usage = usage || a.usage.has_value();
  }
  out << "<section id=\"inventory\"><h2>App inventory</h2>\n";
  if (report.inventory.empty()) {
    out << "<p class=\"muted\">No Connected App or External Client App in the export.</p></section>\n";
    return;
  }
  out << "<div class=\"scroll\"><table class=\"inventory\"><thead><tr><th>App</th><th>Contact</th>"
      << "<th>Permitted users</th><th>Scopes</th><th>Callback URLs</th><th>Flows</th><th>PKCE</th>"
      << "<th>IP relaxation</th><th>Refresh tokens</th><th>Session timeout</th><th>Profiles</th>"
      << "<th>Permission sets</th>" << (owners ? "<th>Owner</th><th>Criticality</th>" : "")
      << (usage ? "<th>OAuth usage</th>" : "") << "<th>Findings</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < report.inventory.size(); ++i) write_inventory_row(out, report, i, apps, owners, usage);
  out << "</tbody></table></div></section>\n";
}

std::string location_text(const Finding& f, const Report& report) {
  if (!f.file.empty()) return fmt::format("{}:{}:{}", f.file, f.line, f.column);
  return report.root(f.export_index) + " (org-wide: no file holds this setting)";
}

void write_finding(std::ostream& out, const Finding& f, const Report& report) {
  const RuleInfo* rule = report.rule(f.rule);
  out << "<details class=\"finding " << html::sev_class(f.severity) << "\" id=\"f-" << h(f.fingerprint)
      << "\" data-fingerprint=\"" << h(f.fingerprint) << "\" data-rule=\"" << h(f.rule)
      << "\"><summary><span class=\"tag\">" << to_string(f.severity) << "</span><span class=\"rule\">" << h(f.rule)
      << ' ' << h(f.name) << "</span>" << h(f.message) << "<span class=\"loc\">" << h(location_text(f, report))
      << "</span>";
  if (f.baseline == BaselineState::New) out << " <span class=\"tag sev-info\">new</span>";
  if (f.baseline == BaselineState::Unchanged)
    out << " <span class=\"tag sev-info\">unchanged since the baseline</span>";
  out << "</summary>\n<div class=\"body\">";
  if (rule) out << "<p class=\"msg\">" << h(rule->id) << ' ' << h(rule->name) << ": " << h(rule->summary) << "</p>";
  if (!f.evidence.empty()) {
    out << "<pre class=\"evidence\"><span class=\"ln\">" << f.line << "</span>" << h(f.evidence) << "</pre>";
  }
  if (rule) {
    out << "<h4>Why it matters</h4>" << html::prose(rule->rationale) << "<h4>How to fix it</h4>"
        << html::prose(rule->remediation);
    out << "<p class=\"refs\">";
    if (!rule->controls.empty()) out << "Benchmark: " << h(fmt::format("{}", fmt::join(rule->controls, ", "))) << ". ";
    for (std::size_t i = 0; i < rule->references.size(); ++i) {
      out << (i ? " &middot; " : "References: ") << html::link(rule->references[i].url, rule->references[i].title);
    }
    out << "</p>";
  }
  out << "<p class=\"muted\">Fingerprint <code>" << h(f.fingerprint) << "</code></p></div></details>\n";
}

void write_findings(std::ostream& out, const ReportView& view, const AppIndex& apps) {
  const Report& report = view.report;
  out << "<section id=\"findings\"><h2>Findings by app</h2>\n";
  if (view.groups.empty()) out << "<p class=\"muted\">No finding.</p>\n";
  for (const auto& g : view.groups) {
    const Finding& head = *g.first;
    std::array<std::size_t, 5> counts{};
    for (const Finding* f : g.findings) ++counts[static_cast<std::size_t>(f->severity)];
    std::string anchor = app_anchor(apps, head.export_index, head.component.type, head.component.name);
    out << "<article class=\"component\" data-name=\"" << h(head.component.name) << "\"><header><span class=\"type\">"
        << h(head.component.type) << "</span><h3>" << h(head.component.name) << "</h3>";
    if (!head.component.label.empty() && head.component.label != head.component.name) {
      out << "<span class=\"label\">" << h(head.component.label) << "</span>";
    }
    out << chips(counts);
    if (!head.same_as.type.empty()) {
      std::string other = app_anchor(apps, head.export_index, head.same_as.type, head.same_as.name);
      out << "<span class=\"muted\">same integration as " << h(head.same_as.type) << ' '
          << (other.empty() ? h(head.same_as.name) : "<a href=\"#" + other + "\">" + h(head.same_as.name) + "</a>")
          << "</span>";
    }
    if (report.roots.size() > 1) out << "<span class=\"muted\">in " << h(report.root(head.export_index)) << "</span>";
    if (!anchor.empty()) out << "<a href=\"#" << anchor << "\">inventory</a>";
    out << "</header>\n";
    for (const Finding* f : g.findings) write_finding(out, *f, report);
    out << "</article>\n";
  }
  out << "</section>\n";
}

void write_accepted(std::ostream& out, const ReportView& view) {
  if (view.suppressed.empty()) return;
  out << "<section id=\"accepted\"><h2>Accepted by policy exceptions</h2>\n<div class=\"scroll\"><table><thead><tr>"
      << "<th>Severity</th><th>Rule</th><th>Component</th><th>Location</th><th>Finding</th><th>Justification</th>"
      << "<th>Expires</th><th>Owner</th><th>Ticket</th><th>Policy entry</th></tr></thead><tbody>\n";
  for (const Finding* f : view.suppressed) {
    const Suppression& s = *f->suppression;
    out << "<tr class=\"accepted " << html::sev_class(f->severity) << "\" data-fingerprint=\"" << h(f->fingerprint)
        << "\"><td><span class=\"tag\">" << to_string(f->severity) << "</span></td><td>" << h(f->rule) << ' '
        << h(f->name) << "</td><td>" << h(f->component.type) << ' ' << h(f->component.name) << "</td><td>"
        << h(location_text(*f, view.report)) << "</td><td>" << h(f->message) << "</td><td>" << h(s.justification)
        << "</td><td>" << text_cell(s.expires ? format_date(*s.expires) : "") << "</td><td>" << text_cell(s.owner)
        << "</td><td>" << text_cell(s.ticket) << "</td><td>" << text_cell(s.where) << "</td></tr>\n";
  }
  out << "</tbody></table></div></section>\n";
}

void write_fixed(std::ostream& out, const Report& report) {
  if (!report.baseline) return;
  const auto& b = *report.baseline;
  out << "<section id=\"baseline\"><h2>Baseline</h2>\n<p>Compared with " << h(b.path) << ": " << b.new_findings
      << " new, " << b.unchanged << " unchanged, " << b.fixed.size() << " fixed.</p>\n";
  if (!b.fixed.empty()) {
    out << "<div class=\"scroll\"><table><thead><tr><th>Rule</th><th>Component</th><th>Finding</th>"
        << "<th>Fingerprint</th></tr></thead><tbody>\n";
    for (const auto& f : b.fixed) {
      out << "<tr class=\"fixed\"><td>" << h(f.rule) << "</td><td>" << h(f.component.type) << ' ' << h(f.component.name)
          << "</td><td>" << h(f.message) << "</td><td><code>" << h(f.fingerprint) << "</code></td></tr>\n";
    }
    out << "</tbody></table></div>\n";
  }
  out << "</section>\n";
}

void write_rules(std::ostream& out, const ReportView& view) {
  out << "<section id=\"rules\"><h2>Rules triggered</h2>\n";
  if (view.fired.empty()) {
    out << "<p class=\"muted\">None of the " << view.report.rules.size() << " rules that ran found anything.</p>";
  } else {
    out << "<div class=\"scroll\"><table><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th><th>What it "
        << "checks</th><th>Benchmark</th></tr></thead><tbody>\n";
    for (const auto& [rule, count] : view.fired) {
      out << "<tr class=\"" << html::sev_class(rule->severity) << "\"><td><strong>" << h(rule->id) << "</strong> "
          << h(rule->name) << "</td><td><span class=\"tag\">" << to_string(rule->severity)
          << "</span></td><td class=\"num\">" << count << "</td><td>" << h(rule->summary) << "</td><td>"
          << h(fmt::format("{}", fmt::join(rule->controls, ", "))) << "</td></tr>\n";
    }
    out << "</tbody></table></div>\n";
  }
  out << "<p class=\"muted\">" << view.report.rules.size() << " rules ran. <code>calint explain ID</code> prints a "
      << "rule's full text and the policy parameters it uses.</p></section>\n";
}

void write_diagnostics(std::ostream& out, const Report& report) {
  out << "<section id=\"diagnostics\"><h2>Errors, warnings and notes</h2>\n";
  if (report.errors.empty() && report.warnings.empty() && report.notes.empty()) {
    out << "<p class=\"muted\">None.</p>";
  }
  auto list = [&](std::string_view title, std::string_view cls, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out << "<h3>" << title << "</h3><ul class=\"" << cls << "\">";
    for (const auto& i : items) out << "<li>" << h(i) << "</li>";
    out << "</ul>\n";
  };
  std::vector<std::string> errors;
  for (const auto& e : report.errors) errors.push_back(e.path + ": " + e.message);
  list("Errors (inputs that could not be audited)", "errors", errors);
  list("Warnings", "warnings", report.warnings);
  list("Notes", "notes", report.notes);
  out << "</section>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportView& view, const FormatOptions& /*options*/) {
  const Report& report = view.report;
  AppIndex apps;
  for (std::size_t i = 0; i < report.inventory.size(); ++i) {
    const auto& a = report.inventory[i];
    apps.emplace(
        std::make_tuple(a.export_index, std::string_view(a.component.type), std::string_view(a.component.name)), i);
  }
  write_head(out, view);
  write_header(out, view);
  write_summary(out, view);
  write_inventory_table(out, report, apps);
  write_findings(out, view, apps);
  write_accepted(out, view);
  write_fixed(out, report);
  write_rules(out, view);
  write_diagnostics(out, report);
  out << "<footer>Written by calint " << h(report.tool_version) << " from the audit of " << format_date(report.as_of)
      << ". The page makes no request: it holds everything it shows.</footer>\n</main>\n</body>\n</html>\n";
}

}  // namespace calint
