#pragma once
// Internal to load/: the depth and element-count limits of one XML file (`--xml-max-depth`,
// `--xml-max-elements`). The check itself knows nothing of pugixml, so every reader applies the same
// limits with the same message: the byte scan below, or a streaming scanner counting as it goes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/input_options.h"

namespace calint::load {

/// The error for an element at `depth` (the root element is 1) that is the `elements`-th element
/// of its file, at `line` (0: unknown), when it passes a limit; nothing otherwise. A reader calls it
/// for each element it meets and stops reading the file at the first error.
std::optional<std::string> xml_limit_exceeded(std::uint64_t depth, std::uint64_t elements, std::uint64_t line,
                                              const XmlLimits& limits);

/// Checks the elements of a file's text with xml_limit_exceeded, in one pass over its bytes (start
/// and end tags, skipping comments, CDATA, processing instructions and the DOCTYPE), before it is
/// parsed: a file past a limit never becomes a DOM. Exact for well-formed XML; on text that is not,
/// the parser's error follows when no limit is passed.
std::optional<std::string> check_xml_limits(std::string_view text, const XmlLimits& limits);

/// For files read only a few levels deep: the element limit, from the count of '<' (an upper bound
/// of the elements), scanning exactly (check_xml_limits without the depth limit) only when the
/// count passes it.
std::optional<std::string> check_xml_element_bound(std::string_view text, const XmlLimits& limits);

/// Elements, attributes and other nodes below and including `root`: what a custom rule's XPath
/// expression can visit.
std::uint64_t count_nodes(pugi::xml_node root);

}  // namespace calint::load
