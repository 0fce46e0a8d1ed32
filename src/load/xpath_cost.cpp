#include "load/xpath_cost.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>
#include <vector>

namespace calint::load {

namespace {

bool name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
}

bool name_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) != 0 || c == '_' || u >= 0x80;
}

/// `on_set`: the step follows another ('/'), so it runs from every node of a set, not from one.
unsigned axis_weight(std::string_view axis, bool on_set) {
  if (axis == "self" || axis == "parent") return 0;
  if (axis == "following" || axis == "preceding" || axis == "following-sibling" || axis == "preceding-sibling")
    return on_set ? 2 : 1;
  return 1;  // child, attribute, descendant(-or-self), ancestor(-or-self), namespace
}

/// One bracket level: the top of the expression, or one predicate.
struct Frame {
  unsigned worst = 0;          ///< the costliest step seen at this level
  unsigned last_weight = 1;    ///< weight of the step a following '[' filters
  unsigned attach_weight = 1;  ///< (predicates) weight of the step this one filters
  std::size_t open = 0;        ///< offset of its '['
  std::size_t worst_at = 0;
};

}  // namespace

XPathCost xpath_cost(std::string_view e) {
  XPathCost out;
  std::vector<Frame> frames(1);
  std::string pending_axis;  // "axis::" seen, waiting for its node test
  bool on_set = false;       // the last token was '/' or '//'
  auto step = [&](unsigned weight) {
    if (!pending_axis.empty()) weight = axis_weight(pending_axis, on_set);
    pending_axis.clear();
    on_set = false;
    Frame& f = frames.back();
    f.worst = std::max(f.worst, weight);
    f.last_weight = weight;
    ++out.steps;
  };
  std::size_t i = 0;
  while (i < e.size()) {
    char c = e[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
    } else if (c == '\'' || c == '"') {
      std::size_t end = e.find(c, i + 1);
      i = end == std::string_view::npos ? e.size() : end + 1;
    } else if (c == '[') {
      Frame f;
      f.attach_weight = frames.back().last_weight;
      f.open = i;
      frames.push_back(f);
      ++i;
    } else if (c == ']') {
      if (frames.size() > 1) {
        Frame done = frames.back();
        frames.pop_back();
        unsigned degree = done.attach_weight + std::max(1U, done.worst);
        Frame& parent = frames.back();
        if (degree > parent.worst) {
          parent.worst = degree;
          parent.worst_at = done.worst_at != 0 ? done.worst_at : done.open;
        }
      }
      ++i;
    } else if (c == '/' && i + 1 < e.size() && e[i + 1] == '/') {
      step(1);  // descendant-or-self::node()
      on_set = true;
      i += 2;
    } else if (c == '/') {
      on_set = true;
      ++i;
    } else if (c == '.' && i + 1 < e.size() && e[i + 1] == '.') {
      step(0);
      i += 2;
    } else if (c == '.' && (i + 1 >= e.size() || std::isdigit(static_cast<unsigned char>(e[i + 1])) == 0)) {
      step(0);
      ++i;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.') {
      while (i < e.size() && (std::isdigit(static_cast<unsigned char>(e[i])) != 0 || e[i] == '.')) ++i;
    } else if (c == '@') {
      pending_axis = "attribute";
      ++i;
    } else if (c == ')' || c == '$') {
      frames.back().last_weight = 1;  // a filter expression: at most n nodes
      on_set = false;
      ++i;
    } else if (c == '*') {
      step(1);  // a name test; as multiplication it only makes the bound looser
      ++i;
    } else if (name_start(c)) {
      std::size_t start = i;
      while (i < e.size() && name_char(e[i]) && !(e[i] == ':' && i + 1 < e.size() && e[i + 1] == ':')) ++i;
      // A trailing ':*' (prefix:*) belongs to the name test.
      if (i + 1 < e.size() && e[i] == ':' && e[i + 1] == '*') i += 2;
      std::string_view name = e.substr(start, i - start);
      std::size_t after = i;
      while (after < e.size() && std::isspace(static_cast<unsigned char>(e[after])) != 0) ++after;
      if (after + 1 < e.size() && e[after] == ':' && e[after + 1] == ':') {
        pending_axis = std::string(name);
        i = after + 2;
      } else if (after < e.size() && e[after] == '(' && name != "node" && name != "text" && name != "comment" &&
                 name != "processing-instruction") {
        // A function call: its arguments are read at this level.
      } else if (name == "and" || name == "or" || name == "div" || name == "mod") {
        // An operator (as a name test it would weigh 1, which the bound already allows for).
      } else {
        step(1);
      }
    } else {
      on_set = false;  // operators, '(', ',', '|'
      ++i;
    }
  }
  while (frames.size() > 1) {  // unclosed: the expression does not compile anyway
    frames.pop_back();
  }
  out.degree = std::max(1U, frames.front().worst);
  out.steps = std::max<std::uint64_t>(out.steps, 1);
  out.worst_at = frames.front().worst_at;
  return out;
}

std::uint64_t xpath_estimate(const XPathCost& cost, std::uint64_t nodes) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t n = std::max<std::uint64_t>(nodes, 1);
  std::uint64_t total = cost.steps;
  for (unsigned d = 0; d < cost.degree; ++d) {
    if (total > kMax / n) return kMax;
    total *= n;
  }
  return total;
}

}  // namespace calint::load
