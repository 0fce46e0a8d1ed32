#pragma once
// Internal to load/: visiting every node of a pugixml tree without recursion.
#include <pugixml.hpp>

namespace calint::load {

/// Calls `visit` on `root` and on every node below it, in document order, iteratively (hostile
/// nesting cannot exhaust the stack). `visit` may rename a node; it must not add or remove nodes.
template <class Visit>
void walk_nodes(pugi::xml_node root, Visit&& visit) {
  pugi::xml_node n = root;
  while (n) {
    visit(n);
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

}  // namespace calint::load
