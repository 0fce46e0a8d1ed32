// Reads what json.cpp writes. Strict: every key the writer always writes must be there with its
// type, so a report that renders is one that means what it says.
#include "report/json_reader.h"

#include <limits>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace calint {

namespace {

using Json = nlohmann::json;

/// A problem at a JSON pointer ("/findings/3/severity: expected a string").
struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Reader {
 public:
  Reader(const Json& j, std::string path) : j_(j), path_(std::move(path)) {}

  [[nodiscard]] Reader at(std::string_view key) const {
    if (!j_.is_object()) fail("expected an object");
    auto it = j_.find(std::string(key));
    if (it == j_.end()) throw Bad(fmt::format("{}: missing '{}'", where(), key));
    return {*it, path_ + "/" + std::string(key)};
  }
  [[nodiscard]] bool is_null() const { return j_.is_null(); }
  [[nodiscard]] bool has(std::string_view key) const { return j_.is_object() && j_.contains(std::string(key)); }

  [[nodiscard]] std::string str() const {
    if (!j_.is_string()) fail("expected a string");
    return j_.get<std::string>();
  }
  /// A string, or "" for null.
  [[nodiscard]] std::string str_or_empty() const { return is_null() ? std::string() : str(); }
  [[nodiscard]] bool boolean() const {
    if (!j_.is_boolean()) fail("expected true or false");
    return j_.get<bool>();
  }
  [[nodiscard]] long long integer(long long min, long long max) const {
    if (!j_.is_number_integer()) fail("expected an integer");
    long long v = j_.is_number_unsigned() && j_.get<unsigned long long>() >
                                                 static_cast<unsigned long long>(std::numeric_limits<long long>::max())
                      ? max + 1
                      : j_.get<long long>();
    if (v < min || v > max) fail(fmt::format("expected an integer from {} to {}", min, max));
    return v;
  }
  [[nodiscard]] int small_int() const { return static_cast<int>(integer(0, std::numeric_limits<int>::max())); }
  [[nodiscard]] std::size_t count() const {
    return static_cast<std::size_t>(integer(0, std::numeric_limits<long long>::max()));
  }
  [[nodiscard]] Severity severity() const {
    auto s = parse_severity(str());
    if (!s) fail("expected a severity (critical, high, medium, low, info)");
    return *s;
  }
  [[nodiscard]] Date date() const {
    auto d = parse_date(str());
    if (!d) fail("expected a date YYYY-MM-DD");
    return *d;
  }
  template <class F>
  void each(F&& f) const {
    if (!j_.is_array()) fail("expected an array");
    for (std::size_t i = 0; i < j_.size(); ++i) f(Reader(j_[i], path_ + "/" + std::to_string(i)));
  }
  [[nodiscard]] std::vector<std::string> strings() const {
    std::vector<std::string> out;
    each([&](const Reader& r) { out.push_back(r.str()); });
    return out;
  }

  [[noreturn]] void fail(std::string_view what) const { throw Bad(fmt::format("{}: {}", where(), what)); }

 private:
  [[nodiscard]] std::string where() const { return path_.empty() ? std::string("/") : path_; }
  const Json& j_;
  std::string path_;
};

ComponentRef component(const Reader& r, ComponentRef* same_as) {
  ComponentRef c{r.at("type").str(), r.at("name").str(), r.has("label") ? r.at("label").str() : std::string()};
  if (same_as && r.has("same_as")) *same_as = {r.at("same_as").at("type").str(), r.at("same_as").at("name").str(), ""};
  return c;
}

std::optional<Suppression> suppression(const Reader& r) {
  if (r.is_null()) return std::nullopt;
  Suppression s;
  s.kind = r.at("kind").str();
  s.justification = r.at("justification").str();
  if (!r.at("expires").is_null()) s.expires = r.at("expires").date();
  s.owner = r.at("owner").str_or_empty();
  s.ticket = r.at("ticket").str_or_empty();
  s.where = r.at("where").str_or_empty();
  return s;
}

BaselineState baseline_state(const Reader& r) {
  if (r.is_null()) return BaselineState::None;
  std::string s = r.str();
  if (s == "new") return BaselineState::New;
  if (s == "unchanged") return BaselineState::Unchanged;
  r.fail("expected null, \"new\" or \"unchanged\"");
}

Finding finding(const Reader& r) {
  Finding f;
  f.rule = r.at("rule").str();
  f.name = r.at("name").str();
  f.severity = r.at("severity").severity();
  f.message = r.at("message").str();
  if (!r.at("file").is_null()) {
    f.file = r.at("file").str();
    f.line = r.at("line").small_int();
    f.column = r.at("column").small_int();
  }
  f.component = component(r.at("component"), &f.same_as);
  f.element = r.at("element").str();
  f.key = r.at("value").str_or_empty();
  f.fingerprint = r.at("fingerprint").str();
  f.suppression = suppression(r.at("suppression"));
  if (r.at("suppressed").boolean() != f.suppression.has_value()) {
    r.at("suppressed").fail("does not agree with 'suppression'");
  }
  f.baseline = baseline_state(r.at("baseline"));
  f.evidence = r.at("evidence").str_or_empty();
  f.export_index = r.at("export").small_int();
  return f;
}

RuleInfo rule(const Reader& r) {
  RuleInfo info;
  info.id = r.at("id").str();
  info.name = r.at("name").str();
  info.severity = r.at("severity").severity();
  if (!r.at("escalated_severity").is_null()) info.escalated_severity = r.at("escalated_severity").severity();
  info.escalation = r.at("escalation").str_or_empty();
  if (!r.at("reduced_severity").is_null()) info.reduced_severity = r.at("reduced_severity").severity();
  info.reduction = r.at("reduction").str_or_empty();
  info.defined_in = r.at("defined_in").str_or_empty();
  info.summary = r.at("summary").str();
  info.rationale = r.at("rationale").str();
  info.remediation = r.at("remediation").str();
  r.at("references").each([&](const Reader& ref) {
    info.references.push_back({ref.at("title").str(), ref.at("url").str()});
  });
  info.controls = r.at("controls").strings();
  info.applies_to = r.at("applies_to").strings();
  return info;
}

std::array<std::size_t, 5> by_severity(const Reader& r) {
  std::array<std::size_t, 5> out{};
  for (Severity s : kSeverities) out[static_cast<std::size_t>(s)] = r.at(to_string(s)).count();
  return out;
}

InventoryApp inventory_app(const Reader& r) {
  InventoryApp a;
  a.component = {r.at("type").str(), r.at("name").str(), r.at("label").str()};
  a.same_as = r.at("same_as").str_or_empty();
  a.export_index = r.at("export").small_int();
  a.file = r.at("file").str();
  a.contact_email = r.at("contact_email").str();
  a.permitted_users = r.at("permitted_users").str();
  a.permitted_users_default = r.at("permitted_users_default").boolean();
  a.scopes = r.at("scopes").strings();
  a.callback_urls = r.at("callback_urls").strings();
  a.flows = r.at("flows").strings();
  a.run_as_user = r.at("run_as_user").str();
  a.pkce = r.at("pkce").str();
  a.ip_relaxation = r.at("ip_relaxation").str();
  a.refresh_token_policy = r.at("refresh_token_policy").str();
  a.session_timeout = r.at("session_timeout").str();
  a.profiles = r.at("profiles").strings();
  a.permission_sets = r.at("permission_sets").strings();
  a.owner = r.at("owner").str();
  a.criticality = r.at("criticality").str();
  a.findings = by_severity(r.at("findings"));
  if (r.has("usage")) {
    const Reader u = r.at("usage");
    InventoryUsage usage{u.at("users").count(), u.at("tokens").count(), std::nullopt, std::nullopt};
    if (!u.at("first_use").is_null()) usage.first_use = u.at("first_use").date();
    if (!u.at("last_use").is_null()) usage.last_use = u.at("last_use").date();
    a.usage = usage;
  }
  return a;
}

std::optional<BaselineSummary> baseline(const Reader& r) {
  if (r.is_null()) return std::nullopt;
  BaselineSummary b;
  b.path = r.at("path").str();
  b.new_findings = r.at("new").count();
  b.unchanged = r.at("unchanged").count();
  r.at("fixed").each([&](const Reader& f) {
    b.fixed.push_back(
        {f.at("fingerprint").str(), f.at("rule").str(), component(f.at("component"), nullptr), f.at("message").str()});
  });
  return b;
}

Report report(const Reader& r) {
  Report rep;
  rep.tool_version = r.at("tool").at("version").str();
  rep.as_of = r.at("audit_date").date();
  rep.policy.source = r.at("policy").at("source").str();
  if (!r.at("policy").at("fail_on").is_null()) rep.policy.fail_on = r.at("policy").at("fail_on").severity();
  rep.partial = r.at("partial").boolean();
  r.at("exports").each([&](const Reader& e) {
    rep.roots.push_back({e.at("path").str(), e.at("anchor").str_or_empty()});
  });
  r.at("findings").each([&](const Reader& f) { rep.findings.push_back(finding(f)); });
  r.at("rules").each([&](const Reader& x) { rep.rules.push_back(rule(x)); });
  for (std::size_t i = 1; i < rep.rules.size(); ++i) {
    if (!(rep.rules[i - 1].id < rep.rules[i].id)) r.at("rules").fail("rules must be sorted by id, each once");
  }
  r.at("inventory").each([&](const Reader& a) { rep.inventory.push_back(inventory_app(a)); });
  rep.baseline = baseline(r.at("baseline"));
  Reader summary = r.at("summary");
  rep.files_audited = summary.at("files_audited").count();
  rep.files_skipped = summary.at("files_skipped").count();
  rep.components = summary.at("components").count();
  rep.notes = r.at("notes").strings();
  rep.warnings = r.at("warnings").strings();
  r.at("errors").each([&](const Reader& e) { rep.errors.push_back({e.at("path").str(), e.at("message").str()}); });
  return rep;
}

}  // namespace

std::optional<Report> read_json_report(std::string_view text, std::string& error) {
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    // nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, ..."
    std::string what = e.what();
    if (auto at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
    error = "not JSON: " + what;
    return std::nullopt;
  }
  try {
    const Json* tool = doc.is_object() && doc.contains("tool") ? &doc["tool"] : nullptr;
    if (!tool || !tool->is_object() || !tool->contains("name") || (*tool)["name"] != "calint") {
      error = "not a calint report (no \"tool\": {\"name\": \"calint\"})";
      return std::nullopt;
    }
    if (!doc.contains("format_version")) {
      error = fmt::format(
          "a calint report without format_version (written by an older calint); this calint reads format_version "
          "{}: audit again with --format json",
          kReportFormatVersion);
      return std::nullopt;
    }
    const Json& version = doc["format_version"];
    if (!version.is_number_integer() || version.get<long long>() != kReportFormatVersion) {
      error = fmt::format("a calint report of format_version {}; this calint reads format_version {}",
                          version.dump().substr(0, 40), kReportFormatVersion);
      return std::nullopt;
    }
    return report(Reader(doc, ""));
  } catch (const Bad& e) {
    error = e.what();
  } catch (const Json::exception& e) {
    error = e.what();
  }
  return std::nullopt;
}

}  // namespace calint
