#pragma once
// Internal to load/: what of a file's text a report may quote. Excerpts of broken files and the
// evidence line of every finding go through here, so no report shows a secret.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/secrets.h"  // secret_ranges

namespace calint::load {

/// The line [start, end) of `text`, with the secret ranges and anything that looks like a key or
/// token (a long run of base64/hex characters mixing digits and letters) replaced by
/// "[redacted]", trimmed, control characters escaped, and cut to `max_bytes`. When the line is
/// longer, the cut keeps the part around `focus` (a byte offset into the line) and marks what it
/// left out with "...".
std::string redacted_line(std::string_view text, std::size_t start, std::size_t end,
                          const std::vector<std::pair<std::size_t, std::size_t>>& secrets, std::size_t max_bytes,
                          std::size_t focus = 0);

}  // namespace calint::load
