#include "load/secrets.h"

#include <string>

#include "core/hash.h"
#include "core/text.h"
#include "core/x509.h"

namespace calint::load {

bool holds_secret_value(std::string_view name, std::string_view value) {
  std::string lower = to_lower(name);
  return lower.size() >= 6 && lower.compare(lower.size() - 6, 6, "secret") == 0 && !value.empty() && value != "true" &&
         value != "false";
}

void find_secrets(pugi::xml_node root, const XmlText& text, std::vector<SecretSite>& out) {
  constexpr std::size_t kMaxDepth = 256;  // far beyond real metadata; bounds hostile nesting
  struct Entry {
    pugi::xml_node node;
    std::string path;
    std::size_t depth;
  };
  std::vector<Entry> stack{{root, std::string(local_name(root)), 0}};
  while (!stack.empty()) {
    Entry e = std::move(stack.back());
    stack.pop_back();
    for (pugi::xml_node c : e.node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = local_name(c);
      std::string child_path = e.path + "/" + std::string(name);
      // A PEM private key is a secret in any element (pasted into `certificate`, say).
      std::string_view value = value_of(c);
      if (holds_secret_value(name, value)) {
        out.push_back(SecretSite{text.at(c), child_path, false, sha256_hex(trim(value))});
      } else if (holds_private_key(value)) {
        out.push_back(SecretSite{text.at(c), child_path, true, sha256_hex(trim(value))});
      }
      if (e.depth < kMaxDepth && c.first_child()) stack.push_back({c, std::move(child_path), e.depth + 1});
    }
  }
}

}  // namespace calint::load
