#pragma once
// Internal to report/: text made safe for HTML, and the page's parts.
#include <string>
#include <string_view>

#include "report/formats.h"

namespace calint::html {

/// Text or an attribute value: & < > " ' as entities, control characters as \xNN.
std::string h(std::string_view s);
/// A catalogue text (rationale, remediation): paragraphs at blank lines, "1." and "-" lines as
/// lists, `code` as <code>. Escaped first, so nothing in it is markup.
std::string prose(std::string_view s);
/// A link when `url` is http(s), else the title as text.
std::string link(std::string_view url, std::string_view title);
/// The CSS class of a severity: "sev-critical".
std::string sev_class(Severity s);

/// The severity bar chart: one bar (an SVG rect of class "bar") per severity.
std::string severity_chart(const ReportView& view);
/// The app x rule matrix: a row per component with findings, a column per rule that fired, a cell
/// (class "cell") per pair with findings, coloured by the worst severity.
std::string matrix_chart(const ReportView& view);

}  // namespace calint::html
