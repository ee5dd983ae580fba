// app/signals.cpp: the handler. It touches only lock-free atomics and calls only
// async-signal-safe functions (unlink, signal, raise).
#include "signals.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <new>

#include "goro/output_file.hpp"

namespace goroscope {

namespace {

std::atomic<int> g_stoppers{0};  // StopOnSignal objects alive
std::atomic<int> g_caught{0};    // the signal a StopOnSignal noted
static_assert(std::atomic<int>::is_always_lock_free);

void on_signal(int sig) {
  int none = 0;
  if (g_stoppers.load() > 0 && g_caught.compare_exchange_strong(none, sig)) return;  // the command stops
  goro::OutputFile::remove_temporaries();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

void install_signal_handlers() {
  static const bool installed = [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;  // nohup, a background job
      struct sigaction sa {};
      sa.sa_handler = on_signal;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = SA_RESTART;
      sigaction(sig, &sa, nullptr);
    }
    return true;
  }();
  (void)installed;
}

void install_out_of_memory_handler() {
  static std::terminate_handler previous = std::set_terminate([] {
    if (std::exception_ptr e = std::current_exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const std::bad_alloc&) {
        goro::OutputFile::remove_temporaries();
        static const char msg[] = "goroscope: out of memory\n";
        (void)!::write(STDERR_FILENO, msg, sizeof msg - 1);
        ::_exit(1);
      } catch (...) {
      }
    }
    previous ? previous() : std::abort();
  });
}

StopOnSignal::StopOnSignal() {
  install_signal_handlers();
  g_caught.store(0);
  g_stoppers.fetch_add(1);
}

StopOnSignal::~StopOnSignal() { g_stoppers.fetch_sub(1); }

int StopOnSignal::stop_signal() { return g_caught.load(); }

}  // namespace goroscope
