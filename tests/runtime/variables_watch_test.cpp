// tests/runtime/variables_watch_test.cpp: goro::Control's watch on one goroutine's variables (an
// interpreter's SourceHooks::variables): snapshots taken on the goroutine's own thread at its
// events and kept with the event's seq, none for a goroutine nobody watches (the hook is never
// called), none once the watched goroutine has ended.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "goro/tap.hpp"
#include "support.hpp"

namespace {

// Interp stands for an interpreter's goroutine state: one variable, and how often the runtime
// asked for it.
struct Interp {
  std::atomic<int> value{0};
  std::atomic<int> asked{0};
};

const goro::SourceHooks kHooks{
    [](const void*) { return 0u; }, [](const void*) { return std::string(); },
    [](const void* ctx) {
      auto* in = static_cast<Interp*>(const_cast<void*>(ctx));
      in->asked++;
      return std::vector<goro::VarView>{{"main.worker", 0, "i", "int", std::to_string(in->value.load())}};
    }};

// Seen is what main read of the worker's snapshot after each value it received.
struct Seen {
  std::vector<std::string> values;
  std::vector<uint64_t> seqs;
};

// exchange() runs a worker (goroutine 2) that shows 3 values, each sent to main and held until
// main acknowledges it; main reads the worker's snapshot in between.
goro::Exit exchange(const goro::Config& cfg, goro::Control& control, Interp& in, Seen& seen) {
  goro::Tap tap;
  std::atomic<bool> over{false};
  std::thread drainer([&] {
    std::vector<goro::Event> evs;
    while (!over) {
      tap.drain(evs);
      evs.clear();
      std::this_thread::yield();
    }
  });
  goro::Exit e = goro::run(cfg, goro::Observer{&tap, &control}, [&] {
    auto ch = goro::make_chan<int>(0, "ch");
    auto ack = goro::make_chan<int>(0, "ack");
    goro::go("worker", [&, ch, ack] {
      goro::set_source_hooks(&kHooks, &in);
      for (int i = 1; i <= 3; i++) {
        in.value = i;
        ch.send(i);
        ack.recv();
      }
      goro::set_source_hooks(nullptr, nullptr);
    });
    for (int i = 1; i <= 3; i++) {
      ch.recv();
      goro::Control::VarSnapshot s = control.variables(2);
      seen.values.push_back(s.known && !s.vars.empty() ? s.vars[0].value : "none");
      seen.seqs.push_back(s.seq);
      ack.send(i);
    }
    goro::sleep(1ms);  // the worker ends
  });
  over = true;
  drainer.join();
  return e;
}

class VariablesWatch : public WithProcs {};

TEST_P(VariablesWatch, AWatchedGoroutinesSnapshotFollowsItsEvents) {
  goro::Control control;
  control.watch_variables(2);
  Interp in;
  Seen seen;
  goro::Exit e = exchange(config(), control, in, seen);
  ASSERT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
  EXPECT_EQ(seen.values, (std::vector<std::string>{"1", "2", "3"}));
  ASSERT_EQ(seen.seqs.size(), 3u);
  EXPECT_GT(seen.seqs[0], 0u);
  EXPECT_LT(seen.seqs[0], seen.seqs[1]);
  EXPECT_LT(seen.seqs[1], seen.seqs[2]);
  EXPECT_GT(in.asked.load(), 0);
  EXPECT_FALSE(control.variables(2).known) << "the worker ended";
}

TEST_P(VariablesWatch, NobodyWatchedNothingIsAsked) {
  goro::Control control;
  Interp in;
  Seen seen;
  ASSERT_EQ(exchange(config(), control, in, seen).status, goro::ExitStatus::Ok);
  EXPECT_EQ(in.asked.load(), 0);
  EXPECT_EQ(seen.values, (std::vector<std::string>{"none", "none", "none"}));
}

TEST_P(VariablesWatch, WatchingAnotherGoroutineAsksNothingOfThisOne) {
  goro::Control control;
  control.watch_variables(1);  // main has no hooks
  Interp in;
  Seen seen;
  ASSERT_EQ(exchange(config(), control, in, seen).status, goro::ExitStatus::Ok);
  EXPECT_EQ(in.asked.load(), 0);
  EXPECT_FALSE(control.variables(1).known);
  EXPECT_FALSE(control.variables(2).known) << "goroutine 2 is not the one watched";
}

GORO_INSTANTIATE_PROCS(VariablesWatch);

}  // namespace
