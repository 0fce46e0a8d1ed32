#include "policy/yaml_reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include "core/text.h"
#include "policy/policy.h"

namespace calint::policy {

void YamlReader::fail(const YAML::Mark& mark, const std::string& message) const {
  throw PolicyError(fmt::format("{}:{}:{}: {}", file_, mark.line + 1, mark.column + 1, message));
}

std::string YamlReader::where(const YAML::Node& node) const {
  return fmt::format("{}:{}:{}", file_, node.Mark().line + 1, node.Mark().column + 1);
}

void YamlReader::warn(const YAML::Node& node, const std::string& message) {
  warnings_.push_back(fmt::format("{}: warning: {}", where(node), message));
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            std::string_view context) const {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) fail(kv.first, fmt::format("{}: keys must be plain names", context));
    const std::string& key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      fail(kv.first,
           fmt::format("unknown key '{}' in {}{}", key, context,
                       hint_or(key, allowed, fmt::format("; expected one of: {}", fmt::join(allowed, ", ")))));
    }
    if (!seen.insert(key).second) fail(kv.first, fmt::format("duplicate key '{}' in {}", key, context));
  }
}

void YamlReader::require_map(const YAML::Node& node, std::string_view what) const {
  if (!node.IsMap()) fail(node, fmt::format("{} must be a mapping", what));
}

std::string YamlReader::scalar(const YAML::Node& node, std::string_view what) const {
  if (!node.IsScalar()) fail(node, fmt::format("{} must be a single value", what));
  return node.Scalar();
}

bool YamlReader::boolean(const YAML::Node& node, std::string_view what) const {
  std::string v = to_lower(scalar(node, what));
  if (v == "true") return true;
  if (v == "false") return false;
  fail(node, fmt::format("{} must be true or false, found '{}'", what, node.Scalar()));
}

Severity YamlReader::severity(const YAML::Node& node, std::string_view what) const {
  std::string v = scalar(node, what);
  if (auto s = parse_severity(v)) return *s;
  std::vector<std::string> names(kSeverityNames.begin(), kSeverityNames.end());
  fail(node, fmt::format("{} has unknown severity '{}'{}", what, v,
                         hint_or(v, names, fmt::format("; expected one of: {}", fmt::join(names, ", ")))));
}

namespace {

/// Counts the values of a document as the parser reports them, each alias as the size of what it
/// names. yaml-cpp shares an aliased node rather than copying it, so only a walk of the document
/// would expand it: this bounds every such walk.
class ExpansionCounter : public YAML::EventHandler {
 public:
  explicit ExpansionCounter(std::string file) : file_(std::move(file)) {}

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { value(mark, anchor, 1); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = sizes_.find(anchor);
    add(mark, it == sizes_.end() ? 1 : it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    value(mark, anchor, 1);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    start(mark, anchor);
  }
  void OnSequenceEnd() override { end(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    start(mark, anchor);
  }
  void OnMapEnd() override { end(); }

 private:
  void add(const YAML::Mark& mark, std::uint64_t n) {
    total_ += n;
    if (total_ > kMaxExpandedValues) {
      throw PolicyError(
          fmt::format("{}:{}:{}: policy is too large with its aliases expanded: more than {} values "
                      "(aliases of aliases, a 'billion laughs'); write the values out instead",
                      file_, mark.line + 1, mark.column + 1, kMaxExpandedValues));
    }
  }
  void value(const YAML::Mark& mark, YAML::anchor_t anchor, std::uint64_t n) {
    add(mark, n);
    if (anchor != YAML::NullAnchor) sizes_[anchor] = n;
  }
  void start(const YAML::Mark& mark, YAML::anchor_t anchor) {
    open_.push_back({anchor, total_});
    add(mark, 1);
  }
  void end() {
    if (open_.empty()) return;
    auto [anchor, before] = open_.back();
    open_.pop_back();
    if (anchor != YAML::NullAnchor) sizes_[anchor] = total_ - before;
  }

  std::string file_;
  std::uint64_t total_ = 0;
  std::map<YAML::anchor_t, std::uint64_t> sizes_;
  std::vector<std::pair<YAML::anchor_t, std::uint64_t>> open_;
};

}  // namespace

void check_aliases(const std::string& text, const std::string& file) {
  if (text.find('*') == std::string::npos) return;  // no alias: nothing to expand
  std::istringstream in(text);
  YAML::Parser parser(in);
  ExpansionCounter counter(file);
  while (parser.HandleNextDocument(counter)) {
  }
}

void check_nesting(std::string_view text, const std::string& file) {
  if (text.size() > kMaxPolicyBytes) throw PolicyError(fmt::format("{}:1:1: policy is larger than 1 MiB", file));
  int flow = 0;
  std::vector<std::size_t> indents;
  std::size_t line = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    std::size_t indent = l.find_first_not_of(' ');
    if (indent != std::string_view::npos && l[indent] != '#') {
      // Block nesting: indentation levels, plus one per "- " that opens a nested sequence.
      while (!indents.empty() && indents.back() >= indent) indents.pop_back();
      indents.push_back(indent);
      std::size_t dashes = 0;
      for (std::size_t i = indent; i + 1 < l.size() && l[i] == '-' && l[i + 1] == ' ';) {
        ++dashes;
        i += 2;
        while (i < l.size() && l[i] == ' ') ++i;
      }
      bool quoted = false;
      char quote = 0;
      char previous = ' ';
      for (char c : l) {
        if (quoted) {
          if (c == quote) quoted = false;
          previous = c;
          continue;
        }
        // As YAML reads them: a quote opens a string only where a scalar starts, and '#' starts
        // a comment only after white space.
        bool scalar_start = previous == ' ' || previous == '\t' || previous == '[' || previous == '{' ||
                            previous == ',' || previous == ':';
        if ((c == '"' || c == '\'') && scalar_start) {
          quoted = true;
          quote = c;
        } else if (c == '#' && (previous == ' ' || previous == '\t')) {
          break;
        } else if (c == '[' || c == '{') {
          ++flow;
        } else if (c == ']' || c == '}') {
          --flow;
        }
        previous = c;
        if (flow > kMaxNesting) break;
      }
      if (flow > kMaxNesting || static_cast<int>(indents.size() + dashes) > kMaxNesting) {
        throw PolicyError(fmt::format("{}:{}:1: policy is nested more than {} levels deep", file, line, kMaxNesting));
      }
    }
    pos = end + 1;
    ++line;
  }
}

}  // namespace calint::policy
