#pragma once
// Where secrets are in a metadata file's text. calint reports that a secret is committed, never what
// it is: evidence excerpts (load/redact.h) and the diffs of `calint fix` (fix/unified_diff.h) leave
// out what these name.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace calint {

/// True when an element of this name holds a secret that no report may show: a name containing
/// "secret", "sessionid", "password", "privatekey", "private_key" or "accesstoken" in any case, a
/// namespace prefix ignored.
bool is_secret_element(std::string_view name);

/// is_secret_element, remembered for the names of one text (profiles repeat a few dozen names
/// hundreds of thousands of times). Direct-mapped: a collision only costs a recomputation. The
/// names must outlive the cache (views into the text being read).
class SecretNameCache {
 public:
  bool operator()(std::string_view name) {
    const std::size_t n = name.size();
    if (n < 6) return false;  // shorter than "secret", the shortest mark
    // A name of up to 16 bytes is its size and its first and last 8 bytes: compared without a call.
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    if (n >= 8) {
      std::memcpy(&head, name.data(), 8);
      std::memcpy(&tail, name.data() + n - 8, 8);
    } else {
      std::memcpy(&head, name.data(), n);
    }
    Slot& slot = slots_[((head ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ n) * 0x9E3779B97F4A7C15ULL) >> 58U];  // 64 slots
    if (slot.size == n && slot.head == head && slot.tail == tail && (n <= 16 || slot.name == name)) return slot.secret;
    slot = {head, tail, n, is_secret_element(name), name};
    return slot.secret;
  }

 private:
  struct Slot {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::size_t size = 0;  ///< 0: empty (no name shorter than 6 is stored)
    bool secret = false;
    std::string_view name;
  };
  std::array<Slot, 64> slots_{};
};

/// The byte ranges [first, second) of `text` that no output may show, sorted: the value of every
/// element whose name suggests a secret (from its start tag to its end tag, CDATA and comments
/// included, or to the end of the text when a broken file never closes it), and every PEM private
/// key from its BEGIN line to its END line. One pass over the text.
///
/// `tags_from`: the caller knows that every '<' before it starts a tag that names no secret (a
/// scan read them: load/xml_scan.h ScanFacts); secret elements are looked for from there on, PEM
/// keys still in the whole text. The result is the same.
std::vector<std::pair<std::size_t, std::size_t>> secret_ranges(std::string_view text, std::size_t tags_from = 0);

/// A character of a key or token as they are written (base64, hex, URL-safe base64).
bool is_token_char(char c);

/// The ranges [first, second) of `line` that look like a key or token, whatever element holds them:
/// runs of 24 or more token characters that mix digits and letters (API names rarely have digits).
/// No excerpt needs one, and a consumer key or a certificate body is never worth printing.
std::vector<std::pair<std::size_t, std::size_t>> key_like_tokens(std::string_view line);

}  // namespace calint
