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
  // peak RSS as with one, while one arena made every thread that allocates (evidence, the JSON
  // writer) wait for the others; three or more: 72 MiB.
  mallopt(M_ARENA_MAX, 2);
  // The DOMs of files that do not parse (pugixml words their CA000) are built and freed by the
  // hundred: returning the freed top of the heap to the system each time and faulting it back in
  // cost about a tenth of the findings shape. A 32 MiB trim threshold keeps it; setting it also fixes the
  // mmap threshold at its default, so large buffers still go back at once (peak RSS 46 and 51 MiB
  // on the two shapes, against 44 and 57 MiB before).
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = calint::run_cli(args, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1);
  std::cout.flush();
  return code;
}
