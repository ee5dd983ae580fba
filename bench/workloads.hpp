// bench/workloads.hpp: the reference workloads (../shared/reference/bench/gobench.go), written
// on goro. Each runs one whole program and returns the nanoseconds of its measured region,
// timed as gobench times it (inside the program, start-up excluded). Used by the Google
// Benchmark target and by the gorobench command that compare_go.sh runs beside Go.
#pragma once

#include <cstdint>
#include <string>

#include "goro/tap.hpp"

namespace bench {

// Result is one measured run: total nanoseconds of the measured region and extra k=v text.
struct Result {
  int64_t ns = 0;
  std::string extra;
};

// vm_kb() reads a "VmXXX:" field of /proc/self/status, in kB (-1 if absent).
long vm_kb(const char* field);

Result spawn(int procs, int n);                              // n x { wg.add(1); go(wg.done) }; wg.wait()
Result alive(int procs, int n);                              // n goroutines parked in <-ch, then close(ch)
Result pingpong(int procs, int n, goro::Observer obs = {});  // n round trips over two unbuffered channels
Result buffered(int procs, int n, int cap);                  // one producer -> main, channel of cap
Result pool(int procs, int n, int workers, int cap);         // cap < 0: gobyexample layout; else bounded
Result mutex(int procs, int goroutines, int incs_each);      // contended counter
Result select2(int procs, int n);                            // main selects over two producers

}  // namespace bench
