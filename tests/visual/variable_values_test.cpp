// tests/visual/variable_values_test.cpp: a watched variable's values, from events alone (VarRead,
// VarWrite): the model keeps the value its box shows ("counter = 1"), tells a lost update (a
// write over another goroutine's write that its own goroutine never read, after reading an
// earlier value) from a blind overwrite and from a plain read-modify-write, and the narration
// says so, with the goroutine that declared the variable as its maker; a recording without
// values (before version 5) shows the name alone.
#include <gtest/gtest.h>

#include "goro/event.hpp"
#include "model.hpp"
#include "narration.hpp"

using goro::Event;
using goro::EventKind;
using goro::visual::Model;
using goro::visual::Variable;

namespace {

constexpr uint8_t kVar = static_cast<uint8_t>(goro::ObjKind::Var);

// Stream builds a hand-made event stream, applies each event and narrates it.
struct Stream {
  std::vector<std::string> strings{std::string()};
  Model m;
  uint64_t seq = 0;
  std::string said;  // the last event's sentence
  uint32_t text(const std::string& s) {
    strings.push_back(s);
    return static_cast<uint32_t>(strings.size() - 1);
  }
  Event add(EventKind k, uint64_t g, uint32_t obj = 0, int64_t arg = 0, uint8_t aux = 0, uint32_t txt = 0) {
    Event e{};
    e.seq = ++seq;
    e.kind = k;
    e.g = g;
    e.obj = obj;
    e.arg = arg;
    e.aux = aux;
    e.text = txt;
    m.apply(e, strings);
    said = goro::visual::narrate(m, e, strings, -1, true);
    return e;
  }
  void go(uint64_t g, uint64_t parent, const std::string& name) {
    add(EventKind::GoCreate, g, static_cast<uint32_t>(parent), 0, 0, text(name));
  }
  // read() and write() are VarRead and VarWrite of an integer value.
  void read(uint64_t g, uint32_t var, int64_t write_seen, int64_t v) {
    add_value(EventKind::VarRead, g, var, write_seen, v);
  }
  void write(uint64_t g, uint32_t var, int64_t write_read_last, int64_t v) {
    add_value(EventKind::VarWrite, g, var, write_read_last, v);
  }
  void add_value(EventKind k, uint64_t g, uint32_t var, int64_t arg, int64_t v) {
    Event e{};
    e.seq = ++seq;
    e.kind = k;
    e.g = g;
    e.obj = var;
    e.arg = arg;
    e.value = v;
    e.aux = goro::kValueIsInt;
    m.apply(e, strings);
    said = goro::visual::narrate(m, e, strings, -1, true);
    seen = goro::visual::seen(m, e, strings);
  }
  const Variable& var() const { return m.variables().at(0); }
  bool seen = false;
};

// data_race's start: main (1) declares counter; main.func1 (2) and main.func2 (3) each do
// counter++; the detector sees counter first when main.func1 reads it.
Stream data_race() {
  Stream s;
  s.go(1, 0, "main");
  s.go(2, 1, "main.func1");
  s.go(3, 1, "main.func2");
  s.add(EventKind::ObjMake, 2, 1, /*declared by*/ 1, kVar, s.text("counter"));
  return s;
}

}  // namespace

TEST(VariableValues, TheMakerIsWhoDeclaredIt) {
  Stream s = data_race();
  EXPECT_EQ(s.said, "main made variable counter; main.func1 is the first to use it");
  EXPECT_EQ(s.var().declared_by, 1u);
  Stream own;
  own.go(1, 0, "main");
  own.add(EventKind::ObjMake, 1, 1, 1, kVar, own.text("x"));
  EXPECT_EQ(own.said, "main made variable x");
  Stream unknown;  // a package variable, or a recording before version 5
  unknown.go(1, 0, "main");
  unknown.go(2, 1, "worker");
  unknown.add(EventKind::ObjMake, 2, 1, 0, kVar, unknown.text("total"));
  EXPECT_EQ(unknown.said, "the race detector starts watching variable total (worker uses it)");
}

TEST(VariableValues, TheInterleavedCounterPlusPlusLosesAnUpdate) {
  Stream s = data_race();
  EXPECT_EQ(goro::visual::variable_title("counter", s.var()), "counter") << "no value known yet";
  s.read(2, 1, 0, 0);
  EXPECT_EQ(s.said, "main.func1 reads counter: 0, as main made it");
  EXPECT_TRUE(s.seen) << "main declared it: main.func1 reads a value another goroutine made";
  s.read(3, 1, 0, 0);
  EXPECT_EQ(s.said, "main.func2 reads counter: 0, as main made it");
  s.write(2, 1, 0, 1);
  EXPECT_EQ(s.said, "main.func1 writes counter = 1");
  EXPECT_EQ(goro::visual::variable_title("counter", s.var()), "counter = 1");
  EXPECT_FALSE(s.var().last_write.lost_update);
  s.write(3, 1, 0, 1);  // it read write 0, but write 1 (main.func1's) came since
  EXPECT_EQ(s.said, "main.func2 writes counter = 1, overwriting main.func1's 1: an update is lost");
  EXPECT_TRUE(s.seen);
  EXPECT_TRUE(s.var().last_write.lost_update);
  EXPECT_EQ(s.var().lost_updates, 1u);
  EXPECT_EQ(s.var().value, "1");
  EXPECT_EQ(s.var().writes, 2u);
}

TEST(VariableValues, OneAfterTheOtherNothingIsLost) {
  Stream s = data_race();
  s.read(2, 1, 0, 0);
  s.write(2, 1, 0, 1);
  s.read(3, 1, 1, 1);
  EXPECT_EQ(s.said, "main.func2 reads counter: 1");
  s.write(3, 1, 1, 2);
  EXPECT_EQ(s.said, "main.func2 writes counter = 2");
  EXPECT_EQ(s.var().lost_updates, 0u);
  EXPECT_EQ(goro::visual::variable_title("counter", s.var()), "counter = 2");
}

TEST(VariableValues, ABlindOverwriteIsSaidButIsNoLostUpdate) {
  Stream s = data_race();
  s.write(2, 1, -1, 5);
  s.write(3, 1, -1, 7);  // main.func2 never read counter
  EXPECT_EQ(s.said, "main.func2 writes counter = 7, overwriting main.func1's 5, which it never read");
  EXPECT_TRUE(s.var().last_write.unseen);
  EXPECT_FALSE(s.var().last_write.lost_update);
  EXPECT_EQ(s.var().lost_updates, 0u);
}

TEST(VariableValues, TextValuesAndTheModelsDump) {
  Stream s = data_race();
  Event e{};
  e.seq = ++s.seq;
  e.kind = EventKind::VarWrite;
  e.g = 2;
  e.obj = 1;
  e.arg = -1;
  e.text = s.text("\"b\"");
  s.m.apply(e, s.strings);
  EXPECT_EQ(goro::visual::variable_title("counter", s.var()), "counter = \"b\"");
  EXPECT_NE(s.m.dump().find("variable counter = "), std::string::npos) << s.m.dump();
}
