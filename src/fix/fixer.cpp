#include "fix/fixer.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "fix/xml_text.h"

namespace calint::fix {

namespace {

constexpr std::string_view kCaRoot = "ConnectedApp";
constexpr std::string_view kEcaPolicies = "ExtlClntAppOauthConfigurablePolicies";
constexpr std::string_view kEcaSettings = "ExtlClntAppOauthSettings";

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// Metadata API schema order: the children of every type calint edits come in alphabetical order
/// of element name (the WSDL's sequence; every real retrieve is written so).
bool sorts_before(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

std::string element(std::string_view name, std::string_view value) {
  return fmt::format("<{0}>{1}</{0}>", name, value);
}

/// One file's text with its element map, edited in place; every edit re-maps the text.
class Doc {
 public:
  explicit Doc(std::string_view text) : text_(text) { remap(); }

  [[nodiscard]] bool ok() const { return map_.ok; }
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] const XmlMap& map() const { return map_; }
  [[nodiscard]] std::string_view root() const { return map_.elements[0].name; }
  [[nodiscard]] int find(std::string_view path) const { return map_.find(path); }
  [[nodiscard]] std::string_view value(int e) const { return map_.text(text_, e); }

  /// Replaces a leaf element's content.
  void set(int e, std::string_view value) {
    const XmlElement& el = at(e);
    if (el.self_closing) {
      replace(el.open_begin, el.open_end, element(el.name, value));
    } else {
      replace(el.open_end, el.close_begin, value);
    }
  }

  /// Inserts `xml` (one element, its lines after the first indented relative to it) as a child of
  /// `parent` named `name`, where the alphabetical order puts it.
  bool insert(int parent, std::string_view name, const std::vector<std::string>& lines) {
    const XmlElement& p = at(parent);
    if (p.self_closing) return false;
    const std::string nl = layout_.newline;
    for (int c : p.children) {
      const XmlElement& sibling = at(c);
      if (!sorts_before(name, sibling.name)) continue;
      std::string indent = indentation_of(text_, sibling.open_begin);
      // Before the sibling, on a line of its own with the sibling's indentation.
      replace(sibling.open_begin, sibling.open_begin,
              block(lines, indent) + (indent.empty() && !line_start(sibling.open_begin) ? "" : nl + indent));
      return true;
    }
    if (!p.children.empty()) {
      const XmlElement& last = at(p.children.back());
      std::string indent = indentation_of(text_, last.open_begin);
      replace(last.close_end, last.close_end, nl + indent + block(lines, indent));
      return true;
    }
    std::string outer = indentation_of(text_, p.open_begin);
    std::string inner = outer + layout_.indent;
    replace(p.open_end, p.close_begin, nl + inner + block(lines, inner) + nl + outer);
    return true;
  }

  /// Removes an element, with its line when it has one to itself.
  void remove(int e) {
    const XmlElement& el = at(e);
    std::size_t begin = el.open_begin;
    std::size_t end = el.close_end;
    std::size_t line = begin;
    while (line > 0 && (text_[line - 1] == ' ' || text_[line - 1] == '\t')) --line;
    std::size_t after = end;
    while (after < text_.size() && (text_[after] == ' ' || text_[after] == '\t')) ++after;
    const bool own_line = (line == 0 || text_[line - 1] == '\n') &&
                          (after == text_.size() || text_[after] == '\n' || text_[after] == '\r');
    if (own_line && line > 0) {
      if (after < text_.size() && text_[after] == '\r') ++after;
      if (after < text_.size() && text_[after] == '\n') ++after;
      begin = line;
      end = after;
    }
    replace(begin, end, "");
  }

  /// Sets the child `name` of `parent` to `value`, inserting it when absent.
  bool put(int parent, std::string_view name, std::string_view value) {
    auto found = map_.children(parent, name);
    if (!found.empty()) {
      set(found.front(), value);
      return true;
    }
    return insert(parent, name, {element(name, value)});
  }

 private:
  [[nodiscard]] const XmlElement& at(int e) const { return map_.elements[static_cast<std::size_t>(e)]; }
  [[nodiscard]] bool line_start(std::size_t offset) const {
    return offset == 0 || text_[offset - 1] == '\n' || !indentation_of(text_, offset).empty();
  }
  [[nodiscard]] std::string block(const std::vector<std::string>& lines, const std::string& indent) const {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out += layout_.newline + indent;
      out += lines[i];
    }
    return out;
  }
  void replace(std::size_t begin, std::size_t end, std::string_view with) {
    text_.replace(begin, end - begin, with);
    remap();
  }
  void remap() {
    map_ = map_xml(text_);
    if (map_.ok) layout_ = layout_of(text_, map_);
  }

  std::string text_;
  XmlMap map_;
  Layout layout_;
};

/// A refresh-token limit in the largest whole unit Salesforce accepts.
struct Limit {
  long long amount;
  std::string_view ca_unit;   ///< DAYS, HOURS
  std::string_view eca_unit;  ///< Days, Hours
};

Limit limit_of(long long hours) {
  if (hours % 24 == 0) return {hours / 24, "DAYS", "Days"};
  return {hours, "HOURS", "Hours"};
}

struct Step {
  FixStatus status = FixStatus::NotOffered;
  std::string what;
  bool unsafe = true;
  std::vector<std::string> consequences;
};

Step not_offered(std::string why) { return {FixStatus::NotOffered, std::move(why), false, {}}; }

/// The oauthPolicy block a Connected App without one gets: the documented defaults, spelled out.
std::vector<std::string> oauth_policy_block(std::string_view indent, std::string_view refresh) {
  return {"<oauthPolicy>", fmt::format("{}{}", indent, element("ipRelaxation", "ENFORCE")),
          fmt::format("{}{}", indent, element("refreshTokenPolicy", refresh)), "</oauthPolicy>"};
}

std::string unit_indent(const Doc& doc) { return layout_of(doc.text(), doc.map()).indent; }

Step ip_relaxation_unset(Doc& doc, bool apply) {
  if (doc.root() == kCaRoot) {
    Step s{FixStatus::Fixed, "", false, {}};
    if (!apply) return s;
    if (int policy = doc.find("ConnectedApp/oauthPolicy"); policy >= 0) {
      if (!doc.put(policy, "ipRelaxation", "ENFORCE")) return not_offered("oauthPolicy is an empty element");
      s.what = "write ipRelaxation ENFORCE (the documented default) in oauthPolicy";
      return s;
    }
    if (doc.find("ConnectedApp/oauthConfig") < 0) return not_offered("the app has no oauthConfig");
    doc.insert(0, "oauthPolicy", oauth_policy_block(unit_indent(doc), "infinite"));
    s.what =
        "write an oauthPolicy with ipRelaxation ENFORCE and refreshTokenPolicy infinite (the documented "
        "defaults: behaviour unchanged)";
    return s;
  }
  if (doc.root() == kEcaPolicies) {
    Step s{FixStatus::Fixed,
           "write ipRelaxationPolicyType Enforce (External Client Apps document no default, so "
           "this can change who reaches the app)",
           true,
           {}};
    if (apply && !doc.put(0, "ipRelaxationPolicyType", "Enforce")) return not_offered("the file is an empty element");
    return s;
  }
  return not_offered("not a file calint fixes");
}

Step ip_relaxation_relaxed(Doc& doc, bool apply) {
  const bool ca = doc.root() == kCaRoot;
  int e = doc.find(ca ? "ConnectedApp/oauthPolicy/ipRelaxation"
                      : "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType");
  if (e < 0) return not_offered("the IP relaxation element is not in the file");
  Step s{FixStatus::Fixed,
         fmt::format("set {} to {} (users outside the org's IP ranges lose access)",
                     ca ? "ipRelaxation" : "ipRelaxationPolicyType", ca ? "ENFORCE" : "Enforce"),
         true,
         {}};
  if (apply) doc.set(e, ca ? "ENFORCE" : "Enforce");
  return s;
}

Step self_authorize(Doc& doc, bool apply) {
  if (doc.root() == kCaRoot) {
    int config = doc.find("ConnectedApp/oauthConfig");
    if (config < 0) return not_offered("the app has no oauthConfig");
    Step s{FixStatus::Fixed,
           "set isAdminApproved true: only users whose profile or permission set is assigned to the app can use it "
           "(assign them; tokens already issued stay valid until revoked)",
           true,
           {"CA104"}};
    if (apply && !doc.put(config, "isAdminApproved", "true")) return not_offered("oauthConfig is an empty element");
    return s;
  }
  if (doc.root() == kEcaPolicies) {
    Step s{FixStatus::Fixed,
           "set permittedUsersPolicyType AdminApprovedPreAuthorized: only users whose profile or permission set is "
           "assigned can use the app (assign them; tokens already issued stay valid until revoked)",
           true,
           {"CA104"}};
    if (apply && !doc.put(0, "permittedUsersPolicyType", "AdminApprovedPreAuthorized"))
      return not_offered("the file is an empty element");
    return s;
  }
  return not_offered("not a file calint fixes");
}

Step refresh_unlimited(Doc& doc, bool apply, const FixSettings& settings) {
  const Limit limit = limit_of(std::min<long long>(30 * 24, settings.max_inactivity_hours));
  if (doc.root() == kCaRoot) {
    const std::string value = fmt::format("specific_inactivity:{}:{}", limit.amount, limit.ca_unit);
    Step s{FixStatus::Fixed,
           fmt::format("set refreshTokenPolicy {}: refresh tokens unused that long expire", value),
           true,
           {}};
    if (!apply) return s;
    if (int policy = doc.find("ConnectedApp/oauthPolicy"); policy >= 0) {
      if (!doc.put(policy, "refreshTokenPolicy", value)) return not_offered("oauthPolicy is an empty element");
      return s;
    }
    if (doc.find("ConnectedApp/oauthConfig") < 0) return not_offered("the app has no oauthConfig");
    doc.insert(0, "oauthPolicy", oauth_policy_block(unit_indent(doc), value));
    s.what += " (in a new oauthPolicy, with ipRelaxation ENFORCE, the documented default)";
    return s;
  }
  if (doc.root() == kEcaPolicies) {
    Step s{FixStatus::Fixed,
           fmt::format("set refreshTokenPolicyType SpecificInactivity, {} {}: refresh tokens unused that long expire",
                       limit.amount, limit.eca_unit),
           true,
           {}};
    if (apply) {
      doc.put(0, "refreshTokenPolicyType", "SpecificInactivity");
      doc.put(0, "refreshTokenValidityPeriod", std::to_string(limit.amount));
      doc.put(0, "refreshTokenValidityUnit", limit.eca_unit);
    }
    return s;
  }
  return not_offered("not a file calint fixes");
}

Step refresh_too_long(Doc& doc, bool apply, const FixSettings& settings) {
  if (doc.root() == kCaRoot) {
    int e = doc.find("ConnectedApp/oauthPolicy/refreshTokenPolicy");
    if (e < 0) return not_offered("refreshTokenPolicy is not in the file");
    std::string_view value = doc.value(e);
    const bool lifetime = value.substr(0, 18) == "specific_lifetime:";
    if (!lifetime && value.substr(0, 20) != "specific_inactivity:")
      return not_offered("refreshTokenPolicy is not specific_*");
    const Limit limit = limit_of(lifetime ? settings.max_lifetime_hours : settings.max_inactivity_hours);
    const std::string fixed =
        fmt::format("{}:{}:{}", lifetime ? "specific_lifetime" : "specific_inactivity", limit.amount, limit.ca_unit);
    Step s{FixStatus::Fixed, fmt::format("set refreshTokenPolicy {}, the policy's limit", fixed), true, {}};
    if (apply) doc.set(e, fixed);
    return s;
  }
  if (doc.root() == kEcaPolicies) {
    int type = doc.find("ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType");
    if (type < 0) return not_offered("refreshTokenPolicyType is not in the file");
    const bool lifetime = iequal(doc.value(type), "SpecificLifetime");
    const Limit limit = limit_of(lifetime ? settings.max_lifetime_hours : settings.max_inactivity_hours);
    Step s{FixStatus::Fixed,
           fmt::format("set refreshTokenValidityPeriod {} and refreshTokenValidityUnit {}, the policy's limit",
                       limit.amount, limit.eca_unit),
           true,
           {}};
    if (apply) {
      doc.put(0, "refreshTokenValidityPeriod", std::to_string(limit.amount));
      doc.put(0, "refreshTokenValidityUnit", limit.eca_unit);
    }
    return s;
  }
  return not_offered("not a file calint fixes");
}

std::string kept_message(const std::vector<std::string>& kept) {
  std::string list;
  for (const auto& k : kept) list += (list.empty() ? "" : ", ") + k;
  return fmt::format(
      "remove scope Full; the app keeps {}: if the integration needed more of what Full gave "
      "(Api for the REST and SOAP APIs, Web for browser sessions, RefreshToken, Chatter, ...), add "
      "those scopes, never Full",
      list);
}

Step full_scope(Doc& doc, bool apply) {
  if (doc.root() == kCaRoot) {
    int config = doc.find("ConnectedApp/oauthConfig");
    if (config < 0) return not_offered("the app has no oauthConfig");
    std::vector<int> full;
    std::vector<std::string> kept;
    for (int e : doc.map().children(config, "scopes")) {
      if (iequal(doc.value(e), "Full"))
        full.push_back(e);
      else
        kept.emplace_back(doc.value(e));
    }
    if (full.empty()) return not_offered("no Full scope in the file");
    if (kept.empty())
      return not_offered(
          "Full is the app's only scope: removing it would leave none; choose the scopes the "
          "integration needs (usually Api and RefreshToken) by hand");
    Step s{FixStatus::Fixed, kept_message(kept), true, {}};
    if (apply) {
      for (auto it = full.rbegin(); it != full.rend(); ++it) doc.remove(*it);
    }
    return s;
  }
  if (doc.root() == kEcaSettings) {
    int e = doc.find("ExtlClntAppOauthSettings/commaSeparatedOauthScopes");
    if (e < 0) return not_offered("commaSeparatedOauthScopes is not in the file");
    std::string_view value = doc.value(e);
    std::vector<std::string> kept;
    bool found = false;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      std::string_view piece =
          value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
      while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
      if (iequal(piece, "Full"))
        found = true;
      else if (!piece.empty())
        kept.emplace_back(piece);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (!found) return not_offered("no Full scope in the file");
    if (kept.empty())
      return not_offered(
          "Full is the app's only scope: removing it would leave none; choose the scopes the "
          "integration needs (usually Api and RefreshToken) by hand");
    Step s{FixStatus::Fixed, kept_message(kept), true, {}};
    if (apply) {
      const std::string sep = value.find(", ") != std::string_view::npos ? ", " : ",";
      std::string joined;
      for (const auto& k : kept) joined += (joined.empty() ? "" : sep) + k;
      doc.set(e, joined);
    }
    return s;
  }
  return not_offered("not a file calint fixes");
}

Step plan(Doc& doc, const FixTarget& t, const FixSettings& settings, bool apply) {
  if (t.rule == "CA201") return ip_relaxation_unset(doc, apply);
  if (t.rule == "CA202" || t.rule == "CA203") return ip_relaxation_relaxed(doc, apply);
  if (t.rule == "CA103") return self_authorize(doc, apply);
  if (t.rule == "CA301") return refresh_unlimited(doc, apply, settings);
  if (t.rule == "CA302") return refresh_too_long(doc, apply, settings);
  if (t.rule == "CA101") return full_scope(doc, apply);
  return not_offered("calint has no fix for this rule");
}

}  // namespace

const std::vector<std::string>& fixable_rules() {
  static const std::vector<std::string> rules = {"CA101", "CA103", "CA201", "CA202", "CA203", "CA301", "CA302"};
  return rules;
}

FixResult fix_text(std::string_view text, const std::vector<FixTarget>& targets, const FixSettings& settings) {
  FixResult out;
  Doc doc(text);
  for (const auto& t : targets) {
    FixOutcome o;
    o.target = t;
    if (!doc.ok()) {
      o.what = "the file is not XML calint can edit";
      out.outcomes.push_back(std::move(o));
      continue;
    }
    // The same fix twice (two findings on one element, CA101 on two Full scopes) is done once.
    bool done_before = std::any_of(out.outcomes.begin(), out.outcomes.end(), [&](const FixOutcome& prev) {
      return prev.status == FixStatus::Fixed && prev.target.rule == t.rule && prev.target.element == t.element;
    });
    if (done_before) {
      o.status = FixStatus::Fixed;
      o.what = "fixed with the previous finding on this element";
      out.outcomes.push_back(std::move(o));
      continue;
    }
    Step probe = plan(doc, t, settings, false);
    if (probe.status == FixStatus::Fixed && probe.unsafe && !settings.unsafe) {
      o.status = FixStatus::NeedsUnsafe;
      o.what = probe.what;
    } else if (probe.status == FixStatus::Fixed) {
      Step applied = plan(doc, t, settings, true);
      o.status = applied.status;
      o.what = applied.what;
      o.consequences = applied.consequences;
    } else {
      o.what = probe.what;
    }
    out.outcomes.push_back(std::move(o));
  }
  out.text = doc.ok() ? doc.text() : std::string(text);
  return out;
}

}  // namespace calint::fix
