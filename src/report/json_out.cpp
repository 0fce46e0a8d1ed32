#include "report/json_out.h"

#include <charconv>
#include <optional>

#include "core/date.h"
#include "core/severity.h"
#include "core/text.h"
#include "report/json_dump.h"
#include "report/view.h"

namespace calint {

namespace {

/// Writes values in nlohmann's dump(2) layout: members and elements one per line, two more
/// spaces than their container, `{}` and `[]` when empty.
class JsonOut {
 public:
  JsonOut(std::string& out, std::size_t indent) : out_(out), indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The next member's key (ASCII, nothing to escape).
  void key(std::string_view k) {
    next();
    out_ += '"';
    out_ += k;
    out_ += "\": ";
  }
  /// The next element of an array.
  void element() { next(); }

  void string(std::string_view s) {
    if (!is_valid_utf8(s)) {  // nlohmann's replacement of invalid bytes, exactly
      out_ += dump_json(nlohmann::ordered_json(std::string(s)), -1);
      return;
    }
    out_ += '"';
    std::size_t run = 0;  // start of the bytes copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      const char* escape = nullptr;
      switch (c) {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        default:
          break;
      }
      const bool line_separator =
          c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9');
      if (escape == nullptr && c >= 0x20 && !line_separator) continue;
      out_.append(s, run, i - run);
      if (escape != nullptr) {
        out_ += escape;
      } else if (line_separator) {
        out_ += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
        i += 2;
      } else {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4U];
        out_ += kHex[c & 0xFU];
      }
      run = i + 1;
    }
    out_.append(s, run, s.size() - run);
    out_ += '"';
  }
  void text_or_null(std::string_view s) {
    if (s.empty())
      null();
    else
      string(s);
  }
  void null() { out_ += "null"; }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  template <class Int>
  void integer(Int n) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    out_.append(digits, end);
  }
  void strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) {
      element();
      string(s);
    }
    end_array();
  }

 private:
  void open(char bracket) {
    out_ += bracket;
    first_.push_back(true);
    indent_ += 2;
  }
  void close(char bracket) {
    indent_ -= 2;
    if (!first_.back()) {
      out_ += '\n';
      out_.append(indent_, ' ');
    }
    first_.pop_back();
    out_ += bracket;
  }
  void next() {
    out_ += first_.back() ? "\n" : ",\n";
    first_.back() = false;
    out_.append(indent_, ' ');
  }

  std::string& out_;
  std::size_t indent_;
  std::vector<bool> first_;
};

void by_severity(JsonOut& j, const std::array<std::size_t, 5>& counts) {
  j.begin_object();
  for (Severity s : kSeverities) {
    j.key(to_string(s));
    j.integer(counts[static_cast<std::size_t>(s)]);
  }
  j.end_object();
}

void date_or_null(JsonOut& j, const std::optional<Date>& d) {
  if (d)
    j.string(format_date(*d));
  else
    j.null();
}

}  // namespace

std::string finding_text(const Finding& f, std::size_t indent) {
  std::string out;
  out.reserve(768 + f.message.size() + f.evidence.size());
  JsonOut j(out, indent);
  const bool located = !f.file.empty();
  j.begin_object();
  j.key("rule");
  j.string(f.rule);
  j.key("name");
  j.string(f.name);
  j.key("severity");
  j.string(to_string(f.severity));
  j.key("message");
  j.string(f.message);
  j.key("file");
  located ? j.string(f.file) : j.null();
  j.key("line");
  located ? j.integer(f.line) : j.null();
  j.key("column");
  located ? j.integer(f.column) : j.null();
  j.key("component");
  j.begin_object();
  j.key("type");
  j.string(f.component.type);
  j.key("name");
  j.string(f.component.name);
  if (!f.component.label.empty()) {
    j.key("label");
    j.string(f.component.label);
  }
  if (!f.same_as.type.empty()) {
    j.key("same_as");
    j.begin_object();
    j.key("type");
    j.string(f.same_as.type);
    j.key("name");
    j.string(f.same_as.name);
    j.end_object();
  }
  j.end_object();
  j.key("element");
  j.string(f.element);
  j.key("value");
  j.text_or_null(f.key);
  j.key("fingerprint");
  j.string(f.fingerprint);
  j.key("suppressed");
  j.boolean(f.suppressed());
  j.key("suppression");
  if (const auto& s = f.suppression) {
    j.begin_object();
    j.key("kind");
    j.string(s->kind);
    j.key("justification");
    j.string(s->justification);
    j.key("expires");
    date_or_null(j, s->expires);
    j.key("owner");
    j.text_or_null(s->owner);
    j.key("ticket");
    j.text_or_null(s->ticket);
    j.key("where");
    j.text_or_null(s->where);
    j.end_object();
  } else {
    j.null();
  }
  j.key("baseline");
  f.baseline == BaselineState::None ? j.null() : j.string(baseline_name(f.baseline));
  j.key("evidence");
  j.text_or_null(f.evidence);
  j.key("export");
  j.integer(f.export_index);
  j.end_object();
  return out;
}

std::string inventory_text(const InventoryApp& a, std::size_t indent) {
  std::string out;
  out.reserve(1024);
  JsonOut j(out, indent);
  j.begin_object();
  j.key("type");
  j.string(a.component.type);
  j.key("name");
  j.string(a.component.name);
  j.key("label");
  j.string(a.component.label);
  j.key("same_as");
  j.text_or_null(a.same_as);
  j.key("export");
  j.integer(a.export_index);
  j.key("file");
  j.string(a.file);
  j.key("contact_email");
  j.string(a.contact_email);
  j.key("permitted_users");
  j.string(a.permitted_users);
  j.key("permitted_users_default");
  j.boolean(a.permitted_users_default);
  j.key("scopes");
  j.strings(a.scopes);
  j.key("callback_urls");
  j.strings(a.callback_urls);
  j.key("flows");
  j.strings(a.flows);
  j.key("run_as_user");
  j.string(a.run_as_user);
  j.key("pkce");
  j.string(a.pkce);
  j.key("ip_relaxation");
  j.string(a.ip_relaxation);
  j.key("refresh_token_policy");
  j.string(a.refresh_token_policy);
  j.key("session_timeout");
  j.string(a.session_timeout);
  j.key("profiles");
  j.strings(a.profiles);
  j.key("permission_sets");
  j.strings(a.permission_sets);
  j.key("owner");
  j.string(a.owner);
  j.key("criticality");
  j.string(a.criticality);
  j.key("findings");
  by_severity(j, a.findings);
  if (a.usage) {
    j.key("usage");
    j.begin_object();
    j.key("users");
    j.integer(a.usage->users);
    j.key("tokens");
    j.integer(a.usage->tokens);
    j.key("first_use");
    date_or_null(j, a.usage->first_use);
    j.key("last_use");
    date_or_null(j, a.usage->last_use);
    j.end_object();
  }
  j.end_object();
  return out;
}

}  // namespace calint
