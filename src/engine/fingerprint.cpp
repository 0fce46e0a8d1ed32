#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/sort.h"
#include "engine/engine.h"

namespace calint {

void finalize(Report& report, int jobs) {
  auto& fs = report.findings;
  // Within an export: files in path order (below the export's root, however the files were named
  // on the command line), org-wide findings (no file) last; findings that compare equal keep the
  // order the rules gave them.
  stable_sort_large(fs, [](const Finding& a, const Finding& b) {
    if (a.export_index != b.export_index) return a.export_index < b.export_index;
    if (a.file.empty() != b.file.empty()) return b.file.empty();
    if (int c = a.rel_path.compare(b.rel_path); c != 0) return c < 0;
    if (a.line != b.line) return a.line < b.line;
    if (a.column != b.column) return a.column < b.column;
    if (int c = a.rule.compare(b.rule); c != 0) return c < 0;
    return a.message < b.message;
  });
  // Fingerprint v2 (`calint/v2`): what the finding is about, never where the file lies or how it
  // is laid out, so reformatting, line shifts, source <-> metadata-API conversion, zipping and
  // moving the project keep it. The file path enters only when no component is named. The same
  // element twice in one export (a repeated scope, a component defined in two files) is told apart
  // by its occurrence, in path order; an export's fingerprints do not depend on what else is
  // audited with it, unless an identical finding in an earlier export already holds one, and then
  // the export's root tells them apart.
  // The bases are formatted on `jobs` threads, then numbered in order (occurrences count in path
  // order).
  constexpr std::size_t kPiece = 256;  // findings per task
  std::vector<std::string> bases(fs.size());
  parallel_for((fs.size() + kPiece - 1) / kPiece, jobs, [&](std::size_t piece) {
    for (std::size_t i = piece * kPiece; i < std::min(fs.size(), (piece + 1) * kPiece); ++i) {
      const Finding& f = fs[i];
      std::string basis =
          fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", f.rule, f.component.type, f.component.name, f.element, f.key);
      if (f.component.name.empty()) basis += fmt::format("\x1f{}", f.rel_path);
      bases[i] = std::move(basis);
    }
  });
  std::unordered_map<std::string, int> seen;  // by export index and basis
  seen.reserve(fs.size());
  for (std::size_t i = 0; i < fs.size(); ++i) {
    int n = ++seen[fmt::format("{}\x1e{}", fs[i].export_index, bases[i])];
    if (n > 1) bases[i] += fmt::format("\x1f#{}", n);
  }
  parallel_for((fs.size() + kPiece - 1) / kPiece, jobs, [&](std::size_t piece) {
    for (std::size_t i = piece * kPiece; i < std::min(fs.size(), (piece + 1) * kPiece); ++i)
      fs[i].fingerprint = sha256_hex(bases[i]).substr(0, 32);
  });
  std::unordered_set<std::string> used;
  used.reserve(fs.size());
  for (std::size_t i = 0; i < fs.size(); ++i) {
    Finding& f = fs[i];
    if (used.insert(f.fingerprint).second) continue;
    auto index = static_cast<std::size_t>(f.export_index);
    bases[i] += fmt::format("\x1f@{}", index < report.roots.size() ? report.roots[index].path : std::to_string(index));
    f.fingerprint = sha256_hex(bases[i]).substr(0, 32);
    used.insert(f.fingerprint);
  }
}

}  // namespace calint
