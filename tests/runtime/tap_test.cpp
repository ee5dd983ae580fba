// tests/runtime/tap_test.cpp: the event tap: ordering, completeness, every kind, names and values.
#include "goro/tap.hpp"

#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "goro/event_check.hpp"
#include "support.hpp"

namespace {

struct Traced {
  goro::Exit exit;
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
};

Traced trace(int procs, std::function<void()> fn) {
  goro::Tap tap;
  goro::Config cfg;
  cfg.procs = procs;
  Traced t;
  t.exit = goro::run(cfg, goro::Observer{&tap, nullptr}, std::move(fn));
  tap.drain(t.events);
  tap.strings(1, t.strings);
  EXPECT_TRUE(tap.finished());
  return t;
}

// A program that does a little of everything: every event kind shows up.
void everything() {
  auto jobs = goro::make_chan<int>(2, "jobs");
  auto done = goro::make_chan<std::string>(0, "done");
  goro::WaitGroup wg{"wg"};
  goro::Mutex mu{"mu"};
  goro::RWMutex rw{"rw"};
  goro::Once once{"once"};
  mu.lock();  // held until main has slept: the worker contends for it
  wg.add(1);
  jobs.send(1);  // into the buffer, before the worker exists (procs > 1 could start it at once)
  jobs.send(2);
  goro::go("worker", [=, &wg, &mu, &rw, &once] {
    for (int j : jobs) (void)j;
    mu.lock();
    mu.unlock();
    once.call([] {});
    rw.lock_shared();
    rw.unlock_shared();
    goro::sleep(2ms);  // main is waiting in select by now
    done.send("bye");
    goro::sleep(1ms);  // and then in wg.wait()
    wg.done();
  });
  jobs.send(3);
  jobs.close();
  goro::sleep(1ms);
  mu.unlock();
  goro::select(goro::on_recv(done, [](std::string) {}));
  wg.wait();
  goro::yield();
  goro::print("out\n");
  goro::go([done] { done.recv(); });  // nobody sends again: leaked, whatever the procs
}

}  // namespace

class TapTest : public WithProcs {};
GORO_INSTANTIATE_PROCS(TapTest);

TEST_P(TapTest, SequenceIsGaplessAndEndsWithExit) {
  Traced t = trace(GetParam(), everything);
  ASSERT_FALSE(t.events.empty());
  for (size_t i = 0; i < t.events.size(); i++) ASSERT_EQ(t.events[i].seq, i + 1);
  EXPECT_EQ(t.events.back().kind, goro::EventKind::Exit);
  EXPECT_EQ(t.events.back().arg, 1);  // the last goroutine is left behind: leaked
}

TEST_P(TapTest, EveryGoroutineParksBeforeItIsReadiedAndStartsAfter) {
  Traced t = trace(GetParam(), everything);
  std::map<uint64_t, std::string> last;  // goroutine -> its last lifecycle event
  for (const goro::Event& e : t.events) {
    switch (e.kind) {
      case goro::EventKind::GoCreate:
        last[e.g] = "create";
        break;
      case goro::EventKind::GoPark:
        last[e.g] = "park";
        break;
      case goro::EventKind::GoReady:
        EXPECT_EQ(last[e.g], "park") << "seq " << e.seq;
        last[e.g] = "ready";
        break;
      case goro::EventKind::GoStart:
        EXPECT_TRUE(last[e.g] == "create" || last[e.g] == "ready" || last[e.g] == "yield")
            << "seq " << e.seq << " " << last[e.g];
        last[e.g] = "start";
        break;
      case goro::EventKind::GoYield:
        last[e.g] = "yield";
        break;
      case goro::EventKind::GoEnd:
        last[e.g] = "end";
        break;
      default:
        break;
    }
  }
}

TEST_P(TapTest, EmitsEveryKindWithNamesAndValues) {
  Traced t = trace(GetParam(), everything);
  std::set<goro::EventKind> kinds;
  std::set<std::string> names;
  std::vector<int64_t> sent;
  for (const goro::Event& e : t.events) {
    kinds.insert(e.kind);
    if (e.kind == goro::EventKind::ObjMake) names.insert(t.strings[e.text]);
    // Into the buffer, or straight to the worker if it already waits (procs > 1: it may).
    if ((e.kind == goro::EventKind::ChanSend || e.kind == goro::EventKind::ChanHandoff) &&
        (e.aux & goro::kValueIsInt))
      sent.push_back(e.value);
    if (e.kind == goro::EventKind::ChanHandoff && !(e.aux & goro::kValueIsInt)) {
      EXPECT_EQ(t.strings[e.text], "bye");
    }
  }
  for (auto k : {goro::EventKind::GoCreate,    goro::EventKind::GoStart,     goro::EventKind::GoPark,
                 goro::EventKind::GoReady,     goro::EventKind::GoYield,     goro::EventKind::GoEnd,
                 goro::EventKind::ObjMake,     goro::EventKind::ChanSend,    goro::EventKind::ChanRecv,
                 goro::EventKind::ChanHandoff, goro::EventKind::ChanClose,   goro::EventKind::SelectWait,
                 goro::EventKind::WgAdd,       goro::EventKind::WgWait,      goro::EventKind::WgRelease,
                 goro::EventKind::MutexLock,   goro::EventKind::MutexUnlock, goro::EventKind::MutexContended,
                 goro::EventKind::OnceRun,     goro::EventKind::Sleep,       goro::EventKind::TimerFire,
                 goro::EventKind::Output,      goro::EventKind::Exit})
    EXPECT_TRUE(kinds.count(k)) << goro::event_kind_name(k);
  EXPECT_EQ(names, (std::set<std::string>{"jobs", "done", "wg", "mu", "rw", "once"}));
  EXPECT_EQ(sent, (std::vector<int64_t>{1, 2, 3}));
}

TEST_P(TapTest, PanicAndDeadlockAreEvents) {
  Traced p = trace(GetParam(), [] { goro::panic("boom"); });
  bool saw = false;
  for (const auto& e : p.events) {
    if (e.kind == goro::EventKind::Panic) saw = p.strings[e.text].rfind("panic: boom", 0) == 0;
  }
  EXPECT_TRUE(saw);
  Traced d = trace(GetParam(), [] { goro::make_chan<int>(0, "ch").send(1); });
  saw = false;
  for (const auto& e : d.events)
    if (e.kind == goro::EventKind::Deadlock)
      saw = d.strings[e.text].rfind("fatal error: all goroutines are asleep", 0) == 0;
  EXPECT_TRUE(saw);
  EXPECT_EQ(static_cast<goro::ExitStatus>(d.events.back().aux), goro::ExitStatus::Deadlock);
}

TEST(TapDeterminism, SameSeedSameEvents) {
  auto a = trace(1, everything), b = trace(1, everything);
  ASSERT_EQ(a.events.size(), b.events.size());
  EXPECT_EQ(0, std::memcmp(a.events.data(), b.events.data(), a.events.size() * sizeof(goro::Event)));
  EXPECT_EQ(a.strings, b.strings);
}

// Variables the race detector announces at their first access, from whichever goroutine comes
// first: another P may name the object at once, and its event must still come after the
// object's ObjMake in seq order (a reader drops, or refuses, an event about an unknown object).
TEST(TapOrder, AnObjectIsMadeBeforeAnyEventAboutItWhenGoroutinesMeetItTogether) {
  constexpr int kVars = 300, kWorkers = 8;
  for (int round = 0; round < 10; round++) {
    goro::Tap tap;
    goro::Config cfg;
    cfg.procs = 4;
    cfg.race = true;
    Traced t;
    t.exit = goro::run(cfg, goro::Observer{&tap, nullptr}, [] {
      auto vars = std::make_shared<std::vector<std::unique_ptr<goro::Shared<int>>>>();
      for (int i = 0; i < kVars; i++) vars->push_back(std::make_unique<goro::Shared<int>>(0, "v"));
      goro::WaitGroup wg;
      wg.add(kWorkers);
      for (int w = 0; w < kWorkers; w++)
        goro::go([vars, &wg, w] {
          for (int i = 0; i < kVars; i++) (*vars)[static_cast<size_t>(i)]->store(w);
          wg.done();
        });
      wg.wait();
    });
    tap.drain(t.events);
    tap.strings(1, t.strings);
    ASSERT_TRUE(tap.finished());
    goro::EventCheck check(t.strings.size());
    for (const goro::Event& e : t.events)
      ASSERT_TRUE(check.check(e)) << "round " << round << ", seq " << e.seq << ": " << check.problem();
    EXPECT_FALSE(t.exit.races.empty());
  }
}

// A goroutine that computes without ever switching (an interpreter's long loop) shows what it has
// done at its preemption points: what it printed reaches the consumer while it still runs.
// Unpublished, the print would be seen only when main ends, after its loop gave up (10 s, a bound
// only a broken build reaches), and main would print "held".
TEST(Tap, ComputingGoroutinePublishesAtPreemptionPoints) {
  goro::Tap tap;
  std::atomic<bool> seen{false};
  goro::Exit exit;
  std::thread program([&] {
    exit = goro::run(goro::Config{}, goro::Observer{&tap, nullptr}, [&seen] {
      goro::print("computing\n");
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (!seen.load() && std::chrono::steady_clock::now() < give_up) goro::preempt_point();
      goro::print(seen.load() ? "seen\n" : "held\n");
    });
  });
  std::vector<goro::Event> events;
  while (!seen.load() && !tap.finished()) {
    tap.drain(events);
    for (const goro::Event& e : events) seen = seen.load() || e.kind == goro::EventKind::Output;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  program.join();
  EXPECT_EQ(exit.status, goro::ExitStatus::Ok) << exit.message;
  EXPECT_EQ(exit.output, "computing\nseen\n");
}
