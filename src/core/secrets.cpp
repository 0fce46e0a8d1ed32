#include "core/secrets.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

namespace calint {

namespace {

/// Whether `lower_needle` (lower case) occurs in `hay` without regard to ASCII case.
bool contains_folded(std::string_view hay, std::string_view lower_needle) {
  if (hay.size() < lower_needle.size()) return false;
  for (std::size_t i = 0; i + lower_needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < lower_needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower_needle[k]) break;
      ++k;
    }
    if (k == lower_needle.size()) return true;
  }
  return false;
}

}  // namespace

bool is_secret_element(std::string_view name) {
  // Called for every start tag of every file shown in evidence: one pass, no allocation.
  auto colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    std::string_view rest = name.substr(i);
    switch (name[i] | 0x20) {
      case 's':
        if (contains_folded(rest.substr(0, 6), "secret") || contains_folded(rest.substr(0, 9), "sessionid"))
          return true;
        break;
      case 'p':
        if (contains_folded(rest.substr(0, 8), "password") || contains_folded(rest.substr(0, 10), "privatekey") ||
            contains_folded(rest.substr(0, 11), "private_key"))
          return true;
        break;
      case 'a':
        if (contains_folded(rest.substr(0, 11), "accesstoken")) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

namespace {

constexpr std::string_view kPrivateKey = "PRIVATE KEY-----";

/// The next occurrence of kPrivateKey at or after `from`. Found through its dashes: '-' is rare in
/// metadata, where 'P' (the needle's first byte) is everywhere.
std::size_t find_private_key(std::string_view text, std::size_t from) {
  constexpr std::size_t kDash = 11;  // the needle's first '-'
  for (std::size_t at = from + kDash; at < text.size();) {
    const void* hit = std::memchr(text.data() + at, '-', text.size() - at);
    if (hit == nullptr) return std::string_view::npos;
    at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (text.substr(at - kDash, kPrivateKey.size()) == kPrivateKey) return at - kDash;
    ++at;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> secret_ranges(std::string_view text, std::size_t tags_from) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  auto ends_name = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' || c == '<';
  };
  SecretNameCache secret;
  // 1. The value of every secret element. End tags, comments, declarations and processing
  // instructions name no element (no '<' can occur in a name, so the next tag is found the same).
  for (std::size_t pos = text.find('<', tags_from); pos != std::string_view::npos; pos = text.find('<', pos + 1)) {
    std::size_t name_end = pos + 1;
    if (name_end < text.size() && (text[name_end] == '!' || text[name_end] == '?')) continue;
    while (name_end < text.size() && !ends_name(text[name_end])) ++name_end;
    std::string_view name = text.substr(pos + 1, name_end - pos - 1);
    if (name.empty() || !secret(name)) continue;
    std::size_t value_start = text.find('>', name_end);
    value_start = value_start == std::string_view::npos ? name_end : value_start + 1;
    std::string closing;
    closing.reserve(name.size() + 2);
    closing.append("</").append(name);
    std::size_t value_end = text.find(closing, value_start);
    if (value_end == std::string_view::npos) value_end = text.size();
    out.emplace_back(value_start, value_end);
  }
  // 2. PEM private keys in any element: from the BEGIN line to the END line.
  for (std::size_t k = find_private_key(text, 0); k != std::string_view::npos; k = find_private_key(text, k + 1)) {
    std::size_t from = text.rfind('\n', k);
    from = from == std::string_view::npos ? 0 : from + 1;
    std::size_t to = text.find("-----END", k + 1);
    to = to == std::string_view::npos ? text.size() : text.find('\n', to);
    out.emplace_back(from, to == std::string_view::npos ? text.size() : to);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("+/=_-").find(c) != std::string_view::npos;
}

std::vector<std::pair<std::size_t, std::size_t>> key_like_tokens(std::string_view line) {
  constexpr std::size_t kTokenRun = 24;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t j = i;
    bool digit = false;
    bool alpha = false;
    while (j < line.size() && is_token_char(line[j])) {
      digit = digit || std::isdigit(static_cast<unsigned char>(line[j])) != 0;
      alpha = alpha || std::isalpha(static_cast<unsigned char>(line[j])) != 0;
      ++j;
    }
    if (j - i >= kTokenRun && digit && alpha) out.emplace_back(i, j);
    i = j == i ? i + 1 : j;
  }
  return out;
}

}  // namespace calint
