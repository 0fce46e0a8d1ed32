#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/hash.h"
#include "engine/engine.h"

namespace calint {

void finalize(Report& report) {
  auto& fs = report.findings;
  std::sort(fs.begin(), fs.end(), [](const Finding& a, const Finding& b) {
    // Within an export: files in path order (below the export's root, however the files were named
    // on the command line), org-wide findings (no file) last.
    return std::forward_as_tuple(a.export_index, a.file.empty(), a.rel_path, a.line, a.column, a.rule, a.message) <
           std::forward_as_tuple(b.export_index, b.file.empty(), b.rel_path, b.line, b.column, b.rule, b.message);
  });
  // Fingerprint v2 (`calint/v2`): what the finding is about, never where the file lies or how it
  // is laid out, so reformatting, line shifts, source <-> metadata-API conversion, zipping and
  // moving the project keep it. The file path enters only when no component is named. The same
  // element twice in one export (a repeated scope, a component defined in two files) is told apart
  // by its occurrence, in path order; an export's fingerprints do not depend on what else is
  // audited with it, unless an identical finding in an earlier export already holds one, and then
  // the export's root tells them apart.
  std::map<std::pair<int, std::string>, int> seen;
  std::set<std::string> used;
  for (auto& f : fs) {
    std::string basis =
        fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", f.rule, f.component.type, f.component.name, f.element, f.key);
    if (f.component.name.empty()) basis += fmt::format("\x1f{}", f.rel_path);
    int n = ++seen[{f.export_index, basis}];
    if (n > 1) basis += fmt::format("\x1f#{}", n);
    f.fingerprint = sha256_hex(basis).substr(0, 32);
    if (!used.insert(f.fingerprint).second) {
      auto index = static_cast<std::size_t>(f.export_index);
      basis += fmt::format("\x1f@{}", index < report.roots.size() ? report.roots[index].path : std::to_string(index));
      f.fingerprint = sha256_hex(basis).substr(0, 32);
      used.insert(f.fingerprint);
    }
  }
}

}  // namespace calint
