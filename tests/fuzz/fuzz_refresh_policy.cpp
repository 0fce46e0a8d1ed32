// Fuzz target for the ConnectedApp refreshTokenPolicy grammar: a specific_* policy is always a
// whole number from 1 to 1000000 of a known unit, converted to hours without overflow.
#include <string_view>

#include "core/duration.h"
#include "fuzz_support.h"
#include "load/values.h"

using namespace calint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  RefreshPolicy p = load::parse_refresh_token_policy(text);
  if (p.kind == RefreshPolicy::Kind::SpecificLifetime || p.kind == RefreshPolicy::Kind::SpecificInactivity) {
    auto per_unit = hours_per_unit(p.unit);
    if (!per_unit || p.amount < 1 || p.amount > kMaxDurationAmount || p.hours != p.amount * *per_unit) {
      fuzz::violated("refresh policy out of range", text);
    }
  }
  return 0;
}
