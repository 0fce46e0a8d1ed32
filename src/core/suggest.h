#pragma once
// "Did you mean" over many candidates: the names indexed once, each lookup bounded.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calint {

/// The answer of did_you_mean(word, candidates) for every word, without comparing the word with
/// every candidate. A candidate can be a typo of `word` only within did_you_mean's limit (a third
/// of the word's length), and an edit distance is at least the difference in length: the index
/// buckets the lower-cased candidates by length, so a lookup compares the word only with the
/// candidates of the 2 x limit + 1 lengths that can be close, each in O(length) machine-word
/// operations (a bit-parallel optimal-string-alignment distance, Hyyrö 2003). Ties go to the
/// earlier candidate, as in did_you_mean. A built index is only read: several threads may ask it
/// at once.
///
/// Within those lengths, a candidate is compared only when it can still be the answer: an edit
/// changes at most one character of each string, so the distance is at least the number of
/// characters one string has that the other lacks (counted over a 64-bit set of each candidate's
/// characters, made once). Candidates are compared in order of that bound, and those whose bound
/// exceeds the best distance found so far are passed over.
class SuggestionIndex {
 public:
  explicit SuggestionIndex(const std::vector<std::string>& candidates);
  /// The closest candidate to `word` when it is close enough, as did_you_mean says.
  [[nodiscard]] std::optional<std::string> suggest(std::string_view word) const;

 private:
  struct Entry {
    std::string lowered;
    std::size_t order;    ///< position among the candidates (ties go to the earlier one)
    std::uint64_t chars;  ///< the characters it holds (char_set)
  };
  std::vector<std::string> candidates_;
  std::map<std::size_t, std::vector<Entry>> by_length_;
};

/// Optimal-string-alignment distance (edit_distance's) between `pattern` (at most 64 bytes) and
/// `text`, both already lower-cased, in O(|text|) with the pattern's bit masks `masks` (for every
/// byte value, the positions where `pattern` holds it).
std::size_t osa_distance_bits(const std::array<std::uint64_t, 256>& masks, std::size_t pattern_size,
                              std::string_view text);

}  // namespace calint
