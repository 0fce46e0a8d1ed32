#include <unistd.h>

#include <filesystem>

#include <catch2/catch.hpp>

#include "load/discover.h"
#include "load/loader.h"
#include "load/metadata_types.h"
#include "load/redact.h"
#include "load/values.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

constexpr const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string connected_app(const std::string& body) {
  return std::string(kHead) + "<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" + body +
         "</ConnectedApp>\n";
}

LoadedExport load_dir(const fs::path& path, int jobs) { return load_export(*open_source(path.string()), jobs); }

}  // namespace

TEST_CASE("a connected app is read with locations and documented defaults", "[load]") {
  test::TempDir dir;
  test::write_file(dir.path / "connectedApps/Sync.connectedApp-meta.xml",
                   connected_app(R"(    <contactEmail>a@b.c</contactEmail>
    <label>Order &amp; Sync</label>
    <oauthConfig>
        <callbackUrl>https://a.example.com/cb
https://b.example.com/cb?x=1&amp;y=2
   http://localhost:1717/OauthRedirect</callbackUrl>
        <consumerKey>3MVG9</consumerKey>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <refreshTokenPolicy>specific_inactivity:2:MONTHS</refreshTokenPolicy>
    </oauthPolicy>
    <profileName>System Administrator</profileName>
    <profileName></profileName>
)"));
  LoadedExport loaded = load_dir(dir.path, 2);
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.model.connected_apps.size() == 1);
  const ConnectedApp& app = loaded.model.connected_apps[0];
  CHECK(app.name == "Sync");
  CHECK(app.label.value == "Order & Sync");
  CHECK(app.root.line == 2);
  CHECK(app.root.column == 1);
  REQUIRE(app.callback_urls.size() == 3);
  CHECK(app.callback_urls[0].loc.line == 6);
  CHECK(app.callback_urls[0].loc.column == 22);
  CHECK(app.callback_urls[1].value == "https://b.example.com/cb?x=1&y=2");
  CHECK(app.callback_urls[1].loc.line == 7);
  CHECK(app.callback_urls[1].loc.column == 1);
  CHECK(app.callback_urls[2].loc.line == 8);
  CHECK(app.callback_urls[2].loc.column == 4);
  REQUIRE(app.scopes.size() == 2);
  CHECK(app.scopes[1].loc.line == 11);
  CHECK(app.scopes[1].loc.column == 9);
  CHECK_FALSE(app.is_admin_approved.present);
  CHECK_FALSE(app.is_admin_approved.value);  // absent = all users may self-authorize
  CHECK_FALSE(app.ip_relaxation.present);
  CHECK(app.ip_relaxation.value == IpRelaxation::Enforce);  // absent = ENFORCE
  REQUIRE(app.refresh_token_policy.present);
  CHECK(app.refresh_token_policy.value.kind == RefreshPolicy::Kind::SpecificInactivity);
  CHECK(app.refresh_token_policy.value.hours == 60 * 24);
  CHECK(app.profile_names.size() == 1);  // an empty element assigns nothing
  CHECK(loaded.model.issues.empty());
}

TEST_CASE("an absent refreshTokenPolicy is infinite", "[load]") {
  test::TempDir dir;
  test::write_file(dir.path / "A.connectedApp", connected_app("    <label>A</label>\n"));
  LoadedExport loaded = load_dir(dir.path, 1);
  REQUIRE(loaded.model.connected_apps.size() == 1);
  CHECK(loaded.model.connected_apps[0].refresh_token_policy.value.kind == RefreshPolicy::Kind::Infinite);
  CHECK_FALSE(loaded.model.connected_apps[0].has_oauth_config);
}

TEST_CASE("closed fields with unknown values are CA000 and the rest is still read", "[load][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "A.connectedApp-meta.xml", connected_app(R"(    <label>A</label>
    <oauthConfig>
        <isAdminApproved>yes</isAdminApproved>
        <scopes>Full</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE_ACTIVATED_USERS</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:90:WEEKS</refreshTokenPolicy>
    </oauthPolicy>
)"));
  LoadedExport loaded = load_dir(dir.path, 1);
  const Export& m = loaded.model;
  REQUIRE(m.issues.size() == 3);
  CHECK(m.issues[0].message == "oauthConfig/isAdminApproved must be true or false, found 'yes'");
  CHECK(m.issues[0].loc.line == 5);
  CHECK(m.issues[1].message ==
        "oauthPolicy/ipRelaxation has unknown value 'ENFORCE_ACTIVATED_USERS'; accepted: "
        "ENFORCE, BYPASS_2FACTOR, BYPASS, ENFORCE_RELAXREFRESH");
  CHECK(m.issues[2].message ==
        "oauthPolicy/refreshTokenPolicy has unknown value 'specific_lifetime:90:WEEKS'; "
        "accepted: zero, infinite, specific_lifetime:N:UNIT, specific_inactivity:N:UNIT (N a "
        "whole number from 1 to 1000000, UNIT one of HOURS, DAYS, MONTHS)");
  REQUIRE(m.connected_apps.size() == 1);
  CHECK(m.connected_apps[0].scopes.size() == 1);  // still read: other rules run on the file
}

TEST_CASE("a broken file is CA000 at the error, and its excerpt hides secrets", "[load][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "Leak.connectedApp-meta.xml",
                   connected_app("    <oauthConfig>\n        <consumerSecret>S3CRET-VALUE-123</consumerSecret><oops>\n"
                                 "    </oauthConfig>\n"));
  test::write_file(dir.path / "Fine.connectedApp-meta.xml", connected_app("    <label>Fine</label>\n"));
  LoadedExport loaded = load_dir(dir.path, 2);
  const Export& m = loaded.model;
  REQUIRE(m.issues.size() == 1);
  CHECK(m.issues[0].loc.line == 5);
  CHECK(m.issues[0].message.find("XML does not parse: Start-end tags mismatch") == 0);
  CHECK(m.issues[0].message.find("S3CRET") == std::string::npos);
  REQUIRE(m.connected_apps.size() == 1);  // the rest of the export is still read
  CHECK(m.connected_apps[0].name == "Fine");
}

TEST_CASE("an unclosed secret element is masked to the end of the excerpt", "[load][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "Leak.connectedApp-meta.xml",
                   connected_app("    <oauthConfig><consumerSecret>TOPSECRET\nMORESECRET < broken\n"));
  LoadedExport loaded = load_dir(dir.path, 1);
  REQUIRE(loaded.model.issues.size() == 1);
  CHECK(loaded.model.issues[0].loc.line == 4);
  CHECK(loaded.model.issues[0].message.find("SECRET") == std::string::npos);
  CHECK(loaded.model.issues[0].message.find("[redacted]") != std::string::npos);
}

TEST_CASE("wrong root element and empty files are CA000", "[load][errors]") {
  test::TempDir dir;
  test::write_file(dir.path / "settings/MyDomain.settings-meta.xml",
                   std::string(kHead) + "<SecuritySettings xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>\n");
  test::write_file(dir.path / "Empty.connectedApp-meta.xml", "");
  LoadedExport loaded = load_dir(dir.path, 1);
  REQUIRE(loaded.model.issues.size() == 2);
  CHECK(loaded.model.issues[0].message == "file is not XML metadata: it has no root element");
  CHECK(loaded.model.issues[1].message ==
        "root element is <SecuritySettings>, but a file named like this must hold <MyDomainSettings>");
  CHECK(loaded.model.my_domain.empty());
}

TEST_CASE("discovery classifies by suffix anywhere in the tree", "[load]") {
  test::TempDir dir;
  test::write_file(dir.path / "deep/x/y/A.connectedApp-meta.xml", connected_app(""));
  test::write_file(dir.path / "src/connectedApps/B.connectedApp", connected_app(""));
  test::write_file(dir.path / "src/settings/Account.settings", "<AccountSettings/>");
  test::write_file(dir.path / "src/classes/X.cls", "class X {}");
  test::write_file(dir.path / ".git/objects/A.connectedApp", "junk");
  Listing d = load::discover(dir.path.string());
  REQUIRE(d.files.size() == 2);
  CHECK(d.files[0].rel_path == "deep/x/y/A.connectedApp-meta.xml");
  CHECK(d.files[1].rel_path == "src/connectedApps/B.connectedApp");
  CHECK(d.skipped == 2);
  std::string base;
  auto type_of = [&](std::string_view name) {
    const load::MetaTypeInfo* t = load::classify_file_name(name, &base);
    return t ? std::optional<MetaType>(t->type) : std::nullopt;
  };
  CHECK(type_of("X_oauthPlcy.ecaOauthPlcy-meta.xml") == MetaType::EcaOauthPolicy);
  CHECK(base == "X_oauthPlcy");
  CHECK(type_of("X.ecaOauth") == MetaType::EcaOauthSettings);
  CHECK(type_of("Admin.profile-meta.xml") == MetaType::Profile);
  CHECK(type_of("MyDomain.settings-meta.xml") == MetaType::MyDomainSettings);
  CHECK(type_of("Marketing v2.0.profile") == MetaType::Profile);
  CHECK(base == "Marketing v2.0");
  CHECK_FALSE(type_of("Account.settings").has_value());  // settings calint does not read
  CHECK_FALSE(type_of("readme.md").has_value());
  CHECK_FALSE(type_of(".connectedApp").has_value());
}

TEST_CASE("symlinks never lead out of the tree or into a loop", "[load]") {
  test::TempDir outside;
  test::write_file(outside.path / "Secret.connectedApp-meta.xml", connected_app(""));
  test::TempDir dir;
  test::write_file(dir.path / "apps/A.connectedApp-meta.xml", connected_app(""));
  fs::create_directory_symlink(dir.path, dir.path / "apps/loop");
  fs::create_directory_symlink(outside.path, dir.path / "out");
  fs::create_symlink(outside.path / "Secret.connectedApp-meta.xml", dir.path / "Linked.connectedApp-meta.xml");
  fs::create_symlink(dir.path / "apps/A.connectedApp-meta.xml", dir.path / "Again.connectedApp-meta.xml");
  fs::create_symlink(dir.path / "missing", dir.path / "Dangling.connectedApp-meta.xml");
  Listing d = load::discover(dir.path.string());
  CHECK(d.errors.empty());
  REQUIRE(d.files.size() == 1);  // the in-tree link to A is the same file: audited once, by its real path
  CHECK(d.files[0].rel_path == "apps/A.connectedApp-meta.xml");
  CHECK(d.skipped == 3);  // the link out, the link to the outside file, the dangling link

  // A link named like metadata to a file that is not is that file: skipped once, not read.
  test::write_file(dir.path / "notes/readme.txt", "not metadata");
  fs::create_symlink(dir.path / "notes/readme.txt", dir.path / "Disguised.connectedApp-meta.xml");
  Listing disguised = load::discover(dir.path.string());
  CHECK(disguised.files.size() == 1);
  CHECK(disguised.skipped == 4);
  fs::remove(dir.path / "Disguised.connectedApp-meta.xml");
  fs::remove_all(dir.path / "notes");

  // Links to a folder that is walked directly add nothing; a trailing '/' on the root changes no path.
  test::write_file(dir.path / ".hidden/B.connectedApp-meta.xml", connected_app(""));
  fs::create_directory_symlink(dir.path / ".hidden", dir.path / "z1");
  fs::create_directory_symlink(dir.path / ".hidden", dir.path / "z2");
  Listing again = load::discover(dir.path.string() + "/");
  CHECK(again.errors.empty());
  std::vector<std::string> rels;
  for (const auto& f : again.files) rels.push_back(f.rel_path);
  CHECK(rels == std::vector<std::string>{".hidden/B.connectedApp-meta.xml", "apps/A.connectedApp-meta.xml"});
  CHECK(again.files[0].display_path == dir.path.string() + "/.hidden/B.connectedApp-meta.xml");
}

TEST_CASE("a folder that cannot be read is named, and the rest is listed", "[load][errors]") {
  if (::geteuid() == 0) {
    SUCCEED("skipped: running as root, permissions do not stop reads");
    return;
  }
  test::TempDir dir;
  test::write_file(dir.path / "A.connectedApp-meta.xml", connected_app(""));
  test::write_file(dir.path / "closed/B.connectedApp-meta.xml", connected_app(""));
  fs::permissions(dir.path / "closed", fs::perms::none);
  Listing d = load::discover(dir.path.string());
  fs::permissions(dir.path / "closed", fs::perms::owner_all);
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].path == dir.path.string() + "/closed");
  CHECK(d.errors[0].message == "cannot read folder: Permission denied");
  REQUIRE(d.files.size() == 1);
}

TEST_CASE("inputs that cannot be read are errors, the rest is still audited", "[load][errors]") {
  MemorySource source("org");
  source.add("A.connectedApp-meta.xml", connected_app("    <label>A</label>\n"));
  source.fail("B.connectedApp-meta.xml", "cannot read: Permission denied");
  LoadedExport loaded = load_export(source, 2);
  REQUIRE(loaded.errors.size() == 1);
  CHECK(loaded.errors[0].path == "org/B.connectedApp-meta.xml");
  CHECK(loaded.errors[0].message == "cannot read: Permission denied");
  CHECK(loaded.model.connected_apps.size() == 1);
  CHECK(loaded.model.files_unreadable == 1);

  test::TempDir dir;
  test::write_file(dir.path / "A.connectedApp-meta.xml", connected_app("    <label>A</label>\n"));
  Listing missing = load::discover((dir.path / "nope").string());
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.root_unreadable);
  CHECK(missing.errors[0].message == "cannot read: No such file or directory");
  Listing wrong = load::discover((dir.path / "A.connectedApp-meta.xml").string() + ".bak");
  REQUIRE(wrong.errors.size() == 1);
  CHECK(wrong.root_unreadable);
}

TEST_CASE("ECA sub-files join their app through externalClientApplication only", "[load]") {
  test::TempDir dir;
  const std::string ns = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
  test::write_file(dir.path / "externalClientApps/Portal.eca-meta.xml", std::string(kHead) +
                                                                            "<ExternalClientApplication" + ns +
                                                                            ">\n    <label>Portal</label>\n"
                                                                            "</ExternalClientApplication>\n");
  test::write_file(dir.path / "extlClntAppOauthSettings/whatever.ecaOauth-meta.xml",
                   std::string(kHead) + "<ExtlClntAppOauthSettings" + ns +
                       ">\n"
                       "    <commaSeparatedOauthScopes>Api, Full,RefreshToken</commaSeparatedOauthScopes>\n"
                       "    <externalClientApplication>Portal</externalClientApplication>\n"
                       "</ExtlClntAppOauthSettings>\n");
  test::write_file(dir.path / "extlClntAppOauthPolicies/Portal_oauthPlcy.ecaOauthPlcy-meta.xml",
                   std::string(kHead) + "<ExtlClntAppOauthConfigurablePolicies" + ns +
                       ">\n"
                       "    <externalClientApplication>Other</externalClientApplication>\n"
                       "    <refreshTokenPolicyType>SpecificLifetime</refreshTokenPolicyType>\n"
                       "    <refreshTokenValidityPeriod>2</refreshTokenValidityPeriod>\n"
                       "    <refreshTokenValidityUnit>Months</refreshTokenValidityUnit>\n"
                       "</ExtlClntAppOauthConfigurablePolicies>\n");
  LoadedExport loaded = load_dir(dir.path, 2);
  const Export& m = loaded.model;
  REQUIRE(m.external_client_apps.size() == 2);  // Portal, and a stand-in for "Other" (no .eca file)
  const auto& app = m.external_client_apps[0];
  const auto& stand_in = m.external_client_apps[1];
  CHECK(app.header_in_export);
  CHECK_FALSE(stand_in.header_in_export);
  CHECK(stand_in.name == "Other");
  CHECK(stand_in.oauth_policies.size() == 1);  // an orphan's settings are still audited
  REQUIRE(app.oauth_settings.size() == 1);
  const auto& scopes = m[app.oauth_settings[0]].scopes;
  REQUIRE(scopes.size() == 3);
  CHECK(scopes[1].value == "Full");
  CHECK(scopes[1].loc.line == 3);
  CHECK(scopes[1].loc.column == 37);
  CHECK(app.oauth_policies.empty());
  REQUIRE(m.eca_orphans.size() == 1);
  CHECK(m[m.eca_orphans[0]].parent.value == "Other");
  CHECK(m.eca_oauth_policies[0].refresh_token_policy.value.hours == 60 * 24);
}

TEST_CASE("refresh-token amounts cannot overflow into a short lifetime", "[load][errors]") {
  test::TempDir dir;
  test::write_file(
      dir.path / "A.connectedApp-meta.xml",
      connected_app("    <oauthPolicy>\n        <refreshTokenPolicy>specific_lifetime:25620477880152156:MONTHS"
                    "</refreshTokenPolicy>\n    </oauthPolicy>\n"));
  LoadedExport loaded = load_dir(dir.path, 1);
  REQUIRE(loaded.model.issues.size() == 1);
  CHECK(loaded.model.connected_apps[0].refresh_token_policy.value.kind == RefreshPolicy::Kind::Invalid);
  CHECK(load::parse_refresh_token_policy("specific_lifetime:1000000:MONTHS").hours == 1000000LL * 720);
}

TEST_CASE("files in other encodings are read as text, with correct locations", "[load]") {
  test::TempDir dir;
  // ISO-8859-1 with many non-ASCII bytes before the element: offsets must still be right.
  std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<ConnectedApp>\n    <description>" +
                       std::string(5000, '\xE9') +
                       "</description>\n    <oauthConfig>\n        <callbackUrl>https://x\n"
                       "https://y</callbackUrl>\n        <scopes>Full</scopes>\n    </oauthConfig>\n</ConnectedApp>\n";
  test::write_file(dir.path / "Latin.connectedApp-meta.xml", latin1);
  // UTF-16LE with a byte-order mark.
  std::string utf16 = "\xFF\xFE";
  for (char c : connected_app("    <label>Wide</label>\n    <oauthConfig>\n        <scopes>Api</scopes>\n"
                              "    </oauthConfig>\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  test::write_file(dir.path / "Wide.connectedApp-meta.xml", utf16);
  test::write_file(dir.path / "Odd.connectedApp-meta.xml",
                   "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>\n<ConnectedApp/>\n");
  LoadedExport loaded = load_dir(dir.path, 2);
  const Export& m = loaded.model;
  REQUIRE(m.connected_apps.size() == 2);
  const ConnectedApp& latin = m.connected_apps[0];
  CHECK(latin.description.value.size() == 10000);  // 5000 x U+00E9, two bytes each in UTF-8
  REQUIRE(latin.scopes.size() == 1);
  CHECK(latin.scopes[0].loc.line == 7);
  CHECK(latin.scopes[0].loc.column == 9);
  REQUIRE(latin.callback_urls.size() == 2);
  CHECK(latin.callback_urls[1].loc.line == 6);
  const ConnectedApp& wide = m.connected_apps[1];
  CHECK(wide.label.value == "Wide");
  REQUIRE(wide.scopes.size() == 1);
  CHECK(wide.scopes[0].loc.line == 5);
  REQUIRE(m.issues.size() == 1);
  CHECK(m.issues[0].message == "file is in encoding 'x-no-such-charset', which calint cannot read; save it as UTF-8");
}

TEST_CASE("a value is never quoted from an element whose name marks a secret", "[load][errors][secrets]") {
  MemorySource source("org");
  source.add("A.connectedApp-meta.xml",
             connected_app("    <oauthConfig>\n        <isSecretRequiredForTokenExchange>Tr0ub4dor3x</"
                           "isSecretRequiredForTokenExchange>\n    </oauthConfig>\n"));
  LoadedExport loaded = load_export(source, 1);
  REQUIRE(loaded.model.issues.size() == 1);
  CHECK(loaded.model.issues[0].message ==
        "oauthConfig/isSecretRequiredForTokenExchange must be true or false, found a value not shown (the element's "
        "name marks a secret)");
}

TEST_CASE("an encoding attribute that is no encoding name is never echoed", "[load][errors][secrets]") {
  MemorySource source("org");
  source.add(
      "A.connectedApp-meta.xml",
      std::string("<?xml version=\"1.0\" encoding=\"U\0\x01<consumerSecret>S3cretValue42<\"?>\n<ConnectedApp/>\n", 83));
  LoadedExport loaded = load_export(source, 1);
  REQUIRE(loaded.model.issues.size() == 1);
  CHECK(loaded.model.issues[0].message == "file's XML declaration names no valid encoding; save it as UTF-8");
}

TEST_CASE("excerpts mask key-like tokens but keep API names readable", "[load][secrets]") {
  test::TempDir dir;
  test::write_file(dir.path / "A.connectedApp-meta.xml",
                   connected_app("    <label>Warehouse_Scanner_oauthPlcy</labl>\n"));
  test::write_file(dir.path / "B.connectedApp-meta.xml",
                   connected_app("    <description>k=3MVG9A2kN3Bn17hsWsLDatw.Zx</descr>\n"));
  test::write_file(dir.path / "C.connectedApp-meta.xml",
                   connected_app("    <certificate>-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc <oops\n"
                                 "-----END RSA PRIVATE KEY-----</certificate>\n"));
  LoadedExport loaded = load_dir(dir.path, 1);
  REQUIRE(loaded.model.issues.size() == 3);
  CHECK(loaded.model.issues[0].message.find("Warehouse_Scanner_oauthPlcy") != std::string::npos);
  CHECK(loaded.model.issues[1].message.find("3MVG9A2kN3Bn17hsWsLDatw") == std::string::npos);
  CHECK(loaded.model.issues[2].message.find("abc") == std::string::npos);  // inside the PEM block
}

TEST_CASE("an evidence window around a focus in trailing space stays inside the line", "[load][errors]") {
  // Found by fuzzing: the focus lay in white space that trimming removed, past the end of the text.
  std::string line = std::string(300, 'b') + std::string("\x01\x02", 2) + std::string(60, ' ');
  std::string shown = load::redacted_line(line, 0, line.size(), {}, 120, line.size() - 5);
  CHECK(shown.size() <= 126);
  CHECK(shown.rfind("...", 0) == 0);
  CHECK(shown.find("\\x02") != std::string::npos);  // the window ends where the line does
}
