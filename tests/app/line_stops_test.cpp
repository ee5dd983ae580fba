// tests/app/line_stops_test.cpp: breakpoints and Step line in the window's kind of run (a Session
// compiled with line marks, RunSpec::lines): the worker pool stops when a worker arrives at
// `results <- Result{...}`, the model puts that worker on that line, and Step line moves it on
// line by line (its next job's receive, then its Printf, a statement without an event of its
// own); the same run without marks still stops at the send, at the send's event.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app_support.hpp"

namespace {

using goroscope::RunSpec;
using goroscope::Session;

constexpr uint32_t kSendLine = 23;  // results <- Result{ (08_worker_pool.go)

std::unique_ptr<Session> start(bool lines, std::vector<uint32_t> breaks) {
  const goroscope::Scenario* s = goroscope::find_scenario("worker_pool");
  EXPECT_TRUE(s);
  RunSpec spec{s, s->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  spec.lines = lines;
  auto session = std::make_unique<Session>(spec, "", true);  // paused at its start
  session->control().set_breakpoints(std::move(breaks));
  return session;
}

// wait_stop() pumps until the run stops at a line for the n-th time (true) or ends (false).
bool wait_stop(Session& s, uint64_t n) {
  for (int i = 0; i < 20000; i++) {
    s.pump();
    if (s.control().line_stops() >= n && s.control().paused()) {
      s.pump();  // the stopping event itself
      return true;
    }
    if (s.done()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(LineStops, TheWorkerPoolStopsWhenAWorkerArrivesAtItsResultsSend) {
  for (bool lines : {true, false}) {
    auto s = start(lines, {kSendLine});
    s->control().resume();
    ASSERT_TRUE(wait_stop(*s, 1)) << (lines ? "with" : "without") << " line marks";
    goro::Control::LineStop at = s->control().last_line_stop();
    EXPECT_EQ(at.line, kSendLine);
    EXPECT_TRUE(at.breakpoint);
    const goro::visual::Goroutine* g = s->model().goroutine(at.g);
    ASSERT_TRUE(g);
    EXPECT_EQ(g->name.rfind("worker", 0), 0u) << g->name;
    EXPECT_EQ(g->line, kSendLine) << "the model puts the worker on the line it stopped at";
    s->control().set_breakpoints({});
  }
}

TEST(LineStops, StepLineMovesTheStoppedWorkerToItsNextStatement) {
  auto s = start(true, {kSendLine});
  s->control().resume();
  ASSERT_TRUE(wait_stop(*s, 1));
  const uint64_t worker = s->control().last_line_stop().g;
  s->control().set_breakpoints({});
  s->control().step_line(worker, kSendLine);
  ASSERT_TRUE(wait_stop(*s, 2));
  goro::Control::LineStop at = s->control().last_line_stop();
  EXPECT_EQ(at.g, worker);
  EXPECT_FALSE(at.breakpoint);
  EXPECT_EQ(at.line, 20u) << "for job := range jobs: it receives its next job";
  EXPECT_EQ(s->model().goroutine(worker)->line, 20u);
  s->control().step_line(worker, 20);
  ASSERT_TRUE(wait_stop(*s, 3));
  EXPECT_EQ(s->control().last_line_stop().line, 21u) << "fmt.Printf(\"Worker %d processing job %d\\n\", ...)";
  EXPECT_EQ(s->model().goroutine(worker)->line, 21u);
}

}  // namespace
