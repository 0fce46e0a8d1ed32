#include "policy/policy.h"

namespace calint {

const std::vector<std::string>& known_scopes() {
  // ConnectedAppOauthAccessScope, the scopes External Client Apps add, and the retrieve-side
  // spellings (OfflineAccess, Profile, Email, ...). See docs/policy.md.
  static const std::vector<std::string> kScopes = {"Address",
                                                   "Api",
                                                   "Basic",
                                                   "CDP",
                                                   "CDPCalculatedInsight",
                                                   "CDPIdentityResolution",
                                                   "CDPIngest",
                                                   "CDPProfile",
                                                   "CDPQuery",
                                                   "CDPSegment",
                                                   "Chatbot",
                                                   "Chatter",
                                                   "Content",
                                                   "CustomApplications",
                                                   "CustomPermissions",
                                                   "Eclair",
                                                   "Email",
                                                   "EinsteinGPT",
                                                   "ForgotPassword",
                                                   "Full",
                                                   "Interaction",
                                                   "Lightning",
                                                   "MCP",
                                                   "OfflineAccess",
                                                   "OpenID",
                                                   "Pardot",
                                                   "Phone",
                                                   "Profile",
                                                   "PwdlessLogin",
                                                   "RefreshToken",
                                                   "SCRT",
                                                   "SFAP",
                                                   "SFApiPlatform",
                                                   "UserRegistration",
                                                   "Wave",
                                                   "Web"};
  return kScopes;
}

}  // namespace calint
