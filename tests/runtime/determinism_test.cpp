// tests/runtime/determinism_test.cpp: with procs = 1 and the virtual clock, a seed fixes the
// interleaving and the output; different seeds explore different interleavings.
#include <set>

#include "support.hpp"

namespace {

// A program whose output depends on select's random choices and on scheduling order.
std::string chatty(uint64_t seed) {
  goro::Config cfg;
  cfg.seed = seed;
  goro::Exit e = goro::run(cfg, [] {
    auto a = goro::make_chan<int>(2, "a");
    auto b = goro::make_chan<int>(2, "b");
    goro::WaitGroup wg;
    for (int p = 0; p < 4; p++) {
      wg.add(1);
      goro::go([=, &wg] {
        for (int i = 0; i < 20; i++) {
          goro::select(goro::on_send(a, p * 100 + i, [] {}), goro::on_send(b, p * 100 + i, [] {}));
          if (i % 3 == 0) goro::yield();
        }
        wg.done();
      });
    }
    goro::go([=, &wg] {
      wg.wait();
      a.close();
      b.close();
    });
    bool a_open = true, b_open = true;
    while (a_open || b_open) {
      goro::select(goro::on_recv(a,
                                 [&](int v, bool ok) {
                                   ok ? goro::println("a", v) : void(a_open = false),
                                       a = ok ? a : goro::Chan<int>();
                                 }),
                   goro::on_recv(b, [&](int v, bool ok) {
                     ok ? goro::println("b", v) : void(b_open = false), b = ok ? b : goro::Chan<int>();
                   }));
    }
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
  return e.output;
}

}  // namespace

TEST(Determinism, SameSeedSameOutput) {
  for (uint64_t seed : {1, 2, 99}) {
    std::string first = chatty(seed);
    EXPECT_EQ(first.size() > 0, true);
    for (int i = 0; i < 5; i++) EXPECT_EQ(chatty(seed), first) << "seed " << seed;
  }
}

TEST(Determinism, DifferentSeedsGiveDifferentInterleavings) {
  std::set<std::string> outputs;
  for (uint64_t seed = 1; seed <= 10; seed++) outputs.insert(chatty(seed));
  EXPECT_GE(outputs.size(), 5u);
}
