// tests/runtime/wait_reason_test.cpp: the event contract's wait reasons: each one a real program parks
// for comes back from a recording as the same value, with Go's words for it.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "goro/goro.hpp"
#include "goro/record.hpp"
#include "goro/tap.hpp"

using namespace std::chrono_literals;

namespace {

// parks_everywhere() leaves one goroutine parked for each WaitReason, named after what it does;
// main sleeps until all of them are parked and returns (they leak, and are unwound).
void parks_everywhere() {
  // Shared, not main's locals: main returns while the goroutines still wait on them.
  auto mu = std::make_shared<goro::Mutex>("mu");
  auto rw = std::make_shared<goro::RWMutex>("rw");
  auto wg = std::make_shared<goro::WaitGroup>("wg");
  auto once = std::make_shared<goro::Once>("once");
  auto unbuffered = goro::make_chan<int>(0, "unbuffered");
  auto empty = goro::make_chan<int>(0, "empty");
  goro::Chan<int> nil;
  mu->lock();
  rw->lock();
  wg->add(1);
  goro::go("chan send", [unbuffered] { unbuffered.send(1); });
  goro::go("chan receive", [empty] { empty.recv(); });
  goro::go("chan send (nil chan)", [nil] { nil.send(1); });
  goro::go("chan receive (nil chan)", [nil] { nil.recv(); });
  goro::go("select", [empty] { goro::select(goro::on_recv(empty, [](int) {})); });
  goro::go("select (no cases)", [] { goro::select(); });
  goro::go("sync.Mutex.Lock", [mu] { mu->lock(); });
  goro::go("sync.RWMutex.Lock", [rw] { rw->lock(); });
  goro::go("sync.RWMutex.RLock", [rw] { rw->lock_shared(); });
  goro::go("sync.WaitGroup.Wait", [wg] { wg->wait(); });
  goro::go("sleep", [once] { once->call([] { goro::sleep(1h); }); });
  goro::go("sync.Once.Do", [once] {
    goro::sleep(1ms);  // the one above runs the function by now
    once->call([] {});
  });
  goro::sleep(1s);
}

}  // namespace

TEST(WaitReason, NamesAreKeyedByValueAndDistinct) {
  std::set<std::string> seen;
  for (uint8_t r = 0; r < static_cast<uint8_t>(goro::WaitReason::Count_); r++) {
    std::string text = goro::wait_reason_text(r);
    EXPECT_NE(text, "?") << int(r);
    EXPECT_TRUE(seen.insert(text).second) << "twice: " << text;
    EXPECT_EQ(text, goro::wait_reason_text(static_cast<goro::WaitReason>(r)));
  }
  EXPECT_STREQ(goro::wait_reason_text(goro::WaitReason::Sleep), "sleep");
  EXPECT_STREQ(goro::wait_reason_text(goro::WaitReason::ChanSend), "chan send");
  // A number from a damaged or newer recording is no reason at all.
  EXPECT_STREQ(goro::wait_reason_text(static_cast<uint8_t>(goro::WaitReason::Count_)), "?");
  EXPECT_STREQ(goro::wait_reason_text(uint8_t{0x7f}), "?");
}

TEST(WaitReason, EveryReasonRoundTripsThroughARecording) {
  goro::Tap tap;
  goro::Config cfg;  // procs 1, virtual clock: every goroutine parks before main wakes
  goro::Exit exit = goro::run(cfg, goro::Observer{&tap, nullptr}, parks_everywhere);
  ASSERT_EQ(exit.status, goro::ExitStatus::Ok) << exit.message;
  std::vector<goro::Event> events;
  tap.drain(events);
  std::vector<std::string> strings{std::string()};
  tap.strings(1, strings);

  std::string path = ::testing::TempDir() + "goroscope_wait_reasons.gorec";
  {
    goro::RecordingWriter w(path, {{"scenario", "wait_reasons"}});
    w.add(events, strings);
    w.finish(strings);
  }
  goro::Recording r = goro::load_recording(path);
  ASSERT_EQ(r.events.size(), events.size());

  // Each goroutine is named after Go's words for the reason it parks for.
  std::map<uint64_t, std::string> names;
  std::map<std::string, uint8_t> parked;  // name -> the reason of its last park
  for (size_t i = 0; i < r.events.size(); i++) {
    const goro::Event& e = r.events[i];
    if (e.kind == goro::EventKind::GoCreate) names[e.g] = r.strings.at(e.text);
    if (e.kind != goro::EventKind::GoPark) continue;
    uint8_t reason = e.aux & static_cast<uint8_t>(~goro::kValueIsInt);
    EXPECT_EQ(e.aux, events[i].aux);
    if (names[e.g] != "main") parked[names[e.g]] = reason;
  }
  std::set<uint8_t> reasons;
  for (const auto& [name, reason] : parked) {
    EXPECT_EQ(name, goro::wait_reason_text(reason));
    reasons.insert(reason);
  }
  for (uint8_t w = 1; w < static_cast<uint8_t>(goro::WaitReason::Count_); w++)
    EXPECT_TRUE(reasons.count(w)) << "no goroutine parked for " << goro::wait_reason_text(w);
  EXPECT_FALSE(reasons.count(static_cast<uint8_t>(goro::WaitReason::None)));
}
