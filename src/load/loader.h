#pragma once
#include <string>
#include <vector>

#include "load/discover.h"
#include "model/model.h"

namespace calint {

/// One export read into the model, with the inputs that could not be read.
struct LoadedExport {
  Export model;
  std::vector<InputError> errors;
};

/// Discovers and reads one export on `jobs` threads. Files are read independently (no shared
/// mutable state); results are merged in path order, so the model is the same for any `jobs`.
LoadedExport load_export(const std::string& path, int jobs);

/// Reads one file's bytes: true on success, else false with a message in `error`.
using FileReader = bool (*)(const std::string& path, std::string& contents, std::string& error);
/// The reader load_export uses (tests swap in a failing one); returns the previous reader.
FileReader set_file_reader(FileReader reader);

}  // namespace calint
