#include "engine/notes.h"

#include <map>
#include <set>

#include <fmt/format.h>

namespace calint {

namespace {

/// Calls f(component) for every component of the export (see component_count).
template <class F>
void for_each_component(const Export& model, F&& f) {
  model.for_each_list([&](const auto& list) {
    using T = typename std::remove_cvref_t<decltype(list)>::value_type;
    if constexpr (!std::is_base_of_v<EcaSubFile, T>) {
      for (const auto& c : list) {
        if constexpr (std::is_same_v<T, ExternalClientApp>) {
          if (!c.header_in_export) continue;
        }
        f(T::kComponentType, c);
      }
    }
  });
}

}  // namespace

std::size_t component_count(const Export& model) {
  std::size_t n = 0;
  for_each_component(model, [&](std::string_view, const ComponentFile&) { ++n; });
  return n;
}

void add_components(const Export& model, ComponentSet& out) {
  for_each_component(model, [&](std::string_view type, const ComponentFile& c) { out.emplace(type, c.name); });
}

std::size_t focused_component_count(const Export& model, const Focus& focus) {
  std::set<std::pair<std::string, std::string>> seen;
  for_each_component(model, [&](std::string_view type, const ComponentFile& c) {
    if (focus.components().contains({std::string(type), c.name})) seen.emplace(type, c.name);
  });
  return seen.size();
}

void note_duplicates(const Export& model, std::vector<std::string>& notes) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> defined;
  for_each_component(model, [&](std::string_view type, const ComponentFile& c) {
    defined[{std::string(type), c.name}].push_back(model.file(c.file).display_path);
  });
  std::vector<std::string> duplicates;
  for (const auto& [key, paths] : defined) {
    if (paths.size() < 2) continue;
    duplicates.push_back(fmt::format("{} {} is defined in {} files, each audited: {}", key.first, key.second,
                                     paths.size(), fmt::join(paths, ", ")));
  }
  // A backup copy of a whole tree (a Doc/ folder, say) duplicates hundreds of components: one note.
  constexpr std::size_t kListed = 5;
  if (duplicates.size() <= kListed) {
    notes.insert(notes.end(), duplicates.begin(), duplicates.end());
    return;
  }
  notes.push_back(
      fmt::format("{}: {} components are defined in more than one file, each audited (usually a backup "
                  "copy of the metadata; exclude it if it is not deployed). For example: {}",
                  model.root_display, duplicates.size(), fmt::join(duplicates.begin(), duplicates.begin() + 2, "; ")));
}

std::set<std::string> same_integration(const Export& model, std::vector<std::string>& notes) {
  std::set<std::string> ca_names;
  for (const auto& c : model.connected_apps) ca_names.insert(c.name);
  std::set<std::string> both;
  for (const auto& e : model.external_client_apps) {
    if (e.header_in_export && ca_names.contains(e.name) && both.insert(e.name).second) {
      notes.push_back(
          fmt::format("ConnectedApp {0} and ExternalClientApplication {0} are the same integration (a "
                      "migration to an External Client App): both are audited",
                      e.name));
    }
  }
  return both;
}

}  // namespace calint
