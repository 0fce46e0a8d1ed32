#include "load/xml_limits.h"

#include <fmt/format.h>

namespace calint::load {

std::optional<std::string> xml_limit_exceeded(std::uint64_t depth, std::uint64_t elements, std::uint64_t line,
                                              const XmlLimits& limits) {
  std::string at = line > 0 ? fmt::format(" at line {}", line) : std::string();
  if (depth > limits.max_depth) {
    return fmt::format("not audited: its XML elements nest more than {} deep{} (raise the limit with --xml-max-depth)",
                       limits.max_depth, at);
  }
  if (elements > limits.max_elements) {
    return fmt::format(
        "not audited: it has more than {} XML elements; element {} is{} (raise the limit with --xml-max-elements)",
        limits.max_elements, elements, at.empty() ? std::string(" past it") : at);
  }
  return std::nullopt;
}

std::optional<std::string> check_xml_limits(pugi::xml_node root, const XmlText& text, const XmlLimits& limits) {
  std::uint64_t depth = 1;
  std::uint64_t elements = 0;
  pugi::xml_node n = root;
  while (n) {
    ++elements;
    if (depth > limits.max_depth || elements > limits.max_elements) {
      return xml_limit_exceeded(depth, elements, static_cast<std::uint64_t>(text.at(n).line), limits);
    }
    // Next element in document order: the first child element, else the next sibling element of
    // this node or of the nearest ancestor that has one.
    pugi::xml_node next = n.first_child();
    while (next && next.type() != pugi::node_element) next = next.next_sibling();
    if (next) {
      ++depth;
      n = next;
      continue;
    }
    while (n) {
      if (n == root) return std::nullopt;
      next = n.next_sibling();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      if (next) break;
      n = n.parent();
      --depth;
    }
    n = next;
  }
  return std::nullopt;
}

std::uint64_t count_nodes(pugi::xml_node root) {
  std::uint64_t count = 0;
  pugi::xml_node n = root;
  while (n) {
    ++count;
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) ++count;
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  return count;
}

}  // namespace calint::load
