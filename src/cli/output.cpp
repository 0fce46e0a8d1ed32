#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "core/text.h"

namespace fs = std::filesystem;

namespace calint {

std::vector<FormatChoice> report_choices() { return choices_of(formats()); }

std::optional<std::vector<OutputSpec>> plan_output_specs(const OutputArgs& args,
                                                         const std::vector<FormatChoice>& choices, std::string& error) {
  std::vector<OutputSpec> targets;
  bool format_given = option_given(args.format_option);
  bool output_given = option_given(args.output_option);
  if (format_given || output_given || args.extra.empty()) {
    targets.push_back({args.format, args.output == "-" ? std::string() : args.output});
  }
  std::string names;
  for (const auto& c : choices) names += (names.empty() ? "" : ", ") + std::string(c.name);
  for (const auto& spec : args.extra) {
    auto colon = spec.find(':');
    std::string name = spec.substr(0, colon);
    if (colon == std::string::npos || colon + 1 == spec.size()) {
      error = fmt::format("calint: -o takes FORMAT:PATH, found '{}'", spec);
      return std::nullopt;
    }
    if (std::none_of(choices.begin(), choices.end(), [&](const FormatChoice& c) { return c.name == name; })) {
      error = fmt::format("calint: -o '{}': unknown format '{}'; formats: {}", spec, name, names);
      return std::nullopt;
    }
    std::string path = spec.substr(colon + 1);
    targets.push_back({name, path == "-" ? std::string() : path});
  }
  std::set<std::string> seen;
  bool stdout_taken = false;
  for (const auto& t : targets) {
    if (t.path.empty()) {
      if (stdout_taken) {
        error = fmt::format("calint: only one {} can go to standard output (--format, or one -o FORMAT:-)", args.noun);
        return std::nullopt;
      }
      stdout_taken = true;
      continue;
    }
    std::string key = fs::path(t.path).lexically_normal().string();
    if (!seen.insert(key).second) {
      error = fmt::format("calint: two {}s would be written to '{}'", args.noun, t.path);
      return std::nullopt;
    }
  }
  return targets;
}

std::optional<std::vector<OutputTarget>> plan_outputs(const OutputArgs& args, std::string& error) {
  auto specs = plan_output_specs(args, report_choices(), error);
  if (!specs) return std::nullopt;
  std::vector<OutputTarget> targets;
  for (auto& s : *specs) targets.push_back({find_format(s.format), std::move(s.path)});
  return targets;
}

namespace {

/// The folder SARIF and the CI formats make paths relative to.
std::string source_root(const OutputArgs& args, const fs::path& cwd) {
  if (!args.srcroot.empty()) return fs::absolute(args.srcroot).lexically_normal().string();
  std::error_code ec;
  for (fs::path dir = cwd; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.root_path()) break;
  }
  return cwd.string();
}

mode_t new_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void print_diagnostics(const std::vector<std::string>& notes, const std::vector<std::string>& warnings,
                       const std::vector<InputError>& errors, bool quiet, std::ostream& err) {
  if (!quiet) {
    for (const auto& n : notes) err << "note: " << escape_controls(n) << '\n';
  }
  for (const auto& w : warnings) err << escape_controls(w) << '\n';
  for (const auto& e : errors) err << escape_controls(e.path) << ": error: " << escape_controls(e.message) << '\n';
}

bool write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string& error) {
  std::error_code ec;
  fs::path target(path);
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (!ec) target = resolved;
  }
  struct stat st {};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      error = "it is a folder";
      return false;
    }
    std::ofstream direct(target, std::ios::binary);  // /dev/null, a FIFO, a terminal: no rename
    if (direct) write(direct);
    direct.flush();
    if (!direct) error = "cannot write";
    return static_cast<bool>(direct);
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string name = ".";  // appended, not "." + ...: GCC 12's -Wrestrict misfires on that here
  name += target.filename().string();
  name += ".calint-XXXXXX";
  std::string templ = (dir / name).string();
  int fd = ::mkstemp(templ.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  ::fchmod(fd, exists ? (st.st_mode & 07777) : new_file_mode());
  ::close(fd);
  bool ok = false;
  {
    std::ofstream file(templ, std::ios::binary | std::ios::trunc);
    if (file) {
      write(file);
      file.flush();
      ok = static_cast<bool>(file);
    }
  }
  if (ok && std::rename(templ.c_str(), target.c_str()) == 0) return true;
  error = ok ? std::strerror(errno) : std::string("cannot write (disk full?)");
  ::unlink(templ.c_str());
  return false;
}

FormatOptions format_options(const OutputArgs& args) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  FormatOptions options;
  options.cwd = cwd.string();
  options.srcroot = source_root(args, cwd);
  options.link_base = args.link_base;
  options.show_suppressed = args.show_suppressed;
  return options;
}

bool write_output(const OutputSpec& target, const OutputArgs& args, FormatOptions options, Console& console,
                  const std::function<void(std::ostream&, const FormatOptions&)>& write) {
  options.color =
      target.path.empty() && !args.no_color && console.out_is_terminal && std::getenv("NO_COLOR") == nullptr;
  if (target.path.empty()) {
    write(console.out, options);
    console.out.flush();
    return true;
  }
  std::string error;
  if (!write_file_atomically(
          target.path, [&](std::ostream& out) { write(out, options); }, error)) {
    console.err << fmt::format("calint: cannot write {} to '{}': {}\n", args.noun, target.path, error);
    return false;
  }
  return true;
}

bool write_outputs(const Report& report, const std::vector<OutputTarget>& targets, const OutputArgs& args,
                   Console& console, int jobs) {
  ReportView view = make_view(report);
  FormatOptions options = format_options(args);
  options.jobs = jobs;
  bool all_written = true;
  for (const auto& t : targets) {
    all_written &= write_output({std::string(t.format->name), t.path}, args, options, console,
                                [&](std::ostream& out, const FormatOptions& o) { t.format->write(out, view, o); });
  }
  print_diagnostics(report.notes, report.warnings, report.errors, args.quiet, console.err);
  return all_written;
}

}  // namespace calint
