#include "fix/unified_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "core/secrets.h"
#include "core/text.h"

namespace calint::fix {

namespace {

/// Lines with their line ending ("a\n", "b\r\n", and a last "c" without one).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

enum class Op { Keep, Remove, Add };

struct Edit {
  Op op;
  std::string_view line;
  bool secret = false;  ///< the line shows (part of) a secret
};

/// The edit script between a and b: common prefix and suffix kept, the middle by longest common
/// subsequence (the fixer's edits are few and close, so the middle is small).
std::vector<Edit> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const std::size_t n = a.size() - pre - suf;
  const std::size_t m = b.size() - pre - suf;
  std::vector<Edit> out;
  for (std::size_t i = 0; i < pre; ++i) out.push_back({Op::Keep, a[i]});
  if (n * m > 4'000'000) {  // too far apart to align: replace the middle
    for (std::size_t i = 0; i < n; ++i) out.push_back({Op::Remove, a[pre + i]});
    for (std::size_t j = 0; j < m; ++j) out.push_back({Op::Add, b[pre + j]});
  } else {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        out.push_back({Op::Keep, a[pre + i]});
        ++i;
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.push_back({Op::Remove, a[pre + i++]});
      } else {
        out.push_back({Op::Add, b[pre + j++]});
      }
    }
  }
  for (std::size_t i = a.size() - suf; i < a.size(); ++i) out.push_back({Op::Keep, a[i]});
  return out;
}

void put_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
  if (count == 1) return std::to_string(start);
  return fmt::format("{},{}", count == 0 ? start - 1 : start, count);
}

/// An element value that is no secret whatever the element's name (isConsumerSecretOptional):
/// empty, or a boolean.
bool is_flag(std::string_view value) {
  value = trim(value);
  return value.empty() || value == "true" || value == "false";
}

/// For each line of `lines` (views into `text`), whether it shows part of a secret or anything that
/// looks like a key or token (what evidence excerpts mask).
std::vector<bool> secret_lines(std::string_view text, const std::vector<std::string_view>& lines) {
  const auto ranges = secret_ranges(text);
  std::vector<bool> out(lines.size(), false);
  std::size_t r = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto begin = static_cast<std::size_t>(lines[i].data() - text.data());
    const std::size_t end = begin + lines[i].size();
    if (!key_like_tokens(lines[i]).empty()) {  // a key or a certificate: never worth printing
      out[i] = true;
      continue;
    }
    while (r < ranges.size() && ranges[r].second <= begin) ++r;
    for (std::size_t k = r; k < ranges.size() && ranges[k].first < end; ++k) {
      if (ranges[k].second > begin && !is_flag(text.substr(ranges[k].first, ranges[k].second - ranges[k].first))) {
        out[i] = true;
      }
    }
  }
  return out;
}

/// The path as a diff header names it: as is, or quoted as git quotes it when it holds a control
/// character, a quote or a backslash (a hostile file name cannot break the diff into lines).
std::string header_path(std::string_view prefix, std::string_view path) {
  bool plain = std::none_of(path.begin(), path.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '"' || c == '\\';
  });
  std::string out;
  out.reserve(path.size() + prefix.size() + 2);
  if (plain) return out.append(prefix).append(path);
  out.push_back('"');
  out.append(prefix);
  for (char c : path) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\{:03o}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::optional<std::string> unified_diff(std::string_view before, std::string_view after, std::string_view path,
                                        bool* context_cut) {
  if (before == after) return std::string();
  const auto a = lines_of(before);
  const auto b = lines_of(after);
  std::vector<Edit> script = edit_script(a, b);
  {
    // Which entries show a secret: a changed one withholds the diff, a kept one is never context.
    const auto secret_a = secret_lines(before, a);
    const auto secret_b = secret_lines(after, b);
    std::size_t i = 0, j = 0;
    for (auto& e : script) {
      if (e.op == Op::Add) {
        e.secret = secret_b[j++];
      } else {
        e.secret = secret_a[i++];
        if (e.op == Op::Keep) ++j;
      }
      if (e.secret && e.op != Op::Keep) return std::nullopt;
    }
  }
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", header_path("a/", path), header_path("b/", path));
  std::size_t k = 0;
  while (k < script.size()) {
    if (script[k].op == Op::Keep) {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after the last change
    // that is within 2 * kContext kept lines of the previous one. Context stops short of a line
    // that shows a secret, and such a line between two changes splits the hunk.
    std::size_t begin = k;
    while (begin > 0 && k - begin < kContext && script[begin - 1].op == Op::Keep && !script[begin - 1].secret) --begin;
    std::size_t end = k;
    while (end < script.size()) {
      if (script[end].op != Op::Keep) {
        ++end;
        continue;
      }
      std::size_t run = end;
      bool secret = false;
      for (; run < script.size() && script[run].op == Op::Keep; ++run) secret = secret || script[run].secret;
      if (run == script.size() || run - end > 2 * kContext || secret) {
        std::size_t stop = std::min(script.size(), end + kContext);
        std::size_t i = end;
        while (i < stop && !script[i].secret) ++i;
        // No trailing context before the end of the file: git apply wants --unidiff-zero for it.
        if (i == end && end < script.size() && context_cut != nullptr) *context_cut = true;
        end = i;
        break;
      }
      end = run;
    }
    std::size_t a_line = 1, b_line = 1;
    for (std::size_t i = 0; i < begin; ++i) {
      if (script[i].op != Op::Add) ++a_line;
      if (script[i].op != Op::Remove) ++b_line;
    }
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t i = begin; i < end; ++i) {
      if (script[i].op != Op::Add) ++a_count;
      if (script[i].op != Op::Remove) ++b_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(a_line, a_count), range(b_line, b_count));
    for (std::size_t i = begin; i < end; ++i) {
      put_line(out, script[i].op == Op::Keep ? ' ' : script[i].op == Op::Remove ? '-' : '+', script[i].line);
    }
    k = end;
  }
  return out;
}

}  // namespace calint::fix
