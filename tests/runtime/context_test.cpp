// tests/runtime/context_test.cpp: cancellation, deadlines and their propagation down the tree.
#include "support.hpp"

class ContextTest : public WithProcs {};
GORO_INSTANTIATE_PROCS(ContextTest);

TEST_P(ContextTest, BackgroundIsNeverDone) {
  run_ok([] {
    goro::Context bg = goro::background();
    EXPECT_TRUE(bg.done().nil());
    EXPECT_EQ(bg.err(), "");
    EXPECT_EQ(bg.deadline(), -1);
  });
}

TEST_P(ContextTest, CancelClosesDoneAndSetsErr) {
  run_ok([] {
    auto [ctx, cancel] = goro::with_cancel(goro::background());
    EXPECT_EQ(ctx.err(), "");
    goro::go([cancel = cancel] {
      goro::sleep(1ms);
      cancel();
    });
    ctx.done().recv();
    EXPECT_EQ(ctx.err(), "context canceled");
    cancel();  // again: nothing changes
    EXPECT_EQ(ctx.err(), "context canceled");
  });
}

TEST_P(ContextTest, TimeoutFiresAtTheDeadline) {
  run_ok([] {
    auto [ctx, cancel] = goro::with_timeout(goro::background(), 2s);
    EXPECT_EQ(ctx.deadline(), 2'000'000'000);
    ctx.done().recv();
    EXPECT_EQ(goro::now(), 2'000'000'000);
    EXPECT_EQ(ctx.err(), "context deadline exceeded");
    cancel();
    EXPECT_EQ(ctx.err(), "context deadline exceeded");
  });
}

TEST_P(ContextTest, DoneWorksInSelect) {
  std::string out = run_ok([] {
    auto [ctx, cancel] = goro::with_timeout(goro::background(), 1200ms);
    for (int i = 0; i < 10; i++) {
      bool stop = false;
      goro::select(goro::on_recv(ctx.done(), [&] { stop = true; }), goro::on_default([] {}));
      if (stop) {
        goro::println("cancelled at", i);
        break;
      }
      goro::sleep(500ms);
    }
    cancel();
  });
  EXPECT_EQ(out, "cancelled at 3\n");
}

TEST_P(ContextTest, CancellingAParentCancelsItsChildren) {
  run_ok([] {
    auto [parent, cancel_parent] = goro::with_cancel(goro::background());
    auto [child, cancel_child] = goro::with_timeout(parent, 1h);
    auto [grandchild, cancel_gc] = goro::with_cancel(child);
    cancel_parent();
    grandchild.done().recv();
    EXPECT_EQ(child.err(), "context canceled");
    EXPECT_EQ(grandchild.err(), "context canceled");
    EXPECT_LT(goro::now(), 1'000'000'000);  // the hour-long timer was stopped, never waited for
    cancel_child();
    cancel_gc();
  });
}

TEST_P(ContextTest, ChildOfCancelledParentStartsCancelled) {
  run_ok([] {
    auto [parent, cancel] = goro::with_cancel(goro::background());
    cancel();
    auto [child, cancel_child] = goro::with_cancel(parent);
    EXPECT_EQ(child.err(), "context canceled");
    auto [late, cancel_late] = goro::with_deadline(goro::background(), 0);
    EXPECT_EQ(late.err(), "context deadline exceeded");
    cancel_child();
    cancel_late();
  });
}

TEST_P(ContextTest, ParentDeadlineWinsOverALaterOne) {
  run_ok([] {
    auto [parent, c1] = goro::with_timeout(goro::background(), 1s);
    auto [child, c2] = goro::with_timeout(parent, 5s);
    EXPECT_EQ(child.deadline(), 1'000'000'000);
    child.done().recv();
    EXPECT_EQ(goro::now(), 1'000'000'000);
    EXPECT_EQ(child.err(), "context deadline exceeded");
    c1();
    c2();
  });
}

TEST_P(ContextTest, UncancelledTimerDoesNotOutliveTheProgram) {
  // main returns with a live 1-hour timer: the program must end at once, and nothing leaks.
  goro::Exit e = goro::run(config(), [] {
    auto [ctx, cancel] = goro::with_timeout(goro::background(), 1h);
    (void)ctx;
    (void)cancel;
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok);
  EXPECT_EQ(e.end_time, 0);
}
