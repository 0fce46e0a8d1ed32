#pragma once
// What every model header shares: metadata types, references between components, value types.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_loc.h"
#include "core/x509.h"

namespace calint {

/// The metadata types calint reads, one per row of the load layer's type table
/// (src/load/metadata_types.cpp), which maps suffixes, root elements and readers to them.
enum class MetaType {
  ConnectedApp,
  ExternalClientApp,  // .eca
  EcaOauthSettings,   // .ecaOauth
  EcaGlobalOauth,     // .ecaGlblOauth
  EcaOauthPolicy,     // .ecaOauthPlcy
  EcaPolicy,          // .ecaPlcy
  EcaOauthSecurity,   // .ecaOauthSecurity
  EcaSamlPolicy,      // .ecaSamlPlcy
  MyDomainSettings,
  OauthOidcSettings,
  ConnectedAppSettings,
  SecuritySettings,
  ExternalClientAppSettings,
  Profile,
  PermissionSet,
};

/// A component of type T by its position in the export's list of T (see Export::operator[]).
template <class T>
struct Ref {
  std::uint32_t index = 0;
};

/// The last segment of an element path ("ConnectedApp/oauthConfig/scopes" -> "scopes").
constexpr std::string_view leaf(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// ConnectedApp `oauthPolicy/ipRelaxation`, ECA `ipRelaxationPolicyType`. Absent on a
/// ConnectedApp means Enforce (documented default).
enum class IpRelaxation { Enforce, Bypass2Factor, Bypass, EnforceRelaxRefresh, Invalid };

/// A refresh-token policy in either metadata form, normalised.
struct RefreshPolicy {
  enum class Kind { Zero, Infinite, SpecificLifetime, SpecificInactivity, Invalid };
  Kind kind = Kind::Infinite;
  long long amount = 0;  ///< N, for the specific_* kinds
  std::string unit;      ///< "HOURS"/"DAYS"/"MONTHS" (ConnectedApp) or "Hours"/... (ECA)
  long long hours = 0;   ///< N converted to hours (a month is 30 days)
};

/// An IP range (ConnectedApp ipRanges, ECA trustedIpRanges, profile loginIpRanges, org network access).
struct IpRange {
  Field<std::string> start;
  Field<std::string> end;
  SourceLoc loc;
};

/// One element outside the typed fields, kept by path for completeness (e.g.
/// `oauthConfig/idTokenConfig/idTokenValidity`).
struct ExtraValue {
  std::string path;
  Field<std::string> value;
};

/// A problem found while loading a file: reported as CA000.
struct LoadIssue {
  SourceLoc loc;
  std::string message;
  std::string element;  ///< the element path of the value that could not be read; the root element for the file
  std::string key;      ///< what went wrong with the whole file ("xml", "encoding", "root"); empty for one value
};

/// An element that holds a secret value (its name ends in "secret"), wherever it appears. Only
/// where it is: the value never enters the model.
struct SecretSite {
  SourceLoc loc;
  std::string element;       ///< element path, e.g. ConnectedApp/oauthConfig/consumerSecret
  bool private_key = false;  ///< a PEM private key (in `certificate`, say), not a client secret
  /// SHA-256 of the value, so that `calint diff` can tell a changed secret from the same one; never
  /// shown by any output.
  std::string digest;
};

/// A node a custom rule's XPath expression selected (see core/custom_rule.h), found while its file
/// was read; the rules layer turns each into a finding.
struct CustomMatch {
  std::uint32_t rule = 0;  ///< index into the policy's custom_rules
  SourceLoc loc;
  std::string element;  ///< element path of the node (its parent element's for attributes and text)
  std::string key;      ///< tells apart several matches on one element path: the node's value
  std::string value;    ///< the node's value, shortened and printable; "(value not shown)" for a secret
};

/// Common head of every component read from one file.
struct ComponentFile {
  std::string name;  ///< API name (the file base name, URL-decoded for profiles)
  int file = -1;     ///< index into Export::files
  SourceLoc root;    ///< the root element
};

/// One file reached from the input, audited or skipped.
struct ExportFile {
  std::string display_path;  ///< as reached from the path named on the command line
  std::string rel_path;      ///< relative to the export root (fingerprints use this)
  MetaType type = MetaType::ConnectedApp;
  std::string base_name;            ///< file name without the metadata suffix (URL-encoded as on disk)
  std::string_view component_type;  ///< report component type: ConnectedApp, ExternalClientApplication, Settings, ...
  std::string_view label;           ///< what the file is, for messages: "OAuth policies (.ecaOauthPlcy)"
  std::string component_name;       ///< API name; for ECA sub-files the parent app once known
  bool loaded = false;              ///< read into a component (false: unreadable, or CA000 stopped it)
  bool given = false;               ///< named in a file list: a partial run reports the components of such files
  /// Every '<' before this offset of the text the loader read (`size` bytes, UTF-8) started a tag
  /// that names no secret: evidence (load/evidence.h), reading the file again, looks for secret
  /// elements only from there (when the size is still the same). 0 unless the streaming scanner
  /// read the file.
  std::size_t plain_until = 0;
  std::size_t size = 0;
};

}  // namespace calint
