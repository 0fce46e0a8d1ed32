#include "engine/baseline.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/bounded_read.h"

namespace calint {

namespace {

constexpr int kBaselineVersion = 1;

using Json = nlohmann::json;

[[noreturn]] void fail(const std::string& path, std::string_view message) {
  throw BaselineError(fmt::format("{}: {}", path, message));
}

const Json& member(const std::string& path, const Json& object, const char* key, Json::value_t type,
                   std::string_view where) {
  auto it = object.find(key);
  if (it == object.end()) fail(path, fmt::format("{} has no '{}'", where, key));
  bool ok = it->type() == type || (type == Json::value_t::number_unsigned && it->is_number_integer());
  if (!ok) fail(path, fmt::format("'{}' of {} has the wrong type", key, where));
  return *it;
}

bool is_fingerprint(const std::string& s) {
  return s.size() == 32 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

Baseline read_baseline(const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail(path, "cannot read baseline: it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot read baseline (write one with --write-baseline)");
  std::string text;
  if (!read_bounded(in, max_bytes, text)) {
    fail(path, fmt::format("baseline is larger than {} bytes, the limit (--max-file-size)", max_bytes));
  }
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    fail(path, fmt::format("not a calint baseline: JSON does not parse (byte {})", e.byte));
  }
  if (!doc.is_object()) fail(path, "not a calint baseline: expected a JSON object");
  const Json& version = member(path, doc, "version", Json::value_t::number_unsigned, "the baseline");
  if (!version.is_number_integer() || version.get<long long>() != kBaselineVersion) {
    fail(path, fmt::format("baseline version {} is not one this calint reads (version {})", version.dump(),
                           kBaselineVersion));
  }
  const Json& scheme = member(path, doc, "fingerprint", Json::value_t::string, "the baseline");
  if (scheme.get<std::string>() != kFingerprintScheme) {
    fail(path, fmt::format("baseline fingerprints are '{}', but this calint computes '{}'; write a new baseline with "
                           "--write-baseline",
                           scheme.get<std::string>(), kFingerprintScheme));
  }
  const Json& findings = member(path, doc, "findings", Json::value_t::array, "the baseline");
  Baseline b;
  b.path = path;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Json& f = findings[i];
    std::string where = fmt::format("findings[{}]", i);
    if (!f.is_object()) fail(path, fmt::format("{} is not an object", where));
    BaselineEntry e;
    e.fingerprint = member(path, f, "fingerprint", Json::value_t::string, where).get<std::string>();
    if (!is_fingerprint(e.fingerprint))
      fail(path, fmt::format("{}: fingerprint '{}' is not 32 hex digits", where, e.fingerprint));
    e.rule = member(path, f, "rule", Json::value_t::string, where).get<std::string>();
    const Json& c = member(path, f, "component", Json::value_t::object, where);
    e.component.type = member(path, c, "type", Json::value_t::string, where + ".component").get<std::string>();
    e.component.name = member(path, c, "name", Json::value_t::string, where + ".component").get<std::string>();
    if (auto m = f.find("message"); m != f.end() && m->is_string()) e.message = m->get<std::string>();
    if (!seen.insert(e.fingerprint).second) continue;  // a hand-merged file may repeat an entry
    b.entries.push_back(std::move(e));
  }
  return b;
}

void write_baseline(const std::string& path, std::vector<BaselineEntry> entries, const std::string& tool_version) {
  // Grouped by component, not by line: reformatting a file must not reorder the baseline.
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.component.type, a.component.name, a.rule, a.fingerprint) <
           std::tie(b.component.type, b.component.name, b.rule, b.fingerprint);
  });
  nlohmann::ordered_json doc;
  doc["version"] = kBaselineVersion;
  doc["fingerprint"] = kFingerprintScheme;
  doc["tool"] = {{"name", "calint"}, {"version", tool_version}};
  doc["findings"] = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    doc["findings"].push_back({{"fingerprint", e.fingerprint},
                               {"rule", e.rule},
                               {"component", {{"type", e.component.type}, {"name", e.component.name}}},
                               {"message", e.message}});
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      fail(path, "cannot write baseline");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    fail(path, fmt::format("cannot write baseline: {}", ec.message()));
  }
}

std::vector<BaselineEntry> baseline_entries(const Report& report) {
  std::vector<BaselineEntry> out;
  for (const auto& f : report.findings) {
    if (f.suppressed()) continue;
    out.push_back({f.fingerprint, f.rule, {f.component.type, f.component.name, ""}, f.message});
  }
  return out;
}

void mark_baselined(Report& report, const std::string& path) {
  BaselineSummary summary;
  summary.path = path;
  for (auto& f : report.findings) {
    if (f.suppressed()) continue;
    f.baseline = BaselineState::Unchanged;
    ++summary.unchanged;
  }
  report.baseline = std::move(summary);
}

std::vector<BaselineEntry> updated_baseline(const Baseline& baseline, const Report& report) {
  std::set<std::string> fixed;
  if (report.baseline) {
    for (const auto& f : report.baseline->fixed) fixed.insert(f.fingerprint);
  }
  std::map<std::string, const Finding*> current;
  for (const auto& f : report.findings) current.emplace(f.fingerprint, &f);
  std::vector<BaselineEntry> out;
  for (const auto& e : baseline.entries) {
    if (fixed.contains(e.fingerprint)) continue;
    BaselineEntry kept = e;
    if (auto it = current.find(e.fingerprint); it != current.end()) kept.message = it->second->message;
    out.push_back(std::move(kept));
  }
  return out;
}

}  // namespace calint
