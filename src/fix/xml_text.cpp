#include "fix/xml_text.h"

namespace calint::fix {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string local_name(std::string_view qname) {
  auto colon = qname.find(':');
  return std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
}

}  // namespace

XmlMap map_xml(std::string_view doc) {
  XmlMap map;
  std::vector<int> open;
  std::size_t i = 0;
  const std::size_t n = doc.size();
  while (i < n) {
    std::size_t lt = doc.find('<', i);
    if (lt == std::string_view::npos) break;
    if (doc.substr(lt, 4) == "<!--") {
      std::size_t end = doc.find("-->", lt + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
      continue;
    }
    if (doc.substr(lt, 9) == "<![CDATA[") {
      std::size_t end = doc.find("]]>", lt + 9);
      if (end == std::string_view::npos) return {};
      i = end + 3;
      continue;
    }
    if (doc.substr(lt, 2) == "<?") {
      std::size_t end = doc.find("?>", lt + 2);
      if (end == std::string_view::npos) return {};
      i = end + 2;
      continue;
    }
    if (doc.substr(lt, 2) == "<!") return {};  // a DTD: not metadata
    // A tag: find its '>' outside quoted attribute values.
    std::size_t j = lt + 1;
    char quote = 0;
    while (j < n && (quote || doc[j] != '>')) {
      if (quote && doc[j] == quote)
        quote = 0;
      else if (!quote && (doc[j] == '"' || doc[j] == '\''))
        quote = doc[j];
      ++j;
    }
    if (j >= n) return {};
    const std::size_t gt = j + 1;
    if (doc[lt + 1] == '/') {
      std::size_t k = lt + 2;
      while (k < j && !is_space(doc[k])) ++k;
      std::string name = local_name(doc.substr(lt + 2, k - lt - 2));
      if (open.empty() || map.elements[static_cast<std::size_t>(open.back())].name != name) return {};
      auto& e = map.elements[static_cast<std::size_t>(open.back())];
      e.close_begin = lt;
      e.close_end = gt;
      open.pop_back();
    } else {
      std::size_t k = lt + 1;
      while (k < j && !is_space(doc[k]) && doc[k] != '/') ++k;
      XmlElement e;
      e.name = local_name(doc.substr(lt + 1, k - lt - 1));
      if (e.name.empty()) return {};
      e.open_begin = lt;
      e.open_end = gt;
      e.self_closing = doc[j - 1] == '/';
      e.parent = open.empty() ? -1 : open.back();
      if (e.parent < 0 && !map.elements.empty()) return {};  // a second root
      int index = static_cast<int>(map.elements.size());
      if (e.parent >= 0) map.elements[static_cast<std::size_t>(e.parent)].children.push_back(index);
      if (e.self_closing) e.close_begin = e.close_end = gt;
      map.elements.push_back(std::move(e));
      if (!map.elements.back().self_closing) open.push_back(index);
    }
    i = gt;
  }
  map.ok = open.empty() && !map.elements.empty();
  return map;
}

std::string_view XmlMap::text(std::string_view doc, int e) const {
  const auto& el = elements[static_cast<std::size_t>(e)];
  if (el.self_closing) return {};
  std::string_view t = doc.substr(el.open_end, el.close_begin - el.open_end);
  while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
  return t;
}

std::vector<int> XmlMap::children(int e, std::string_view name) const {
  std::vector<int> out;
  for (int c : elements[static_cast<std::size_t>(e)].children) {
    if (elements[static_cast<std::size_t>(c)].name == name) out.push_back(c);
  }
  return out;
}

int XmlMap::find(std::string_view path) const {
  if (!ok) return -1;
  std::size_t slash = path.find('/');
  std::string_view first = path.substr(0, slash);
  if (elements[0].name != first) return -1;
  int at = 0;
  while (slash != std::string_view::npos) {
    path.remove_prefix(slash + 1);
    slash = path.find('/');
    auto found = children(at, path.substr(0, slash));
    if (found.empty()) return -1;
    at = found.front();
  }
  return at;
}

std::string indentation_of(std::string_view doc, std::size_t offset) {
  std::size_t start = offset;
  while (start > 0 && (doc[start - 1] == ' ' || doc[start - 1] == '\t')) --start;
  if (start > 0 && doc[start - 1] != '\n' && doc[start - 1] != '\r') return {};
  return std::string(doc.substr(start, offset - start));
}

Layout layout_of(std::string_view doc, const XmlMap& map) {
  Layout out;
  if (doc.find("\r\n") != std::string_view::npos) out.newline = "\r\n";
  // One level: the indentation of the root's first child on its own line.
  if (map.ok && !map.elements[0].children.empty()) {
    std::string first =
        indentation_of(doc, map.elements[static_cast<std::size_t>(map.elements[0].children[0])].open_begin);
    std::string root = indentation_of(doc, map.elements[0].open_begin);
    if (first.size() > root.size()) out.indent = first.substr(root.size());
  }
  return out;
}

}  // namespace calint::fix
