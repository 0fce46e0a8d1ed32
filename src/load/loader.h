#pragma once
#include <vector>

#include "core/progress.h"
#include "core/report.h"
#include "load/custom_rules.h"
#include "load/source.h"
#include "model/export.h"

namespace calint {

namespace load {
/// How a file of a type with a streaming reader (profiles, permission sets) is read.
enum class ReadMode {
  Stream,     ///< the streaming reader; pugixml and the DOM reader when it is unsure
  Dom,        ///< pugixml and the DOM reader only (the equivalence test's reference)
  NamesOnly,  ///< a partial run's context file: names and labels only, stopping once known
};
}  // namespace load

/// One export read into the model, with the inputs that could not be read.
struct LoadedExport {
  Export model;
  std::vector<InputError> errors;
  bool root_unreadable = false;  ///< the PATH itself could not be read (its error is in `errors`)
};

/// Lists and reads one export on `jobs` threads. Files are read independently (no shared mutable
/// state); results are merged in path order, so the model is the same for any `jobs`. `progress`,
/// when given, counts the files listed and read. `custom` rules, when given, are evaluated on each
/// file they target as it is read (Export::custom_matches). An export with more files than
/// `limits.max_files`, and each file past an XML limit, is not audited and has an error.
LoadedExport load_export(const ExportSource& source, int jobs, Progress* progress = nullptr,
                         const CustomRuleSet* custom = nullptr, const InputLimits& limits = {});

/// Reads one file (its bytes in `contents`, its index `index`) into a model of its own, as
/// load_export does for each file. `streamed`, when given, says whether the streaming reader
/// produced the result (rather than pugixml). For tests: the streaming and DOM readers must agree.
Export read_one_file(const ExportFile& f, int index, std::string contents, load::ReadMode mode,
                     bool* streamed = nullptr);

}  // namespace calint
