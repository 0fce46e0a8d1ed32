#pragma once
#include <vector>

#include "core/progress.h"
#include "core/report.h"
#include "load/custom_rules.h"
#include "load/source.h"
#include "model/export.h"

namespace calint {

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

}  // namespace calint
