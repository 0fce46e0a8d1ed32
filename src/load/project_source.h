#pragma once
// Internal to load/: the export of a file list (see inputs.h).
#include <memory>
#include <string>
#include <vector>

#include "load/source.h"

namespace calint::load {

/// A file named in a file list.
struct GivenFile {
  std::string display;   ///< as given on the command line
  std::string absolute;  ///< lexically normal absolute path
};

/// The project at `root` (an absolute folder), shown as `display`: every file calint reads under
/// it, with the given files marked (ExportFile::given) and shown as they were given. A given file
/// that the walk does not reach (under node_modules, say) is listed all the same. A file larger than
/// `max_file_size` bytes is refused unread.
std::unique_ptr<ExportSource> make_project_source(std::string root, std::string display, std::vector<GivenFile> given,
                                                  std::uint64_t max_file_size);

}  // namespace calint::load
