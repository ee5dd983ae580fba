// tests/app/recording_values_test.cpp: format version 5's addition, the values of the variables
// the race detector watched (VarRead, VarWrite): a recording of data_race run with the detector
// carries them, and its replay shows counter's value and its race as the live run did, at the
// end and at every event; a version 4 file (written before values) still loads and shows names
// alone, and one that holds a value event is refused, with words that say so.
#include <gtest/gtest.h>

#include <fstream>

#include "app_support.hpp"
#include "gorec_forge.hpp"
#include "goro/record.hpp"
#include "model.hpp"
#include "replay.hpp"
#include "test_file.hpp"

using goro::Event;
using goro::EventKind;

namespace {

std::string tmp(const std::string& name) { return test_file("goroscope_values_", name); }

// record_data_race() runs data_race with the race detector, recording it; returns the live model.
goro::visual::Model record_data_race(const std::string& path) {
  const goroscope::Scenario& sc = *goroscope::find_scenario("data_race");
  goroscope::RunSpec spec{&sc, sc.defaults(), {}};
  spec.config.race = true;
  spec.config.race_values = true;
  spec.config.clock = goro::ClockMode::Virtual;
  goroscope::Session s(spec, path);
  while (!s.done() || !s.pump().empty()) s.pump();
  s.pump();
  return s.model();
}

std::string variables(const goro::visual::Model& m) {
  std::string s;
  for (const auto& v : m.variables())
    s += goro::visual::variable_title(v.name, v) + " lost " + std::to_string(v.lost_updates) + " races " +
         std::to_string(v.races.size()) + "\n";
  return s;
}

// forged() is a recording of the given version: main makes variable x and (with value) writes 1
// into it, else tells only its first write (VarAccess, as version 4 did).
std::string forged(uint32_t version, bool value = true) {
  std::vector<Event> v(4);
  v[0].kind = EventKind::GoCreate, v[0].g = 1, v[0].text = 1;
  v[1].kind = EventKind::GoStart, v[1].g = 1;
  v[2].kind = EventKind::ObjMake, v[2].g = 1, v[2].obj = 1,
  v[2].aux = static_cast<uint8_t>(goro::ObjKind::Var), v[2].text = 2;
  v[3].kind = EventKind::VarWrite, v[3].g = 1, v[3].obj = 1, v[3].arg = -1, v[3].value = 1,
  v[3].aux = goro::kValueIsInt;
  if (!value) v[3] = Event{}, v[3].kind = EventKind::VarAccess, v[3].g = 1, v[3].obj = 1, v[3].aux = 1;
  for (size_t i = 0; i < v.size(); i++) v[i].seq = i + 1;
  forge::File f(version, "scenario=crafted\n");
  f.block(forge::kStrings, forge::strings(1, {"main", "x"}));
  f.events(v, 512);
  f.block(forge::kEnd, forge::end(v.size()));
  return f.bytes();
}

std::string load_error(const std::string& bytes) {
  std::string p = tmp("forged.gorec");
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
  try {
    goro::load_recording(p);
  } catch (const goro::RecordingError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(RecordingValues, TheReplayShowsTheValuesTheLiveRunShowed) {
  std::string path = tmp("data_race.gorec");
  goro::visual::Model live = record_data_race(path);
  ASSERT_EQ(live.variables().size(), 1u);
  EXPECT_TRUE(live.variables()[0].value_known);
  goro::Recording rec = goro::load_recording(path);
  goroscope::Replay r(path);
  r.seek(rec.events.size());
  EXPECT_EQ(variables(r.model()), variables(live));
  EXPECT_EQ("counter: " + r.model().variables().at(0).value + "\n", r.model().output());
  // At every event, the replay's box says what applying the events from the start says.
  goro::visual::Model step;
  for (size_t i = 0; i < rec.events.size(); i++) {
    step.apply(rec.events[i], rec.strings);
    r.seek(i + 1);
    EXPECT_EQ(variables(r.model()), variables(step)) << "after event " << i + 1;
  }
}

TEST(RecordingValues, AVersion4FileLoadsWithoutValuesAndRefusesThem) {
  EXPECT_EQ(load_error(forged(5)), "");
  std::string err = load_error(forged(4));
  EXPECT_NE(err.find("event 4 (VarWrite) is of a kind that recordings before version 5 do not have"),
            std::string::npos)
      << err;
  // A version 4 recording of a variable, without values: its box shows the name alone.
  std::string p = tmp("v4.gorec");
  std::ofstream(p, std::ios::binary | std::ios::trunc) << forged(4, false);
  goroscope::Replay r(p);
  r.seek(4);
  ASSERT_EQ(r.model().variables().size(), 1u);
  EXPECT_EQ(goro::visual::variable_title("x", r.model().variables()[0]), "x");
  EXPECT_EQ(r.model().variables()[0].writers, std::vector<uint64_t>{1});
}
