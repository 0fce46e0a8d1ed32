#include "load/loader.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <variant>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/text.h"
#include "load/encoding.h"
#include "load/readers.h"
#include "load/xml_support.h"

namespace calint {

namespace {

using Component =
    std::variant<std::monostate, ConnectedApp, ExternalClientApp, EcaOauthSettings, EcaGlobalOauth, EcaOauthPolicy,
                 EcaPolicy, EcaSubFile, MyDomainSettings, OauthOidcSettings, ConnectedAppSettings, SecuritySettings,
                 ExternalClientAppSettings, Profile, PermissionSet>;

struct FileResult {
  Component component;
  std::vector<LoadIssue> issues;
  std::vector<SecretSite> secrets;
  std::string read_error;
};

/// Every element under `root` whose name says it holds a secret and that has a value. Iterative:
/// nesting depth cannot exhaust the stack.
void find_secrets(pugi::xml_node root, const load::XmlText& text, std::vector<SecretSite>& out) {
  constexpr std::size_t kMaxDepth = 256;  // far beyond real metadata; bounds hostile nesting
  struct Entry {
    pugi::xml_node node;
    std::string path;
    std::size_t depth;
  };
  std::vector<Entry> stack{{root, std::string(load::local_name(root)), 0}};
  while (!stack.empty()) {
    Entry e = std::move(stack.back());
    stack.pop_back();
    for (pugi::xml_node c : e.node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = load::local_name(c);
      std::string child_path = e.path + "/" + std::string(name);
      if (load::holds_secret_value(name, load::value_of(c))) {
        out.push_back(SecretSite{text.at(c), child_path});
      }
      if (e.depth < kMaxDepth && c.first_child()) stack.push_back({c, std::move(child_path), e.depth + 1});
    }
  }
}

constexpr std::size_t kMaxFileBytes = std::size_t{512} << 20U;

/// Reads a whole file; on failure returns false with a message.
bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
  // O_NONBLOCK: a FIFO named like a metadata file must not hang the audit (it is refused below).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = fmt::format("cannot read: {}", std::strerror(errno));
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = fmt::format("cannot read: {}", std::strerror(errno));
    ::close(fd);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "cannot read: not a regular file";
    ::close(fd);
    return false;
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxFileBytes) {
    error = fmt::format("cannot read: file is larger than {} MiB", kMaxFileBytes >> 20U);
    ::close(fd);
    return false;
  }
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("cannot read: {}", std::strerror(errno));
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  ::close(fd);
  return true;
}

std::string expected_root(const ExportFile& f) {
  switch (f.type) {
    case MetaType::ConnectedApp:
      return "ConnectedApp";
    case MetaType::ExternalClientApp:
      return "ExternalClientApplication";
    case MetaType::EcaOauthSettings:
      return "ExtlClntAppOauthSettings";
    case MetaType::EcaGlobalOauth:
      return "ExtlClntAppGlobalOauthSettings";
    case MetaType::EcaOauthPolicy:
      return "ExtlClntAppOauthConfigurablePolicies";
    case MetaType::EcaPolicy:
      return "ExtlClntAppConfigurablePolicies";
    case MetaType::EcaOauthSecurity:
      return "ExtlClntAppOauthSecuritySettings";
    case MetaType::EcaSamlPolicy:
      return "ExtlClntAppSamlConfigurablePolicies";
    case MetaType::Settings:
      return f.base_name + "Settings";
    case MetaType::Profile:
      return "Profile";
    case MetaType::PermissionSet:
      return "PermissionSet";
  }
  return {};
}

template <class T>
T make_component(const ExportFile& f, int index, SourceLoc root) {
  T t;
  t.name = f.component_name;
  t.file = index;
  t.root = root;
  return t;
}

FileResult load_one(const ExportFile& f, int index, std::string contents) {
  FileResult result;
  std::string encoding_error;
  if (!load::to_utf8(contents, encoding_error)) {
    result.issues.push_back(LoadIssue{SourceLoc{index, 1, 1}, encoding_error, "encoding"});
    return result;
  }
  const bool large = f.type == MetaType::Profile || f.type == MetaType::PermissionSet;
  load::XmlText text(index, contents);
  pugi::xml_document doc;
  // Profiles and permission sets are large and only a few of their elements matter: parse them in
  // place (no copy) and keep nothing of the DOM. Small files keep their bytes intact for locations.
  // The bytes are UTF-8 by now, so pugixml's offsets are offsets into `contents`.
  pugi::xml_parse_result parsed =
      large ? doc.load_buffer_inplace(contents.data(), contents.size(), pugi::parse_default, pugi::encoding_utf8)
            : doc.load_buffer(contents.data(), contents.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    std::string excerpt;
    if (!large) excerpt = text.redacted_excerpt(parsed.offset);
    std::string message = parsed.status == pugi::status_no_document_element
                              ? std::string("file is not XML metadata: it has no root element")
                              : fmt::format("XML does not parse: {}{}", parsed.description(),
                                            excerpt.empty() ? std::string() : fmt::format(" (near: {})", excerpt));
    result.issues.push_back(LoadIssue{text.at_error(parsed.offset), message, "xml"});
    return result;
  }
  pugi::xml_node root = doc.document_element();
  std::string_view root_name = load::local_name(root);
  std::string want = expected_root(f);
  load::Reader reader(text, result.issues);
  if (root_name != want) {
    reader.issue(root, fmt::format("root element is <{}>, but a file named like this must hold <{}>", root_name, want),
                 "root");
    return result;
  }
  SourceLoc root_loc = text.at(root);
  if (!large) find_secrets(root, text, result.secrets);
  switch (f.type) {
    case MetaType::ConnectedApp: {
      auto app = make_component<ConnectedApp>(f, index, root_loc);
      load::read_connected_app(root, reader, app);
      result.component = std::move(app);
      break;
    }
    case MetaType::ExternalClientApp: {
      auto app = make_component<ExternalClientApp>(f, index, root_loc);
      load::read_eca_header(root, reader, app);
      result.component = std::move(app);
      break;
    }
    case MetaType::EcaOauthSettings: {
      auto s = make_component<EcaOauthSettings>(f, index, root_loc);
      load::read_eca_oauth_settings(root, reader, s);
      result.component = std::move(s);
      break;
    }
    case MetaType::EcaGlobalOauth: {
      auto s = make_component<EcaGlobalOauth>(f, index, root_loc);
      load::read_eca_global_oauth(root, reader, s);
      result.component = std::move(s);
      break;
    }
    case MetaType::EcaOauthPolicy: {
      auto s = make_component<EcaOauthPolicy>(f, index, root_loc);
      load::read_eca_oauth_policy(root, reader, s);
      result.component = std::move(s);
      break;
    }
    case MetaType::EcaPolicy: {
      auto s = make_component<EcaPolicy>(f, index, root_loc);
      load::read_eca_policy(root, reader, s);
      result.component = std::move(s);
      break;
    }
    case MetaType::EcaOauthSecurity:
    case MetaType::EcaSamlPolicy: {
      auto s = make_component<EcaSubFile>(f, index, root_loc);
      s.kind = f.type;
      load::read_eca_other(root, reader, s);
      result.component = std::move(s);
      break;
    }
    case MetaType::Settings: {
      if (f.base_name == "MyDomain") {
        auto s = make_component<MyDomainSettings>(f, index, root_loc);
        load::read_my_domain(root, reader, s);
        result.component = std::move(s);
      } else if (f.base_name == "OauthOidc") {
        auto s = make_component<OauthOidcSettings>(f, index, root_loc);
        load::read_oauth_oidc(root, reader, s);
        result.component = std::move(s);
      } else if (f.base_name == "ConnectedApp") {
        auto s = make_component<ConnectedAppSettings>(f, index, root_loc);
        load::read_connected_app_settings(root, reader, s);
        result.component = std::move(s);
      } else if (f.base_name == "Security") {
        auto s = make_component<SecuritySettings>(f, index, root_loc);
        load::read_security(root, reader, s);
        result.component = std::move(s);
      } else if (f.base_name == "ExternalClientApp") {
        auto s = make_component<ExternalClientAppSettings>(f, index, root_loc);
        load::read_eca_settings(root, reader, s);
        result.component = std::move(s);
      }
      break;
    }
    case MetaType::Profile: {
      auto p = make_component<Profile>(f, index, root_loc);
      p.display_name = load::profile_display_name(f.base_name);
      load::read_profile(root, reader, p);
      result.component = std::move(p);
      break;
    }
    case MetaType::PermissionSet: {
      auto p = make_component<PermissionSet>(f, index, root_loc);
      load::read_permission_set(root, reader, p);
      result.component = std::move(p);
      break;
    }
  }
  return result;
}

/// Sizes the model's vectors from the file list, so merging never over-allocates by doubling.
void reserve_model(Export& model) {
  std::map<MetaType, std::size_t> count;
  for (const auto& f : model.files) ++count[f.type];
  model.connected_apps.reserve(count[MetaType::ConnectedApp]);
  model.external_client_apps.reserve(count[MetaType::ExternalClientApp]);
  model.eca_oauth_settings.reserve(count[MetaType::EcaOauthSettings]);
  model.eca_global_oauth.reserve(count[MetaType::EcaGlobalOauth]);
  model.eca_oauth_policies.reserve(count[MetaType::EcaOauthPolicy]);
  model.eca_policies.reserve(count[MetaType::EcaPolicy]);
  model.eca_other.reserve(count[MetaType::EcaOauthSecurity] + count[MetaType::EcaSamlPolicy]);
  model.profiles.reserve(count[MetaType::Profile]);
  model.permission_sets.reserve(count[MetaType::PermissionSet]);
}

/// Moves one file's result into the model.
void merge(Export& model, std::size_t index, FileResult&& r) {
  model.files[index].loaded = !std::holds_alternative<std::monostate>(r.component);
  std::visit(
      [&](auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, ConnectedApp>)
          model.connected_apps.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, ExternalClientApp>)
          model.external_client_apps.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, EcaOauthSettings>)
          model.eca_oauth_settings.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, EcaGlobalOauth>)
          model.eca_global_oauth.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, EcaOauthPolicy>)
          model.eca_oauth_policies.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, EcaPolicy>)
          model.eca_policies.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, EcaSubFile>)
          model.eca_other.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, MyDomainSettings>)
          model.my_domain.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, OauthOidcSettings>)
          model.oauth_oidc.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, ConnectedAppSettings>)
          model.connected_app_settings.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, SecuritySettings>)
          model.security.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, ExternalClientAppSettings>)
          model.external_client_app_settings.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, Profile>)
          model.profiles.push_back(std::move(c));
        else if constexpr (std::is_same_v<T, PermissionSet>)
          model.permission_sets.push_back(std::move(c));
      },
      r.component);
  for (auto& issue : r.issues) model.issues.push_back(std::move(issue));
  for (auto& secret : r.secrets) model.secrets.push_back(std::move(secret));
}

/// Joins ECA sub-files to their app through externalClientApplication (never through file names).
void join_external_client_apps(Export& model) {
  // Sub-files naming an app whose header is not in the export still get audited: they join a
  // stand-in app of that name (header_in_export false), created before any pointer is taken.
  std::set<std::string> headers;
  for (const auto& app : model.external_client_apps) headers.insert(app.name);
  // An .eca file that is there but could not be read (CA000 says why) is not "missing".
  std::set<std::string> unreadable_headers;
  for (const auto& f : model.files) {
    if (f.type == MetaType::ExternalClientApp && !f.loaded) unreadable_headers.insert(f.component_name);
  }
  std::map<std::string, const EcaSubFile*> missing;  // app name -> first sub-file naming it
  auto collect = [&](const auto& subs) {
    for (const auto& sub : subs) {
      if (sub.parent.present && !sub.parent.value.empty() && !headers.contains(sub.parent.value)) {
        auto [it, fresh] = missing.emplace(sub.parent.value, &sub);
        if (!fresh && sub.file < it->second->file) it->second = &sub;
      }
    }
  };
  collect(model.eca_oauth_settings);
  collect(model.eca_global_oauth);
  collect(model.eca_oauth_policies);
  collect(model.eca_policies);
  collect(model.eca_other);
  for (const auto& [name, first] : missing) {
    ExternalClientApp stand_in;
    stand_in.name = name;
    stand_in.file = first->file;
    stand_in.root = first->root;
    stand_in.header_in_export = false;
    model.external_client_apps.push_back(std::move(stand_in));
  }

  std::map<std::string, ExternalClientApp*, std::less<>> by_name;
  for (auto& app : model.external_client_apps) by_name.emplace(app.name, &app);
  auto join = [&](EcaSubFile& sub) -> ExternalClientApp* {
    if (!sub.parent.present || sub.parent.value.empty()) return nullptr;  // CA000 already says so
    model.files[static_cast<std::size_t>(sub.file)].component_name = sub.parent.value;
    ExternalClientApp* app = by_name.at(sub.parent.value);
    if (!app->header_in_export && !unreadable_headers.contains(app->name)) model.eca_orphans.push_back(&sub);
    return app;
  };
  auto attach = [&](auto& subs, auto member) {
    for (auto& sub : subs) {
      ExternalClientApp* app = join(sub);
      if (!app) continue;
      auto& list = app->*member;
      if (!list.empty()) model.eca_duplicates.push_back(&sub);
      list.push_back(&sub);
    }
  };
  attach(model.eca_oauth_settings, &ExternalClientApp::oauth_settings);
  attach(model.eca_global_oauth, &ExternalClientApp::global_oauth);
  attach(model.eca_oauth_policies, &ExternalClientApp::oauth_policies);
  attach(model.eca_policies, &ExternalClientApp::policies);
  // Security and SAML sub-files share `other`; a duplicate is a second one of the same kind.
  for (auto& sub : model.eca_other) {
    ExternalClientApp* app = join(sub);
    if (!app) continue;
    bool same_kind =
        std::any_of(app->other.begin(), app->other.end(), [&](const EcaSubFile* s) { return s->kind == sub.kind; });
    if (same_kind) model.eca_duplicates.push_back(&sub);
    app->other.push_back(&sub);
  }
  auto by_file = [](const EcaSubFile* a, const EcaSubFile* b) { return a->file < b->file; };
  std::sort(model.eca_orphans.begin(), model.eca_orphans.end(), by_file);
  std::sort(model.eca_duplicates.begin(), model.eca_duplicates.end(), by_file);
}

std::atomic<FileReader> g_reader{&read_whole_file};

}  // namespace

FileReader set_file_reader(FileReader reader) { return g_reader.exchange(reader ? reader : &read_whole_file); }

LoadedExport load_export(const std::string& path, int jobs) {
  LoadedExport out;
  Discovered found = discover(path);
  out.errors = std::move(found.errors);
  Export& model = out.model;
  model.root_display = found.root_display;
  model.files = std::move(found.files);
  model.files_skipped = found.skipped;

  // One pointer per file, filled by whichever worker reads it: the slots stay small (a variant of
  // every component type is kilobytes), and each result is freed as soon as it is merged.
  std::vector<std::unique_ptr<FileResult>> results(model.files.size());
  std::atomic<std::size_t> next{0};
  FileReader reader = g_reader.load();
  auto worker = [&] {
    std::string contents;
    for (std::size_t i = next++; i < model.files.size(); i = next++) {
      const ExportFile& f = model.files[i];
      std::string error;
      try {
        if (reader(f.display_path, contents, error)) {
          results[i] = std::make_unique<FileResult>(load_one(f, static_cast<int>(i), std::move(contents)));
        }
      } catch (const std::exception& e) {  // out of memory, say: this file fails, the audit goes on
        error = fmt::format("cannot audit: {}", e.what());
      }
      if (!results[i]) {
        results[i] = std::make_unique<FileResult>();
        results[i]->read_error = error.empty() ? std::string("cannot audit: unknown failure") : std::move(error);
      }
      contents = std::string();
    }
  };
  std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, jobs)), model.files.size());
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  reserve_model(model);
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i]->read_error.empty()) {
      out.errors.push_back({model.files[i].display_path, std::move(results[i]->read_error)});
      ++model.files_unreadable;
      continue;
    }
    merge(model, i, std::move(*results[i]));
    results[i].reset();
  }
  join_external_client_apps(model);
  return out;
}

}  // namespace calint
