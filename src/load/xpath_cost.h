#pragma once
// Internal to load/: a worst-case bound on what an XPath 1.0 expression costs to evaluate, read from
// its text. pugixml has no step budget, so custom rules are bounded before they run: at policy time
// by their degree (kMaxXPathDegree) and length, and per file by the estimate against
// `--xpath-max-cost`. docs/limits.md states the guarantee.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace calint::load {

/// How the work of evaluating an expression grows with a document of n nodes: at most
/// steps * n^degree node visits (within a factor of the document's depth).
///
/// Each location step visits, per context node, at most n candidates (1 for self:: and parent::),
/// and from a node set at most n (times the depth) after deduplication, except following:: and
/// preceding:: (n^2); each predicate runs once per candidate. So a step weighs 0 (self, parent),
/// 1 (child, attribute, descendant, ancestor, `//`, and a first step on following or preceding) or
/// 2 (following, preceding and their -sibling axes after a '/'); a predicate costs at least 1 (a
/// comparison reads string values); and a step's degree is its weight plus its costliest
/// predicate's degree.
struct XPathCost {
  unsigned degree = 1;
  std::uint64_t steps = 0;   ///< location steps in the expression (at least 1)
  std::size_t worst_at = 0;  ///< offset of the '[' that opens the costliest predicate (0: none)
};

/// The cost of an expression that compiles (an expression that does not gives some bound).
XPathCost xpath_cost(std::string_view expression);

/// steps * nodes^degree, saturating at UINT64_MAX.
std::uint64_t xpath_estimate(const XPathCost& cost, std::uint64_t nodes);

/// The highest degree a custom rule may have, and its longest expression: fixed, as neither
/// depends on the files audited.
inline constexpr unsigned kMaxXPathDegree = 4;
inline constexpr std::size_t kMaxXPathLength = 2000;

}  // namespace calint::load
