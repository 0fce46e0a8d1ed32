// The classifier of `calint diff`: one app's posture against another's, item by item, through the
// table in diff_table.cpp.
#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/date.h"
#include "engine/diff.h"
#include "engine/diff_table.h"

namespace calint {

namespace {

const Fact kNotSet{"not set", kUnknownRank};

PostureChange make(const DiffItem& item, std::string change, std::string before, std::string after, Direction d,
                   std::string reason) {
  return {std::string(item.key), std::string(item.what), std::move(change), std::move(before), std::move(after), d,
          std::move(reason)};
}

void compare_set(const DiffItem& item, const FactSet& before, const FactSet& after, std::vector<PostureChange>& out) {
  for (const auto& [key, shown] : after) {
    if (before.contains(key)) continue;
    out.push_back(make(item, "added", "", shown, item.on_widens ? Direction::Widens : Direction::Neutral,
                       std::string(item.on_widens ? item.widens : "no effect on access")));
  }
  for (const auto& [key, shown] : before) {
    if (after.contains(key)) continue;
    out.push_back(make(item, "removed", shown, "", item.on_widens ? Direction::Narrows : Direction::Neutral,
                       std::string(item.on_widens ? item.narrows : "no effect on access")));
  }
}

std::string neutral_reason(const DiffItem& item) {
  if (item.key == "client-credentials-user") return "the flow runs as another user: review that user's permissions";
  if (item.key == "plugin-execution-user") return "the plugin runs as another user: review that user's permissions";
  if (item.key == "session-policy-action") return "what happens when the session level is not met";
  return "no effect on who can get tokens or what they reach";
}

void compare_fact(const DiffItem& item, const std::string& key, const Fact* before, const Fact* after, bool migrated,
                  std::vector<PostureChange>& out) {
  if (!before && !after) return;
  bool text = item.kind == ItemKind::Text || item.kind == ItemKind::Hidden;
  if (migrated && text && (!before || !after)) return;  // a setting only one type has
  const Fact& b = before ? *before : kNotSet;
  const Fact& a = after ? *after : kNotSet;
  if (b.shown == a.shown) return;
  std::string what = key.starts_with("element:") ? key.substr(8) : std::string(item.what);
  auto change = [&](Direction d, std::string reason) {
    PostureChange c = make(item, "changed", b.shown, a.shown, d, std::move(reason));
    c.what = what;
    if (key.starts_with("element:")) c.item = key;
    if (item.kind == ItemKind::Flag && before && after) c.change = a.shown == "on" ? "enabled" : "disabled";
    if (item.kind == ItemKind::Hidden) {
      c.change = !before ? "added" : !after ? "removed" : "changed";
      c.before.clear();  // a secret or a key: never shown
      c.after.clear();
      c.reason = item.key == "consumer-secret"
                     ? fmt::format("consumer secret {} (value not shown; a committed secret is CA401)", c.change)
                     : fmt::format("{} {} (value not shown)", item.what, c.change);
    }
    out.push_back(std::move(c));
  };
  if (text) return change(Direction::Neutral, neutral_reason(item));
  if (b.rank == kUnknownRank || a.rank == kUnknownRank) {
    return change(Direction::Neutral,
                  fmt::format("direction unknown: {} has no value Salesforce documents on one side", item.what));
  }
  if (a.rank > b.rank) return change(Direction::Widens, std::string(item.widens));
  if (a.rank < b.rank) return change(Direction::Narrows, std::string(item.narrows));
  if (item.key == "ip-relaxation") {
    return change(Direction::Widens,
                  fmt::format("a different relaxation: {} exempts requests {} did not", a.shown, b.shown));
  }
  change(Direction::Neutral, "the same reach, written differently");
}

/// Bits of security (NIST SP 800-57) a certificate's key and signature digest give; the weaker.
int security_bits(const CertificateInfo& c) {
  int key = 0;
  if (c.key_type == "RSA" || c.key_type == "DSA") {
    key = c.key_bits >= 15360  ? 256
          : c.key_bits >= 7680 ? 192
          : c.key_bits >= 3072 ? 128
          : c.key_bits >= 2048 ? 112
          : c.key_bits >= 1024 ? 80
                               : 0;
  } else if (c.key_type == "EC") {
    key = c.key_bits / 2;
  } else if (c.key_type == "ED25519") {
    key = 128;
  } else if (c.key_type == "ED448") {
    key = 224;
  }
  int digest = c.digest.empty()       ? 256
               : c.digest == "MD5"    ? 0
               : c.digest == "SHA1"   ? 63
               : c.digest == "SHA224" ? 112
               : c.digest == "SHA256" ? 128
               : c.digest == "SHA384" ? 192
               : c.digest == "SHA512" ? 256
                                      : 0;
  return std::min(key, digest);
}

int weakest(const std::vector<CertificateInfo>& certs) {
  int bits = 1 << 20;
  for (const auto& c : certs) bits = std::min(bits, security_bits(c));
  return bits;
}

std::string describe(const AppPosture& p) {
  if (p.certificates.empty()) return "a certificate that cannot be decoded";
  std::vector<std::string> parts;
  for (const auto& c : p.certificates) {
    std::string key = c.key_bits > 0 ? fmt::format("{} {}", c.key_type, c.key_bits) : c.key_type;
    parts.push_back(fmt::format("{} ({}, {}, expires {})", c.subject, key, c.digest.empty() ? c.signature : c.digest,
                                format_date(c.not_after)));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

bool same_certificates(const AppPosture& a, const AppPosture& b) {
  auto key = [](const CertificateInfo& c) {
    return std::tie(c.subject, c.not_before, c.not_after, c.key_type, c.key_bits, c.signature);
  };
  if (a.certificates.size() != b.certificates.size() || a.certificate_text != b.certificate_text) return false;
  for (std::size_t i = 0; i < a.certificates.size(); ++i) {
    if (key(a.certificates[i]) != key(b.certificates[i])) return false;
  }
  return true;
}

void compare_certificate(const DiffItem& item, const AppPosture& b, const AppPosture& a,
                         std::vector<PostureChange>& out) {
  if (!b.has_certificate && !a.has_certificate) return;
  if (!b.has_certificate) {
    out.push_back(make(item, "added", "", describe(a), Direction::Widens, "the JWT bearer flow is enabled"));
    return;
  }
  if (!a.has_certificate) {
    out.push_back(make(item, "removed", describe(b), "", Direction::Narrows, "the JWT bearer flow is disabled"));
    return;
  }
  if (same_certificates(b, a)) return;
  if (a.certificates.empty() || b.certificates.empty()) {
    out.push_back(make(item, "replaced", describe(b), describe(a), Direction::Neutral,
                       "replaced; strength cannot be compared (a certificate does not decode, CA000 says why)"));
    return;
  }
  int before = weakest(b.certificates);
  int after = weakest(a.certificates);
  if (after < before) {
    out.push_back(make(item, "replaced", describe(b), describe(a), Direction::Widens,
                       fmt::format("replaced by a weaker one ({} bits of security, was {})", after, before)));
  } else if (after > before) {
    out.push_back(make(item, "replaced", describe(b), describe(a), Direction::Narrows,
                       fmt::format("replaced by a stronger one ({} bits of security, was {})", after, before)));
  } else {
    out.push_back(
        make(item, "replaced", describe(b), describe(a), Direction::Neutral, "replaced by one of equal strength"));
  }
}

const Fact* fact(const AppPosture& p, const std::string& key) {
  auto it = p.facts.find(key);
  return it == p.facts.end() ? nullptr : &it->second;
}

}  // namespace

std::vector<PostureChange> compare_apps(const AppPosture& before, const AppPosture& after, bool migrated) {
  static const FactSet kEmpty;
  std::vector<PostureChange> out;
  for (const DiffItem& item : diff_items()) {
    switch (item.kind) {
      case ItemKind::App:
        break;
      case ItemKind::Certificate:
        compare_certificate(item, before, after, out);
        break;
      case ItemKind::Set: {
        auto b = before.sets.find(std::string(item.key));
        auto a = after.sets.find(std::string(item.key));
        compare_set(item, b == before.sets.end() ? kEmpty : b->second, a == after.sets.end() ? kEmpty : a->second, out);
        break;
      }
      default:
        if (item.key != "element") {
          std::string key(item.key);
          compare_fact(item, key, fact(before, key), fact(after, key), migrated, out);
          break;
        }
        std::set<std::string> keys;  // every other element, by path
        for (const auto* p : {&before, &after}) {
          for (const auto& [k, v] : p->facts) {
            if (k.starts_with("element:")) keys.insert(k);
          }
        }
        for (const auto& k : keys) compare_fact(item, k, fact(before, k), fact(after, k), migrated, out);
    }
  }
  return out;
}

std::string posture_summary(const AppPosture& app) {
  std::vector<std::string> parts;
  if (const Fact* users = fact(app, "permitted-users")) parts.push_back(users->shown);
  if (auto it = app.sets.find("scope"); it != app.sets.end()) {
    std::vector<std::string> scopes;
    for (const auto& [k, shown] : it->second) scopes.push_back(shown);
    parts.push_back(fmt::format("scopes {}", fmt::join(scopes, ", ")));
  }
  std::vector<std::string> flows;
  if (auto it = app.sets.find("callback-url"); it != app.sets.end() && !it->second.empty())
    flows.emplace_back("web-server");
  if (app.has_certificate) flows.emplace_back("jwt-bearer");
  for (const char* flow : {"client-credentials", "device-flow", "token-exchange", "code-credentials"}) {
    const Fact* f = fact(app, flow);
    if (f && f->shown == "on") flows.emplace_back(flow);
  }
  if (!flows.empty()) parts.push_back(fmt::format("flows {}", fmt::join(flows, ", ")));
  if (parts.empty()) return "no OAuth settings";
  return fmt::format("{}", fmt::join(parts, " · "));
}

}  // namespace calint
