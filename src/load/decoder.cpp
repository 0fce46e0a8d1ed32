#include "load/decoder.h"

#include <algorithm>

#include "core/ip.h"
#include "load/secrets.h"

namespace calint::load {

void Decoder::issue(pugi::xml_node n, std::string message, std::string element, std::string key) {
  issues_.push_back(LoadIssue{text_.at(n), std::move(message), std::move(element), std::move(key)});
}

void Decoder::issue_at(SourceLoc loc, std::string message, std::string element) {
  issues_.push_back(LoadIssue{loc, std::move(message), std::move(element), {}});
}

std::string Decoder::shown_value(pugi::xml_node n) {
  return is_secret_element(local_name(n)) ? std::string("a value not shown (the element's name marks a secret)")
                                          : quoted(value_of(n));
}

void Decoder::str(pugi::xml_node n, Field<std::string>& f) const { f.set(std::string(value_of(n)), text_.at(n)); }

void Decoder::item(pugi::xml_node n, const char* element, std::vector<Field<std::string>>& out) const {
  Field<std::string> f(element);
  str(n, f);
  out.push_back(std::move(f));
}

void Decoder::boolean(pugi::xml_node n, Field<bool>& f, std::string_view shown) {
  std::string_view v = value_of(n);
  f.loc = text_.at(n);    // located even when it has no value: rules point at it and say so
  if (v.empty()) return;  // <x></x>: retrieves write this for an unset value; the default stands
  if (v == "true" || v == "1") {
    f.set(true, f.loc);
  } else if (v == "false" || v == "0") {
    f.set(false, f.loc);
  } else {
    issue(n, fmt::format("{} must be true or false, found {}", shown, shown_value(n)), std::string(f.element));
  }
}

void Decoder::integer(pugi::xml_node n, Field<long long>& f, std::string_view shown) {
  std::string_view v = value_of(n);
  if (v.empty()) {  // <x></x>: retrieves write this for an unset value; the default stands
    f.loc = text_.at(n);
    return;
  }
  if (auto parsed = parse_uint(v)) {
    f.set(*parsed, text_.at(n));
  } else {
    issue(n, fmt::format("{} must be a non-negative whole number, found {}", shown, shown_value(n)),
          std::string(f.element));
  }
}

void Decoder::pieces(pugi::xml_node n, char sep, const char* element, std::vector<Field<std::string>>& out) const {
  SourceLoc element_loc = text_.at(n);
  pugi::xml_node text_node = n.first_child();
  while (text_node && text_node.type() != pugi::node_pcdata && text_node.type() != pugi::node_cdata) {
    text_node = text_node.next_sibling();
  }
  if (!text_node) return;
  // Salesforce writes \r between callback URLs when a program sets them; treat it like \n.
  auto normalise = [sep](std::string t) {
    if (sep == '\n') std::replace(t.begin(), t.end(), '\r', '\n');
    return t;
  };
  // Values come from the decoded text, positions from the raw bytes; they split alike unless an
  // entity hides a separator, and then every piece points at the element.
  std::string decoded = normalise(text_node.value());
  std::ptrdiff_t raw_start = text_node.offset_debug();
  std::string raw;
  if (raw_start >= 0 && static_cast<std::size_t>(raw_start) <= text_.original().size()) {
    std::string_view rest = text_.original().substr(static_cast<std::size_t>(raw_start));
    raw = normalise(std::string(rest.substr(0, rest.find('<'))));
  } else {
    raw_start = -1;
  }
  auto values = split_trimmed(decoded, sep);
  auto raw_pieces = split_trimmed(raw, sep);
  const bool located = raw_start >= 0 && raw_pieces.size() == values.size();
  for (std::size_t i = 0; i < values.size(); ++i) {
    SourceLoc loc = located ? text_.at_offset(raw_start + (raw_pieces[i].data() - raw.data())) : element_loc;
    Field<std::string> f(element);
    f.set(std::string(values[i]), loc);
    out.push_back(std::move(f));
  }
}

IpRange Decoder::range(pugi::xml_node n, const char* start_path, const char* end_path) {
  IpRange r{Field<std::string>(start_path), Field<std::string>(end_path), text_.at(n)};
  for_each_element(n, [&](pugi::xml_node c, std::string_view name) {
    if (name == leaf(start_path))
      str(c, r.start);
    else if (name == leaf(end_path))
      str(c, r.end);
  });
  check_range(r, local_name(n));
  return r;
}

void Decoder::check_range(const IpRange& r, std::string_view element) {
  // Salesforce rejects a range without both ends, with an address it cannot read, or running
  // backwards; rules that measure ranges rely on this.
  if (r.start.value.empty() || r.end.value.empty()) {
    const Field<std::string>& missing = r.start.value.empty() ? r.start : r.end;
    issue_at(r.loc,
             fmt::format("{} has no {}: an IP range needs a start and an end address", element, leaf(missing.element)),
             std::string(missing.element));
  } else if (auto problem = range_problem(r.start.value, r.end.value)) {
    issue_at(r.start.loc, fmt::format("{}: {}", element, *problem), std::string(r.start.element));
  }
}

void Decoder::extras(pugi::xml_node n, const std::string& prefix, std::vector<ExtraValue>& out) const {
  // Iterative and depth-capped: hostile nesting must neither exhaust the stack nor cost quadratic
  // time copying paths. Real metadata nests a handful of levels.
  constexpr std::size_t kMaxDepth = 32;
  struct Entry {
    pugi::xml_node node;
    std::string path;
    std::size_t depth;
  };
  std::vector<Entry> stack{{n, prefix, 0}};
  while (!stack.empty()) {
    Entry e = std::move(stack.back());
    stack.pop_back();
    for (pugi::xml_node c : e.node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string child_path = e.path + "/" + std::string(local_name(c));
      if (c.first_child() && c.first_child().type() == pugi::node_element) {
        if (e.depth < kMaxDepth) stack.push_back({c, std::move(child_path), e.depth + 1});
      } else if (!is_secret_element(local_name(c))) {
        ExtraValue v;
        v.path = std::move(child_path);
        str(c, v.value);
        out.push_back(std::move(v));
      }
    }
  }
}

}  // namespace calint::load
