#pragma once
// Internal to report/: text in Markdown (the report and the diff), escaped so that no value from
// metadata can open a link, an image, HTML or a table cell.
#include <string>
#include <string_view>

namespace calint {

/// Text shown as text: Markdown and HTML specials backslash-escaped or as entities (also the ':'
/// of "://" and the dot of "www.", and '@' followed by a word joiner, so that no address becomes a
/// link), control characters as \xNN.
std::string md_escape(std::string_view s);

/// A code span: shown as is (nothing in it is Markdown or HTML), fenced by more backticks than it holds.
std::string md_code(std::string_view s);

}  // namespace calint
