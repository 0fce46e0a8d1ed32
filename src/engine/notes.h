#pragma once
// Internal to engine/: what the report says about an export besides findings.
#include <set>
#include <string>
#include <vector>

#include "engine/focus.h"
#include "model/export.h"

namespace calint {

/// Components read from the export: apps, settings, profiles and permission sets (ECA sub-files
/// are parts of their app; stand-in apps are not components of the export).
std::size_t component_count(const Export& model);

using ComponentSet = std::set<std::pair<std::string, std::string>>;

/// Adds every component of the export to `out` as {type, name}.
void add_components(const Export& model, ComponentSet& out);

/// Components of the export that a partial run reports.
std::size_t focused_component_count(const Export& model, const Focus& focus);

/// Two files defining one component (a backup copy under Doc/, say): both are audited; say so.
void note_duplicates(const Export& model, std::vector<std::string>& notes);

/// A Connected App and an ECA of one name are one integration being migrated: notes it, and
/// returns their names.
std::set<std::string> same_integration(const Export& model, std::vector<std::string>& notes);

}  // namespace calint
