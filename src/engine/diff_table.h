#pragma once
// The classification table of `calint diff`: every item compared, what kind of value it is, and
// which way a change goes. docs/diff.md shows the same table (a test keeps them in step).
#include <span>
#include <string_view>

namespace calint {

enum class ItemKind {
  App,          ///< the app itself, added or removed
  Flag,         ///< on or off; `on_widens` says which way turning it on goes
  Ordered,      ///< a value on a scale (posture ranks: higher is wider)
  Text,         ///< any change is neutral
  Hidden,       ///< neutral, and no value is ever shown (secrets, keys)
  Set,          ///< members added or removed; with `on_widens`, adding widens and removing narrows
  Certificate,  ///< the JWT bearer certificate: added, removed, replaced (strength compared)
};

struct DiffItem {
  std::string_view key;
  std::string_view what;  ///< for people: "scope", "permitted users"
  ItemKind kind;
  bool on_widens = true;
  std::string_view widens;   ///< the reason when a change widens
  std::string_view narrows;  ///< the reason when it narrows
};

/// Every item, in the order changes are listed.
std::span<const DiffItem> diff_items();
/// The item called `key`; nullptr for an unknown key (an `element:` item is Text).
const DiffItem* diff_item(std::string_view key);

}  // namespace calint
