#pragma once
// An app's OAuth posture as `calint diff` compares it: every setting normalised (documented
// defaults filled in, metadata-API and source spellings alike, lists as sets), so that two exports
// of the same configuration give equal postures whatever their format, layout or element order.
#include <map>
#include <string>
#include <vector>

#include "core/x509.h"
#include "model/export.h"
#include "policy/policy.h"

namespace calint {

/// One scalar setting: its value as shown, and its place on the item's scale (docs/diff.md).
struct Fact {
  std::string shown;
  long long rank = 0;  ///< higher = wider; kUnknownRank when the direction cannot be told
};

inline constexpr long long kUnknownRank = -1;

/// A set-valued setting: normalised key (what compares equal) -> the value as shown.
using FactSet = std::map<std::string, std::string>;

struct AppPosture {
  std::string type;  ///< ConnectedApp or ExternalClientApplication
  std::string name;
  std::string label;
  std::string file;                   ///< display path
  std::map<std::string, Fact> facts;  ///< by item (engine/diff_table.cpp)
  std::map<std::string, FactSet> sets;
  /// The JWT bearer certificate: decoded, or its text without white space when it cannot be.
  bool has_certificate = false;
  std::vector<CertificateInfo> certificates;
  std::string certificate_text;  ///< white space removed; compared, never shown
};

/// Every app of the export (Connected Apps and External Client Apps, a stand-in ECA known only
/// from sub-files included), by API name then type.
std::vector<AppPosture> postures(const Export& model);

}  // namespace calint
