#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "cli/cli.h"
#include "policy/catalog.h"

namespace fs = std::filesystem;

namespace calint::test {

fs::path source_dir() { return fs::path(CALINT_SOURCE_DIR); }

fs::path corpus_dir() {
  if (const char* env = std::getenv("CALINT_CORPUS")) return fs::path(env);
  fs::path p = source_dir().parent_path() / "shared" / "corpus";
  return fs::is_directory(p) ? p : fs::path();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

TempDir::TempDir() {
  std::random_device rd;
  path = fs::temp_directory_path() / ("calint-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path, ec);
}

std::string golden_extension(std::string_view format) {
  if (format == "text") return "txt";
  if (format == "markdown") return "md";
  if (format == "junit") return "junit.xml";
  if (format == "gitlab") return "gitlab.json";
  if (format == "github") return "github.txt";
  if (format == "inventory") return "inventory.csv";
  return std::string(format);
}

InDir::InDir(const fs::path& dir) : saved(fs::current_path()) { fs::current_path(dir); }
InDir::~InDir() {
  std::error_code ec;
  fs::current_path(saved, ec);
}

CliResult run(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  CliResult r;
  r.code = run_cli(args, out, err, false);
  r.out = out.str();
  r.err = err.str();
  return r;
}

Report audit(const std::vector<std::string>& paths, const Policy* policy, const char* as_of, const std::string& usage) {
  AuditOptions options;
  options.usage_path = usage;
  options.paths = paths;
  options.jobs = 2;
  options.today = *parse_date(as_of);
  Policy fallback = default_policy(builtin_catalog());
  return run_audit(options, policy ? *policy : fallback, builtin_catalog());
}

std::string policy_error(const std::string& yaml) {
  try {
    Policy p = parse_policy(yaml, "policy.yaml", builtin_catalog());
    check_custom_rules(p);
  } catch (const PolicyError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace calint::test
