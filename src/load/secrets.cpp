#include "load/secrets.h"

#include <string>

#include "core/hash.h"
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
