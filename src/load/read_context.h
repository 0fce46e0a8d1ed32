#pragma once
// Internal to load/: what a reader gets (see ReadFn in metadata_types.h).
#include <pugixml.hpp>

#include "load/decoder.h"
#include "load/xml_scan.h"
#include "model/export.h"

namespace calint::load {

struct ReadContext {
  const ExportFile& file;
  int index;       ///< the file's index in Export::files
  SourceLoc root;  ///< the root element
  Decoder& decoder;
  Export& out;  ///< receives the component (a per-file model, merged in path order later)

  /// A component of this file, its head filled in.
  template <class T>
  [[nodiscard]] T component() const {
    T t;
    t.name = file.component_name;
    t.file = index;
    t.root = root;
    return t;
  }
};

/// What a streaming reader (ScanFn in metadata_types.h) gets.
struct ScanContext {
  const ExportFile& file;
  int index;  ///< the file's index in Export::files
  const XmlText& text;
  Export& out;  ///< receives the component and its problems, only when the scan is not Unsure
  /// Read only the names and labels assignments use, and stop as soon as they are known (a partial
  /// run's context file): the component then holds nothing else.
  bool names_only = false;
  /// Filled by the scan, whatever its result (load/xml_scan.h): how far it vouches that no tag
  /// names a secret, and how many elements it read.
  ScanFacts facts;
};

/// A partial run's context file whose names need not be read from it (a profile: its names are
/// its file name): adds the component with those names, and returns true; false for other types.
bool names_from_file_name(const ExportFile& file, int index, Export& out);

}  // namespace calint::load
