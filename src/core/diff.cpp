#include "core/diff.h"

#include <algorithm>

#include "core/text.h"

namespace calint {

std::string_view to_string(Direction d) {
  switch (d) {
    case Direction::Widens:
      return "widens";
    case Direction::Narrows:
      return "narrows";
    case Direction::Neutral:
      break;
  }
  return "neutral";
}

Direction AppDiff::direction() const {
  Direction most = Direction::Neutral;
  for (const auto& c : changes) most = std::max(most, c.direction);
  return most;
}

std::size_t DiffReport::count(Direction d) const {
  std::size_t n = 0;
  for (const auto& a : apps) {
    n += static_cast<std::size_t>(
        std::count_if(a.changes.begin(), a.changes.end(), [&](const PostureChange& c) { return c.direction == d; }));
  }
  return n;
}

void make_valid_utf8(DiffReport& diff) {
  auto fix = [](std::string& s) {
    if (!is_valid_utf8(s)) s = to_valid_utf8(s);
  };
  fix(diff.base);
  fix(diff.head);
  for (auto& a : diff.apps) {
    for (std::string* s : {&a.app.name, &a.app.label, &a.file}) fix(*s);
    for (auto& c : a.changes) {
      for (std::string* s : {&c.what, &c.before, &c.after, &c.reason}) fix(*s);
    }
  }
  // Findings, errors, notes and warnings come from audits, whose reports are valid already.
}

Report introduced_report(const DiffReport& diff) {
  Report r;
  r.tool_version = diff.tool_version;
  r.as_of = diff.as_of;
  r.policy = diff.policy;
  r.findings = diff.introduced;
  r.rules = diff.rules;
  r.roots = diff.roots;
  r.errors = diff.errors;
  r.warnings = diff.warnings;
  r.notes = diff.notes;
  return r;
}

}  // namespace calint
