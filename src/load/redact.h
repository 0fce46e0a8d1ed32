#pragma once
// Internal to load/: what of a file's text a report may quote. Excerpts of broken files and the
// evidence line of every finding go through here, so no report shows a secret.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace calint::load {

/// The byte ranges [first, second) of `text` that no report may show, sorted: the value of every
/// element whose name suggests a secret (from its start tag to its end tag, CDATA and comments
/// included, or to the end of the text when a broken file never closes it), and every PEM private
/// key from its BEGIN line to its END line. One pass over the text.
std::vector<std::pair<std::size_t, std::size_t>> secret_ranges(std::string_view text);

/// The line [start, end) of `text`, with the secret ranges and anything that looks like a key or
/// token (a long run of base64/hex characters mixing digits and letters) replaced by
/// "[redacted]", trimmed, control characters escaped, and cut to `max_bytes`. When the line is
/// longer, the cut keeps the part around `focus` (a byte offset into the line) and marks what it
/// left out with "...".
std::string redacted_line(std::string_view text, std::size_t start, std::size_t end,
                          const std::vector<std::pair<std::size_t, std::size_t>>& secrets, std::size_t max_bytes,
                          std::size_t focus = 0);

}  // namespace calint::load
