// The HTML report's charts, as inline SVG (no script, no request).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/text.h"
#include "report/html_text.h"

namespace calint::html {

namespace {

constexpr std::array<std::string_view, 5> kColors = {"#64748b", "#2563eb", "#d97706", "#dc2626", "#7f1d1d"};

std::string_view color(Severity s) { return kColors[static_cast<std::size_t>(s)]; }

/// A label cut to `max` characters (UTF-8 aware), "..." marking the cut.
std::string cut(std::string_view s, std::size_t max) {
  if (utf8_length(s) <= max) return std::string(s);
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size() && chars < max - 1) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0U) == 0x80U) ++i;
    ++chars;
  }
  return std::string(s.substr(0, i)) + "\u2026";
}

}  // namespace

std::string severity_chart(const ReportView& view) {
  constexpr int kLabel = 80;
  constexpr int kBar = 360;
  constexpr int kRow = 30;
  std::size_t max = 1;
  for (Severity s : kSeverities) max = std::max(max, view.count(s));
  int height = kRow * static_cast<int>(kSeverities.size()) + 8;
  std::string svg = fmt::format(
      "<svg class=\"chart severity-chart\" role=\"img\" aria-labelledby=\"sev-chart-title\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {0} {1}\" xmlns=\"http://www.w3.org/2000/svg\">"
      "<title id=\"sev-chart-title\">Findings by severity</title>",
      kLabel + kBar + 60, height);
  int y = 4;
  for (Severity s : kSeverities) {
    std::size_t n = view.count(s);
    int width = n == 0 ? 0 : std::max(2, static_cast<int>(static_cast<double>(n) / static_cast<double>(max) * kBar));
    svg += fmt::format(
        "<g><text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" class=\"axis\">{2}</text>"
        "<rect class=\"bar\" data-severity=\"{2}\" data-count=\"{3}\" x=\"{4}\" y=\"{5}\" width=\"{6}\" "
        "height=\"{7}\" rx=\"3\" fill=\"{8}\"><title>{2}: {3}</title></rect>"
        "<text x=\"{9}\" y=\"{1}\" class=\"value\">{3}</text></g>",
        kLabel - 8, y + 17, to_string(s), n, kLabel, y + 3, width, kRow - 8, color(s), kLabel + width + 6);
    y += kRow;
  }
  return svg + "</svg>";
}

std::string matrix_chart(const ReportView& view) {
  constexpr std::size_t kMaxRows = 250;
  constexpr int kLabel = 300;
  constexpr int kCell = 28;
  constexpr int kHeader = 84;
  const auto& rules = view.fired;
  std::size_t rows = std::min(view.groups.size(), kMaxRows);
  int width = kLabel + kCell * static_cast<int>(rules.size()) + 20;
  int height = kHeader + kCell * static_cast<int>(rows) + 6;
  std::map<std::string_view, std::size_t> column;
  for (std::size_t i = 0; i < rules.size(); ++i) column.emplace(rules[i].rule->id, i);
  std::string svg = fmt::format(
      "<svg class=\"chart matrix-chart\" role=\"img\" aria-labelledby=\"matrix-title\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"matrix-title\">Findings by app and "
      "rule</title>",
      width, height);
  for (std::size_t c = 0; c < rules.size(); ++c) {
    int x = kLabel + kCell * static_cast<int>(c) + kCell / 2;
    svg += fmt::format(
        "<text class=\"axis col\" transform=\"translate({} {}) rotate(-50)\">{}<title>{} {}: {}</title></text>", x + 4,
        kHeader - 6, h(rules[c].rule->id), h(rules[c].rule->id), h(rules[c].rule->name), h(rules[c].rule->summary));
  }
  for (std::size_t r = 0; r < rows; ++r) {
    const ComponentGroup& g = view.groups[r];
    const Finding& head = *g.first;
    int y = kHeader + kCell * static_cast<int>(r);
    std::string shown = head.component.label.empty() ? head.component.name : head.component.label;
    if (r % 2 == 0) {
      svg += fmt::format("<rect class=\"stripe\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>", y, width, kCell);
    }
    svg += fmt::format("<text class=\"axis row\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}<title>{} {}{}</title></text>",
                       kLabel - 8, y + kCell / 2 + 5, h(cut(shown, 38)), h(head.component.type), h(head.component.name),
                       head.component.label.empty() ? "" : " (" + h(head.component.label) + ")");
    // Worst severity and count per rule on this component.
    std::map<std::size_t, std::pair<Severity, std::size_t>> cells;
    for (const Finding* f : g.findings) {
      auto it = column.find(f->rule);
      if (it == column.end()) continue;
      auto [cell, fresh] = cells.emplace(it->second, std::make_pair(f->severity, std::size_t{0}));
      cell->second.first = std::max(cell->second.first, f->severity);
      ++cell->second.second;
    }
    for (const auto& [c, value] : cells) {
      int x = kLabel + kCell * static_cast<int>(c);
      svg += fmt::format(
          "<g><rect class=\"cell\" data-rule=\"{0}\" data-severity=\"{1}\" x=\"{2}\" y=\"{3}\" width=\"{4}\" "
          "height=\"{4}\" rx=\"4\" fill=\"{5}\"><title>{6} {0}: {7} ({1})</title></rect>"
          "<text class=\"cell-count\" x=\"{8}\" y=\"{9}\" text-anchor=\"middle\">{7}</text></g>",
          h(rules[c].rule->id), to_string(value.first), x + 2, y + 2, kCell - 4, color(value.first),
          h(head.component.name), value.second, x + kCell / 2, y + kCell / 2 + 4);
    }
  }
  svg += "</svg>";
  if (view.groups.size() > rows) {
    svg += fmt::format(
        "<p class=\"muted\">The matrix shows the first {} of {} components with findings; the "
        "findings below list them all.</p>",
        rows, view.groups.size());
  }
  return svg;
}

}  // namespace calint::html
