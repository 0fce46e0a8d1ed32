#include <unistd.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = calint::run_cli(args, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1);
  std::cout.flush();
  return code;
}
