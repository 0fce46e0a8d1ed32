#pragma once
// Internal to engine/: the app inventory, an organisation's register of its connected apps.
#include <functional>
#include <vector>

#include "core/report.h"
#include "model/export.h"
#include "policy/policy.h"

namespace calint {

/// One row per Connected App and per External Client App of the export (a stand-in ECA known only
/// from sub-files included), by API name then type, so a CA/ECA pair of one integration sits side
/// by side and names the other in `same_as`. Rows are made on up to `jobs` threads; with `keep`,
/// only for the apps it keeps (a partial run lists only the components it reports).
std::vector<InventoryApp> inventory(const Export& model, int export_index, const Policy& policy, int jobs = 1,
                                    const std::function<bool(const ComponentRef&)>& keep = {});

/// Counts each row's unsuppressed findings by severity.
void count_inventory_findings(Report& report);

}  // namespace calint
