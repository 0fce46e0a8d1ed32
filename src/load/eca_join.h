#pragma once
// Internal to load/.
#include "model/export.h"

namespace calint::load {

/// Joins ECA sub-files to their app through externalClientApplication (never through file names).
/// Sub-files naming an app whose header is not in the export join a stand-in app of that name
/// (header_in_export false), so their settings are still audited.
void join_external_client_apps(Export& model);

}  // namespace calint::load
