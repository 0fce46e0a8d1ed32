#pragma once
// Internal to load/: listing the files of a folder or a single file.
#include <string>

#include "load/metadata_types.h"
#include "load/source.h"

namespace calint::load {

/// An ExportFile for a classified file.
ExportFile make_export_file(const MetaTypeInfo& type, std::string base, std::string display_path, std::string rel_path);

/// `root` + '/' + `rel`, as a user reaching the file from the PATH they gave would write it.
std::string join_display(const std::string& root, const std::string& rel);

/// A folder discovery never enters, wherever it is: version-control stores (.git, .hg, .svn),
/// node_modules, and the Salesforce CLI's and husky's working folders (.sf, .sfdx, .husky).
bool skipped_directory(std::string_view name);
/// `rel` ('/'-separated) lies under a skipped folder.
bool in_skipped_directory(std::string_view rel);
/// A PATH that names a zip file (`.zip`, any case) that exists as a regular file.
bool is_zip_path(const std::string& path);

/// Walks a folder (or takes a single file) and lists the metadata files calint reads. Symlinks are
/// followed only while they stay inside the tree; loops and duplicates are visited once.
Listing discover(const std::string& path);
/// The same, with the files' display paths under `display` instead of `path`.
Listing discover(const std::string& path, const std::string& display);

/// The project file of a folder export: sfdx-project.json or package.xml at `root`, else one folder
/// down (folders by name); "" when there is none or `root` is not a folder.
std::string find_project_file(const std::string& root);

/// Reads a whole regular file; on failure returns false with a message. A FIFO named like a
/// metadata file never hangs the audit, and a file larger than `max_bytes` is refused unread
/// (`--max-file-size`).
bool read_whole_file(const std::string& path, std::string& out, std::string& error,
                     std::uint64_t max_bytes = InputLimits{}.max_file_size);

/// The error for a file of `size` bytes past the limit of `max_bytes`.
std::string file_size_error(std::uint64_t size, std::uint64_t max_bytes);

/// "512 MiB", "4 GiB", "1 KiB" when exact, else "N bytes".
std::string size_text(std::uint64_t bytes);

}  // namespace calint::load
