#include "cli/progress.h"

#include <cstdlib>

#include <fmt/format.h>

namespace calint {

ProgressLine::ProgressLine(std::ostream& err, const Progress& progress, std::chrono::milliseconds delay)
    : err_(err), progress_(progress), delay_(delay), thread_([this] { run(); }) {}

ProgressLine::~ProgressLine() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_) err_ << "\r\033[K" << std::flush;
}

std::string ProgressLine::text(std::size_t read, std::size_t listed, std::chrono::milliseconds elapsed) {
  return fmt::format("calint: {}/{} files read, {:.1f} s", read, listed, static_cast<double>(elapsed.count()) / 1000.0);
}

void ProgressLine::run() {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, delay_, [this] { return stop_; })) return;
  do {
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    err_ << "\r\033[K" << text(progress_.files_read.load(), progress_.files_listed.load(), elapsed) << std::flush;
    drawn_ = true;
  } while (!wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; }));
}

bool show_progress(bool err_is_terminal, bool quiet) {
  const char* ci = std::getenv("CI");
  return err_is_terminal && !quiet && (ci == nullptr || *ci == '\0');
}

}  // namespace calint
