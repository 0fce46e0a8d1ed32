#include <fmt/format.h>

#include "core/text.h"
#include "report/html_text.h"

namespace calint::html {

std::string h(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : escape_controls(s)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

namespace {

/// One line of prose: escaped, `code` spans as <code>.
std::string inline_text(std::string_view line) {
  std::string out;
  bool code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != '`') continue;
    out += h(line.substr(start, i - start));
    if (i < line.size()) {
      // A lone backtick at the end stays a backtick.
      bool closes = code || line.find('`', i + 1) != std::string_view::npos;
      out += closes ? (code ? "</code>" : "<code>") : "`";
      if (closes) code = !code;
    }
    start = i + 1;
  }
  if (code) out += "</code>";
  return out;
}

/// "1. text" or "- text": the list kind ("ol", "ul") and the text; empty kind for other lines.
std::pair<std::string_view, std::string_view> list_item(std::string_view line) {
  std::string_view t = trim(line);
  if (t.size() > 2 && t[0] == '-' && t[1] == ' ') return {"ul", t.substr(2)};
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < t.size() && t[digits] == '.' && t[digits + 1] == ' ')
    return {"ol", t.substr(digits + 2)};
  return {"", t};
}

}  // namespace

std::string prose(std::string_view s) {
  std::string out;
  std::string paragraph;
  std::string_view list;  // the open list, if any
  std::string item;
  auto flush_item = [&] {
    if (!item.empty()) out += "<li>" + inline_text(item) + "</li>";
    item.clear();
  };
  auto close_list = [&] {
    flush_item();
    if (!list.empty()) out += fmt::format("</{}>", list);
    list = {};
  };
  auto flush_paragraph = [&] {
    if (!paragraph.empty()) out += "<p>" + inline_text(paragraph) + "</p>";
    paragraph.clear();
  };
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t nl = s.find('\n', pos);
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() + 1 : nl + 1;
    if (trim(line).empty()) {
      flush_paragraph();
      close_list();
      continue;
    }
    auto [kind, text] = list_item(line);
    if (!kind.empty()) {
      flush_paragraph();
      if (kind != list) {
        close_list();
        out += fmt::format("<{}>", kind);
        list = kind;
      }
      flush_item();
      item = std::string(text);
    } else if (!list.empty() && (line.starts_with(" ") || line.starts_with("\t"))) {
      item += ' ';  // an item's continuation line
      item += text;
    } else {
      close_list();
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += text;
    }
  }
  flush_paragraph();
  close_list();
  return out;
}

std::string link(std::string_view url, std::string_view title) {
  if (url.starts_with("https://") || url.starts_with("http://")) {
    return fmt::format("<a href=\"{}\" rel=\"noreferrer\">{}</a>", h(url), h(title));
  }
  return h(title);
}

std::string sev_class(Severity s) { return fmt::format("sev-{}", to_string(s)); }

}  // namespace calint::html
