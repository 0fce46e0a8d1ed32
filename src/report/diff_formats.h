#pragma once
// The formats of `calint diff`: one table drives --format, -o and their help, like formats.h for
// audits. Each is a rendering of the one finished DiffReport.
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "core/diff.h"
#include "report/formats.h"

namespace calint {

struct DiffFormat {
  std::string_view name;
  std::string_view description;
  void (*write)(std::ostream& out, const DiffReport& diff, const FormatOptions& options);
};

/// Every diff format, the default (text) first.
std::span<const DiffFormat> diff_formats();
/// The diff format called `name`; nullptr for an unknown name.
const DiffFormat* find_diff_format(std::string_view name);

/// "scope added: Full", "refresh token policy: infinite → zero", "client credentials flow enabled":
/// one change in words, unescaped (each format escapes it).
std::string change_text(const PostureChange& c);

}  // namespace calint
