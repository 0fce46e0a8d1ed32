#include "fuzz_support.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/report.h"
#include "engine/engine.h"
#include "report/formats.h"

namespace calint::fuzz {

namespace {

bool secret_name(std::string_view name) {
  if (auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);  // local name
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("secret") != std::string::npos || lower.find("password") != std::string::npos ||
         lower.find("privatekey") != std::string::npos || lower.find("accesstoken") != std::string::npos;
}

std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

std::vector<std::string> planted_secrets(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
    std::size_t name_end = lt + 1;
    while (name_end < text.size() && (std::isalnum(static_cast<unsigned char>(text[name_end])) != 0 ||
                                      text[name_end] == ':' || text[name_end] == '_')) {
      ++name_end;
    }
    std::string_view name = text.substr(lt + 1, name_end - lt - 1);
    if (name.empty() || name_end >= text.size() || text[name_end] != '>' || !secret_name(name)) continue;
    std::size_t value_end = text.find('<', name_end + 1);
    if (value_end == std::string_view::npos) value_end = text.size();
    std::string_view value = text.substr(name_end + 1, value_end - name_end - 1);
    // Only values that look like a credential and nothing else: 8+ token characters (what keys,
    // secrets and passwords are made of) with letters and digits. That also keeps out text that
    // only looks like an element to this scanner (markup inside an attribute, say).
    bool alpha = false;
    bool digit = false;
    bool token = true;
    for (char c : value) {
      auto u = static_cast<unsigned char>(c);
      alpha = alpha || std::isalpha(u) != 0;
      digit = digit || std::isdigit(u) != 0;
      token = token && (std::isalnum(u) != 0 || std::string_view("+/=_-.!@#$%^*").find(c) != std::string_view::npos);
    }
    if (value.size() >= 8 && alpha && digit && token && occurrences(text, value) == 1) out.emplace_back(value);
  }
  return out;
}

namespace {

/// `text` with the escapes reports write for control characters (\xHH, \uHHHH) turned back into
/// one placeholder byte: an escaped NUL before "abc" must not read as "0abc".
std::string unescaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [&](std::size_t at, std::size_t n) {
    if (at + n > text.size()) return false;
    for (std::size_t i = at; i < at + n; ++i) {
      if (std::isxdigit(static_cast<unsigned char>(text[i])) == 0) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      if (text[i + 1] == 'x' && hex(i + 2, 2)) {
        out.push_back('\x01');
        i += 3;
        continue;
      }
      if (text[i + 1] == 'u' && hex(i + 2, 4)) {
        out.push_back('\x01');
        i += 5;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

bool shows(std::string_view output, std::string_view secret) {
  return output.find(secret) != std::string_view::npos && unescaped(output).find(secret) != std::string::npos;
}

int line_count(std::string_view text) { return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::string locate_and_render(Report& report, std::string_view text) {
  finalize(report);
  const int lines = line_count(text);
  for (const auto& f : report.findings) {
    if (f.file.empty()) continue;
    if (f.line < 1 || f.line > lines || f.column < 1) violated("location outside the file", f.message);
  }
  ReportView view = make_view(report);
  std::string all;
  for (const auto& format : formats()) {
    std::ostringstream out;
    format.write(out, view, FormatOptions{});
    all += out.str();
  }
  for (const auto& n : report.notes) all += n + "\n";
  for (const auto& w : report.warnings) all += w + "\n";
  return all;
}

void check_secrets(const std::string& text, std::string_view output,
                   const std::function<std::string(const std::string&)>& render) {
  for (const auto& secret : planted_secrets(text)) {
    if (!shows(output, secret)) continue;
    std::string other = text;
    other.replace(other.find(secret), secret.size(), std::string(secret.size(), 'Q'));
    if (!shows(render(other), secret)) violated("a report shows a secret", secret);
  }
}

}  // namespace calint::fuzz
