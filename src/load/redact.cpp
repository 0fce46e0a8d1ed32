#include "load/redact.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "load/secrets.h"
#include "load/xml_text.h"

namespace calint::load {

std::vector<std::pair<std::size_t, std::size_t>> secret_ranges(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  // 1. The value of every secret element.
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    std::size_t name_end = pos + 1;
    auto ends_name = [](char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' || c == '<';
    };
    while (name_end < text.size() && !ends_name(text[name_end])) ++name_end;
    std::string_view name = text.substr(pos + 1, name_end - pos - 1);
    pos = name_end;
    if (name.empty() || name.front() == '!' || name.front() == '?' || !is_secret_element(name)) continue;
    std::size_t value_start = text.find('>', name_end);
    value_start = value_start == std::string_view::npos ? name_end : value_start + 1;
    std::size_t value_end = text.find("</" + std::string(name), value_start);
    if (value_end == std::string_view::npos) value_end = text.size();
    out.emplace_back(value_start, value_end);
  }
  // 2. PEM private keys in any element: from the BEGIN line to the END line.
  for (std::size_t k = text.find("PRIVATE KEY-----"); k != std::string_view::npos;
       k = text.find("PRIVATE KEY-----", k + 1)) {
    std::size_t from = text.rfind('\n', k);
    from = from == std::string_view::npos ? 0 : from + 1;
    std::size_t to = text.find("-----END", k + 1);
    to = to == std::string_view::npos ? text.size() : text.find('\n', to);
    out.emplace_back(from, to == std::string_view::npos ? text.size() : to);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

bool token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("+/=_-").find(c) != std::string_view::npos;
}

/// Marks key-like tokens of `line`: runs of base64/hex characters, long, with digits and letters
/// (API names rarely have digits). No excerpt needs one, whatever element holds it.
void mask_tokens(std::string_view line, std::vector<bool>& masked) {
  constexpr std::size_t kTokenRun = 24;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t j = i;
    bool digit = false;
    bool alpha = false;
    while (j < line.size() && token_char(line[j])) {
      digit = digit || std::isdigit(static_cast<unsigned char>(line[j])) != 0;
      alpha = alpha || std::isalpha(static_cast<unsigned char>(line[j])) != 0;
      ++j;
    }
    if (j - i >= kTokenRun && digit && alpha) {
      std::fill(masked.begin() + static_cast<std::ptrdiff_t>(i), masked.begin() + static_cast<std::ptrdiff_t>(j), true);
    }
    i = j == i ? i + 1 : j;
  }
}

}  // namespace

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
  mask_tokens(line, masked);
  // A run the window cuts may be the visible part of a longer token: masked whole.
  if (cut_before && token_char(text[start - 1])) {
    for (std::size_t i = 0; i < line.size() && token_char(line[i]); ++i) masked[i] = true;
  }
  if (cut_after && token_char(text[end])) {
    for (std::size_t i = line.size(); i > 0 && token_char(line[i - 1]); --i) masked[i - 1] = true;
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
