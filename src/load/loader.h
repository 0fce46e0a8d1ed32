#pragma once
#include <vector>

#include "core/progress.h"
#include "core/report.h"
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
/// when given, counts the files listed and read.
LoadedExport load_export(const ExportSource& source, int jobs, Progress* progress = nullptr);

}  // namespace calint
