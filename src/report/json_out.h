#pragma once
// Internal to report/: JSON written straight into a string, in the layout of json_dump.h's
// dump_indented (nlohmann's dump(2), U+2028 and U+2029 escaped), for the report's two large
// arrays (findings, inventory): building an nlohmann value for each of thousands of items, then
// dumping and indenting it, cost more than everything else the writer does. json_out_test
// compares both on generated findings and inventory rows.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/report.h"

namespace calint {

/// dump_indented(finding_json(f), indent) for an indent of `indent` spaces.
std::string finding_text(const Finding& f, std::size_t indent);

/// An inventory row as the JSON report writes it (schemas/report.schema.json, `inventory`), in the
/// layout dump_indented gives for an indent of `indent` spaces.
std::string inventory_text(const InventoryApp& a, std::size_t indent);

}  // namespace calint
