#pragma once
// Internal to load/: the value grammars of OAuth policies, shared by Connected App and ECA readers.
#include <array>
#include <string_view>

#include "load/decoder.h"
#include "model/common.h"

namespace calint::load {

/// ConnectedApp `oauthPolicy/ipRelaxation` literals.
inline constexpr std::array<Literal<IpRelaxation>, 4> kConnectedAppIpRelaxation = {{
    {"ENFORCE", IpRelaxation::Enforce},
    {"BYPASS_2FACTOR", IpRelaxation::Bypass2Factor},
    {"BYPASS", IpRelaxation::Bypass},
    {"ENFORCE_RELAXREFRESH", IpRelaxation::EnforceRelaxRefresh},
}};

/// ECA `ipRelaxationPolicyType` literals: the same values, spelled differently.
inline constexpr std::array<Literal<IpRelaxation>, 4> kEcaIpRelaxation = {{
    {"Enforce", IpRelaxation::Enforce},
    {"Bypass", IpRelaxation::Bypass},
    {"Bypass_2factor", IpRelaxation::Bypass2Factor},
    {"Enforce_RelaxRefresh", IpRelaxation::EnforceRelaxRefresh},
}};

/// Decodes a JWT bearer `certificate` element's text (core/x509.h) into `out`. A private key found
/// there (a secret CA401 reports) is dropped from the model: only its presence stays.
void decode_certificate(Field<std::string>& text, DecodedCertificates& out);

/// Parses ConnectedApp `refreshTokenPolicy` (`zero`, `infinite`, `specific_lifetime:N:UNIT`,
/// `specific_inactivity:N:UNIT`); Kind::Invalid when it does not follow the grammar.
RefreshPolicy parse_refresh_token_policy(std::string_view text);

}  // namespace calint::load
