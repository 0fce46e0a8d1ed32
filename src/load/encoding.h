#pragma once
#include <string>

namespace calint::load {

/// Brings a file's bytes to UTF-8 before parsing, so that every offset the parser reports is an
/// offset into the text that locations and excerpts are computed from. UTF-16 and UTF-32 (with or
/// without a byte-order mark) and any encoding an XML declaration names (ISO-8859-1,
/// windows-1252, ...) are converted with iconv. Returns false, with a message, when the bytes
/// cannot be converted.
bool to_utf8(std::string& bytes, std::string& error);

}  // namespace calint::load
