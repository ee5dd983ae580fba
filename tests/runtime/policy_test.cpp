// tests/runtime/policy_test.cpp: which runnable goroutine runs next (goro/policy.hpp): the fair run
// queues, the seeded schedule, and a Policy of one's own, all at procs = 1.
#include "goro/policy.hpp"

#include <algorithm>
#include <set>

#include "support.hpp"

namespace {

// three_writers() starts three goroutines that each print their letter three times, yielding
// in between, so that every scheduling decision has a choice to make.
void three_writers() {
  goro::WaitGroup wg{"wg"};
  for (char c : {'a', 'b', 'c'}) {
    wg.add(1);
    goro::go(std::string(1, c), [c, &wg] {
      for (int i = 0; i < 3; i++) {
        goro::print(std::string(1, c));
        goro::yield();
      }
      wg.done();
    });
  }
  wg.wait();
}

std::string run_with(goro::Config cfg, goro::Policy* policy = nullptr) {
  goro::Observer o;
  o.policy = policy;
  goro::Exit e = goro::run(cfg, o, three_writers);
  EXPECT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
  return e.output;
}

// Recorder picks a fixed position (clamped) and remembers what it was offered.
struct Recorder : goro::Policy {
  size_t at;
  std::vector<std::vector<std::string>> offered;
  explicit Recorder(size_t at) : at(at) {}
  size_t pick(const std::vector<goro::RunnableG>& runnable) override {
    std::vector<std::string> names;
    for (const auto& g : runnable) names.push_back(g.name);
    offered.push_back(names);
    return std::min(at, runnable.size() - 1);
  }
};

size_t count(const std::string& s, char c) { return static_cast<size_t>(std::count(s.begin(), s.end(), c)); }

}  // namespace

TEST(Policy, FairIsGoRunQueueOrder) {
  // The newest goroutine runs next (runnext), the others in the order they were made; a
  // goroutine that yields goes to the back.
  EXPECT_EQ(run_with(goro::Config{}), "cabcabcab");
}

TEST(Policy, AskingForTheFirstIsTheFairOrder) {
  Recorder first(0);
  EXPECT_EQ(run_with(goro::Config{}, &first), run_with(goro::Config{}));
  ASSERT_FALSE(first.offered.empty());
  for (const auto& o : first.offered) EXPECT_GE(o.size(), 2u);  // asked only when there is a choice
}

TEST(Policy, OwnPolicyDecidesTheInterleaving) {
  Recorder last(99);  // past the end of every list: the last
  std::string out = run_with(goro::Config{}, &last);
  EXPECT_NE(out, run_with(goro::Config{}));
  for (char c : {'a', 'b', 'c'}) EXPECT_EQ(count(out, c), 3u) << out;
  // The first choice is among the three writers as the run queues hold them (main waits).
  ASSERT_FALSE(last.offered.empty());
  EXPECT_EQ(last.offered[0], (std::vector<std::string>{"c", "a", "b"}));
}

TEST(Policy, SeededScheduleIsReproducibleAndVaries) {
  goro::Config cfg;
  cfg.schedule = goro::Schedule::Seeded;
  std::set<std::string> outs;
  for (uint64_t seed = 1; seed <= 20; seed++) {
    cfg.seed = seed;
    std::string a = run_with(cfg), b = run_with(cfg);
    EXPECT_EQ(a, b) << "seed " << seed;
    for (char c : {'a', 'b', 'c'}) EXPECT_EQ(count(a, c), 3u) << a;
    outs.insert(a);
  }
  EXPECT_GE(outs.size(), 5u);  // 20 seeds, many interleavings
}

TEST(Policy, IgnoredAtSeveralProcs) {
  Recorder never(0);
  goro::Config cfg;
  cfg.procs = 2;
  std::string out = run_with(cfg, &never);
  EXPECT_EQ(out.size(), 9u);
  EXPECT_TRUE(never.offered.empty());
}
