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

/// Marks key-like tokens of `line`: runs of base64/hex characters, long, with digits and letters
/// (API names rarely have digits). No excerpt needs one, whatever element holds it.
void mask_tokens(std::string_view line, std::vector<bool>& masked) {
  constexpr std::size_t kTokenRun = 24;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t j = i;
    bool digit = false;
    bool alpha = false;
    while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) != 0 ||
                               std::string_view("+/=_-").find(line[j]) != std::string_view::npos)) {
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
  std::string_view line = text.substr(start, end - start);
  std::vector<bool> masked(line.size(), false);
  // Ranges are sorted by start; any that begins before the line's end may cover part of it.
  for (const auto& [from, to] : secrets) {
    if (from >= end) break;
    for (std::size_t i = std::max(from, start); i < std::min(to, end); ++i) masked[i - start] = true;
  }
  mask_tokens(line, masked);

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
  if (printable.size() <= max_bytes) return printable;
  // Too long: a window around the focus (a minified file holds everything on one line). The focus
  // moves with the escapes before it, and never past the end (it may lie in trimmed space).
  std::size_t focus_printable = escape_controls(trimmed.substr(0, focus_out)).size();
  std::size_t from = focus_printable > max_bytes / 3 ? focus_printable - max_bytes / 3 : 0;
  from = std::min(from, printable.size());
  while (from > 0 && from < printable.size() && (static_cast<unsigned char>(printable[from]) & 0xC0U) == 0x80U) --from;
  std::string head = from > 0 ? "..." : "";
  return head + shorten_printable(std::string_view(printable).substr(from), max_bytes);
}

}  // namespace calint::load
