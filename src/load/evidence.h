#pragma once
#include <span>

#include "core/finding.h"
#include "load/source.h"
#include "model/export.h"

namespace calint {

/// Fills each finding's `evidence`: the source line it points at, secrets masked as in excerpts.
/// Only files with findings are read again, each once, through the export's own source, on up to
/// `jobs` threads. A file that can no longer be read leaves its findings without evidence.
void attach_evidence(const ExportSource& source, const Export& model, std::span<Finding> findings, int jobs);

}  // namespace calint
