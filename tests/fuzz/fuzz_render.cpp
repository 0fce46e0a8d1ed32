// Fuzz target for `calint render`: the input is a JSON report (seeded with real ones). Invariants:
// anything that is not a report is refused with a message, never an exception; a report that is
// read renders in every format; the JSON it renders reads back to the same JSON (so `render` of a
// rendered report changes nothing); no string from the report reaches the terminal text or the
// GitHub workflow commands as a control sequence or a command of its own.
#include <sstream>
#include <string>

#include "fuzz_support.h"
#include "report/formats.h"
#include "report/json_reader.h"

using namespace calint;

namespace {

std::string render(const Report& report, std::string_view format_name, const FormatOptions& options) {
  const Format* format = find_format(format_name);
  if (format == nullptr) fuzz::violated("no such format", format_name);
  ReportView view = make_view(report);
  std::ostringstream out;
  format->write(out, view, options);
  return out.str();
}

/// Text without colour holds no control character but line breaks and tabs.
void check_text(std::string_view text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) fuzz::violated("a control character in the text report");
  }
}

/// Every line of the GitHub format is one workflow command of calint's.
void check_github(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!(line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice ") ||
          line.starts_with("::error::") || line.starts_with("::warning::") || line.starts_with("::notice::"))) {
      fuzz::violated("a line that is not calint's annotation", line);
    }
    for (unsigned char c : line) {
      if (c < 0x20 || c == 0x7f) fuzz::violated("a control character inside an annotation", line);
    }
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    std::string error;
    std::optional<Report> report = read_json_report(input, error);
    if (!report) {
      if (error.empty()) fuzz::violated("refused without a message");
      return 0;
    }
    FormatOptions options;
    options.show_suppressed = true;
    options.link_base = "https://example.com/repo/blob/main";
    for (const auto& format : formats()) (void)render(*report, format.name, options);
    check_text(render(*report, "text", options));
    check_github(render(*report, "github", options));
    std::string json = render(*report, "json", options);
    std::optional<Report> again = read_json_report(json, error);
    if (!again) fuzz::violated("the JSON calint wrote does not read back", error);
    if (render(*again, "json", options) != json) fuzz::violated("the JSON changes when read back");
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
