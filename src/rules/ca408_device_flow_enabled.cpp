// CA408 device-flow-enabled.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void device_flow_enabled(RuleContext& ctx) {
  for (const auto& s : ctx.model().eca_global_oauth) {
    if (!s.is_device_flow_enabled.value) continue;
    ctx.report(component_of_file(ctx.model(), s.file), at(s.is_device_flow_enabled),
               "Device flow is enabled (isDeviceFlowEnabled is true): a user can be talked into approving a code for "
               "an attacker's device; Salesforce advises extra scrutiny of device-flow apps: turn it off unless a "
               "device without a browser needs it");
  }
}

}  // namespace calint::rules
