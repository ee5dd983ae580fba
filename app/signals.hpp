// app/signals.hpp: how Goroscope ends when interrupted or out of memory. SIGINT, SIGTERM and
// SIGHUP: By default a signal removes every
// temporary output file (goro::OutputFile) and then ends the process as the signal would, so
// an interrupted export or picture leaves nothing half-written and the old file as it was.
// While a StopOnSignal lives, the first such signal is only noted: the command polls
// stop_signal(), stops its program and ends its recording properly; a second one ends the
// process as above.
#pragma once

namespace goroscope {

// install_signal_handlers() sets the handlers (once per process; later calls do nothing).
void install_signal_handlers();

// install_out_of_memory_handler() makes memory running out on any thread (a std::bad_alloc
// nobody caught, such as a goroutine stack that cannot be mapped) end the process with
// "goroscope: out of memory" and exit status 1, removing temporary output files first.
void install_out_of_memory_handler();

// StopOnSignal is a stretch during which a signal asks the command to stop.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  // stop_signal() is the signal received since construction (0: none).
  static int stop_signal();
};

// signal_exit_status() is the shell's status for a process ended by sig (128 + sig).
inline int signal_exit_status(int sig) { return 128 + sig; }

}  // namespace goroscope
