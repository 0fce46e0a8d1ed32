#pragma once
#include <atomic>
#include <cstddef>

namespace calint {

/// How far an audit has come, updated by the loader's threads and read by whoever shows progress
/// (the command line redraws it on a terminal).
struct Progress {
  std::atomic<std::size_t> files_listed{0};  ///< files to read, over every export listed so far
  std::atomic<std::size_t> files_read{0};    ///< files read (or failed) so far
};

}  // namespace calint
