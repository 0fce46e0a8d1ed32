#include "core/suggest.h"

#include <algorithm>
#include <bit>
#include <limits>

#include "core/text.h"

namespace calint {

namespace {

/// The characters of `s` as a 64-bit set: letters, digits, ' ', '_', '-' and '.' have a bit each,
/// other bytes share the rest. Two strings' sets differ in at most as many bits as they have
/// distinct characters the other lacks.
std::uint64_t char_set(std::string_view s) {
  static constexpr auto kBit = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
      if (c >= 'a' && c <= 'z')
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - 'a');
      else if (c >= 'A' && c <= 'Z')
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - 'A');
      else if (c >= '0' && c <= '9')
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(26 + c - '0');
      else if (c == ' ')
        t[static_cast<std::size_t>(c)] = 36;
      else if (c == '_')
        t[static_cast<std::size_t>(c)] = 37;
      else if (c == '-')
        t[static_cast<std::size_t>(c)] = 38;
      else if (c == '.')
        t[static_cast<std::size_t>(c)] = 39;
      else
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(40 + c % 24);
    }
    return t;
  }();
  std::uint64_t set = 0;
  for (char c : s) set |= std::uint64_t{1} << kBit[static_cast<unsigned char>(c)];
  return set;
}

}  // namespace

SuggestionIndex::SuggestionIndex(const std::vector<std::string>& candidates) : candidates_(candidates) {
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    std::string lowered = to_lower(candidates_[i]);
    const std::uint64_t chars = char_set(lowered);
    const std::size_t length = lowered.size();
    by_length_[length].push_back(Entry{std::move(lowered), i, chars});
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
  // did_you_mean's limit: a typo is at most a third of the word (and at least one edit) away.
  const std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), std::size_t{3}) / 3);
  const std::string lowered = to_lower(word);
  std::array<std::uint64_t, 256> masks{};
  const bool bits = lowered.size() <= 64;
  if (bits) {
    for (std::size_t i = 0; i < lowered.size(); ++i)
      masks[static_cast<unsigned char>(lowered[i])] |= std::uint64_t{1} << i;
  }
  // Each candidate that can be within the limit, by a lower bound of its distance.
  const std::uint64_t word_chars = char_set(lowered);
  std::vector<std::vector<const Entry*>> by_bound(limit + 1);
  const std::size_t shortest = lowered.size() > limit ? lowered.size() - limit : 0;
  for (auto it = by_length_.lower_bound(shortest); it != by_length_.end() && it->first <= lowered.size() + limit;
       ++it) {
    const std::size_t length_gap = it->first > lowered.size() ? it->first - lowered.size() : lowered.size() - it->first;
    for (const Entry& e : it->second) {
      const auto missing = static_cast<std::size_t>(std::popcount(word_chars & ~e.chars));
      const auto extra = static_cast<std::size_t>(std::popcount(e.chars & ~word_chars));
      const std::size_t bound = std::max({length_gap, missing, extra});
      if (bound <= limit) by_bound[bound].push_back(&e);
    }
  }
  // Every candidate whose bound is at most the best distance is compared, so the best and its
  // tie-break (the earliest) are did_you_mean's; one with a larger bound cannot equal it.
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  std::size_t best = 0;
  for (std::size_t bound = 0; bound <= limit && bound <= best_distance; ++bound) {
    for (const Entry* e : by_bound[bound]) {
      std::size_t d = bits ? osa_distance_bits(masks, lowered.size(), e->lowered) : edit_distance(lowered, e->lowered);
      if (d < best_distance || (d == best_distance && e->order < best)) {
        best_distance = d;
        best = e->order;
      }
    }
  }
  if (best_distance <= limit) return candidates_[best];
  return std::nullopt;
}

}  // namespace calint
