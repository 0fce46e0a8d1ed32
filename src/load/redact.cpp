#include "load/redact.h"

#include <algorithm>
#include <cctype>

#include "core/secrets.h"
#include "core/text.h"
#include "load/xml_text.h"

namespace calint::load {

std::string redacted_line(std::string_view text, std::size_t start, std::size_t end,
                          const std::vector<std::pair<std::size_t, std::size_t>>& secrets, std::size_t max_bytes,
                          std::size_t focus) {
  end = std::min(end, text.size());
  start = std::min(start, end);
  // A long line (a minified file holds everything on one line) is read only around the focus, so
  // the work per excerpt stays bounded whatever the line's length.
  const std::size_t reach = 8 * max_bytes;
  bool cut_before = false;
  bool cut_after = false;
  if (end - start > 2 * reach) {
    std::size_t at = start + std::min(focus, end - start);
    std::size_t from = at - std::min(at - start, reach);
    while (from > start && (static_cast<unsigned char>(text[from]) & 0xC0U) == 0x80U) --from;
    std::size_t to = std::min(end, at + reach);
    while (to < end && (static_cast<unsigned char>(text[to]) & 0xC0U) == 0x80U) ++to;
    cut_before = from > start;
    cut_after = to < end;
    focus = at - from;
    start = from;
    end = to;
  }
  std::string_view line = text.substr(start, end - start);
  std::vector<bool> masked(line.size(), false);
  // Ranges are sorted by start; any that begins before the line's end may cover part of it.
  for (const auto& [from, to] : secrets) {
    if (from >= end) break;
    for (std::size_t i = std::max(from, start); i < std::min(to, end); ++i) masked[i - start] = true;
  }
  for (const auto& [from, to] : key_like_tokens(line)) {
    std::fill(masked.begin() + static_cast<std::ptrdiff_t>(from), masked.begin() + static_cast<std::ptrdiff_t>(to),
              true);
  }
  // A run the window cuts may be the visible part of a longer token: masked whole.
  if (cut_before && is_token_char(text[start - 1])) {
    for (std::size_t i = 0; i < line.size() && is_token_char(line[i]); ++i) masked[i] = true;
  }
  if (cut_after && is_token_char(text[end])) {
    for (std::size_t i = line.size(); i > 0 && is_token_char(line[i - 1]); --i) masked[i - 1] = true;
  }

  std::string out;
  std::size_t focus_out = 0;
  bool in_mask = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == focus) focus_out = out.size();
    if (masked[i]) {
      if (!in_mask) out += "[redacted]";
      in_mask = true;
      continue;
    }
    in_mask = false;
    out.push_back(line[i]);
  }
  // Trim, keeping the focus in step.
  std::size_t lead = 0;
  while (lead < out.size() && std::isspace(static_cast<unsigned char>(out[lead])) != 0) ++lead;
  std::string_view trimmed = trim(out);
  focus_out = std::min(focus_out > lead ? focus_out - lead : 0, trimmed.size());
  std::string printable = escape_controls(trimmed);
  if (printable.size() <= max_bytes) {
    return (cut_before ? "..." : "") + printable + (cut_after ? "..." : "");
  }
  // Too long: a window around the focus (a minified file holds everything on one line). The focus
  // moves with the escapes before it, and never past the end (it may lie in trimmed space).
  std::size_t focus_printable = escape_controls(trimmed.substr(0, focus_out)).size();
  std::size_t from = focus_printable > max_bytes / 3 ? focus_printable - max_bytes / 3 : 0;
  from = std::min(from, printable.size());
  while (from > 0 && from < printable.size() && (static_cast<unsigned char>(printable[from]) & 0xC0U) == 0x80U) --from;
  std::string head = from > 0 || cut_before ? "..." : "";
  std::string body = shorten_printable(std::string_view(printable).substr(from), max_bytes);
  if (cut_after && !body.ends_with("...")) body += "...";
  return head + body;
}

}  // namespace calint::load
