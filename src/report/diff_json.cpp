// The JSON diff: everything in the DiffReport. Layout: schemas/diff.schema.json.
#include <nlohmann/json.hpp>

#include "report/diff_formats.h"
#include "report/json_dump.h"

namespace calint {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json change_json(const PostureChange& c) {
  return {{"item", c.item},
          {"what", c.what},
          {"change", c.change},
          {"before", text_or_null(c.before)},
          {"after", text_or_null(c.after)},
          {"direction", std::string(to_string(c.direction))},
          {"reason", c.reason}};
}

Json app_json(const AppDiff& a) {
  Json changes = Json::array();
  for (const auto& c : a.changes) changes.push_back(change_json(c));
  return {{"status", a.status},
          {"type", a.app.type},
          {"name", a.app.name},
          {"label", text_or_null(a.app.label)},
          {"base_type", text_or_null(a.base_type)},
          {"file", text_or_null(a.file)},
          {"direction", std::string(to_string(a.direction()))},
          {"changes", changes}};
}

Json findings_json(const std::vector<Finding>& list) {
  Json out = Json::array();
  for (const auto& f : list) out.push_back(finding_json(f));
  return out;
}

}  // namespace

void write_diff_json(std::ostream& out, const DiffReport& diff, const FormatOptions& /*options*/) {
  Json j;
  j["format_version"] = kDiffFormatVersion;
  j["tool"] = {{"name", "calint"}, {"version", diff.tool_version}};
  j["diff_date"] = format_date(diff.as_of);
  j["policy"] = {{"source", diff.policy.source},
                 {"fail_on", diff.policy.fail_on ? Json(std::string(to_string(*diff.policy.fail_on))) : Json(nullptr)}};
  j["base"] = diff.base;
  j["head"] = diff.head;
  std::size_t added = 0;
  std::size_t removed = 0;
  for (const auto& a : diff.apps) {
    added += a.status == "added" ? 1 : 0;
    removed += a.status == "removed" ? 1 : 0;
  }
  j["summary"] = {{"apps_added", added},
                  {"apps_removed", removed},
                  {"apps_changed", diff.apps.size() - added - removed},
                  {"widens", diff.count(Direction::Widens)},
                  {"narrows", diff.count(Direction::Narrows)},
                  {"neutral", diff.count(Direction::Neutral)},
                  {"introduced", diff.introduced.size()},
                  {"fixed", diff.fixed.size()},
                  {"errors", diff.errors.size()}};
  Json apps = Json::array();
  for (const auto& a : diff.apps) apps.push_back(app_json(a));
  j["apps"] = apps;
  j["introduced"] = findings_json(diff.introduced);
  j["fixed"] = findings_json(diff.fixed);
  j["notes"] = diff.notes;
  j["warnings"] = diff.warnings;
  Json errors = Json::array();
  for (const auto& e : diff.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  j["errors"] = errors;
  out << dump_json(j, 2) << '\n';
}

}  // namespace calint
