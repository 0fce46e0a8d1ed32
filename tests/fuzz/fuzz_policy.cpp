// Fuzz target for the policy parser: any text either parses or fails with a PolicyError that names
// the file, line and column; nothing else escapes, and nesting never exhausts the stack.
#include <string>

#include "fuzz_support.h"
#include "policy/policy.h"

using namespace calint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    Policy p = parse_policy(text, "policy.yaml", builtin_catalog());
    for (const RuleParam* param : builtin_catalog().params()) {
      if (show_param(p, param->key) == "(not a policy key)") fuzz::violated("parameter missing", param->key);
    }
  } catch (const PolicyError& e) {
    if (std::string_view(e.what()).rfind("policy.yaml:", 0) != 0) fuzz::violated("error without location", e.what());
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
