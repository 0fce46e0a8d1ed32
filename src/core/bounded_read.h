#pragma once
// Reading a whole input that has a size limit (a baseline, a saved JSON report): at most one byte
// past the limit is ever held, whatever the stream is (a file, a pipe, standard input).
#include <cstdint>
#include <istream>
#include <string>

namespace calint {

/// Reads `in` to its end into `out`. False, with `out` holding `max_bytes` + 1 bytes, when it holds
/// more than `max_bytes`.
inline bool read_bounded(std::istream& in, std::uint64_t max_bytes, std::string& out) {
  out.clear();
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::uint64_t>(in.gcount());
    const std::uint64_t room = max_bytes + 1 - out.size();
    out.append(buffer, static_cast<std::size_t>(got < room ? got : room));
    if (out.size() > max_bytes) return false;
  }
  return true;
}

}  // namespace calint
