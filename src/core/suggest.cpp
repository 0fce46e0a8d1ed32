#include "core/suggest.h"

#include <algorithm>
#include <limits>

#include "core/text.h"

namespace calint {

SuggestionIndex::SuggestionIndex(const std::vector<std::string>& candidates) : candidates_(candidates) {
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    std::string lowered = to_lower(candidates_[i]);
    by_length_[lowered.size()].push_back(Entry{std::move(lowered), i});
  }
}

std::size_t osa_distance_bits(const std::array<std::uint64_t, 256>& masks, std::size_t pattern_size,
                              std::string_view text) {
  if (pattern_size == 0) return text.size();
  const std::uint64_t last = std::uint64_t{1} << (pattern_size - 1);
  std::uint64_t vp = pattern_size == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << pattern_size) - 1;
  std::uint64_t vn = 0;
  std::uint64_t d0 = 0;
  std::uint64_t pm_previous = 0;
  std::size_t distance = pattern_size;
  for (char ch : text) {
    const std::uint64_t pm = masks[static_cast<unsigned char>(ch)];
    const std::uint64_t transposed = (((~d0) & pm) << 1) & pm_previous;
    d0 = ((((pm & vp) + vp) ^ vp) | pm | vn) | transposed;
    std::uint64_t hp = vn | ~(d0 | vp);
    std::uint64_t hn = d0 & vp;
    if ((hp & last) != 0) ++distance;
    if ((hn & last) != 0) --distance;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pm_previous = pm;
  }
  return distance;
}

std::optional<std::string> SuggestionIndex::suggest(std::string_view word) const {
  if (auto it = answered_.find(word); it != answered_.end()) {
    return it->second ? std::optional<std::string>(candidates_[*it->second]) : std::nullopt;
  }
  // did_you_mean's limit: a typo is at most a third of the word (and at least one edit) away.
  const std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), std::size_t{3}) / 3);
  const std::string lowered = to_lower(word);
  std::array<std::uint64_t, 256> masks{};
  const bool bits = lowered.size() <= 64;
  if (bits) {
    for (std::size_t i = 0; i < lowered.size(); ++i)
      masks[static_cast<unsigned char>(lowered[i])] |= std::uint64_t{1} << i;
  }
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  std::size_t best = 0;
  const std::size_t shortest = lowered.size() > limit ? lowered.size() - limit : 0;
  for (auto it = by_length_.lower_bound(shortest); it != by_length_.end() && it->first <= lowered.size() + limit;
       ++it) {
    for (const Entry& e : it->second) {
      std::size_t d = bits ? osa_distance_bits(masks, lowered.size(), e.lowered) : edit_distance(lowered, e.lowered);
      if (d < best_distance || (d == best_distance && e.order < best)) {
        best_distance = d;
        best = e.order;
      }
    }
  }
  std::optional<std::size_t> answer;
  if (best_distance <= limit) answer = best;
  answered_.emplace(std::string(word), answer);
  return answer ? std::optional<std::string>(candidates_[*answer]) : std::nullopt;
}

}  // namespace calint
