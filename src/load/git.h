#pragma once
#include <string>

#include "core/input_options.h"

namespace calint::load {

/// Runs git (a subprocess, in the current folder) for `--changed-since REF`.
ChangedFiles git_changed_files(const std::string& ref);

}  // namespace calint::load
