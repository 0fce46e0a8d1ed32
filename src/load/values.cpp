#include "load/values.h"

#include "core/duration.h"
#include "core/text.h"

namespace calint::load {

void decode_certificate(Field<std::string>& text, DecodedCertificates& out) {
  if (!text.present || text.value.empty()) return;
  out = decode_certificates(text.value);
  if (holds_private_key(text.value)) text.value.clear();
}

RefreshPolicy parse_refresh_token_policy(std::string_view text) {
  RefreshPolicy p;
  if (iequals(text, "zero")) {
    p.kind = RefreshPolicy::Kind::Zero;
    return p;
  }
  if (iequals(text, "infinite")) {
    p.kind = RefreshPolicy::Kind::Infinite;
    return p;
  }
  p.kind = RefreshPolicy::Kind::Invalid;
  auto first = text.find(':');
  if (first == std::string_view::npos) return p;
  auto second = text.find(':', first + 1);
  if (second == std::string_view::npos) return p;
  std::string_view mode = text.substr(0, first);
  auto amount = parse_uint(text.substr(first + 1, second - first - 1));
  std::string_view unit = text.substr(second + 1);
  auto per_unit = hours_per_unit(unit);
  if (!amount || *amount == 0 || *amount > kMaxDurationAmount || !per_unit) return p;
  if (iequals(mode, "specific_lifetime"))
    p.kind = RefreshPolicy::Kind::SpecificLifetime;
  else if (iequals(mode, "specific_inactivity"))
    p.kind = RefreshPolicy::Kind::SpecificInactivity;
  else
    return p;
  p.amount = *amount;
  p.unit = std::string(unit);
  p.hours = *amount * *per_unit;
  return p;
}

}  // namespace calint::load
