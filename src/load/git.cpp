// `--changed-since REF`: what git says changed, from a git subprocess (no shell, no library).
#include "load/git.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "core/text.h"

extern char** environ;

namespace fs = std::filesystem;

namespace calint::load {

namespace {

/// A file holding `input` for a child's standard input (memfd: no file on disk, and no pipe that
/// could fill up or raise SIGPIPE); -1 when it cannot be made.
int input_file(std::string_view input) {
  int fd = ::memfd_create("calint-git-input", MFD_CLOEXEC);
  if (fd < 0) return -1;
  std::size_t done = 0;
  while (done < input.size()) {
    ssize_t n = ::write(fd, input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return -1;
    }
    done += static_cast<std::size_t>(n);
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

}  // namespace

GitResult run_git(const std::vector<std::string>& args, std::string_view input) {
  GitResult r;
  int in_fd = input.empty() ? -1 : input_file(input);
  if (!input.empty() && in_fd < 0) {
    r.err = std::strerror(errno);
    return r;
  }
  std::array<int, 2> out_pipe{-1, -1};
  std::array<int, 2> err_pipe{-1, -1};
  auto close_input = [&] {
    if (in_fd >= 0) ::close(in_fd);
  };
  if (::pipe2(out_pipe.data(), O_CLOEXEC) != 0) {
    close_input();
    return r;
  }
  if (::pipe2(err_pipe.data(), O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    close_input();
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (in_fd >= 0)
    posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
  else
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<std::string> full = {"git", "-c", "core.quotepath=off"};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(full.size() + 1);
  for (auto& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close_input();
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    r.err = std::strerror(spawned);
    return r;
  }
  std::array<pollfd, 2> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
  std::array<std::string*, 2> sinks{&r.out, &r.err};
  int open_fds = 2;
  std::array<char, 65536> buffer{};
  while (open_fds > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return r;
}

std::string first_git_line(std::string_view text) {
  text = trim(text);
  auto nl = text.find('\n');
  return std::string(nl == std::string_view::npos ? text : text.substr(0, nl));
}

namespace {

/// Splits git's -z output.
void split_z(const std::string& text, std::set<std::string>& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.insert(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

ChangedFiles git_changed_files(const std::string& ref) {
  ChangedFiles result;
  auto fail = [&](std::string message) {
    result.error = std::move(message);
    return result;
  };
  if (ref.empty() || ref.front() == '-') return fail(fmt::format("--changed-since: '{}' is not a git revision", ref));
  GitResult top = run_git({"rev-parse", "--show-toplevel"});
  if (top.status < 0) return fail(fmt::format("--changed-since runs git, which could not be started: {}", top.err));
  if (top.status != 0) {
    return fail(fmt::format("--changed-since needs a git repository, and {} is not in one ({})",
                            fs::current_path().string(), first_git_line(top.err)));
  }
  std::string toplevel = first_git_line(top.out);
  GitResult commit = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"});
  if (commit.status != 0) {
    return fail(
        fmt::format("--changed-since: unknown git revision '{}' (for a pull request, fetch the base branch "
                    "first: git fetch origin main, then --changed-since origin/main)",
                    ref));
  }
  GitResult base = run_git({"merge-base", first_git_line(commit.out), "HEAD"});
  if (base.status != 0) {
    return fail(fmt::format("--changed-since: '{}' and HEAD have no common ancestor{}", ref,
                            base.err.empty() ? std::string() : fmt::format(" ({})", first_git_line(base.err))));
  }
  result.base = first_git_line(base.out);
  // Committed, staged and unstaged changes: the working tree against the merge base. Renames are
  // a deletion and an addition, so the old name is seen as deleted.
  GitResult diff = run_git({"diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", result.base, "--"});
  if (diff.status != 0) return fail(fmt::format("--changed-since: git diff failed ({})", first_git_line(diff.err)));
  GitResult untracked = run_git({"ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--", toplevel});
  if (untracked.status != 0) {
    return fail(fmt::format("--changed-since: git ls-files failed ({})", first_git_line(untracked.err)));
  }
  std::set<std::string> names;
  split_z(diff.out, names);
  split_z(untracked.out, names);
  // git names files from the top of the repository; calint from the current folder.
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  for (const auto& name : names) {
    fs::path absolute = (fs::path(toplevel) / name).lexically_normal();
    fs::path rel = absolute.lexically_relative(cwd);
    result.paths.push_back(rel.empty() ? absolute.string() : rel.string());
  }
  return result;
}

}  // namespace calint::load
