#include "load/usage_csv.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"

namespace calint {

namespace {

/// What calint does with a column.
enum class Column { Ignored, Secret, AppName, UserId, CreatedDate, LastUsedDate };

constexpr std::array<std::string_view, 3> kSecretColumns = {"AccessToken", "RequestToken", "DeleteToken"};
constexpr std::size_t kMaxRowErrors = 100;

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  return fmt::format("{}", fmt::join(items, sep));
}

Column column_of(std::string_view name) {
  name = trim(name);
  for (auto secret : kSecretColumns) {
    if (iequals(name, secret)) return Column::Secret;
  }
  if (iequals(name, "AppName")) return Column::AppName;
  if (iequals(name, "UserId")) return Column::UserId;
  if (iequals(name, "CreatedDate")) return Column::CreatedDate;
  if (iequals(name, "LastUsedDate")) return Column::LastUsedDate;
  return Column::Ignored;
}

/// One record of the file: its first line, and the text of the fields kept.
struct Record {
  int line = 0;
  std::vector<std::string> fields;  ///< one per field; empty for a field not kept
  std::string error;                ///< why the record is malformed
};

/// RFC 4180 records: fields separated by commas, records by CRLF, LF or CR; a field in double
/// quotes may hold commas, line breaks and doubled quotes.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : s_(text) {}

  [[nodiscard]] bool done() const { return pos_ >= s_.size(); }

  /// Skips empty lines; false at the end of the file.
  bool skip_blank_lines() {
    while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r')) end_line();
    return !done();
  }

  /// Reads one record, keeping the text of field i only when keep(i). False when the record is
  /// malformed: `r.error` says why, and the reader stands at the next line.
  template <class Keep>
  bool next(Record& r, Keep keep) {
    r.line = line_;
    r.fields.clear();
    r.error.clear();
    std::string field;
    for (;;) {
      field.clear();
      const bool kept = keep(r.fields.size());
      if (pos_ < s_.size() && s_[pos_] == '"') {
        if (!quoted(field, kept, r)) return false;
      } else if (!unquoted(field, kept, r)) {
        return false;
      }
      r.fields.push_back(kept ? field : std::string());
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size()) end_line();
      return true;
    }
  }

 private:
  bool quoted(std::string& field, bool kept, Record& r) {
    ++pos_;
    for (;;) {
      if (pos_ >= s_.size()) {
        r.error = "a quoted field is not closed before the end of the file";
        return false;
      }
      char c = s_[pos_++];
      if (c == '"') {
        if (pos_ < s_.size() && s_[pos_] == '"') {
          ++pos_;
          if (kept) field += '"';
          continue;
        }
        break;
      }
      if (c == '\n' || (c == '\r' && (pos_ >= s_.size() || s_[pos_] != '\n'))) ++line_;
      if (kept) field += c;
    }
    if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
      r.error = "text after the closing quote of a field";
      skip_line();
      return false;
    }
    return true;
  }

  bool unquoted(std::string& field, bool kept, Record& r) {
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
      if (s_[pos_] == '"') {
        r.error = "a double quote inside a field that does not start with one";
        skip_line();
        return false;
      }
      if (kept) field += s_[pos_];
      ++pos_;
    }
    return true;
  }

  void end_line() {
    if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void skip_line() {
    while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
    if (pos_ < s_.size()) end_line();
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

struct AppTokens {
  UsageApp app;
  std::set<std::string> users;
};

/// The header's columns: where each one calint reads is, and which token columns are present.
struct Header {
  std::vector<Column> columns;
  std::size_t app = 0, user = 0, last_used = 0;
  std::optional<std::size_t> created;
  std::vector<std::string> secrets;
  std::string problem;  ///< a required column missing or repeated
};

Header read_header(const Record& r) {
  Header h;
  std::map<Column, std::size_t> seen;
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    Column c = column_of(r.fields[i]);
    h.columns.push_back(c);
    if (c == Column::Secret) h.secrets.emplace_back(trim(r.fields[i]));
    if (c == Column::Ignored || c == Column::Secret) continue;
    if (!seen.emplace(c, i).second && h.problem.empty())
      h.problem = fmt::format("the column {} appears twice in the header", trim(r.fields[i]));
  }
  std::vector<std::string> missing;
  for (auto [column, name] : {std::pair{Column::AppName, "AppName"}, std::pair{Column::UserId, "UserId"},
                              std::pair{Column::LastUsedDate, "LastUsedDate"}}) {
    if (!seen.contains(column)) missing.emplace_back(name);
  }
  if (!missing.empty() && h.problem.empty()) {
    h.problem = fmt::format(
        "the header has no {} column{} (found: {}); export the tokens with `sf data query --query \"SELECT AppName, "
        "UserId, CreatedDate, LastUsedDate, UseCount FROM OauthToken\" --result-format csv`",
        join(missing, ", "), missing.size() == 1 ? "" : "s", r.fields.empty() ? "nothing" : join(r.fields, ", "));
  }
  if (!h.problem.empty()) return h;
  h.app = seen[Column::AppName];
  h.user = seen[Column::UserId];
  h.last_used = seen[Column::LastUsedDate];
  if (auto it = seen.find(Column::CreatedDate); it != seen.end()) h.created = it->second;
  return h;
}

/// Adds one token to its app; the problem with the row, or "".
std::string add_token(const Header& h, const Record& r, std::map<std::string, AppTokens>& apps) {
  std::string_view name = trim(r.fields[h.app]);
  std::string_view user = trim(r.fields[h.user]);
  if (name.empty()) return "AppName is empty";
  if (user.empty()) return "UserId is empty";
  std::optional<Date> created;
  if (h.created) {
    std::string_view text = trim(r.fields[*h.created]);
    if (!text.empty() && !(created = parse_datetime_utc_day(text)))
      return fmt::format("CreatedDate '{}' is not a date-time such as 2026-04-29T09:56:14.000+0000", text);
  }
  std::optional<Date> last;
  std::string_view last_text = trim(r.fields[h.last_used]);
  if (!last_text.empty() && !(last = parse_datetime_utc_day(last_text)))
    return fmt::format("LastUsedDate '{}' is not a date-time such as 2026-04-29T09:56:14.000+0000", last_text);
  if (!last) last = created;
  auto [it, added] = apps.try_emplace(to_lower(name));
  AppTokens& a = it->second;
  if (added) {
    a.app.name = std::string(name);
    a.app.line = r.line;
  }
  ++a.app.tokens;
  a.users.emplace(user);
  if (created && (!a.app.first_use || *created < *a.app.first_use)) a.app.first_use = created;
  if (last && (!a.app.last_use || *last > *a.app.last_use)) a.app.last_use = last;
  return {};
}

}  // namespace

UsageCsv parse_usage_csv(std::string_view bytes, std::string_view path, const UsageLimits& limits) {
  UsageCsv out;
  out.data.path = std::string(path);
  auto refuse = [&](std::string where, std::string message) {
    out.errors.push_back({std::move(where), std::move(message)});
    out.refused = true;
    out.data.apps.clear();
    return out;
  };
  const std::string file(path);
  if (bytes.size() > limits.max_size) {
    return refuse(file, fmt::format("the usage file is {} bytes, over the limit of {} (raise it with --usage-max-size)",
                                    bytes.size(), limits.max_size));
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  CsvReader reader(bytes);
  if (!reader.skip_blank_lines())
    return refuse(file, "the usage file is empty: expected a header row naming AppName, UserId and LastUsedDate");
  Record record;
  if (!reader.next(record, [](std::size_t) { return true; }))
    return refuse(fmt::format("{}:{}", file, record.line), record.error);
  const Header header = read_header(record);
  if (!header.problem.empty()) return refuse(fmt::format("{}:{}", file, record.line), header.problem);
  if (!header.secrets.empty()) {
    out.warnings.push_back(fmt::format(
        "{}: warning: the usage file holds live OAuth tokens (column{} {}): calint did not read them, but the file "
        "must not be committed or shared; export only AppName, UserId, CreatedDate, LastUsedDate and UseCount",
        file, header.secrets.size() == 1 ? "" : "s", join(header.secrets, ", ")));
  }
  auto keep = [&](std::size_t i) {
    return i < header.columns.size() && header.columns[i] != Column::Ignored && header.columns[i] != Column::Secret;
  };
  std::map<std::string, AppTokens> apps;
  std::uint64_t rows = 0;
  std::size_t bad_rows = 0;
  auto row_error = [&](int line, std::string message) {
    if (++bad_rows <= kMaxRowErrors) out.errors.push_back({fmt::format("{}:{}", file, line), std::move(message)});
  };
  while (reader.skip_blank_lines()) {
    bool ok = reader.next(record, keep);
    if (++rows > limits.max_rows) {
      return refuse(file, fmt::format("the usage file has more than {} tokens (raise the limit with --usage-max-rows)",
                                      limits.max_rows));
    }
    if (!ok) {
      row_error(record.line, record.error);
      continue;
    }
    if (record.fields.size() != header.columns.size()) {
      row_error(record.line, fmt::format("{} field{} where the header has {}", record.fields.size(),
                                         record.fields.size() == 1 ? "" : "s", header.columns.size()));
      continue;
    }
    if (std::string problem = add_token(header, record, apps); !problem.empty()) row_error(record.line, problem);
  }
  if (bad_rows > kMaxRowErrors) {
    out.errors.push_back({file, fmt::format("{} more malformed rows not listed", bad_rows - kMaxRowErrors)});
  }
  for (auto& [key, a] : apps) {
    a.app.user_ids.assign(a.users.begin(), a.users.end());
    out.data.apps.push_back(std::move(a.app));
  }
  return out;
}

UsageCsv read_usage_csv(const std::string& path, const UsageLimits& limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    UsageCsv out;
    out.refused = true;
    out.errors.push_back({path, "cannot read the usage file: it is a folder"});
    return out;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_size) {
    UsageCsv out;
    out.refused = true;
    out.errors.push_back({path, fmt::format("the usage file is {} bytes, over the limit of {} (raise it with "
                                            "--usage-max-size)",
                                            size, limits.max_size)});
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    UsageCsv out;
    out.refused = true;
    out.errors.push_back({path, fmt::format("cannot read the usage file: {}", std::strerror(errno))});
    return out;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_usage_csv(bytes, path, limits);
}

}  // namespace calint
