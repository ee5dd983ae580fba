// tests/app/source_transport_test.cpp: the transport (play, pause, step, seek) and the window's
// words of a live run and of a replay, driven through the Source interface alone, as the
// window drives them: a replay steps both ways over bookkeeping and seeks anywhere; a live run
// steps on its scheduler, cannot step back or seek, and says so.
#include <algorithm>
#include <chrono>
#include <thread>

#include "app_support.hpp"
#include "narration.hpp"
#include "replay.hpp"
#include "source.hpp"

namespace {

using goroscope::Source;

// timers() waits on time.After twice: each timer's bookkeeping (a runtime timer's start, sleep,
// wake and end) are events a student does not see, which Step folds into the next one.
const goroscope::Scenario& timers() {
  static const goroscope::Scenario s = goroscope::program_from_source("timers", "timers.go", R"(// timers
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	go func() {
		<-time.After(10 * time.Millisecond)
		done <- true
	}()
	<-done
	<-time.After(time.Millisecond)
	fmt.Println("done")
}
)");
  return s;
}

// shows_seen() tells whether the last event src shows is one a student sees.
bool shows_seen(const Source& src, const goro::visual::Model& m) {
  goro::EventLog ev = src.shown_events();
  return !ev.empty() && goro::visual::seen(m, ev.back(), src.strings());
}

// settle() updates a live source until it has more than `from` events and its step is over (the
// last is one a student sees and the scheduler has paused again after it, or the run ended),
// then a little more: it must stay there. (The step's event may be drained a moment before the
// scheduler marks itself paused.)
void settle(Source& src, size_t from) {
  for (int i = 0; i < 3000; i++) {
    src.update(0.016);
    if (src.position() > from && (!src.busy() || (shows_seen(src, src.model()) && !src.playing()))) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  src.update(0.016);
}

TEST(SourceTransport, AReplayStepsOverBookkeepingBothWaysAndSeeksAnywhere) {
  std::string path = ::testing::TempDir() + "source-transport-timers.gorec";
  run_session(timers(), 1, 1, path);
  goroscope::Replay r(path);
  r.wait_indexed();
  Source& src = r;
  ASSERT_TRUE(src.can_seek());
  EXPECT_EQ(src.position(), 0u);
  ASSERT_EQ(src.length(), r.recording().events.size());
  ASSERT_TRUE(src.final_model());
  const goro::visual::Model& all = *src.final_model();
  auto seen = [&](size_t n) { return goro::visual::seen(all, r.recording().events[n - 1], src.strings()); };

  // Forward: each step lands just after an event a student sees, passing over bookkeeping only.
  std::vector<size_t> forward{0};
  size_t folded = 0;
  while (src.position() < src.length()) {
    size_t from = src.position();
    ASSERT_TRUE(src.step(true));
    size_t at = src.position();
    ASSERT_GT(at, from);
    EXPECT_TRUE(seen(at) || at == src.length()) << at;
    for (size_t k = from + 1; k < at; k++) EXPECT_FALSE(seen(k)) << k;
    folded += at - from - 1;
    forward.push_back(at);
    EXPECT_EQ(src.shown_events().size(), at);
  }
  EXPECT_GT(folded, 0u) << "the timers' bookkeeping is folded into the steps";
  EXPECT_TRUE(src.step(true)) << "at the end a replay stays there";
  EXPECT_EQ(src.position(), src.length());
  // Back: the same moments, in reverse, to the start.
  std::vector<size_t> back{src.position()};
  while (src.position() > 0) {
    ASSERT_TRUE(src.step(false));
    back.push_back(src.position());
  }
  std::reverse(back.begin(), back.end());
  EXPECT_EQ(back, forward);

  // Seeking: to an event, past the end, to a time; a step or seek leaves it paused.
  src.play();
  src.seek(3);
  EXPECT_EQ(src.position(), 3u);
  EXPECT_EQ(src.cursor_seq(), r.recording().events[2].seq);
  EXPECT_TRUE(src.playing()) << "seek() neither starts nor stops playing";
  src.step(true);
  EXPECT_FALSE(src.playing()) << "a step stops playing";
  src.seek(src.length() + 10);
  EXPECT_EQ(src.position(), src.length());
  ASSERT_EQ(src.duration(), 10'000'000 + 1'000'000);
  EXPECT_EQ(src.time(), src.duration());
  src.seek_time(5'000'000);  // the goroutine waits on its timer then
  EXPECT_LE(src.time(), 5'000'000);
  EXPECT_LT(src.position(), src.length());
  EXPECT_GT(src.position(), 0u);

  // The clock: play() at the end starts again; speed; busy while playing.
  src.seek(src.length());
  src.set_speed(4);
  EXPECT_EQ(src.speed(), 4);
  src.play();
  EXPECT_EQ(src.position(), 0u);
  EXPECT_TRUE(src.playing());
  EXPECT_TRUE(src.busy());
  EXPECT_EQ(src.state(), "replaying");
  for (int i = 0; i < 1000 && src.playing(); i++) src.update(0.001);
  EXPECT_EQ(src.position(), src.length());
  EXPECT_FALSE(src.busy()) << "played to its end and indexed: nothing moves";
  EXPECT_EQ(src.state(), "replay paused");

  // The window's words.
  EXPECT_EQ(src.heading(), "Replay: ");
  EXPECT_FALSE(src.failed());
  EXPECT_EQ(src.empty_hint(), "The start of the recording: press Play, or step with Right.");
  EXPECT_EQ(src.empty_narration(), "(the start of the recording)");
  EXPECT_EQ(src.os_exit(), -1);
  EXPECT_FALSE(src.indexing()) << "indexed: the timeline is whole";
  EXPECT_EQ(src.program().name, "timers.go");
  EXPECT_EQ(src.caption(), "");
  r.add_bookmark(src.time(), "the end");
  EXPECT_EQ(src.caption(), "the end");
  std::remove(path.c_str());
}

TEST(SourceTransport, ALiveRunStepsOnItsSchedulerAndCannotSeek) {
  goroscope::RunSpec spec{&timers(), {}, {}};
  spec.config.clock = goro::ClockMode::Virtual;
  spec.lines = true;  // as the window runs it
  goroscope::Session s(spec, "", /*start_paused=*/true);
  Source& src = s;
  settle(src, 0);
  ASSERT_EQ(src.position(), 1u) << "started paused, it stops at its first event";
  EXPECT_FALSE(src.playing());
  EXPECT_EQ(src.state(), "paused");
  EXPECT_TRUE(src.busy()) << "a live run that has not ended";
  EXPECT_FALSE(src.can_seek());
  EXPECT_FALSE(src.step(false)) << "a live run cannot step back";
  src.seek(0);
  src.seek_time(0);
  src.update(0.016);
  EXPECT_EQ(src.position(), 1u) << "seeking does nothing to a live run";

  // Steps: each lets the scheduler go on to the next event a student sees, then waits again.
  size_t folded = 0;
  for (int step = 0; step < 200 && src.busy(); step++) {
    size_t from = src.position();
    ASSERT_TRUE(src.step(true));
    settle(src, from);
    if (!src.busy()) break;  // the run ended in this step
    ASSERT_GT(src.position(), from) << "step " << step;
    EXPECT_TRUE(shows_seen(src, src.model())) << "step " << step;
    EXPECT_FALSE(src.playing());
    folded += src.position() - from - 1;
  }
  EXPECT_GT(folded, 0u) << "the timers' bookkeeping is folded into the steps";
  EXPECT_FALSE(src.busy()) << "stepped to its end";
  EXPECT_EQ(src.state(), "exited");
  EXPECT_FALSE(src.failed());
  EXPECT_FALSE(src.step(true)) << "an ended run does not step (the window runs it again)";
  EXPECT_EQ(src.position(), src.length());
  EXPECT_EQ(src.time(), 11'000'000);
  EXPECT_EQ(src.duration(), src.time());
  EXPECT_EQ(src.os_exit(), -1) << "main returned: no os.Exit";
  EXPECT_EQ(src.heading(), "");
  EXPECT_EQ(src.empty_hint(), "Pick a program and press Run (R).");
  EXPECT_EQ(src.empty_narration(), "(nothing has happened yet)");
  EXPECT_FALSE(src.indexing());
  EXPECT_EQ(src.final_model(), nullptr);
  EXPECT_EQ(src.program().name, "timers.go");
}

TEST(SourceTransport, ALiveRunPlaysPausesAndSaysHowItEnded) {
  const goroscope::Scenario& dl = *goroscope::find_scenario("deadlock");
  goroscope::RunSpec spec{&dl, dl.defaults(), {}};
  spec.config.clock = goro::ClockMode::Real;
  goroscope::Session s(spec, "", /*start_paused=*/true);
  Source& src = s;
  settle(src, 0);
  EXPECT_FALSE(src.playing());
  src.set_speed(50);
  EXPECT_EQ(src.speed(), 50);
  src.play();
  EXPECT_TRUE(src.playing());
  for (int i = 0; i < 5000 && src.busy(); i++) {
    src.update(0.016);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_FALSE(src.busy());
  EXPECT_EQ(src.state(), "deadlocked");
  EXPECT_TRUE(src.failed());
}

}  // namespace
