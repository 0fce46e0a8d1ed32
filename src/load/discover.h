#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace calint {

/// An input that could not be read (reported under `errors`, exit code 2).
struct InputError {
  std::string path;
  std::string message;
};

/// What discovery found under one PATH.
struct Discovered {
  std::string root_display;
  std::vector<ExportFile> files;  ///< sorted by rel_path; only files of types calint reads
  std::size_t skipped = 0;        ///< other files seen
  std::vector<InputError> errors;
};

/// The metadata type of a file name, by suffix; nullopt for files calint does not read.
/// `base` receives the name without the suffix.
std::optional<MetaType> classify_file_name(std::string_view file_name, std::string* base);

/// The settings types calint reads (MyDomain, OauthOidc, ConnectedApp, Security, ExternalClientApp).
bool is_audited_settings(std::string_view base);

/// The type of a file calint audits: classify_file_name, less the settings it does not read.
std::optional<MetaType> audited_type(std::string_view file_name, std::string* base);

/// Walks a folder (or takes a single file) and lists the metadata files calint reads. Symlinks are
/// followed only while they stay inside the tree; loops and duplicates are visited once.
Discovered discover(const std::string& path);

}  // namespace calint
