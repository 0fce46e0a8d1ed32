#include "load/secrets.h"

#include <string>

#include "core/text.h"
#include "core/x509.h"

namespace calint::load {

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
  // Called for every start tag of every file shown in evidence: no allocation.
  auto colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return contains_folded(name, "secret") || contains_folded(name, "password") ||
         contains_folded(name, "privatekey") || contains_folded(name, "private_key") ||
         contains_folded(name, "accesstoken") || contains_folded(name, "sessionid");
}

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
        out.push_back(SecretSite{text.at(c), child_path, false});
      } else if (holds_private_key(value)) {
        out.push_back(SecretSite{text.at(c), child_path, true});
      }
      if (e.depth < kMaxDepth && c.first_child()) stack.push_back({c, std::move(child_path), e.depth + 1});
    }
  }
}

}  // namespace calint::load
