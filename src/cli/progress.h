#pragma once
// Internal to cli/: progress of a long audit on a terminal.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <thread>

#include "core/progress.h"

namespace calint {

/// Redraws "calint: N/M files read, 3.2 s" in place on `err` while it lives, starting once `delay`
/// has passed (short audits show nothing), and clears the line when it ends.
class ProgressLine {
 public:
  ProgressLine(std::ostream& err, const Progress& progress, std::chrono::milliseconds delay);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ProgressLine(ProgressLine&&) = delete;
  ProgressLine& operator=(ProgressLine&&) = delete;

  /// Whether the line has been drawn (for tests).
  [[nodiscard]] bool drawn() const { return drawn_.load(); }
  /// The line as drawn after `elapsed`.
  static std::string text(std::size_t read, std::size_t listed, std::chrono::milliseconds elapsed);

 private:
  void run();

  std::ostream& err_;
  const Progress& progress_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::atomic<bool> drawn_{false};
  std::thread thread_;
};

/// Whether progress should be shown: stderr is a terminal, CI is not set, and not --quiet.
bool show_progress(bool err_is_terminal, bool quiet);

}  // namespace calint
