// bench/gorobench.cpp: gobench's command line, on goro, so that compare_go.sh can run both the
// same way. Prints one line: goro workload=... procs=... n=... total_ns=... ns_per_op=... [k=v]
//   gorobench <spawn|alive|pingpong|buffered|pool|mutex|select> [N] [extra] [--procs P]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "workloads.hpp"

int main(int argc, char** argv) {
  int procs = 1;
  std::vector<std::string> args;
  for (int i = 1; i < argc; i++) {
    if (std::strcmp(argv[i], "--procs") == 0 && i + 1 < argc)
      procs = std::atoi(argv[++i]);
    else
      args.push_back(argv[i]);
  }
  if (args.empty()) {
    std::fprintf(
        stderr, "usage: gorobench spawn|alive|pingpong|buffered|pool|mutex|select [N] [extra] [--procs P]\n");
    return 2;
  }
  auto arg = [&](size_t i, int def) {
    if (args.size() <= i) return def;
    char* end = nullptr;
    long v = std::strtol(args[i].c_str(), &end, 10);
    if (*end) {
      std::fprintf(stderr, "bad integer argument \"%s\"\n", args[i].c_str());
      std::exit(2);
    }
    return static_cast<int>(v);
  };
  const std::string& w = args[0];
  bench::Result r;
  long n = 0;
  try {
    if (w == "spawn")
      r = bench::spawn(procs, n = arg(1, 1000000));
    else if (w == "alive")
      r = bench::alive(procs, n = arg(1, 1000000));
    else if (w == "pingpong")
      r = bench::pingpong(procs, n = arg(1, 1000000));
    else if (w == "buffered")
      r = bench::buffered(procs, n = arg(1, 10000000), arg(2, 128));
    else if (w == "pool")
      r = bench::pool(procs, n = arg(1, 1000000), arg(2, 3), arg(3, -1));
    else if (w == "mutex") {
      int g = arg(1, 1000), k = arg(2, 1000);
      r = bench::mutex(procs, g, k);
      n = long(g) * k;
    } else if (w == "select")
      r = bench::select2(procs, n = arg(1, 1000000) / 2 * 2);
    else {
      std::fprintf(stderr, "unknown workload %s\n", w.c_str());
      return 2;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  std::printf("goro workload=%s procs=%d n=%ld total_ns=%lld ns_per_op=%.1f%s\n", w.c_str(), procs, n,
              static_cast<long long>(r.ns), double(r.ns) / double(n), r.extra.c_str());
  return 0;
}
