#include "load/eca_join.h"

#include <algorithm>
#include <map>
#include <set>

namespace calint::load {

namespace {

/// Calls f(list) for every list of ECA sub-files in the model.
template <class F>
void for_each_sub_file_list(Export& model, F&& f) {
  model.for_each_list([&](auto& list) {
    using T = typename std::remove_cvref_t<decltype(list)>::value_type;
    if constexpr (std::is_base_of_v<EcaSubFile, T>) f(list);
  });
}

/// Adds a stand-in app for every name that sub-files give but no .eca header defines.
void add_stand_ins(Export& model) {
  std::set<std::string> headers;
  for (const auto& app : model.external_client_apps) headers.insert(app.name);
  std::map<std::string, const EcaSubFile*> missing;  // app name -> first sub-file (by file) naming it
  for_each_sub_file_list(model, [&](const auto& subs) {
    for (const auto& sub : subs) {
      if (!sub.parent.present || sub.parent.value.empty() || headers.contains(sub.parent.value)) continue;
      auto [it, fresh] = missing.emplace(sub.parent.value, &sub);
      if (!fresh && sub.file < it->second->file) it->second = &sub;
    }
  });
  std::vector<ExternalClientApp> stand_ins;
  for (const auto& [name, first] : missing) {
    ExternalClientApp stand_in;
    stand_in.name = name;
    stand_in.file = first->file;
    stand_in.root = first->root;
    stand_in.header_in_export = false;
    stand_ins.push_back(std::move(stand_in));
  }
  for (auto& s : stand_ins) model.external_client_apps.push_back(std::move(s));
}

}  // namespace

void join_external_client_apps(Export& model) {
  add_stand_ins(model);
  // An .eca file that is there but could not be read (CA000 says why) is not "missing".
  std::set<std::string> unreadable_headers;
  for (const auto& f : model.files) {
    if (f.type == MetaType::ExternalClientApp && !f.loaded) unreadable_headers.insert(f.component_name);
  }
  std::map<std::string, std::size_t, std::less<>> by_name;
  for (std::size_t i = 0; i < model.external_client_apps.size(); ++i) {
    by_name.emplace(model.external_client_apps[i].name, i);
  }
  for_each_sub_file_list(model, [&](auto& subs) {
    using T = typename std::remove_cvref_t<decltype(subs)>::value_type;
    for (std::uint32_t i = 0; i < subs.size(); ++i) {
      const T& sub = subs[i];
      if (!sub.parent.present || sub.parent.value.empty()) continue;  // CA000 already says so
      model.files[static_cast<std::size_t>(sub.file)].component_name = sub.parent.value;
      ExternalClientApp& app = model.external_client_apps[by_name.at(sub.parent.value)];
      SubFileRef ref{T::kType, i};
      if (!app.header_in_export && !unreadable_headers.contains(app.name)) model.eca_orphans.push_back(ref);
      auto& parts = app.template parts<T>();
      if (!parts.empty()) model.eca_duplicates.push_back(ref);  // an app has one file of each kind
      parts.push_back(Ref<T>{i});
    }
  });
  auto by_file = [&](SubFileRef a, SubFileRef b) { return model[a].file < model[b].file; };
  std::sort(model.eca_orphans.begin(), model.eca_orphans.end(), by_file);
  std::sort(model.eca_duplicates.begin(), model.eca_duplicates.end(), by_file);
}

}  // namespace calint::load
