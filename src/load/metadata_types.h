#pragma once
// The metadata types calint reads: one table row each. Discovery, loading, merging, counting and
// messages all read this table; docs/architecture.md says how to add a row.
#include <span>
#include <string>
#include <string_view>

#include "model/common.h"

namespace pugi {
class xml_node;
}

namespace calint::load {

struct ReadContext;
struct ScanContext;
enum class ScanResult;
/// Fills the model from a parsed root element (already checked to be `root_element`).
using ReadFn = void (*)(pugi::xml_node root, ReadContext& ctx);
/// Fills the model from the file's text without a DOM (load/xml_scan.h). On ScanResult::Unsure
/// it has added nothing, and the file is read with pugixml and `read` instead.
using ScanFn = ScanResult (*)(ScanContext& ctx);

struct MetaTypeInfo {
  MetaType type;
  std::string_view suffix;          ///< file suffix without `-meta.xml`: ".connectedApp"
  std::string_view settings_name;   ///< for `.settings` files, the base name (MyDomain); empty otherwise
  std::string_view root_element;    ///< the element a file of this type must hold
  std::string_view component_type;  ///< the report's component type: ConnectedApp, Settings, ...
  std::string_view label;           ///< what the file is, for messages
  ReadFn read;
  /// Read only as context for the audit of apps (profiles, permission sets): large, and alone
  /// nothing to audit. Parsed in place, never excerpted, not scanned for secrets.
  bool context = false;
  /// The folder a Metadata API retrieve (and `sf project retrieve`) puts files of this type in:
  /// `connectedApps`, `settings`, ... (a file list's project is found above it).
  std::string_view folder;
  /// A streaming reader giving the same model as `read` (the equivalence test runs both), for the
  /// large context types; nullptr for the others.
  ScanFn scan = nullptr;
};

/// Every row, in MetaType order.
std::span<const MetaTypeInfo> metadata_types();
/// The row of a type.
const MetaTypeInfo& type_info(MetaType type);
/// The row of a file name (`X.connectedApp-meta.xml`, `settings/MyDomain.settings`), by its
/// suffix; nullptr for files calint does not read (other settings among them). `base` receives the
/// name without the suffix.
const MetaTypeInfo* classify_file_name(std::string_view file_name, std::string* base);

}  // namespace calint::load
