// tests/lang/race_values_test.cpp: a tapped run with the race detector tells the app the values
// of the variables it watches (goro/event.hpp's VarRead and VarWrite): every write's value, also
// a second write in the same epoch (which the detector's memo would skip), each read of a value
// its goroutine had not seen, strings quoted as Go writes them, and who declared the variable
// (a closure's captured variable: the goroutine that started it; a package variable: nobody);
// none of it without Config::race_values.
#include <gtest/gtest.h>

#include "support.hpp"

namespace {

const char* kProgram = R"(package main

import "fmt"

var total int

func main() {
	counter := 0
	name := "a"
	done := make(chan bool)
	go func() {
		counter++
		counter++
		name = "b"
		total = 7
		done <- true
	}()
	<-done
	counter = 10
	fmt.Println(counter, name, total)
}
)";

struct Traced {
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
  // var() is the id of the variable the detector named `name` (0: none).
  uint64_t var(const std::string& name) const {
    for (const goro::Event& e : events)
      if (e.kind == goro::EventKind::ObjMake && e.aux == static_cast<uint8_t>(goro::ObjKind::Var) &&
          strings.at(e.text) == name)
        return e.obj;
    return 0;
  }
  const goro::Event* made(uint64_t obj) const {
    for (const goro::Event& e : events)
      if (e.kind == goro::EventKind::ObjMake && e.obj == obj) return &e;
    return nullptr;
  }
  // values() is the values of one kind of event on obj, as "g:arg:value".
  std::vector<std::string> values(uint64_t obj, goro::EventKind kind) const {
    std::vector<std::string> out;
    for (const goro::Event& e : events)
      if (e.kind == kind && e.obj == obj)
        out.push_back(std::to_string(e.g) + ":" + std::to_string(e.arg) + ":" +
                      ((e.aux & goro::kValueIsInt) ? std::to_string(e.value) : strings.at(e.text)));
    return out;
  }
};

Traced trace(int procs, bool values = true) {
  goroscope::lang::CompileOptions opt;
  opt.race = true;
  auto c = goroscope::lang::compile(kProgram, "prog.go", opt);
  EXPECT_TRUE(c.program) << langtest::join(c.errors);
  goro::Tap tap;
  goro::Config cfg;
  cfg.procs = procs;
  cfg.race = true;
  cfg.race_values = values;
  Traced t;
  goro::Observer observer{&tap, nullptr};
  int code = 0;
  goroscope::lang::run(*c.program, cfg, &observer, &code);
  EXPECT_EQ(code, 0);
  tap.drain(t.events);
  tap.strings(1, t.strings);
  return t;
}

class RaceValues : public ::testing::TestWithParam<int> {};

TEST_P(RaceValues, EveryWriteAndEachNewReadCarriesItsValue) {
  Traced t = trace(GetParam());
  const uint64_t counter = t.var("counter");
  ASSERT_NE(counter, 0u);
  // main.func1 (goroutine 2) reads 0 (no write yet), writes 1 (it read write 0), writes 2 (it
  // knows its own write 1); main then writes 10 without ever reading counter.
  EXPECT_EQ(t.values(counter, goro::EventKind::VarWrite),
            (std::vector<std::string>{"2:0:1", "2:1:2", "1:-1:10"}));
  EXPECT_EQ(t.values(counter, goro::EventKind::VarRead), (std::vector<std::string>{"2:0:0"}))
      << "a goroutine reading its own write sees nothing new";
  EXPECT_EQ(t.values(t.var("name"), goro::EventKind::VarWrite), (std::vector<std::string>{"2:-1:\"b\""}));
  EXPECT_EQ(t.values(t.var("total"), goro::EventKind::VarWrite),
            (std::vector<std::string>{"1:-1:0", "2:-1:7"}))
      << "main initialises the package's variables, before main.main";
}

TEST_P(RaceValues, TheVariableIsMadeByWhoDeclaredIt) {
  Traced t = trace(GetParam());
  const goro::Event* counter = t.made(t.var("counter"));
  ASSERT_TRUE(counter);
  EXPECT_EQ(counter->g, 2u) << "the detector sees it first in main.func1";
  EXPECT_EQ(counter->arg, 1) << "main declared it";
  const goro::Event* total = t.made(t.var("total"));
  ASSERT_TRUE(total);
  EXPECT_EQ(total->arg, 0) << "a package variable: no goroutine declared it";
}

INSTANTIATE_TEST_SUITE_P(Procs, RaceValues, ::testing::Values(1, 2));

// A run that only reports races (Config::race_values off, as `goroscope run --race`) tells no
// values: the detector hears only what FastTrack needs, at its usual cost.
TEST(RaceValuesOff, NoValuesAreTold) {
  Traced t = trace(1, false);
  const uint64_t counter = t.var("counter");
  ASSERT_NE(counter, 0u);
  EXPECT_TRUE(t.values(counter, goro::EventKind::VarWrite).empty());
  EXPECT_TRUE(t.values(counter, goro::EventKind::VarRead).empty());
}

}  // namespace
