// tests/lang/fuzz_test.cpp: a Go program is untrusted input. Mutants of real Go programs (the
// ones in tests/lang/programs, tests/lang/errors and assets/programs) go through the whole front
// end (compile, as `goroscope vet` does) and, when they compile, run for a moment: whatever the
// source holds, Goroscope must answer with errors in gc's form or a run that ends, never a crash
// or a sanitizer report (the asan leg runs this file under ASan+UBSan), never an endless compile.
//
// The mutations know Go's tokens: delete, duplicate, swap or insert tokens, swap one name for
// another, nest deeply (parentheses, blocks, types, selectors, binary chains, composite
// literals), huge literals, invalid UTF-8, a file cut short, and declarations known to be hostile
// (types that contain themselves, initialization cycles). Each mutant is made from one seed
// number, so a failure names the number that repeats it.
//
// Which mutants run: those that compile, whose loops are all range loops (no goto either) and
// that were not given a huge literal. A goroutine that computes in a loop never reaches a point
// where goro::Control::stop() could end it (the VM does not preempt it), so a mutant that may
// spin is compiled and checked but not run; a `make` of 1<<62 elements is the VM's to bound.
// The others run compiled with line marks and are stopped after a short wall-clock budget
// (goro::Control::stop() with a breakpoint on every line).
//
// GOROSCOPE_FUZZ_INPUTS=N runs N mutants (default 1,500); GOROSCOPE_FUZZ_SEED=S starts at seed S;
// GOROSCOPE_FUZZ_VERBOSE=1 prints each mutant's number before it is tried;
// GOROSCOPE_FUZZ_WRITE=FILE writes each mutant to FILE before it is tried (after a crash, FILE
// holds the program that crashed).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "goro/tap.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> seeds() {
  std::vector<fs::path> files;
  for (const std::string& dir :
       {std::string(LANG_TEST_DIR) + "/programs", std::string(LANG_TEST_DIR) + "/errors",
        std::string(ASSETS_DIR) + "/programs"})
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".go") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(langtest::read_file(f.string()));
  return out;
}

// tokens() splits Go source into tokens that join back into it: names and numbers, quoted
// literals, comments, runs of white space, and single punctuation bytes.
std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  auto word = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c >= 0x80; };
  while (i < s.size()) {
    size_t j = i + 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\'' || c == '`') {
      while (j < s.size() && s[j] != static_cast<char>(c) && (c == '`' || s[j] != '\n'))
        j += s[j] == '\\' && c != '`' ? 2 : 1;
      j = std::min(j + 1, s.size());
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (j < s.size() && s[j] != '\n') j++;
    } else if (std::isspace(c)) {
      while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) j++;
    } else if (word(c) && c != '.') {
      while (j < s.size() && word(static_cast<unsigned char>(s[j]))) j++;
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is_space(const std::string& t) { return !t.empty() && std::isspace(static_cast<unsigned char>(t[0])); }
bool is_name(const std::string& t) {
  return !t.empty() && (std::isalpha(static_cast<unsigned char>(t[0])) || t[0] == '_');
}
bool is_number(const std::string& t) { return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0])); }

const char* const kHostile[] = {
    "\ntype T1 [2]T1\n",
    "\ntype S1 struct{ S1 }\n",
    "\ntype I1 interface{ I1 }\n",
    "\ntype M1 map[M1]int\n",
    "\ntype A1 = []A1\n",
    "\ntype P1 struct{ q Q1 }\ntype Q1 struct{ p [1]P1 }\n",
    "\ntype L1 [len(L1{})]int\n",
    "\nvar v1 = f1()\n\nfunc f1() int { return v1 }\n",
    "\nvar w1, w2 = w2, w1\n",
    "\nvar big1 = [1 << 62]int{}\n",
    "\nvar big2 = []int{1 << 40: 1}\n",
    "\nvar big3 = [...]int{1<<62 + 1<<62: 1}\n",
    "\nconst c1 = 1 << 1000000\n",
    "\nconst c2 = c3\nconst c3 = c2\n",
    "\nfunc (d time.Duration) M1() {}\n",
    "\nfunc (int) M2() {}\n",
    "\nfunc g1(s []int) []int { return s[3:1] }\n",
    "\nfunc g2() {\nL:\n\tfor {\n\t\tselect {\n\t\tdefault:\n\t\t\tbreak L\n\t\t}\n\t}\n}\n",
    "\nvar x1 = 9223372036854775807 + 1\n",
    "\nvar x2 = -9223372036854775808 / -1\n",
    "\nvar x3 int8 = -128 % -1\n",
    "\nvar x4 = 1.7976931348623157e308 * 10\n",
    "\nvar x5 = \"\xff\xfe\" + string(rune(-1))\n",
    "\nvar x6 = 07777777777777777777777777777\n",
};

// Mutant is one mutated program and whether it may run (see the file's comment).
struct Mutant {
  std::string src;
  bool runnable = true;
};

Mutant mutate(const std::vector<std::string>& corpus, uint64_t n) {
  std::mt19937_64 rng(n * 0x9E3779B97F4A7C15ull + 1);
  auto pick = [&](size_t k) { return static_cast<size_t>(rng() % std::max<size_t>(k, 1)); };
  Mutant m;
  std::vector<std::string> t = tokens(corpus[pick(corpus.size())]);
  auto some = [&](auto pred) -> size_t {  // a token satisfying pred, or t.size()
    for (int tries = 0; tries < 64 && !t.empty(); tries++) {
      size_t i = pick(t.size());
      if (pred(t[i])) return i;
    }
    return t.size();
  };
  auto solid = [](const std::string& x) { return !is_space(x); };
  int rounds = pick(2) ? 1 : 1 + static_cast<int>(pick(3));  // one mutation leaves more programs valid
  for (int r = 0; r < rounds && !t.empty(); r++) {
    switch (pick(13)) {
      case 0: {  // delete a token
        size_t i = some(solid);
        if (i < t.size()) t.erase(t.begin() + static_cast<long>(i));
        break;
      }
      case 1: {  // duplicate a token
        size_t i = some(solid);
        if (i < t.size()) t.insert(t.begin() + static_cast<long>(i), t[i]);
        break;
      }
      case 2: {  // swap two tokens
        size_t i = some(solid), j = some(solid);
        if (i < t.size() && j < t.size()) std::swap(t[i], t[j]);
        break;
      }
      case 3: {  // a token from elsewhere in the file, put somewhere else
        size_t i = some(solid), j = pick(t.size());
        if (i < t.size()) t.insert(t.begin() + static_cast<long>(j), " " + t[i] + " ");
        break;
      }
      case 4: {  // one name for another
        size_t i = some(is_name), j = some(is_name);
        if (i < t.size() && j < t.size()) t[i] = t[j];
        break;
      }
      case 5: {  // deep nesting around an operand, or of blocks, types, selectors, chains
        size_t i = some([](const std::string& x) { return is_name(x) || is_number(x); });
        if (i == t.size()) break;
        size_t depth = 1 + pick(pick(2) ? 40 : 3000);
        std::string open, close;
        switch (pick(6)) {
          case 0:
            open = std::string(depth, '('), close = std::string(depth, ')');
            break;
          case 1:
            for (size_t k = 0; k < depth; k++) close += "+" + t[i];
            break;
          case 2:
            for (size_t k = 0; k < depth; k++) close += ".f";
            break;
          case 3:
            for (size_t k = 0; k < depth; k++) open += "[]";
            break;
          case 4:
            open = "func() {" + std::string(depth, '{'), close = std::string(depth, '}') + "}; ";
            break;
          default:
            for (size_t k = 0; k < depth; k++) open += "-";
            break;
        }
        t[i] = open + t[i] + close;
        break;
      }
      case 6: {  // a huge literal
        const char* const huge[] = {"1<<62",
                                    "99999999999999999999999999999999999999999",
                                    "1e400",
                                    "0xffffffffffffffffffffffffffffffff",
                                    "9223372036854775807",
                                    "-9223372036854775808",
                                    "1<<63 - 1",
                                    "0.0000000000000000000000000000000001"};
        size_t i = some(is_number);
        if (i < t.size()) t[i] = huge[pick(std::size(huge))], m.runnable = false;
        break;
      }
      case 7: {  // a long string literal or name
        size_t i = some([](const std::string& x) { return x.size() > 1 && x[0] == '"'; });
        if (i < t.size()) t[i] = "\"" + std::string(1 + pick(200000), 'x') + "\"";
        break;
      }
      case 8: {  // invalid UTF-8 (in a literal, a name, or between tokens)
        const char* const bad[] = {"\xff",     "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                   "\xe2\x82", "\x00"};
        size_t i = pick(t.size());
        std::string b = bad[pick(std::size(bad))];
        if (b.empty()) b = std::string(1, '\0');
        t[i].insert(pick(t[i].size() + 1), b);
        break;
      }
      case 9: {  // the file cut short
        t.resize(pick(t.size() + 1));
        break;
      }
      case 10: {  // a hostile declaration at the end
        t.push_back(kHostile[pick(std::size(kHostile))]);
        break;
      }
      case 11: {  // a run of tokens repeated
        size_t i = pick(t.size()), len = 1 + pick(12);
        len = std::min(len, t.size() - i);
        std::vector<std::string> run(t.begin() + static_cast<long>(i),
                                     t.begin() + static_cast<long>(i + len));
        size_t times = 1 + pick(pick(2) ? 5 : 500);
        for (size_t k = 0; k < times; k++) t.insert(t.begin() + static_cast<long>(i), run.begin(), run.end());
        break;
      }
      default: {  // a keyword or operator dropped in
        const char* const words[] = {
            "func",     "{",      "}",       "(",      ")",      "[",        "]",        "for",
            "go",       "defer",  "select",  "switch", "case",   "default:", "chan",     "<-",
            "...",      ":=",     "=",       ";",      "type",   "var",      "const",    "interface{}",
            "struct{}", "map[",   "*",       "&",      "return", "break",    "continue", "fallthrough",
            "goto",     "import", "package", "range",  "nil",    "iota",     "_",        ".",
            ",",        "'",      "\"",      "`",      "/*"};
        t.insert(t.begin() + static_cast<long>(pick(t.size() + 1)),
                 std::string(" ") + words[pick(std::size(words))] + " ");
        break;
      }
    }
  }
  for (const auto& x : t) m.src += x;
  // a loop that may spin is not run (see above): only range loops are, and no goto
  std::vector<std::string> solid_tokens;
  for (const auto& x : tokens(m.src))
    if (!is_space(x) && x.rfind("//", 0) != 0) solid_tokens.push_back(x);
  for (size_t i = 0; i < solid_tokens.size() && m.runnable; i++) {
    if (solid_tokens[i] == "goto") m.runnable = false;
    if (solid_tokens[i] != "for") continue;
    bool range = false;
    for (size_t j = i + 1; j < solid_tokens.size() && solid_tokens[j] != "{" && solid_tokens[j] != "}"; j++)
      if (solid_tokens[j] == "range") range = true;
    if (!range) m.runnable = false;
  }
  return m;
}

// run_briefly() runs p under a goro::Control and stops it once budget has passed; true when it
// ended. A goroutine that only computes has no event where stop() could end it, so the stop
// comes with a breakpoint on every line: the next statement any goroutine reaches is an event
// (the program is compiled with line marks), and there the run ends.
bool run_briefly(const goroscope::lang::Program& p, uint32_t lines, std::chrono::milliseconds budget) {
  goro::Tap tap;
  goro::Control ctl;
  std::atomic<bool> done{false};
  std::thread runner([&] {
    goro::Observer o{&tap, &ctl};
    goro::Config cfg;
    cfg.procs = 1;
    int code = 0;
    goroscope::lang::run(p, cfg, &o, &code);
    done = true;
  });
  std::vector<goro::Event> events;
  auto start = std::chrono::steady_clock::now();
  bool stopped = false;
  while (!done && std::chrono::steady_clock::now() - start < budget + std::chrono::seconds(60)) {
    if (!stopped && std::chrono::steady_clock::now() - start >= budget) {
      std::vector<uint32_t> all(lines);
      for (uint32_t l = 0; l < lines; l++) all[l] = l + 1;
      ctl.set_breakpoints(all);
      ctl.stop();
      stopped = true;
    }
    if (stopped && ctl.paused()) ctl.stop();  // paused at a breakpoint before the stop was seen
    tap.drain(events);
    events.clear();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  bool ended = done;
  if (ended)
    runner.join();
  else
    runner.detach();  // reported as a failure; the process ends with the test run
  return ended;
}

// gc_form() is true of "prog.go:12:5: message", or "prog.go: message" for a whole-file error.
bool gc_form(const std::string& e) {
  const std::string file = "prog.go";
  if (e.rfind(file, 0) != 0) return false;
  size_t i = file.size();
  for (int part = 0; part < 2 && i < e.size() && e[i] == ':' && i + 1 < e.size() &&
                     std::isdigit(static_cast<unsigned char>(e[i + 1]));
       part++) {
    i++;
    while (i < e.size() && std::isdigit(static_cast<unsigned char>(e[i]))) i++;
  }
  return e.compare(i, 2, ": ") == 0 && e.size() > i + 2;
}

uint64_t env_number(const char* name, uint64_t def) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : def;
}

TEST(Fuzz, MutatedProgramsCompileOrFailAsGcAndRunsEnd) {
  const std::vector<std::string> corpus = seeds();
  ASSERT_GE(corpus.size(), 20u);
  const uint64_t inputs = env_number("GOROSCOPE_FUZZ_INPUTS", 1500);
  const uint64_t first = env_number("GOROSCOPE_FUZZ_SEED", 1);
  const bool verbose = env_number("GOROSCOPE_FUZZ_VERBOSE", 0) != 0;
  uint64_t compiled = 0, ran = 0;
  for (uint64_t n = first; n < first + inputs; n++) {
    Mutant m = mutate(corpus, n);
    if (verbose) std::cerr << "mutant " << n << "\n";
    if (const char* w = std::getenv("GOROSCOPE_FUZZ_WRITE")) std::ofstream(w, std::ios::binary) << m.src;
    goroscope::lang::CompileOptions o;
    o.lines = true;  // every statement a point where Control::stop() can end the run
    auto c = goroscope::lang::compile(m.src, "prog.go", o);
    if (!c.program) {
      ASSERT_FALSE(c.errors.empty()) << "mutant " << n << " failed to compile without an error";
      ASSERT_LE(c.errors.size(), 11u) << "mutant " << n;
      for (const auto& d : c.errors)
        ASSERT_TRUE(gc_form(d.text())) << "mutant " << n << ": " << d.text().substr(0, 200);
      continue;
    }
    compiled++;
    if (!m.runnable) continue;
    uint32_t lines = static_cast<uint32_t>(std::count(m.src.begin(), m.src.end(), '\n') + 1);
    ASSERT_TRUE(run_briefly(*c.program, lines, std::chrono::milliseconds(300)))
        << "mutant " << n << " did not stop when asked";
    ran++;
  }
  std::cerr << "fuzz: " << inputs << " mutants from seed " << first << ": " << compiled << " compiled, "
            << ran << " ran\n";
  EXPECT_GT(compiled, 0u);  // the mutations leave some programs valid: the VM is reached
}

}  // namespace
