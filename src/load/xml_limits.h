#pragma once
// Internal to load/: the depth and element-count limits of one XML file (`--xml-max-depth`,
// `--xml-max-elements`). The check itself knows nothing of pugixml, so every reader applies the same
// limits with the same message: the DOM walk below, and a streaming scanner counting as it goes.
#include <cstdint>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "core/input_options.h"
#include "load/xml_text.h"

namespace calint::load {

/// The error for an element at `depth` (the root element is 1) that is the `elements`-th element
/// of its file, at `line` (0: unknown), when it passes a limit; nothing otherwise. A reader calls it
/// for each element it meets and stops reading the file at the first error.
std::optional<std::string> xml_limit_exceeded(std::uint64_t depth, std::uint64_t elements, std::uint64_t line,
                                              const XmlLimits& limits);

/// Walks the elements of a parsed file (iteratively) and checks each with xml_limit_exceeded.
std::optional<std::string> check_xml_limits(pugi::xml_node root, const XmlText& text, const XmlLimits& limits);

/// Elements, attributes and other nodes below and including `root`: what a custom rule's XPath
/// expression can visit.
std::uint64_t count_nodes(pugi::xml_node root);

}  // namespace calint::load
