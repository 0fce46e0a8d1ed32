#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calint {

/// Removes ASCII white space at both ends.
std::string_view trim(std::string_view s);
/// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b);
/// ASCII lower-case copy.
std::string to_lower(std::string_view s);
/// ASCII upper-case copy.
std::string to_upper(std::string_view s);
/// Splits on `sep`, trimming each piece and dropping empty ones.
std::vector<std::string_view> split_trimmed(std::string_view s, char sep);
/// Whole-string glob match: `*` any run, `?` one character. Case-sensitive.
bool glob_match(std::string_view pattern, std::string_view text);
/// Decodes %XX escapes (as Salesforce uses in file names); invalid escapes are kept verbatim.
std::string url_decode(std::string_view s);
/// Levenshtein distance, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// "; did you mean 'X'?" when a candidate is close to `word`, else `otherwise`: the tail of every
/// "unknown ..." message.
std::string hint_or(std::string_view word, const std::vector<std::string>& candidates, std::string_view otherwise);
/// Strict decimal parse of a non-negative integer that fits in `long long`.
std::optional<long long> parse_uint(std::string_view s);
/// Control characters shown as \xNN, so text from a hostile file cannot drive a terminal; the
/// characters in `keep` (say "\t\n\r") stay as they are. The Unicode characters that act like
/// controls are shown as \uNNNN too: C1 controls (U+0080-U+009F; U+009B starts a terminal escape
/// sequence), the line and paragraph separators U+2028/U+2029 (line breaks to editors and
/// JavaScript), and the bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069), which can make a line read other than it is.
std::string escape_controls(std::string_view s, std::string_view keep = {});
/// A count with thousands separators: 65,536.
std::string with_thousands(unsigned long long n);
/// Number of UTF-8 code points in `s` (bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view s);
/// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view s);
/// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD (one per maximal invalid subpart).
std::string to_valid_utf8(std::string_view s);
/// The length in bytes of the well-formed UTF-8 sequence starting at s[i], or 0 if it is ill-formed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
/// RFC 3986 percent-encoding of a path: every byte but unreserved characters and '/' becomes %XX
/// ("Integration%2FAPI Only.xml" -> "Integration%252FAPI%20Only.xml").
std::string percent_encode_path(std::string_view path);

}  // namespace calint
