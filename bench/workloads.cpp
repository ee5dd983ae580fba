// bench/workloads.cpp: the reference workloads on goro, as close to gobench.go as the API
// allows. A checksum failure throws: a fast wrong answer is not a result.
#include "workloads.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "goro/goro.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

int64_t since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t).count();
}

Result run_program(int procs, const std::function<void(Result&)>& body, goro::Observer obs = {}) {
  Result r;
  goro::Config cfg;
  cfg.procs = procs;
  goro::Exit e = goro::run(cfg, obs, [&] { body(r); });
  if (e.status != goro::ExitStatus::Ok) throw std::runtime_error("workload failed: " + e.message);
  return r;
}

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("checksum mismatch: ") + what);
}

}  // namespace

long vm_kb(const char* field) {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long v = -1;
  size_t n = std::strlen(field);
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, field, n) == 0 && line[n] == ':') {
      v = std::atol(line + n + 1);
      break;
    }
  std::fclose(f);
  return v;
}

Result spawn(int procs, int n) {
  return run_program(procs, [n](Result& r) {
    goro::WaitGroup wg;
    auto start = Clock::now();
    for (int i = 0; i < n; i++) {
      wg.add(1);
      goro::go([&wg] { wg.done(); });
    }
    wg.wait();
    r.ns = since(start);
    r.extra = " vmhwm_kb=" + std::to_string(vm_kb("VmHWM"));
  });
}

Result alive(int procs, int n) {
  return run_program(procs, [n](Result& r) {
    auto ch = goro::make_chan<int>(0, "ch");
    goro::WaitGroup ready, done;
    ready.add(n);
    done.add(n);
    long rss0 = vm_kb("VmRSS");
    auto start = Clock::now();
    for (int i = 0; i < n; i++) {
      goro::go([&, ch] {
        ready.done();
        ch.recv();
        done.done();
      });
    }
    ready.wait();
    int64_t up = since(start);
    for (int i = 0; i < 10; i++) goro::yield();
    long rss1 = vm_kb("VmRSS");
    auto t1 = Clock::now();
    ch.close();
    done.wait();
    int64_t rel = since(t1);
    r.ns = since(start);
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  " up_ns_per_op=%.1f release_ns_per_op=%.1f rss_before_kb=%ld rss_alive_kb=%ld "
                  "rss_bytes_per_g=%.0f vmhwm_kb=%ld",
                  double(up) / n, double(rel) / n, rss0, rss1, double(rss1 - rss0) * 1024 / n,
                  vm_kb("VmHWM"));
    r.extra = buf;
  });
}

Result pingpong(int procs, int n, goro::Observer obs) {
  return run_program(
      procs,
      [n](Result& r) {
        auto ping = goro::make_chan<int>(0, "ping");
        auto pong = goro::make_chan<int>(0, "pong");
        goro::go([ping, pong] {
          for (int v : ping) pong.send(v + 1);
        });
        long s = 0;
        auto start = Clock::now();
        for (int i = 0; i < n; i++) {
          ping.send(i);
          s += pong.recv();
        }
        r.ns = since(start);
        ping.close();
        check(s == long(n) * (n + 1) / 2, "pingpong");
      },
      obs);
}

Result buffered(int procs, int n, int cap) {
  return run_program(procs, [n, cap](Result& r) {
    auto ch = goro::make_chan<int>(cap, "ch");
    auto start = Clock::now();
    goro::go([ch, n] {
      for (int i = 0; i < n; i++) ch.send(i);
      ch.close();
    });
    long s = 0;
    for (int v : ch) s += v;
    r.ns = since(start);
    check(s == long(n) * (n - 1) / 2, "buffered");
    r.extra = " cap=" + std::to_string(cap);
  });
}

Result pool(int procs, int n, int workers, int cap) {
  return run_program(procs, [n, workers, cap](Result& r) {
    auto worker = [](goro::RecvChan<int> jobs, goro::SendChan<int> results) {
      for (int j : jobs) results.send(j * 2);
    };
    long s = 0;
    auto start = Clock::now();
    auto jobs = goro::make_chan<int>(cap < 0 ? n : cap, "jobs");
    auto results = goro::make_chan<int>(cap < 0 ? n : cap, "results");
    for (int i = 0; i < workers; i++) goro::go([=] { worker(jobs, results); });
    if (cap < 0) {
      for (int j = 0; j < n; j++) jobs.send(j);
      jobs.close();
    } else {
      goro::go([jobs, n] {
        for (int j = 0; j < n; j++) jobs.send(j);
        jobs.close();
      });
    }
    for (int a = 0; a < n; a++) s += results.recv();
    r.ns = since(start);
    check(s == long(n) * (n - 1), "pool");
    r.extra = " workers=" + std::to_string(workers) + " cap=" + std::to_string(cap);
  });
}

Result mutex(int procs, int goroutines, int incs_each) {
  return run_program(procs, [goroutines, incs_each](Result& r) {
    goro::Mutex mu;
    goro::WaitGroup wg;
    long counter = 0;
    auto start = Clock::now();
    for (int i = 0; i < goroutines; i++) {
      wg.add(1);
      goro::go([&] {
        for (int j = 0; j < incs_each; j++) {
          mu.lock();
          counter++;
          mu.unlock();
        }
        wg.done();
      });
    }
    wg.wait();
    r.ns = since(start);
    check(counter == long(goroutines) * incs_each, "mutex");
    r.extra = " goroutines=" + std::to_string(goroutines) + " incs_each=" + std::to_string(incs_each);
  });
}

Result select2(int procs, int n) {
  return run_program(procs, [n](Result& r) {
    auto c1 = goro::make_chan<int>(0, "c1");
    auto c2 = goro::make_chan<int>(0, "c2");
    int half = n / 2;
    auto start = Clock::now();
    goro::go([c1, half] {
      for (int i = 0; i < half; i++) c1.send(i);
    });
    goro::go([c2, half] {
      for (int i = 0; i < half; i++) c2.send(i);
    });
    long s = 0;
    int n1 = 0, n2 = 0;
    for (int i = 0; i < half * 2; i++) {
      goro::select(goro::on_recv(c1, [&](int v) { s += v, n1++; }),
                   goro::on_recv(c2, [&](int v) { s += v, n2++; }));
    }
    r.ns = since(start);
    check(n1 == half && n2 == half, "select");
  });
}

}  // namespace bench
