#pragma once
// Internal to load/: where secrets are. calint reports that a secret is committed, never what it is.
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/secrets.h"  // is_secret_element
#include "load/xml_text.h"
#include "model/common.h"

namespace calint::load {

/// True when an element holds a committed secret for CA401: a name ending in "secret" (consumerSecret,
/// clientSecret) and a value that is not a flag (isConsumerSecretOptional and
/// shouldRotateConsumerSecret are settings, not secrets).
bool holds_secret_value(std::string_view name, std::string_view value);

/// Every element under `root` that holds a committed secret, by location and path. Iterative:
/// nesting depth cannot exhaust the stack.
void find_secrets(pugi::xml_node root, const XmlText& text, std::vector<SecretSite>& out);

}  // namespace calint::load
