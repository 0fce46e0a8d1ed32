// Custom rules: checking them before any file is read (CustomRuleSet), and evaluating them on each
// file they target (CustomEvaluator).
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "core/text.h"
#include "core/x509.h"
#include "load/custom_eval.h"
#include "load/metadata_types.h"
#include "load/secrets.h"
#include "load/xml_limits.h"
#include "load/xml_walk.h"
#include "load/xpath_cost.h"

namespace calint {

namespace {

std::uint32_t bit(MetaType type) { return std::uint32_t{1} << static_cast<unsigned>(type); }

/// The types an applies_to name stands for; 0 for an unknown name. ConnectedApp,
/// ExternalClientApplication (the app: its .eca file and every sub-file) and Settings (every
/// settings file calint reads) are component types as `calint rules` names them; each ECA sub-file
/// kind and each settings type is also accepted by its own metadata type name.
std::uint32_t types_named(std::string_view name) {
  std::uint32_t types = 0;
  for (const auto& t : load::metadata_types()) {
    if (t.context) continue;
    if (t.component_type == name || t.root_element == name) types |= bit(t.type);
  }
  return types;
}

[[noreturn]] void fail(const PolicyPosition& at, const std::string& message) {
  throw CustomRuleError(fmt::format("{}: {}", at.text(), message));
}

std::uint32_t resolve_targets(const CustomRule& rule) {
  std::uint32_t types = 0;
  for (std::size_t i = 0; i < rule.info.applies_to.size(); ++i) {
    const std::string& name = rule.info.applies_to[i];
    const PolicyPosition& at = i < rule.applies_to_at.size() ? rule.applies_to_at[i] : rule.xpath_at;
    if (name == "Profile" || name == "PermissionSet") {
      fail(at, fmt::format("custom rule {}: {} files are not targets of custom rules (calint reads only a few "
                           "permissions of them, as it streams them)",
                           rule.info.id, name));
    }
    std::uint32_t named = types_named(name);
    if (named == 0) {
      fail(at,
           fmt::format("custom rule {}: unknown metadata type '{}' in applies_to{}", rule.info.id, name,
                       hint_or(name, CustomRuleSet::target_names(),
                               fmt::format("; expected one of: {}", fmt::join(CustomRuleSet::target_names(), ", ")))));
    }
    types |= named;
  }
  return types;
}

std::string_view type_name(pugi::xpath_value_type t) {
  switch (t) {
    case pugi::xpath_type_number:
      return "a number";
    case pugi::xpath_type_string:
      return "a string";
    case pugi::xpath_type_boolean:
      return "a boolean";
    default:
      return "no node set";
  }
}

void check_expression(const CustomRule& rule) {
  const PolicyPosition& at = rule.xpath_at;
  try {
    pugi::xpath_query query(rule.xpath.c_str());
    if (query.return_type() != pugi::xpath_type_node_set) {
      fail(at, fmt::format("custom rule {}: xpath gives {}; a rule must select nodes (each selected node is a "
                           "finding), for example //scopes[. = 'Full']",
                           rule.info.id, type_name(query.return_type())));
    }
  } catch (const pugi::xpath_exception& e) {
    PolicyPosition where = at;
    std::ptrdiff_t offset = e.result().offset;
    if (rule.xpath_exact && offset >= 0 && static_cast<std::size_t>(offset) <= rule.xpath.size()) {
      where.column +=
          static_cast<int>(utf8_length(std::string_view(rule.xpath).substr(0, static_cast<std::size_t>(offset))));
    }
    fail(where, fmt::format("custom rule {}: invalid XPath 1.0 expression: {} (at character {} of the expression)",
                            rule.info.id, e.result().description(), offset + 1));
  }
}

/// Where renamed elements were: pugixml forgets the offset of a node whose name changed.
using RenamedAt = std::unordered_map<const void*, SourceLoc>;

/// Refuses an expression too long or too costly to run on every file (docs/limits.md).
load::XPathCost check_cost(const CustomRule& rule) {
  if (rule.xpath.size() > load::kMaxXPathLength) {
    fail(rule.xpath_at, fmt::format("custom rule {}: xpath is {} characters long, more than the limit of {}",
                                    rule.info.id, rule.xpath.size(), load::kMaxXPathLength));
  }
  load::XPathCost cost = load::xpath_cost(rule.xpath);
  if (cost.degree > load::kMaxXPathDegree) {
    PolicyPosition where = rule.xpath_at;
    if (rule.xpath_exact) {
      where.column += static_cast<int>(utf8_length(std::string_view(rule.xpath).substr(0, cost.worst_at)));
    }
    fail(where, fmt::format("custom rule {}: xpath could cost up to n^{} node visits on a file of n nodes (predicates "
                            "that scan the file nested in one another), more than the limit of n^{}: flatten the "
                            "nested predicates",
                            rule.info.id, cost.degree, load::kMaxXPathDegree));
  }
  return cost;
}

/// Removes namespace prefixes from element names: pugixml's XPath compares names as written, and
/// a rule writes Salesforce's elements without one. Returns where each renamed element is.
RenamedAt strip_prefixes(pugi::xml_node root, const load::XmlText& text) {
  RenamedAt renamed;
  load::walk_nodes(root, [&](pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    std::string_view name = n.name();
    if (auto colon = name.find(':'); colon != std::string_view::npos) {
      renamed.emplace(n.internal_object(), text.at(n));
      n.set_name(std::string(name.substr(colon + 1)).c_str());
    }
  });
  return renamed;
}

/// The element path of an element ("ConnectedApp/oauthConfig/scopes"). Hostile nesting keeps it
/// short: past 32 levels, the middle is elided.
std::string path_of(pugi::xml_node element) {
  constexpr std::size_t kKept = 16;
  std::vector<std::string_view> parts;
  for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent()) parts.push_back(n.name());
  std::reverse(parts.begin(), parts.end());
  if (parts.size() > 2 * kKept) {
    parts.erase(parts.begin() + kKept, parts.end() - kKept);
    parts.insert(parts.begin() + kKept, "...");
  }
  return fmt::format("{}", fmt::join(parts, "/"));
}

}  // namespace

CustomRuleSet::CustomRuleSet(const std::vector<CustomRule>& rules) {
  for (const auto& rule : rules) {
    Entry e;
    e.types = resolve_targets(rule);
    load::XPathCost cost = check_cost(rule);  // before compiling: the length too
    check_expression(rule);
    e.id = rule.info.id;
    e.xpath = rule.xpath;
    e.degree = cost.degree;
    e.steps = cost.steps;
    rules_.push_back(std::move(e));
  }
}

bool CustomRuleSet::targets(MetaType type) const {
  return std::any_of(rules_.begin(), rules_.end(), [&](const Entry& e) { return (e.types & bit(type)) != 0; });
}

std::uint64_t CustomRuleSet::cost(std::size_t rule, std::uint64_t nodes) const {
  return load::xpath_estimate({rules_[rule].degree, rules_[rule].steps, 0}, nodes);
}

std::vector<std::string> CustomRuleSet::target_names() {
  std::vector<std::string> names = {"ConnectedApp", "ExternalClientApplication", "Settings"};
  for (const auto& t : load::metadata_types()) {
    if (t.context || t.type == MetaType::ConnectedApp || t.type == MetaType::ExternalClientApp) continue;
    names.emplace_back(t.root_element);
  }
  return names;
}

namespace load {

CustomEvaluator::CustomEvaluator(const CustomRuleSet& rules, std::uint64_t max_cost)
    : rules_(rules), max_cost_(max_cost) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    queries_.push_back(std::make_unique<pugi::xpath_query>(rules.xpath(i).c_str()));  // checked: compiles
  }
}

void CustomEvaluator::evaluate(pugi::xml_node root, const XmlText& text, MetaType type, std::vector<CustomMatch>& out,
                               std::vector<std::string>& errors) const {
  bool stripped = false;
  std::uint64_t node_count = 0;
  RenamedAt renamed;
  auto at = [&](pugi::xml_node n) {
    auto it = renamed.find(n.internal_object());
    return it != renamed.end() ? it->second : text.at(n);
  };
  for (std::size_t i = 0; i < queries_.size(); ++i) {
    if (!rules_.targets(i, type)) continue;
    if (!stripped) {
      renamed = strip_prefixes(root, text);
      node_count = count_nodes(root.root());
      stripped = true;
    }
    if (std::uint64_t cost = rules_.cost(i, node_count); cost > max_cost_) {
      errors.push_back(
          fmt::format("custom rule {} was not evaluated on this file: its XPath could cost up to {} node "
                      "visits on the file's {} nodes, more than the limit of {} (raise it with "
                      "--xpath-max-cost)",
                      rules_.id(i), cost, node_count, max_cost_));
      continue;
    }
    pugi::xpath_node_set nodes = queries_[i]->evaluate_node_set(root.root());
    for (const pugi::xpath_node& hit : nodes) {
      pugi::xml_node node = hit.attribute() ? hit.parent() : hit.node();
      if (node.type() == pugi::node_document) node = root;  // `/` selects the document
      // An attribute, a text node or a comment is reported at its element.
      pugi::xml_node element = node.type() == pugi::node_element ? node : node.parent();
      std::string value;
      if (hit.attribute())
        value = hit.attribute().value();
      else if (node.type() == pugi::node_element)
        value = std::string(value_of(node));
      else
        value = std::string(trim(node.value()));
      CustomMatch m;
      m.rule = static_cast<std::uint32_t>(i);
      m.loc = at(hit.attribute() ? element : node);
      m.element = path_of(element);
      if (hit.attribute()) m.element += fmt::format("/@{}", hit.attribute().name());
      if (is_secret_element(element.name()) || holds_private_key(value)) {
        m.value = "(value not shown)";
      } else {
        m.key = value;
        m.value = shorten_printable(value, 120);
      }
      out.push_back(std::move(m));
    }
  }
}

}  // namespace load

}  // namespace calint
