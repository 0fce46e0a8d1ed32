#include "load/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string_view>

#include <fmt/format.h>

#include "core/text.h"

namespace calint::load {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::string_view(s).substr(0, prefix.size()) == prefix;
}

/// XML's EncName production ([A-Za-z] ([A-Za-z0-9._] | '-')*), and no longer than any real name.
bool valid_encoding_name(std::string_view name) {
  if (name.empty() || name.size() > 40 || std::isalpha(static_cast<unsigned char>(name[0])) == 0) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
  });
}

/// The encoding of the bytes, as iconv names it; empty for UTF-8 (and for ASCII).
std::string detect(const std::string& b) {
  using namespace std::string_view_literals;
  if (starts_with(b, "\xEF\xBB\xBF"sv)) return {};
  if (starts_with(b, "\xFF\xFE\x00\x00"sv)) return "UTF-32LE";
  if (starts_with(b, "\x00\x00\xFE\xFF"sv)) return "UTF-32BE";
  if (starts_with(b, "\xFF\xFE"sv)) return "UTF-16LE";
  if (starts_with(b, "\xFE\xFF"sv)) return "UTF-16BE";
  if (starts_with(b, "<\x00\x00\x00"sv)) return "UTF-32LE";
  if (starts_with(b, "\x00\x00\x00<"sv)) return "UTF-32BE";
  if (starts_with(b, "<\x00"sv)) return "UTF-16LE";
  if (starts_with(b, "\x00<"sv)) return "UTF-16BE";
  // An ASCII-compatible encoding: the XML declaration may name it.
  if (!starts_with(b, "<?xml")) return {};
  std::string_view decl = std::string_view(b).substr(0, b.find("?>"));
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return {};
  auto end = decl.find(decl[quote], quote + 1);
  if (end == std::string_view::npos) return {};
  std::string name(trim(decl.substr(quote + 1, end - quote - 1)));
  std::string lower = to_lower(name);
  if (lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii") return {};
  return name;
}

}  // namespace

bool to_utf8(std::string& bytes, std::string& error) {
  std::string from = detect(bytes);
  if (from.empty()) return true;
  if (!valid_encoding_name(from)) {
    // Never echoed: the text between the quotes can be anything, control bytes or a secret.
    error = "file's XML declaration names no valid encoding; save it as UTF-8";
    return false;
  }
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr): iconv_open's documented error value
    error = fmt::format("file is in encoding '{}', which calint cannot read; save it as UTF-8", from);
    return false;
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = bytes.data();
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  bool ok = true;
  while (in_left > 0) {
    char* out_ptr = out.data() + used;
    std::size_t out_left = out.size() - used;
    std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    used = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    error = fmt::format("file is not valid {} at byte {}; save it as UTF-8", from, bytes.size() - in_left);
    ok = false;
    break;
  }
  iconv_close(cd);
  if (!ok) return false;
  out.resize(used);
  bytes = std::move(out);
  return true;
}

}  // namespace calint::load
