// runtime/src/goroutine.cpp: the public goroutine API (goro/goroutine.hpp, goro/run.hpp), each
// call forwarded to the running program's scheduler.
#include "goro/goroutine.hpp"

#include "goro/run.hpp"
#include "goro/tap.hpp"
#include "sched.hpp"

namespace goro {

Exit run(const Config& cfg, std::function<void()> main_fn) {
  return run(cfg, Observer{}, std::move(main_fn));
}

Exit run(const Config& cfg, const Observer& observer, std::function<void()> main_fn) {
  detail::Sched s(cfg);
  return s.run(std::move(main_fn), observer);
}

uint64_t go(std::function<void()> fn, race::Site created_at) {
  return go(std::string(), std::move(fn), created_at);
}

uint64_t go(std::string name, std::function<void()> fn, race::Site created_at) {
  detail::current_g();
  detail::Sched& s = detail::current_sched();
  return s.newproc(std::move(name), std::move(fn), s.race() ? &created_at : nullptr);
}

void yield() {
  detail::current_g();
  detail::current_sched().gosched();
}

void preempt_point() {
  if (detail::P* p = detail::current_p(); p && p->curg) p->sched->preempt();
}

void sleep(std::chrono::nanoseconds d) { detail::current_sched().sleep(d.count()); }

int64_t now() { return detail::current_sched().now(); }

void panic(const std::string& msg) { throw Panic(msg); }

void print(std::string_view text) {
  detail::current_g();
  detail::current_sched().print(text);
}

void print_stderr(std::string_view text) {
  detail::current_g();
  detail::current_sched().print(text, true);
}

int rand_intn(int n) {
  detail::current_g();
  if (n <= 0) throw Panic("invalid argument to Intn");
  return static_cast<int>(detail::current_sched().rng().below(static_cast<uint32_t>(n)));
}

uint64_t current_id() { return detail::current_g()->id; }

void main_goexit() {
  if (detail::current_g()->id != 1)
    throw std::logic_error("goro::main_goexit called from a goroutine other than main");
  detail::current_sched().main_goexit();
}

void set_source_hooks(const SourceHooks* hooks, const void* ctx) {
  detail::G* g = detail::current_g();
  if (!g) return;  // not in a goroutine
  g->hooks = hooks;
  g->hooks_ctx = ctx;
}

const void* source_context(const SourceHooks* hooks) {
  detail::P* p = detail::current_p();  // null outside goro::run (current_g() would throw)
  detail::G* g = p ? p->curg : nullptr;
  return g && g->hooks == hooks ? g->hooks_ctx : nullptr;
}

namespace detail {
std::atomic<int> g_lines_watched{0};
std::atomic<int> g_interrupts{0};

void stop_if_ending() {
  if (!current_g()) return;
  Sched& s = current_sched();
  if (s.interrupted()) s.gosched();  // the scheduler sees the run end and never resumes it
}

void arrive_at_line(uint32_t line) {
  if (P* p = current_p()) p->sched->at_line(line);
}
}  // namespace detail

}  // namespace goro
