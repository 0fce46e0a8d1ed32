// The classifier of `calint diff`: every row of the table (engine/diff_table.cpp, docs/diff.md) on
// postures built by hand, then the diff of two finished sides and the renderers.
#include <catch2/catch.hpp>

#include <sstream>

#include "engine/diff.h"
#include "engine/diff_table.h"
#include "report/diff_formats.h"
#include "test_support.h"

using namespace calint;

namespace {

AppPosture app(std::string name = "App", std::string type = "ConnectedApp") {
  AppPosture p;
  p.name = std::move(name);
  p.type = std::move(type);
  return p;
}

/// The one change from `before` to `after`; fails when there is not exactly one.
PostureChange one(const AppPosture& before, const AppPosture& after, bool migrated = false) {
  auto changes = compare_apps(before, after, migrated);
  REQUIRE(changes.size() == 1);
  return changes.front();
}

CertificateInfo cert(std::string subject, std::string key, int bits, std::string digest, const char* expires) {
  CertificateInfo c;
  c.subject = std::move(subject);
  c.key_type = std::move(key);
  c.key_bits = bits;
  c.digest = std::move(digest);
  c.signature = c.digest + "WithRSAEncryption";
  c.not_after = *parse_date(expires);
  return c;
}

}  // namespace

TEST_CASE("diff: flags turn on and off in the table's direction", "[diff]") {
  // Every flag of the table: turning it on goes the way `on_widens` says, and back the other way.
  for (const DiffItem& item : diff_items()) {
    if (item.kind != ItemKind::Flag) continue;
    INFO(item.key);
    AppPosture off = app();
    AppPosture on = app();
    off.facts[std::string(item.key)] = {"off", item.on_widens ? 0 : 1};
    on.facts[std::string(item.key)] = {"on", item.on_widens ? 1 : 0};
    PostureChange enable = one(off, on);
    CHECK(enable.change == "enabled");
    CHECK(enable.item == item.key);
    CHECK(enable.direction == (item.on_widens ? Direction::Widens : Direction::Narrows));
    CHECK(enable.reason == (item.on_widens ? item.widens : item.narrows));
    PostureChange disable = one(on, off);
    CHECK(disable.change == "disabled");
    CHECK(disable.direction == (item.on_widens ? Direction::Narrows : Direction::Widens));
  }
}

TEST_CASE("diff: sets add and remove members", "[diff]") {
  for (const DiffItem& item : diff_items()) {
    if (item.kind != ItemKind::Set) continue;
    INFO(item.key);
    AppPosture before = app();
    AppPosture after = app();
    before.sets[std::string(item.key)] = {{"kept", "Kept"}, {"gone", "Gone"}};
    after.sets[std::string(item.key)] = {{"kept", "Kept"}, {"new", "New"}};
    auto changes = compare_apps(before, after);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].change == "added");
    CHECK(changes[0].after == "New");
    CHECK(changes[0].direction == Direction::Widens);
    CHECK(changes[1].change == "removed");
    CHECK(changes[1].before == "Gone");
    CHECK(changes[1].direction == Direction::Narrows);
  }
}

TEST_CASE("diff: sets compare normalised keys, not spellings or order", "[diff]") {
  AppPosture before = app();
  AppPosture after = app();
  before.sets["scope"] = {{"api", "Api"}, {"refreshtoken", "RefreshToken"}};
  after.sets["scope"] = {{"refreshtoken", "OfflineAccess"}, {"api", "api"}};
  CHECK(compare_apps(before, after).empty());
}

TEST_CASE("diff: ordered items compare by rank", "[diff]") {
  struct Row {
    const char* item;
    Fact narrow;
    Fact wide;
  };
  const std::vector<Row> rows = {
      {"permitted-users", {"admin-approved", 0}, {"self-authorized", 1}},
      {"ip-relaxation", {"ENFORCE", 0}, {"BYPASS", 2}},
      {"refresh-token-policy", {"specific_lifetime:30:DAYS", 720}, {"infinite", 2'000'000'000'000}},
      {"session-timeout", {"15 minutes", 15}, {"720 minutes", 720}},
      {"session-level", {"HIGH_ASSURANCE", 0}, {"STANDARD", 1}},
      {"saml-signing-algorithm", {"SHA256", 0}, {"SHA1", 1}},
  };
  for (const auto& row : rows) {
    INFO(row.item);
    const DiffItem* item = diff_item(row.item);
    REQUIRE(item);
    CHECK(item->kind == ItemKind::Ordered);
    AppPosture narrow = app();
    AppPosture wide = app();
    narrow.facts[row.item] = row.narrow;
    wide.facts[row.item] = row.wide;
    PostureChange widen = one(narrow, wide);
    CHECK(widen.direction == Direction::Widens);
    CHECK(widen.change == "changed");
    CHECK(widen.before == row.narrow.shown);
    CHECK(widen.after == row.wide.shown);
    CHECK(widen.reason == item->widens);
    CHECK(one(wide, narrow).direction == Direction::Narrows);
    // A side without a value Salesforce documents: the direction cannot be told.
    AppPosture unknown = app();
    unknown.facts[row.item] = {"not set", kUnknownRank};
    PostureChange from_unknown = one(unknown, wide);
    CHECK(from_unknown.direction == Direction::Neutral);
    CHECK_THAT(from_unknown.reason, Catch::Contains("direction unknown"));
  }
}

TEST_CASE("diff: refresh tokens rank by longest life, then idle time", "[diff]") {
  // specific_lifetime:90:DAYS -> specific_inactivity:30:DAYS: a token in use now lives forever.
  AppPosture lifetime = app();
  AppPosture inactivity = app();
  lifetime.facts["refresh-token-policy"] = {"specific_lifetime:90:DAYS", 2160};
  inactivity.facts["refresh-token-policy"] = {"specific_inactivity:30:DAYS", 1'000'000'000'000 + 720};
  CHECK(one(lifetime, inactivity).direction == Direction::Widens);
  CHECK(one(inactivity, lifetime).direction == Direction::Narrows);
}

TEST_CASE("diff: a lateral IP relaxation widens; equal ranks elsewhere are neutral", "[diff]") {
  AppPosture a = app();
  AppPosture b = app();
  a.facts["ip-relaxation"] = {"ENFORCE_RELAXREFRESH", 1};
  b.facts["ip-relaxation"] = {"BYPASS_2FACTOR", 1};
  PostureChange c = one(a, b);
  CHECK(c.direction == Direction::Widens);
  CHECK_THAT(c.reason, Catch::Contains("a different relaxation"));
  a.facts = {{"refresh-token-policy", {"specific_lifetime:24:HOURS", 24}}};
  b.facts = {{"refresh-token-policy", {"specific_lifetime:1:DAYS", 24}}};
  CHECK(one(a, b).direction == Direction::Neutral);
}

TEST_CASE("diff: text items are neutral, other elements by path", "[diff]") {
  for (const DiffItem& item : diff_items()) {
    if (item.kind != ItemKind::Text || item.key == "element") continue;
    INFO(item.key);
    AppPosture a = app();
    AppPosture b = app();
    a.facts[std::string(item.key)] = {"old", 0};
    b.facts[std::string(item.key)] = {"new", 0};
    PostureChange c = one(a, b);
    CHECK(c.direction == Direction::Neutral);
    CHECK(c.before == "old");
    CHECK(c.after == "new");
    CHECK_FALSE(c.reason.empty());
  }
  AppPosture a = app();
  AppPosture b = app();
  b.facts["element:ConnectedApp/oauthConfig/idTokenConfig/idTokenValidity"] = {"5", 0};
  PostureChange c = one(a, b);
  CHECK(c.item == "element:ConnectedApp/oauthConfig/idTokenConfig/idTokenValidity");
  CHECK(c.what == "ConnectedApp/oauthConfig/idTokenConfig/idTokenValidity");
  CHECK(c.before == "not set");
  CHECK(c.direction == Direction::Neutral);
}

TEST_CASE("diff: secrets and keys change without their values", "[diff]") {
  for (const char* key : {"consumer-secret", "consumer-key"}) {
    INFO(key);
    AppPosture a = app();
    AppPosture b = app();
    AppPosture none = app();
    a.facts[key] = {"digest-one", 0};
    b.facts[key] = {"digest-two", 0};
    PostureChange changed = one(a, b);
    CHECK(changed.change == "changed");
    CHECK(changed.before.empty());
    CHECK(changed.after.empty());
    CHECK(changed.direction == Direction::Neutral);
    CHECK(changed.reason.find("digest") == std::string::npos);
    CHECK(one(none, b).change == "added");
    CHECK(one(a, none).change == "removed");
  }
  AppPosture a = app();
  AppPosture b = app();
  a.facts["consumer-secret"] = {"x", 0};
  b.facts["consumer-secret"] = {"y", 0};
  CHECK(one(a, b).reason == "consumer secret changed (value not shown; a committed secret is CA401)");
}

TEST_CASE("diff: certificates added, removed, replaced by strength", "[diff]") {
  AppPosture none = app();
  AppPosture weak = app();
  weak.has_certificate = true;
  weak.certificates = {cert("CN=a", "RSA", 1024, "SHA1", "2025-01-01")};
  AppPosture strong = app();
  strong.has_certificate = true;
  strong.certificates = {cert("CN=b", "RSA", 2048, "SHA256", "2028-02-02")};
  AppPosture equal = app();
  equal.has_certificate = true;
  equal.certificates = {cert("CN=c", "EC", 224, "SHA256", "2029-03-03")};  // 112 bits, as RSA 2048

  PostureChange added = one(none, strong);
  CHECK(added.change == "added");
  CHECK(added.direction == Direction::Widens);
  CHECK(added.reason == "the JWT bearer flow is enabled");
  CHECK_THAT(added.after, Catch::Contains("expires 2028-02-02"));
  CHECK(one(strong, none).direction == Direction::Narrows);
  PostureChange stronger = one(weak, strong);
  CHECK(stronger.change == "replaced");
  CHECK(stronger.direction == Direction::Narrows);
  CHECK_THAT(stronger.after, Catch::Contains("RSA 2048"));
  CHECK(one(strong, weak).direction == Direction::Widens);
  PostureChange same = one(strong, equal);
  CHECK(same.direction == Direction::Neutral);
  CHECK(same.reason == "replaced by one of equal strength");
  CHECK_THAT(same.after, Catch::Contains("expires 2029-03-03"));
  CHECK(compare_apps(strong, strong).empty());
  AppPosture opaque = app();
  opaque.has_certificate = true;
  opaque.certificate_text = "garbage";
  CHECK(one(strong, opaque).direction == Direction::Neutral);
}

TEST_CASE("diff: a migration compares only what both types have", "[diff]") {
  AppPosture ca = app("Orders", "ConnectedApp");
  AppPosture eca = app("Orders", "ExternalClientApplication");
  ca.facts["description"] = {"A description only Connected Apps have", 0};
  ca.facts["permitted-users"] = {"admin-approved", 0};
  eca.facts["permitted-users"] = {"admin-approved", 0};
  eca.facts["device-flow"] = {"on", 1};
  PostureChange c = one(ca, eca, true);
  CHECK(c.item == "device-flow");
  CHECK(c.direction == Direction::Neutral);  // "not set" on a Connected App: no documented value

  DiffSide base;
  DiffSide head;
  base.apps = {ca};
  head.apps = {eca};
  DiffReport d = diff_sides(base, head);
  REQUIRE(d.apps.size() == 1);
  CHECK(d.apps[0].status == "changed");
  CHECK(d.apps[0].base_type == "ConnectedApp");
  CHECK(d.apps[0].changes.front().change == "migrated");
}

TEST_CASE("diff: apps added and removed; unchanged apps omitted", "[diff]") {
  AppPosture same = app("Same");
  same.facts["permitted-users"] = {"admin-approved", 0};
  AppPosture gone = app("Gone");
  gone.facts["permitted-users"] = {"self-authorized", 1};
  gone.sets["scope"] = {{"api", "Api"}};
  AppPosture fresh = app("Fresh", "ExternalClientApplication");
  DiffSide base;
  DiffSide head;
  base.apps = {gone, same};
  head.apps = {fresh, same};
  DiffReport d = diff_sides(base, head);
  REQUIRE(d.apps.size() == 2);
  CHECK(d.apps[0].app.name == "Fresh");
  CHECK(d.apps[0].status == "added");
  CHECK(d.apps[0].direction() == Direction::Widens);
  CHECK(d.apps[0].changes.front().after == "no OAuth settings");
  CHECK(d.apps[1].app.name == "Gone");
  CHECK(d.apps[1].status == "removed");
  CHECK(d.apps[1].direction() == Direction::Narrows);
  CHECK(d.apps[1].changes.front().before == "self-authorized · scopes Api");
  CHECK(d.count(Direction::Widens) == 1);
  CHECK(d.count(Direction::Narrows) == 1);
}

TEST_CASE("diff: findings introduced and fixed by fingerprint; errors stop the comparison", "[diff]") {
  auto finding = [](const char* fp, bool suppressed = false) {
    Finding f;
    f.rule = "CA101";
    f.fingerprint = fp;
    if (suppressed) f.suppression = Suppression{};
    return f;
  };
  DiffSide base;
  DiffSide head;
  base.report.findings = {finding("kept"), finding("fixed"), finding("accepted")};
  head.report.findings = {finding("kept"), finding("new"), finding("accepted", true),
                          finding("new-but-accepted", true)};
  DiffReport d = diff_sides(base, head);
  REQUIRE(d.introduced.size() == 1);
  CHECK(d.introduced[0].fingerprint == "new");
  REQUIRE(d.fixed.size() == 1);
  CHECK(d.fixed[0].fingerprint == "fixed");

  head.report.errors.push_back({"git:nope", "unknown git revision 'nope'"});
  head.apps = {app("Fresh")};
  DiffReport failed = diff_sides(base, head);
  CHECK(failed.apps.empty());
  CHECK(failed.introduced.empty());
  REQUIRE(failed.errors.size() == 1);
}

TEST_CASE("diff: every item of the table is in docs/diff.md", "[diff][meta]") {
  std::string doc = test::read_file(test::source_dir() / "docs/diff.md");
  for (const DiffItem& item : diff_items()) {
    INFO(item.key);
    std::string quoted = "`";
    quoted.append(item.key).push_back('`');
    CHECK(doc.find(quoted) != std::string::npos);
  }
}

TEST_CASE("diff: the formats escape values and never show a secret", "[diff]") {
  DiffReport d;
  d.base = "base";
  d.head = "head";
  AppDiff a;
  a.status = "changed";
  a.app = {"ConnectedApp", "App", "Label <b>|x|</b>\x1b[31m"};
  a.changes.push_back({"label", "label", "changed", "old", "<img src=x>\x1b[2J", Direction::Neutral, "why"});
  a.changes.push_back({"consumer-secret", "consumer secret", "changed", "", "", Direction::Neutral,
                       "consumer secret changed (value not shown; a committed secret is CA401)"});
  d.apps.push_back(a);
  std::ostringstream text;
  std::ostringstream markdown;
  find_diff_format("text")->write(text, d, {});
  find_diff_format("markdown")->write(markdown, d, {});
  CHECK(text.str().find('\x1b') == std::string::npos);
  CHECK_THAT(text.str(), Catch::Contains("label: old → <img src=x>\\x1b[2J"));
  CHECK(markdown.str().find("<b>") == std::string::npos);
  CHECK(markdown.str().find('\x1b') == std::string::npos);
  CHECK_THAT(markdown.str(), Catch::Contains("Label &lt;b&gt;\\|x\\|&lt;/b&gt;"));
  CHECK_THAT(markdown.str(), Catch::Contains("consumer secret changed"));
}
