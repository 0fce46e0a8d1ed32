#pragma once
// Internal to load/: what a reader gets (see ReadFn in metadata_types.h).
#include <pugixml.hpp>

#include "load/decoder.h"
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

}  // namespace calint::load
