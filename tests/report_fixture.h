#pragma once
// A report built in memory with everything the formats must render: baseline states and fixed
// entries, a partial run, suppressions with owner, ticket and expiry, a finding inside a zip, an
// org-wide finding, a file name that needs percent-encoding, and labels that carry injection
// payloads. Other issues fill these fields from real audits; the formats are tested on them here.
#include <string>

#include "core/report.h"
#include "report/formats.h"

namespace calint::test {

Report feature_report();
/// Format options as `calint` would set them in /work/repo.
FormatOptions feature_options();
/// The report rendered in one format.
std::string render_format(const Report& report, std::string_view format, const FormatOptions& options);

}  // namespace calint::test
