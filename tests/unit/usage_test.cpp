// The usage CSV (`--usage`): RFC 4180, headers, limits, errors by line, token columns never read.
#include <catch2/catch.hpp>

#include "core/date.h"
#include "load/usage_csv.h"
#include "test_support.h"

using namespace calint;

namespace {

const UsageApp* app(const UsageCsv& csv, std::string_view name) {
  for (const auto& a : csv.data.apps) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("usage CSV: sf data query output with quoted fields, CRLF, BOM and extra columns", "[usage]") {
  std::string csv =
      "\xEF\xBB\xBF"
      "appname,USERID,CreatedDate,LastUsedDate,UseCount,User.Username\r\n"
      "\"Acme, Inc.\",005A,2026-04-29T09:56:14.000+0000,2026-05-01T23:30:00.000-0200,3,a@x\r\n"
      "\"Acme, Inc.\",005B,2026-04-01T00:00:00Z,,0,\"b\"\"q@x\"\r\n"
      "\"Multi\nLine\",005A,2026-01-01,2026-02-02T10:00:00+01:00,1,c@x\r\n"
      "\r\n"
      "ACME, INC.,005A,2026-04-29T09:56:14.000+0000,2026-04-30T00:00:00.000+0000,1,a@x\r\n";
  UsageCsv out = parse_usage_csv(csv, "tokens.csv");
  REQUIRE_FALSE(out.refused);
  // "ACME, INC." unquoted is 7 fields: a malformed row, named by its line.
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].path == "tokens.csv:7");
  CHECK(out.errors[0].message == "7 fields where the header has 6");
  const UsageApp* acme = app(out, "Acme, Inc.");
  REQUIRE(acme);
  CHECK(acme->tokens == 2);
  CHECK(acme->users() == 2);
  CHECK(acme->line == 2);
  CHECK(format_date(*acme->first_use) == "2026-04-01");
  CHECK(format_date(*acme->last_use) == "2026-05-02");  // 23:30 at -02:00 is the next day in UTC
  const UsageApp* multi = app(out, "Multi\nLine");
  REQUIRE(multi);
  CHECK(multi->line == 4);
  CHECK(out.warnings.empty());
}

TEST_CASE("usage CSV: token columns are never read, and the file is flagged as holding live tokens", "[usage]") {
  std::string csv =
      "AppName,UserId,AccessToken,LastUsedDate,DeleteToken,RequestToken\n"
      "App,005A,00DSECRETACCESS!TOKEN,2026-05-01T00:00:00.000+0000,\"SECRET,DELETE\",SECRETREQUEST\n";
  UsageCsv out = parse_usage_csv(csv, "t.csv");
  REQUIRE(out.errors.empty());
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].find("live OAuth tokens (columns AccessToken, DeleteToken, RequestToken)") !=
        std::string::npos);
  CHECK(out.warnings[0].find("SECRET") == std::string::npos);
  REQUIRE(out.data.apps.size() == 1);
  for (const auto& user : out.data.apps[0].user_ids) CHECK(user.find("SECRET") == std::string::npos);
}

TEST_CASE("usage CSV: malformed rows are errors by line and the rest is read", "[usage]") {
  std::string csv =
      "AppName,UserId,CreatedDate,LastUsedDate\n"
      "A,005A,2026-01-01,2026-01-02\n"
      "B,005B,yesterday,2026-01-02\n"
      "C\"x,005C,2026-01-01,2026-01-02\n"
      "\"D\"x,005D,2026-01-01,2026-01-02\n"
      ",005E,2026-01-01,2026-01-02\n"
      "F,,2026-01-01,2026-01-02\n"
      "G,005G,2026-01-01,2026-13-02\n"
      "H,005H,2026-01-01,2026-01-02\n"
      "\"I,005I,2026-01-01,2026-01-02\n";
  UsageCsv out = parse_usage_csv(csv, "t.csv");
  REQUIRE_FALSE(out.refused);
  std::vector<std::string> where;
  for (const auto& e : out.errors) where.push_back(e.path + " " + e.message);
  CHECK(where == std::vector<std::string>{
                     "t.csv:3 CreatedDate 'yesterday' is not a date-time such as 2026-04-29T09:56:14.000+0000",
                     "t.csv:4 a double quote inside a field that does not start with one",
                     "t.csv:5 text after the closing quote of a field",
                     "t.csv:6 AppName is empty",
                     "t.csv:7 UserId is empty",
                     "t.csv:8 LastUsedDate '2026-13-02' is not a date-time such as 2026-04-29T09:56:14.000+0000",
                     "t.csv:10 a quoted field is not closed before the end of the file",
                 });
  CHECK(out.data.apps.size() == 2);  // A and H
}

TEST_CASE("usage CSV: a missing column, an empty file and the limits refuse the file", "[usage]") {
  UsageCsv missing = parse_usage_csv("AppName,CreatedDate\nA,2026-01-01\n", "t.csv");
  CHECK(missing.refused);
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].path == "t.csv:1");
  CHECK(missing.errors[0].message.rfind("the header has no UserId, LastUsedDate columns (found: AppName, CreatedDate)",
                                        0) == 0);
  CHECK(parse_usage_csv("", "t.csv").refused);
  CHECK(parse_usage_csv("\n\n", "t.csv").refused);
  CHECK(parse_usage_csv("AppName,UserId,LastUsedDate,userid\n", "t.csv").errors[0].message ==
        "the column userid appears twice in the header");
  UsageLimits small;
  small.max_rows = 2;
  std::string three = "AppName,UserId,LastUsedDate\nA,1,\nB,2,\nC,3,\n";
  UsageCsv rows = parse_usage_csv(three, "t.csv", small);
  CHECK(rows.refused);
  CHECK(rows.data.apps.empty());
  CHECK(rows.errors.back().message == "the usage file has more than 2 tokens (raise the limit with --usage-max-rows)");
  small.max_size = 10;
  CHECK(parse_usage_csv(three, "t.csv", small).errors[0].message ==
        "the usage file is 43 bytes, over the limit of 10 (raise it with --usage-max-size)");
  UsageCsv unreadable = read_usage_csv("no/such/tokens.csv");
  CHECK(unreadable.refused);
  CHECK(unreadable.errors[0].message == "cannot read the usage file: No such file or directory");
}

TEST_CASE("usage CSV: hostile bytes never crash the parser", "[usage]") {
  std::string header = "AppName,UserId,LastUsedDate\n";
  for (std::string body : {std::string("\"\"\"\n"), std::string("\r\r\r"), std::string(1, '\0') + ",a,\n",
                           std::string("a,b,c,d,e,f\n\"\n"), std::string("\xFF\xFE,\x80,\n"), std::string(",,\n")}) {
    UsageCsv out = parse_usage_csv(header + body, "t.csv");
    CHECK(out.data.apps.size() <= 1);
  }
}

TEST_CASE("date-times as Salesforce writes them, as UTC days", "[usage]") {
  CHECK(format_date(*parse_datetime_utc_day("2026-04-29T09:56:14.000+0000")) == "2026-04-29");
  CHECK(format_date(*parse_datetime_utc_day("2026-04-29T23:56:14.000-0100")) == "2026-04-30");
  CHECK(format_date(*parse_datetime_utc_day("2026-04-29T00:30:00+01:00")) == "2026-04-28");
  CHECK(format_date(*parse_datetime_utc_day("2026-04-29T09:56Z")) == "2026-04-29");
  CHECK(format_date(*parse_datetime_utc_day("2026-04-29")) == "2026-04-29");
  for (const char* bad : {"2026-04-29T", "2026-04-29T25:00:00Z", "2026-04-29T09:56:14.+0000", "2026-04-29T09:56:14 UTC",
                          "29/04/2026", "2026-04-29T09:56:14.000+00"})
    CHECK_FALSE(parse_datetime_utc_day(bad));
}

TEST_CASE("audit --usage: CA701, CA702 and the inventory on the sample org", "[usage]") {
  Report r = test::audit({(test::source_dir() / "samples/source-org").string()}, nullptr, "2026-06-01",
                         (test::source_dir() / "samples/usage/source-org-tokens.csv").string());
  CHECK(r.errors.empty());
  std::size_t ca701 = 0, ca702 = 0;
  for (const auto& f : r.findings) {
    ca701 += f.rule == "CA701";
    ca702 += f.rule == "CA702";
  }
  CHECK(ca701 == 7);
  CHECK(ca702 == 3);
  // The Connected App and the External Client App of one integration share its tokens.
  int partner_rows = 0;
  for (const auto& row : r.inventory) {
    if (row.component.name == "Partner_Portal") {
      ++partner_rows;
      REQUIRE(row.usage);
      CHECK(row.usage->users == 3);
      CHECK(row.usage->tokens == 3);
    }
    if (row.component.name == "Salesforce for iOS") {
      CHECK(row.component.type == "OauthToken");
      REQUIRE(row.usage);
      CHECK(row.usage->users == 4);
    }
  }
  CHECK(partner_rows == 2);
  // A partial run never reports unused or unknown apps.
  Report partial = test::audit(
      {(test::source_dir() /
        "samples/source-org/force-app/main/default/connectedApps/Sales_Pipeline_Insights.connectedApp-meta.xml")
           .string(),
       (test::source_dir() /
        "samples/source-org/force-app/main/default/connectedApps/HelpHub_Support_Sync.connectedApp-meta.xml")
           .string()},
      nullptr, "2026-06-01", (test::source_dir() / "samples/usage/source-org-tokens.csv").string());
  CHECK(partial.partial);
  for (const auto& f : partial.findings) CHECK((f.rule != "CA701" && f.rule != "CA702"));
}

TEST_CASE("audit --usage: errors exit 2, the audit still runs", "[usage]") {
  test::TempDir dir;
  test::write_file(dir.path / "bad.csv", "AppName,UserId,LastUsedDate\nA,1,notadate\n");
  auto bad = test::run({"audit", "samples/source-org", "--usage", (dir.path / "bad.csv").string(), "--format", "json",
                        "--as-of", "2026-06-01"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("bad.csv:2: error: LastUsedDate 'notadate' is not a date-time") != std::string::npos);
  CHECK(bad.out.find("\"CA103\"") != std::string::npos);
  test::write_file(dir.path / "cols.csv", "AppName,Id\nA,1\n");
  auto cols = test::run({"audit", "samples/source-org", "--usage", (dir.path / "cols.csv").string(), "-q"});
  CHECK(cols.code == 2);
  CHECK(cols.err.find("cols.csv:1: error: the header has no UserId, LastUsedDate columns") != std::string::npos);
  auto missing = test::run({"audit", "samples/source-org", "--usage", "no/such.csv", "-q"});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("no/such.csv: error: cannot read the usage file") != std::string::npos);
  auto size = test::run({"audit", "samples/source-org", "--usage", "samples/usage/source-org-tokens.csv",
                         "--usage-max-size", "1k", "-q"});
  CHECK(size.code == 2);
  CHECK(size.err.find("over the limit of 1024 (raise it with --usage-max-size)") != std::string::npos);
  test::write_file(dir.path / "secret.csv", "AppName,UserId,LastUsedDate,AccessToken\nA,1,,00Dxx!SECRET\n");
  auto secret = test::run({"audit", "samples/source-org", "--usage", (dir.path / "secret.csv").string(), "--format",
                           "json", "--as-of", "2026-06-01"});
  CHECK(secret.code == 1);
  CHECK(secret.err.find("holds live OAuth tokens") != std::string::npos);
  CHECK(secret.out.find("SECRET") == std::string::npos);
  CHECK(secret.err.find("SECRET") == std::string::npos);
}
