// Readers of profiles and permission sets (model/access.h): names, labels, a few permissions and
// IP ranges; nothing else of these large files is kept.
#include <optional>

#include "core/text.h"
#include "load/read_context.h"

namespace calint::load {

namespace {

/// Keeps a tracked permission that a userPermissions element enables.
void read_user_permission(pugi::xml_node node, Decoder& d, AccessHolder& holder) {
  bool enabled = false;
  std::string_view name;
  for_each_element(node, [&](pugi::xml_node c, std::string_view element) {
    if (element == "enabled")
      enabled = value_of(c) == "true";
    else if (element == "name")
      name = value_of(c);
  });
  if (!enabled) return;
  for (std::string_view tracked : kTrackedPermissions) {
    if (name == tracked) {
      holder.grants.push_back(PermissionGrant{std::string(name), d.at(node)});
      return;
    }
  }
}

/// The display name Salesforce uses for a profile whose file (API) name is `api_name`.
std::string profile_display_name(std::string_view api_name) {
  // Standard profiles whose file name differs from the English display name Salesforce shows
  // (and writes into ConnectedApp profileName). Every other profile's file name is its display
  // name, URL-encoded.
  static constexpr std::pair<std::string_view, std::string_view> kStandard[] = {
      {"Admin", "System Administrator"},
      {"Standard", "Standard User"},
      {"ReadOnly", "Read Only"},
      {"SolutionManager", "Solution Manager"},
      {"MarketingProfile", "Marketing User"},
      {"ContractManager", "Contract Manager"},
      {"StandardAul", "Standard Platform User"},
      {"HighVolumePortal", "High Volume Customer Portal"},
      {"PlatformPortal", "Authenticated Website"},
  };
  for (const auto& [file, display] : kStandard) {
    if (api_name == file) return std::string(display);
  }
  return url_decode(api_name);
}

/// The first text node of an element, as scan_xml reported it.
struct ScannedText {
  std::size_t element = 0;  ///< offset of the element's '<'
  bool has_text = false;
  std::string_view raw;
  bool cdata = false;
};

ScannedText scanned_at(std::size_t element) {
  ScannedText t;
  t.element = element;
  return t;
}

/// Collects from scan_xml's events what read_profile and read_permission_set keep from the DOM:
/// tracked user permissions, login IP ranges (profiles) and the label (permission sets).
class AccessScan {
 public:
  AccessScan(ScanContext& ctx, std::string_view root, bool profile, AccessHolder& holder,
             std::vector<LoadIssue>& issues)
      : ctx_(ctx), root_(root), profile_(profile), holder_(holder), decoder_(ctx.text, issues) {}

  bool start(std::string_view name, std::size_t offset, int depth) {
    if (depth == 1) {
      root_offset_ = offset;
      if (name != root_) unsure_ = true;  // the DOM reader words the wrong root
      return !unsure_;
    }
    if (depth == 2) {
      part_ = Part::Other;
      if (name == "userPermissions") {
        part_ = Part::Permission;
        enabled_.reset();
        permission_.reset();
      } else if (profile_ && name == "loginIpRanges") {
        part_ = Part::Range;
        start_.reset();
        end_.reset();
      } else if (!profile_ && name == "label") {
        part_ = Part::Label;
        label_ = scanned_at(offset);
      }
      part_offset_ = offset;
      return true;
    }
    if (depth == 3) {
      child_ = nullptr;
      if (part_ == Part::Permission && name == "enabled") child_ = &enabled_.emplace(scanned_at(offset));
      if (part_ == Part::Permission && name == "name") child_ = &permission_.emplace(scanned_at(offset));
      if (part_ == Part::Range && name == "startAddress") child_ = &start_.emplace(scanned_at(offset));
      if (part_ == Part::Range && name == "endAddress") child_ = &end_.emplace(scanned_at(offset));
    }
    return true;
  }

  void text(std::string_view raw, bool cdata, int depth) {
    ScannedText* target = depth == 3 ? child_ : (depth == 2 && part_ == Part::Label ? &*label_ : nullptr);
    if (target != nullptr && !target->has_text) {
      target->has_text = true;
      target->raw = raw;
      target->cdata = cdata;
    }
  }

  bool end(int depth) {
    if (depth == 3) child_ = nullptr;
    if (depth != 2) return true;
    const Part part = part_;
    part_ = Part::Other;
    if (part == Part::Permission) return permission();
    if (part == Part::Range) return range();
    if (part == Part::Label) return label();
    return true;
  }

  [[nodiscard]] bool unsure() const { return unsure_; }
  [[nodiscard]] std::size_t root_offset() const { return root_offset_; }
  Field<std::string> label_field{"PermissionSet/label"};
  std::vector<IpRange> ranges;

 private:
  enum class Part { Other, Permission, Range, Label };

  /// The element's value as value_of() gives it from the DOM; nullopt when unsure.
  std::optional<std::string> value(const std::optional<ScannedText>& t) {
    if (!t || !t->has_text) return std::string();
    if (!decode_text(t->raw, t->cdata, buffer_)) {
      unsure_ = true;
      return std::nullopt;
    }
    return std::string(trim(buffer_));
  }

  bool permission() {
    auto enabled = value(enabled_);
    auto name = value(permission_);
    if (!enabled || !name) return false;
    if (*enabled != "true") return true;
    for (std::string_view tracked : kTrackedPermissions) {
      if (*name == tracked) {
        holder_.grants.push_back(
            PermissionGrant{*name, ctx_.text.at_offset(static_cast<std::ptrdiff_t>(part_offset_))});
        break;
      }
    }
    return true;
  }

  bool range() {
    IpRange r{Field<std::string>("Profile/loginIpRanges/startAddress"),
              Field<std::string>("Profile/loginIpRanges/endAddress"),
              ctx_.text.at_offset(static_cast<std::ptrdiff_t>(part_offset_))};
    for (auto [scanned, field] : {std::pair{&start_, &r.start}, std::pair{&end_, &r.end}}) {
      if (!*scanned) continue;
      auto v = value(*scanned);
      if (!v) return false;
      field->set(std::move(*v), ctx_.text.at_offset(static_cast<std::ptrdiff_t>((*scanned)->element)));
    }
    decoder_.check_range(r, "loginIpRanges");
    ranges.push_back(std::move(r));
    return true;
  }

  bool label() {
    auto v = value(label_);
    if (!v) return false;
    label_field.set(std::move(*v), ctx_.text.at_offset(static_cast<std::ptrdiff_t>(label_->element)));
    return !ctx_.names_only;  // a partial run's context needs nothing more
  }

  ScanContext& ctx_;
  std::string_view root_;
  bool profile_;
  AccessHolder& holder_;
  Decoder decoder_;
  bool unsure_ = false;
  std::size_t root_offset_ = 0;
  Part part_ = Part::Other;
  std::size_t part_offset_ = 0;
  std::optional<ScannedText> enabled_, permission_, start_, end_, label_;
  ScannedText* child_ = nullptr;
  std::string buffer_;
};

/// Runs AccessScan over the file; on success adds `component` (with the scan's findings) to the
/// file's model.
template <class T>
ScanResult scan_access(ScanContext& ctx, T component) {
  std::vector<LoadIssue> issues;
  AccessScan scan(ctx, T::kRoot, std::is_same_v<T, Profile>, component, issues);
  ScanResult result = scan_xml(ctx.text.original(), scan, &ctx.facts);
  if (result == ScanResult::Unsure || scan.unsure()) return ScanResult::Unsure;
  component.name = ctx.file.component_name;
  component.file = ctx.index;
  component.root = ctx.text.at_offset(static_cast<std::ptrdiff_t>(scan.root_offset()));
  if constexpr (std::is_same_v<T, Profile>) {
    component.login_ip_ranges = std::move(scan.ranges);
  } else {
    component.label = std::move(scan.label_field);
  }
  for (auto& issue : issues) ctx.out.issues.push_back(std::move(issue));
  ctx.out.add(std::move(component));
  return result;
}

}  // namespace

ScanResult scan_profile(ScanContext& ctx) {
  Profile p;
  p.display_name = profile_display_name(ctx.file.base_name);
  return scan_access(ctx, std::move(p));
}

bool names_from_file_name(const ExportFile& file, int index, Export& out) {
  if (file.type != MetaType::Profile) return false;
  Profile p;
  p.name = file.component_name;
  p.file = index;
  p.root = SourceLoc{index, 1, 1};  // not opened: no finding of a context file is reported
  p.display_name = profile_display_name(file.base_name);
  out.add(std::move(p));
  return true;
}

ScanResult scan_permission_set(ScanContext& ctx) { return scan_access(ctx, PermissionSet{}); }

void read_profile(pugi::xml_node root, ReadContext& ctx) {
  auto p = ctx.component<Profile>();
  p.display_name = profile_display_name(ctx.file.base_name);
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "userPermissions")
      read_user_permission(c, ctx.decoder, p);
    else if (name == "loginIpRanges")
      p.login_ip_ranges.push_back(
          ctx.decoder.range(c, "Profile/loginIpRanges/startAddress", "Profile/loginIpRanges/endAddress"));
  });
  ctx.out.add(std::move(p));
}

void read_permission_set(pugi::xml_node root, ReadContext& ctx) {
  auto p = ctx.component<PermissionSet>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "label")
      ctx.decoder.str(c, p.label);
    else if (name == "userPermissions")
      read_user_permission(c, ctx.decoder, p);
  });
  ctx.out.add(std::move(p));
}

}  // namespace calint::load
