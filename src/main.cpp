#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // Worker threads read multi-MB profiles and free them at once; with one malloc arena per
  // thread each arena keeps its own high-water mark. Two arenas (bench/, 500 MiB, --jobs 2):
  // peak RSS 62 MiB on the clean shape, as with one, while one arena made every thread that
  // allocates (evidence, the JSON writer) wait for the others; three or more: 72 MiB.
  // A fixed mmap threshold (big buffers returned at once) cost 40% more time in page faults.
  mallopt(M_ARENA_MAX, 2);
#endif
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = calint::run_cli(args, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1);
  std::cout.flush();
  return code;
}
