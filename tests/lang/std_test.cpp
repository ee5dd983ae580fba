// tests/lang/std_test.cpp: the standard library where a golden program cannot reach it: the
// standard input (os.Stdin, read through bufio and io, from a pipe this test writes into the
// process's descriptor 0), and small VM corners the library relies on. The packages' everyday
// behaviour is in the golden programs tests/lang/programs/std_*.go.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "support.hpp"

namespace {

// StdinFrom puts `input` on the process's standard input for its lifetime (a pipe, or
// /dev/null when null), and puts the old standard input back after.
class StdinFrom {
 public:
  explicit StdinFrom(const char* input) : saved_(::dup(0)) {
    if (!input) {
      int fd = ::open("/dev/null", O_RDONLY);
      ::dup2(fd, 0);
      ::close(fd);
      return;
    }
    int p[2];
    if (::pipe(p) != 0) return;
    std::string s = input;
    // the inputs here are far below a pipe's buffer: the write never waits for a reader
    EXPECT_EQ(::write(p[1], s.data(), s.size()), static_cast<ssize_t>(s.size()));
    ::close(p[1]);
    ::dup2(p[0], 0);
    ::close(p[0]);
  }
  ~StdinFrom() {
    ::dup2(saved_, 0);
    ::close(saved_);
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  int saved_;
};

const char* kReadNameThenNumbers = R"(package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	name, err := in.ReadString('\n')
	fmt.Printf("hello %q %v\n", strings.TrimSpace(name), err)
	sc := bufio.NewScanner(in)
	sc.Split(bufio.ScanWords)
	sum := 0
	for sc.Scan() {
		n, err := strconv.Atoi(sc.Text())
		if err != nil {
			fmt.Println("not a number:", sc.Text())
			continue
		}
		sum += n
	}
	fmt.Println("sum", sum, sc.Err())
	rest, err := io.ReadAll(os.Stdin)
	fmt.Println(len(rest), err)
}
)";

TEST(Stdin, ScannerAndReaderReadWhatIsPiped) {
  StdinFrom in("Ada Lovelace\n1 22\n333 x\n4");
  auto r = langtest::run_go(kReadNameThenNumbers);
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "hello \"Ada Lovelace\" <nil>\nnot a number: x\nsum 360 <nil>\n0 <nil>\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

TEST(Stdin, EmptyInputIsEOFAtOnce) {
  StdinFrom in(nullptr);
  auto r = langtest::run_go(kReadNameThenNumbers);
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "hello \"\" EOF\nsum 0 <nil>\n0 <nil>\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

TEST(Stdin, FileReadSaysEOFWithNothingRead) {
  StdinFrom in("ab");
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"os"
)

func main() {
	b := make([]byte, 8)
	n, err := os.Stdin.Read(b)
	fmt.Println(n, err, string(b[:n]))
	n, err = os.Stdin.Read(b)
	fmt.Println(n, err)
	n, err = os.Stdin.Read(b[:0])
	fmt.Println(n, err)
	var f *os.File
	_, err = f.Read(b)
	fmt.Println(err)
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "2 <nil> ab\n0 EOF\n0 <nil>\ninvalid argument\n");
}

TEST(Stdin, FmtScanReadsValuesAsGoDoes) {
  StdinFrom in("Ada\n 36\n1 2\n7-8\nx y\nz");
  auto r = langtest::run_go(R"(package main

import "fmt"

func main() {
	var name string
	var age int
	n, err := fmt.Scan(&name, &age)
	fmt.Println(n, err, name, age)
	var a, b int
	n, err = fmt.Scanln(&a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Scanf("%d-%d\n", &a, &b)
	fmt.Println(n, err, a, b)
	var w string
	for {
		if _, err := fmt.Scan(&w); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Println("word", w)
	}
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "2 <nil> Ada 36\n2 <nil> 1 2\n2 <nil> 7 8\nword x\nword y\nword z\nend: EOF\n");
}

TEST(Env, GetenvAndLookupEnvReadTheProcesssEnvironment) {
  ::setenv("GOROSCOPE_STD_TEST", "value 1", 1);
  ::unsetenv("GOROSCOPE_STD_TEST_UNSET");
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("%q\n", os.Getenv("GOROSCOPE_STD_TEST"))
	v, ok := os.LookupEnv("GOROSCOPE_STD_TEST_UNSET")
	fmt.Printf("%q %v\n", v, ok)
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "\"value 1\"\n\"\" false\n");
}

// append of nothing is the slice itself: a nil slice stays nil (bufio and bytes append empty
// pieces to nil slices all the time).
TEST(StdCorners, AppendingNothingKeepsTheSlice) {
  auto r = langtest::run_go(R"(package main

import "fmt"

func main() {
	var b []byte
	b = append(b, []byte{}...)
	fmt.Println(len(b), b == nil)
	b = append(b, ""...)
	fmt.Println(len(b), b == nil)
	c := make([]byte, 0, 4)
	d := append(c, b...)
	fmt.Println(len(d), cap(d), d == nil)
	var s []int
	s = append(s)
	fmt.Println(s == nil)
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "0 true\n0 true\n0 4 false\ntrue\n");
}

}  // namespace

namespace {

// runtime.ReadMemStats counts what Goroscope counts (what the memory ceiling counts), and a
// large array's bytes go as soon as nothing refers to it (issue15281.go of Go's tests checks
// the same); small objects made between two reads may remain (a grown value stack).
TEST(Runtime, ReadMemStatsCountsMemoryWhileItLives) {
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"runtime"
)

func alloc() uint64 {
	runtime.GC()
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	if st.HeapAlloc != st.Alloc || !st.EnableGC || st.NumGC != 0 {
		fmt.Println("fields:", st.HeapAlloc, st.Alloc, st.EnableGC, st.NumGC)
	}
	return st.Alloc
}

func main() {
	runtime.MemProfileRate = 0
	start := alloc()
	b := make([]byte, 10<<20)
	during := alloc()
	fmt.Println(during-start >= 10<<20, len(b))
	b = nil
	after := int64(alloc() - start)
	fmt.Println(after < 64<<10 && after > -64<<10)
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "true 10485760\ntrue\n");
}

}  // namespace
