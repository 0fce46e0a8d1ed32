#include "report/formats.h"

#include <array>

namespace calint {

// One file per format: text.cpp, json.cpp.
void write_text(std::ostream& out, const ReportView& view, const FormatOptions& options);
void write_json(std::ostream& out, const ReportView& view, const FormatOptions& options);

namespace {

constexpr std::array kFormats = {
    Format{"text", "findings grouped by component, for a terminal", write_text, true},
    Format{"json", "the report as one JSON object (schemas/report.schema.json)", write_json, false},
};

}  // namespace

std::span<const Format> formats() { return kFormats; }

const Format* find_format(std::string_view name) {
  for (const auto& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace calint
