// The catalogue is the one home of rule metadata and parameters: these tests keep the registry,
// the rule files, the default policy, the policy schema and docs/policy.md in step with it.
#include <filesystem>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policy/policy.h"
#include "rules/rule.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace calint;

namespace {

std::string snake(std::string name) {
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// The schema node of a dotted policy key, or null.
const nlohmann::json* schema_node(const nlohmann::json& schema, const std::string& key) {
  const nlohmann::json* node = &schema;
  std::istringstream parts(key);
  std::string part;
  while (std::getline(parts, part, '.')) {
    if (!node->contains("properties") || !(*node)["properties"].contains(part)) return nullptr;
    node = &(*node)["properties"][part];
  }
  return node;
}

}  // namespace

TEST_CASE("every rule lives in src/rules/caNNN_name.cpp with a function of its name", "[meta]") {
  std::string registry = test::read_file(test::source_dir() / "src/rules/registry.inc");
  for (const auto& r : builtin_catalog().rules()) {
    INFO("rule " << r.id);
    fs::path file = test::source_dir() / "src/rules" / (lower(r.id) + "_" + snake(r.name) + ".cpp");
    REQUIRE(fs::exists(file));
    CHECK(registry.find("CALINT_RULE(" + r.id + ", " + snake(r.name) + ")") != std::string::npos);
    CHECK(test::read_file(file).find("void " + snake(r.name) + "(RuleContext& ctx)") != std::string::npos);
  }
  std::size_t rule_files = 0;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "src/rules")) {
    std::string name = e.path().filename().string();  // caNNN_*.cpp (no std::regex: GCC 12 warns in it under ASan)
    bool rule_file =
        name.size() > 10 && name.rfind("ca", 0) == 0 && std::isdigit(static_cast<unsigned char>(name[2])) &&
        std::isdigit(static_cast<unsigned char>(name[3])) && std::isdigit(static_cast<unsigned char>(name[4])) &&
        name[5] == '_' && name.substr(name.size() - 4) == ".cpp";
    if (rule_file) ++rule_files;
  }
  CHECK(rule_files == builtin_catalog().rules().size());
}

TEST_CASE("every parameter has a type the policy reads, and its default parses", "[meta]") {
  Policy defaults = parse_policy("", "empty.yaml", builtin_catalog());
  std::set<std::string> keys;
  for (const RuleParam* p : builtin_catalog().params()) {
    INFO("param " << p->key);
    CHECK(keys.insert(p->key).second);  // one rule owns each key
    CHECK(defaults.params.contains(p->key));
    CHECK(show_param(defaults, p->key) != "(not a policy key)");
    // A key is a value or a section, never both.
    for (const RuleParam* q : builtin_catalog().params()) CHECK(q->key.rfind(p->key + ".", 0) != 0);
  }
}

TEST_CASE("the default policy restates the catalogue defaults it sets", "[meta]") {
  // rules/default-policy.yaml is what `calint init` writes: the values it spells out must be the
  // catalogue's defaults, or the embedded policy would silently differ from the documentation.
  Policy embedded = default_policy(builtin_catalog());
  Policy defaults = parse_policy("", "empty.yaml", builtin_catalog());
  for (const RuleParam* p : builtin_catalog().params()) {
    INFO("param " << p->key);
    CHECK(show_param(embedded, p->key) == show_param(defaults, p->key));
  }
}

TEST_CASE("schemas/policy.schema.json is generated from the catalogue and current", "[meta]") {
  auto r = test::run({"rules", "--format", "policy-schema"});
  REQUIRE(r.code == 0);
  INFO("regenerate with: build/calint rules --format policy-schema > schemas/policy.schema.json");
  CHECK(r.out == test::read_file(test::source_dir() / "schemas/policy.schema.json"));
  auto schema = nlohmann::json::parse(r.out);
  for (const RuleParam* p : builtin_catalog().params()) {
    INFO("param " << p->key);
    CHECK(schema_node(schema, p->key) != nullptr);
  }
}
