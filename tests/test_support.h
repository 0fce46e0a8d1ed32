#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "policy/policy.h"

namespace calint::test {

/// The repository root (tests run from there too).
std::filesystem::path source_dir();
/// ../shared/corpus next to the repository, or $CALINT_CORPUS; empty when absent.
std::filesystem::path corpus_dir();
/// Reads a whole file.
std::string read_file(const std::filesystem::path& p);
/// Writes a whole file, creating folders.
void write_file(const std::filesystem::path& p, const std::string& text);
/// The policy error of `yaml` (parsed as "policy.yaml", custom rules compiled), or "(no error)".
std::string policy_error(const std::string& yaml);
/// A fresh empty folder under the system temp dir, removed by the destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};
/// The extension of a format's golden files: text -> txt, markdown -> md, junit -> junit.xml, ...
std::string golden_extension(std::string_view format);
/// Makes `dir` the current folder until destroyed (git and discovery work from the current folder).
struct InDir {
  explicit InDir(const std::filesystem::path& dir);
  ~InDir();
  InDir(const InDir&) = delete;
  InDir& operator=(const InDir&) = delete;
  std::filesystem::path saved;
};
/// Runs the CLI in-process.
struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};
CliResult run(const std::vector<std::string>& args);
/// Audits paths with a policy (default: the embedded one) on a pinned date.
/// `usage`: a usage CSV (`--usage`), or "".
Report audit(const std::vector<std::string>& paths, const Policy* policy = nullptr, const char* as_of = "2026-06-01",
             const std::string& usage = "");

}  // namespace calint::test
