// Readers of profiles and permission sets (model/access.h): names, labels, a few permissions and
// IP ranges; nothing else of these large files is kept.
#include "core/text.h"
#include "load/read_context.h"

namespace calint::load {

namespace {

/// Keeps a tracked permission that a userPermissions element enables.
void read_user_permission(pugi::xml_node node, Decoder& d, AccessHolder& holder) {
  bool enabled = false;
  std::string_view name;
  for_each_element(node, [&](pugi::xml_node c, std::string_view element) {
    if (element == "enabled")
      enabled = value_of(c) == "true";
    else if (element == "name")
      name = value_of(c);
  });
  if (!enabled) return;
  for (std::string_view tracked : kTrackedPermissions) {
    if (name == tracked) {
      holder.grants.push_back(PermissionGrant{std::string(name), d.at(node)});
      return;
    }
  }
}

/// The display name Salesforce uses for a profile whose file (API) name is `api_name`.
std::string profile_display_name(std::string_view api_name) {
  // Standard profiles whose file name differs from the English display name Salesforce shows
  // (and writes into ConnectedApp profileName). Every other profile's file name is its display
  // name, URL-encoded.
  static constexpr std::pair<std::string_view, std::string_view> kStandard[] = {
      {"Admin", "System Administrator"},
      {"Standard", "Standard User"},
      {"ReadOnly", "Read Only"},
      {"SolutionManager", "Solution Manager"},
      {"MarketingProfile", "Marketing User"},
      {"ContractManager", "Contract Manager"},
      {"StandardAul", "Standard Platform User"},
      {"HighVolumePortal", "High Volume Customer Portal"},
      {"PlatformPortal", "Authenticated Website"},
  };
  for (const auto& [file, display] : kStandard) {
    if (api_name == file) return std::string(display);
  }
  return url_decode(api_name);
}

}  // namespace

void read_profile(pugi::xml_node root, ReadContext& ctx) {
  auto p = ctx.component<Profile>();
  p.display_name = profile_display_name(ctx.file.base_name);
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "userPermissions")
      read_user_permission(c, ctx.decoder, p);
    else if (name == "loginIpRanges")
      p.login_ip_ranges.push_back(
          ctx.decoder.range(c, "Profile/loginIpRanges/startAddress", "Profile/loginIpRanges/endAddress"));
  });
  ctx.out.add(std::move(p));
}

void read_permission_set(pugi::xml_node root, ReadContext& ctx) {
  auto p = ctx.component<PermissionSet>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "label")
      ctx.decoder.str(c, p.label);
    else if (name == "userPermissions")
      read_user_permission(c, ctx.decoder, p);
  });
  ctx.out.add(std::move(p));
}

}  // namespace calint::load
