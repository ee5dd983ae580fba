// tests/lang/std_packages_test.cpp: sync.Map, sync.Pool, time's Time (Format, Parse, the
// calendar), text/tabwriter and os.ReadFile/WriteFile, each a Go program whose expected output
// is what `go run` (Go 1.19) printed for it. Go 1.20's sync.Map.Swap/CompareAndSwap and
// time.Time.Compare, which 1.19 lacks, are checked against their documented results; the
// program's clock (time.Now starting at the Unix epoch) is Goroscope's own.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "support.hpp"

using namespace std::string_literals;

namespace {

// expect_prints() runs src at procs 1 and expects it to end well having printed want.
void expect_prints(const std::string& src, const std::string& want) {
  auto r = langtest::run_go(src);
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.message, "");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.output, want);
}

// replace_all() is s with every `from` replaced by `to`.
std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// sync.Map's Load, Store, LoadOrStore, LoadAndDelete, Delete and Range (from four goroutines too),
// sync.Pool's Get, Put and New.
TEST(StdPackages, SyncMapAndPool) {
  expect_prints(R"go(package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok = m.Load("a")
	fmt.Println(v, ok)
	act, loaded := m.LoadOrStore("a", 10)
	fmt.Println(act, loaded)
	act, loaded = m.LoadOrStore("c", 3)
	fmt.Println(act, loaded)
	v, loaded = m.LoadAndDelete("b")
	fmt.Println(v, loaded)
	v, loaded = m.LoadAndDelete("b")
	fmt.Println(v, loaded)
	m.Delete("zz")
	m.Delete("c")
	for i := 0; i < 5; i++ {
		m.Store(i, i*i)
	}
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	n := 0
	m.Range(func(k, v any) bool { n++; return n < 3 })
	fmt.Println("stopped after", n)
	var wg sync.WaitGroup
	var counts sync.Map
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				counts.LoadOrStore(i%10, g)
			}
		}(g)
	}
	wg.Wait()
	total := 0
	counts.Range(func(k, v any) bool { total++; return true })
	fmt.Println("keys", total)

	p := sync.Pool{New: func() any { fmt.Println("new"); return new([]byte) }}
	b := p.Get().(*[]byte)
	*b = append(*b, 'x')
	p.Put(b)
	c := p.Get().(*[]byte)
	fmt.Println(string(*c), c == b)
	var q sync.Pool
	fmt.Println(q.Get())
	q.Put(nil)
	q.Put("s")
	fmt.Println(q.Get(), q.Get())
}
)go",
                "<nil> false\n"
                "1 true\n"
                "1 true\n"
                "3 false\n"
                "2 true\n"
                "<nil> false\n"
                "[0=0 1=1 2=4 3=9 4=16 a=1]\n"
                "stopped after 3\n"
                "keys 10\n"
                "new\n"
                "x true\n"
                "<nil>\n"
                "s <nil>\n");
}

// time.Time's Format with Go's named layouts and hand-made ones, the zero Time, calendar fields, Weekday,
// YearDay, ISOWeek, Add, Sub, AddDate, Truncate, Round, Date's normalisation, fixed zones, Month and Weekday
// names, Duration arithmetic.
TEST(StdPackages, TimeFormatLayoutsAndFields) {
  expect_prints(
      R"go(package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	fmt.Println(t)
	for _, l := range []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
		time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli,
		time.StampMicro, time.StampNano, time.Layout, "2006-01-02 15:04:05", "2006-01-02", "15:04:05",
		"Monday, January 2, 2006 3:04 PM", "Mon Jan _2 3:4:5 pm 06", "002 __2 .000 ,999 .9", "Z07 Z0700 Z07:00:00 -07 -070000",
		"Janet Mondays", "_2006 1/2", "2006-01-02T15:04:05.000000Z07:00"} {
		fmt.Printf("%-40q %s\n", l, t.Format(l))
	}
	fmt.Println(time.Time{})
	fmt.Println(time.Time{}.IsZero(), t.IsZero())
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Weekday(), t.YearDay())
	fmt.Println(t.ISOWeek())
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli(), t.UnixMicro())
	u := t.Add(90 * time.Minute)
	fmt.Println(u, u.Sub(t), t.Sub(u), u.After(t), u.Before(t), u.Equal(t), t.Equal(t.In(time.FixedZone("X", 3600))))
	fmt.Println(t.AddDate(0, 1, 25), t.AddDate(-10, -11, 0))
	fmt.Println(t.Truncate(time.Hour), t.Round(time.Hour), t.Round(time.Second), t.Truncate(24*time.Hour), t.Round(7*time.Millisecond))
	fmt.Println(time.Date(2023, 2, 29, 25, 61, 0, 0, time.UTC))
	fmt.Println(time.Unix(1700000000, 0).UTC(), time.UnixMilli(1700000000123).UTC())
	est := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(est), t.In(est).Format(time.RFC3339), t.In(time.FixedZone("", 5*3600+1800)).Format(time.RFC1123))
	fmt.Println(time.March, time.Saturday, time.Month(13), time.Weekday(9))
	for _, d := range []string{"2016-02-29", "2024-12-30", "2021-01-03", "1999-12-31", "0001-01-01"} {
		x, _ := time.Parse("2006-01-02", d)
		y, w := x.ISOWeek()
		fmt.Println(d, x.Weekday(), x.YearDay(), y, w)
	}
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), d.Round(time.Minute), d.Truncate(time.Hour), -d, d/2, time.Duration(1500)*time.Microsecond)
}
)go",
      "2009-11-10 23:04:05.123456789 +0000 UTC\n"
      "\"Mon Jan _2 15:04:05 2006\"               Tue Nov 10 23:04:05 2009\n"
      "\"Mon Jan _2 15:04:05 MST 2006\"           Tue Nov 10 23:04:05 UTC 2009\n"
      "\"Mon Jan 02 15:04:05 -0700 2006\"         Tue Nov 10 23:04:05 +0000 2009\n"
      "\"02 Jan 06 15:04 MST\"                    10 Nov 09 23:04 UTC\n"
      "\"02 Jan 06 15:04 -0700\"                  10 Nov 09 23:04 +0000\n"
      "\"Monday, 02-Jan-06 15:04:05 MST\"         Tuesday, 10-Nov-09 23:04:05 UTC\n"
      "\"Mon, 02 Jan 2006 15:04:05 MST\"          Tue, 10 Nov 2009 23:04:05 UTC\n"
      "\"Mon, 02 Jan 2006 15:04:05 -0700\"        Tue, 10 Nov 2009 23:04:05 +0000\n"
      "\"2006-01-02T15:04:05Z07:00\"              2009-11-10T23:04:05Z\n"
      "\"2006-01-02T15:04:05.999999999Z07:00\"    2009-11-10T23:04:05.123456789Z\n"
      "\"3:04PM\"                                 11:04PM\n"
      "\"Jan _2 15:04:05\"                        Nov 10 23:04:05\n"
      "\"Jan _2 15:04:05.000\"                    Nov 10 23:04:05.123\n"
      "\"Jan _2 15:04:05.000000\"                 Nov 10 23:04:05.123456\n"
      "\"Jan _2 15:04:05.000000000\"              Nov 10 23:04:05.123456789\n"
      "\"01/02 03:04:05PM '06 -0700\"             11/10 11:04:05PM '09 +0000\n"
      "\"2006-01-02 15:04:05\"                    2009-11-10 23:04:05\n"
      "\"2006-01-02\"                             2009-11-10\n"
      "\"15:04:05\"                               23:04:05\n"
      "\"Monday, January 2, 2006 3:04 PM\"        Tuesday, November 10, 2009 11:04 PM\n"
      "\"Mon Jan _2 3:4:5 pm 06\"                 Tue Nov 10 11:4:5 pm 09\n"
      "\"002 __2 .000 ,999 .9\"                   314 314 .123 ,123 .1\n"
      "\"Z07 Z0700 Z07:00:00 -07 -070000\"        Z Z Z +00 +000000\n"
      "\"Janet Mondays\"                          Janet Tuesdays\n"
      "\"_2006 1/2\"                              _2009 11/10\n"
      "\"2006-01-02T15:04:05.000000Z07:00\"       2009-11-10T23:04:05.123456Z\n"
      "0001-01-01 00:00:00 +0000 UTC\n"
      "true false\n"
      "2009 November 10 23 4 5 123456789 Tuesday 314\n"
      "2009 46\n"
      "1257894245 1257894245123456789 1257894245123 1257894245123456\n"
      "2009-11-11 00:34:05.123456789 +0000 UTC 1h30m0s -1h30m0s true false false true\n"
      "2010-01-04 23:04:05.123456789 +0000 UTC 1998-12-10 23:04:05.123456789 +0000 UTC\n"
      "2009-11-10 23:00:00 +0000 UTC 2009-11-10 23:00:00 +0000 UTC 2009-11-10 23:04:05 +0000 UTC 2009-11-10 "
      "00:00:00 +0000 UTC 2009-11-10 23:04:05.122 +0000 UTC\n"
      "2023-03-02 02:01:00 +0000 UTC\n"
      "2023-11-14 22:13:20 +0000 UTC 2023-11-14 22:13:20.123 +0000 UTC\n"
      "2009-11-10 18:04:05.123456789 -0500 EST 2009-11-10T18:04:05-05:00 Wed, 11 Nov 2009 04:34:05 +0530\n"
      "March Saturday %!Month(13) %!Weekday(9)\n"
      "2016-02-29 Monday 60 2016 9\n"
      "2024-12-30 Monday 365 2025 1\n"
      "2021-01-03 Sunday 3 2020 53\n"
      "1999-12-31 Friday 365 1999 52\n"
      "0001-01-01 Monday 1 1 1\n"
      "3h25m45.5s 3.4293055555555556 205.75833333333333 3h26m0s 3h0m0s -3h25m45.5s 1h42m52.75s 1.5ms\n");
}

// time.Parse and ParseInLocation: layouts, zones (Z, offsets, abbreviations, GMT+h), fractions, year days,
// and Go's ParseError texts; ParseDuration and its errors; Sub at the edge of Duration.
TEST(StdPackages, TimeParseAndItsErrors) {
  expect_prints(
      R"go(package main

import (
	"fmt"
	"time"
)

func main() {
	cases := [][2]string{
		{time.RFC3339, "2006-01-02T15:04:05Z"},
		{time.RFC3339, "2006-01-02T15:04:05+07:00"},
		{time.RFC3339, "2006-01-02T15:04:05.123456-03:30"},
		{time.RFC3339Nano, "2021-03-04T05:06:07.891Z"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 MST"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC"},
		{time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 +0000"},
		{time.RFC850, "Monday, 02-Jan-06 15:04:05 PST"},
		{time.ANSIC, "Mon Jan  2 15:04:05 2006"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "12:30AM"},
		{"2006-01-02 15:04:05", "2023-07-15 08:30:00"},
		{"2006-01-02", "2024-02-29"},
		{"02/01/2006", "31/12/1999"},
		{"Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)"},
		{"2006-01-02 15:04:05", "2023-07-15 08:30:00.25"},
		{"2006 002", "2020 060"},
		{"2006 __2", "2021  45"},
		{"January 2 2006", "march 9 2010"},
		{"15:04:05 -07", "10:00:00 -05"},
		{"15:04 MST", "10:00 GMT+3"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02", "2023-13-01"},
		{"2006-01-02", "2023-1-01"},
		{"2006-01-02", "2023-01-02 extra"},
		{"2006-01-02", "hello"},
		{"15:04:05", "25:00:00"},
		{"15:04:05", "12:60:00"},
		{"15:04:05", "12:00:61"},
		{time.RFC3339, "2006-01-02T15:04:05"},
		{time.RFC3339, "2006-01-02 15:04:05Z"},
		{time.Kitchen, "13:04PM"},
		{time.Kitchen, "3:04XM"},
		{"Mon Jan 2", "Foo Jan 2"},
		{"2006 002", "2021 366"},
		{"2006-01-02 002", "2020-03-02 060"},
		{"2006-01-02", "2006-01-02\x00é\"\\"},
		{"", ""},
		{"", "x"},
		{".000", ".12"},
	}
	for _, c := range cases {
		t, err := time.Parse(c[0], c[1])
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		name, off := t.Zone()
		fmt.Println(t, "|", t.Location(), name, off, t.Unix(), t.Nanosecond())
	}
	loc := time.FixedZone("EST", -5*3600)
	t, err := time.ParseInLocation("2006-01-02 15:04", "2022-05-06 07:08", loc)
	fmt.Println(t, err, t.UTC())
	t, err = time.ParseInLocation("2006-01-02 15:04 MST", "2022-05-06 07:08 EST", loc)
	fmt.Println(t, err, t.Location() == loc)
	for _, s := range []string{"1h30m", "-2.5s", "300ms", "1us", "2µs", "1h2m3.5s", "0", "", "abc", "5", "3x", ".5h", "1.", "-0", "9223372036854775807ns", "9223372036854775808ns", "+1m"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	var pe *time.ParseError
	_, err = time.Parse("2006", "x")
	pe = err.(*time.ParseError)
	fmt.Printf("%q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
	_, err = time.LoadLocation("UTC")
	fmt.Println(err)
	a := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(b.Sub(a), b.Sub(a).Hours()/24)
	fmt.Println(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Add(-1).Format(time.RFC3339Nano))
	fmt.Println(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Time{}))
	fmt.Println((1500 * time.Millisecond).Abs(), (-1500 * time.Millisecond).Abs())
}
)go",
      "2006-01-02 15:04:05 +0000 UTC | UTC UTC 0 1136214245 0\n"
      "2006-01-02 15:04:05 +0700 +0700 |   25200 1136189045 0\n"
      "2006-01-02 15:04:05.123456 -0330 -0330 |   -12600 1136226845 123456000\n"
      "2021-03-04 05:06:07.891 +0000 UTC | UTC UTC 0 1614834367 891000000\n"
      "2006-01-02 15:04:05 +0000 MST | MST MST 0 1136214245 0\n"
      "2006-01-02 15:04:05 +0000 UTC | UTC UTC 0 1136214245 0\n"
      "2006-01-02 15:04:05 +0000 UTC | Local UTC 0 1136214245 0\n"
      "2006-01-02 15:04:05 +0000 PST | PST PST 0 1136214245 0\n"
      "2006-01-02 15:04:05 +0000 UTC | UTC UTC 0 1136214245 0\n"
      "0000-01-01 15:04:00 +0000 UTC | UTC UTC 0 -62167164960 0\n"
      "0000-01-01 00:30:00 +0000 UTC | UTC UTC 0 -62167217400 0\n"
      "2023-07-15 08:30:00 +0000 UTC | UTC UTC 0 1689409800 0\n"
      "2024-02-29 00:00:00 +0000 UTC | UTC UTC 0 1709164800 0\n"
      "1999-12-31 00:00:00 +0000 UTC | UTC UTC 0 946598400 0\n"
      "2013-02-03 19:54:00 +0000 PST | PST PST 0 1359921240 0\n"
      "2023-07-15 08:30:00.25 +0000 UTC | UTC UTC 0 1689409800 250000000\n"
      "2020-02-29 00:00:00 +0000 UTC | UTC UTC 0 1582934400 0\n"
      "2021-02-14 00:00:00 +0000 UTC | UTC UTC 0 1613260800 0\n"
      "2010-03-09 00:00:00 +0000 UTC | UTC UTC 0 1268092800 0\n"
      "0000-01-01 10:00:00 -0500 -0500 |   -18000 -62167165200 0\n"
      "0000-01-01 13:00:00 +0300 GMT+3 | GMT+3 GMT+3 10800 -62167183200 0\n"
      "error: parsing time \"2023-02-29\": day out of range\n"
      "error: parsing time \"2023-13-01\": month out of range\n"
      "error: parsing time \"2023-1-01\" as \"2006-01-02\": cannot parse \"1-01\" as \"01\"\n"
      "error: parsing time \"2023-01-02 extra\": extra text: \" extra\"\n"
      "error: parsing time \"hello\" as \"2006-01-02\": cannot parse \"hello\" as \"2006\"\n"
      "error: parsing time \"25:00:00\": hour out of range\n"
      "error: parsing time \"12:60:00\": minute out of range\n"
      "error: parsing time \"12:00:61\": second out of range\n"
      "error: parsing time \"2006-01-02T15:04:05\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as "
      "\"Z07:00\"\n"
      "error: parsing time \"2006-01-02 15:04:05Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" "
      "15:04:05Z\" as \"T\"\n"
      "error: parsing time \"13:04PM\": hour out of range\n"
      "error: parsing time \"3:04XM\" as \"3:04PM\": cannot parse \"\" as \"PM\"\n"
      "error: parsing time \"Foo Jan 2\" as \"Mon Jan 2\": cannot parse \"Foo Jan 2\" as \"Mon\"\n"
      "error: parsing time \"2021 366\": day-of-year out of range\n"
      "error: parsing time \"2020-03-02 060\": day-of-year does not match month\n"
      "error: parsing time \"2006-01-02\\x00\\xc3\\xa9\\\"\\\\\": extra text: \"\\x00\\xc3\\xa9\\\"\\\\\"\n"
      "0000-01-01 00:00:00 +0000 UTC | UTC UTC 0 -62167219200 0\n"
      "error: parsing time \"x\": extra text: \"x\"\n"
      "error: parsing time \".12\" as \".000\": cannot parse \".12\" as \".000\"\n"
      "2022-05-06 07:08:00 -0500 EST <nil> 2022-05-06 12:08:00 +0000 UTC\n"
      "2022-05-06 07:08:00 -0500 EST <nil> true\n"
      "1h30m0s <nil>\n"
      "-2.5s <nil>\n"
      "300ms <nil>\n"
      "1\xc2"
      "\xb5"
      "s <nil>\n"
      "2\xc2"
      "\xb5"
      "s <nil>\n"
      "1h2m3.5s <nil>\n"
      "0s <nil>\n"
      "0s time: invalid duration \"\"\n"
      "0s time: invalid duration \"abc\"\n"
      "0s time: missing unit in duration \"5\"\n"
      "0s time: unknown unit \"x\" in duration \"3x\"\n"
      "30m0s <nil>\n"
      "0s time: missing unit in duration \"1.\"\n"
      "0s <nil>\n"
      "2562047h47m16.854775807s <nil>\n"
      "0s time: invalid duration \"9223372036854775808ns\"\n"
      "1m0s <nil>\n"
      "\"2006\" \"x\" \"2006\" \"x\" \"\"\n"
      "<nil>\n"
      "8784h0m0s 366\n"
      "0000-12-31T23:59:59.999999999Z\n"
      "2562047h47m16.854775807s\n"
      "1.5s 1.5s\n");
}

// text/tabwriter: padding with spaces, dots and tabs, AlignRight, Debug, \f, DiscardEmptyColumns, TabIndent,
// FilterHTML, StripEscape and Escape, Init's panic.
TEST(StdPackages, TabwriterTables) {
  expect_prints(R"go(package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "Name\tAge\tCity")
	fmt.Fprintln(w, "Alice\t30\tNew York")
	fmt.Fprintln(w, "Bob\t4\tLA")
	fmt.Fprintln(w, "Christopher\t101\tSão Paulo")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 5, 0, 2, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "a\tb\tc\t")
	fmt.Fprintln(w, "aaa\tbbbbbbb\tc\t")
	fmt.Fprintln(w, "x\t\ty\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 8, 0, '\t', 0)
	fmt.Fprintln(w, "a\tb\tc")
	fmt.Fprintln(w, "aaaaaaaaa\tbb\tc")
	fmt.Fprintln(w, "no tabs here")
	fmt.Fprintln(w, "aa\tbbbbbbbbbbbb\tc")
	w.Flush()

	var tw tabwriter.Writer
	tw.Init(os.Stdout, 4, 4, 1, '-', tabwriter.Debug)
	fmt.Fprint(&tw, "one\ttwo\nthree\tfour\n\fafter\tff\nx")
	fmt.Fprint(&tw, "yz\tend")
	tw.Flush()
	fmt.Println()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', tabwriter.DiscardEmptyColumns|tabwriter.Debug)
	fmt.Fprint(w, "a\v\vb\tc\n")
	fmt.Fprint(w, "aa\v\vbb\tcc\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', tabwriter.TabIndent)
	fmt.Fprint(w, "\t\tindented\tx\n\tless\ty\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', tabwriter.FilterHTML|tabwriter.StripEscape)
	fmt.Fprint(w, "<b>bold</b>\t&amp;\tz\n")
	fmt.Fprint(w, "plain\t\xffesc\taped\xff\tz\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', 0)
	fmt.Fprint(w, "\xffesc\taped\xff\tz\n")
	fmt.Fprint(w, "k\tz\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintf(w, "%s\t%d\t%.2f\n", "widget", 3, 4.5)
	fmt.Fprintf(w, "%s\t%d\t%.2f\n", "gadget-pro", 12, 199.99)
	fmt.Fprintf(w, "\n")
	fmt.Fprintf(w, "%s\t%d\t%.2f\n", "z", 1, 0.5)
	w.Flush()

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		tabwriter.NewWriter(os.Stdout, -1, 0, 0, ' ', 0)
	}()
}
)go",
                "Name        Age City\n"
                "Alice       30  New York\n"
                "Bob         4   LA\n"
                "Christopher 101 S\xc3"
                "\xa3"
                "o Paulo\n"
                "....a|........b|....c|\n"
                "..aaa|..bbbbbbb|....c|\n"
                "....x|.........|....y|\n"
                "a\t\tb\tc\n"
                "aaaaaaaaa\tbb\tc\n"
                "no tabs here\n"
                "aa\tbbbbbbbbbbbb\tc\n"
                "one---|two\n"
                "three-|four\n"
                "\n"
                "---\n"
                "after-|ff\n"
                "xyz---|end\n"
                "a  ||b  |c\n"
                "aa ||bb |cc\n"
                "\t\t\tindented x\n"
                "\tless y\n"
                "<b>bold</b>  &amp;        z\n"
                "plain esc\taped z\n"
                "\xff"
                "esc\taped\xff"
                " z\n"
                "k        z\n"
                "widget     3  4.50\n"
                "gadget-pro 12 199.99\n"
                "\n"
                "z 1 0.50\n"
                "recovered: negative minwidth, tabwidth, or padding\n");
}

// A tabwriter.Writer whose output fails: Write returns the error and keeps the lines for the
// next Flush, which tries again and then drops them (go run's output).
TEST(StdPackages, TabwriterOutputErrors) {
  expect_prints(R"go(package main

import (
	"errors"
	"fmt"
	"text/tabwriter"
)

type bad struct{ n int }

func (b *bad) Write(p []byte) (int, error) {
	b.n++
	if b.n > 2 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func main() {
	w := tabwriter.NewWriter(&bad{}, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "a\tb")
	fmt.Fprintln(w, "aa\tbb")
	fmt.Println(w.Flush())
	n, err := fmt.Fprintln(w, "single")
	fmt.Println(n, err)
	fmt.Println(w.Flush())
}
)go",
                "disk full\n"
                "7 disk full\n"
                "disk full\n");
}

// Go 1.20's Swap, CompareAndSwap and CompareAndDelete, and Time.Compare, with Goroscope's clock:
// a run starts at the Unix epoch and time.Now follows the (virtual) clock.
TEST(StdPackages, SyncMapSwapAndTheProgramsClock) {
  expect_prints(R"go(package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	prev, loaded := m.Swap("k", 1)
	fmt.Println(prev, loaded)
	prev, loaded = m.Swap("k", 2)
	fmt.Println(prev, loaded)
	fmt.Println(m.CompareAndSwap("k", 1, 3))
	fmt.Println(m.CompareAndSwap("k", 2, 3))
	fmt.Println(m.CompareAndSwap("none", nil, 3))
	v, _ := m.Load("k")
	fmt.Println(v)
	fmt.Println(m.CompareAndDelete("k", 2), m.CompareAndDelete("k", 3))
	_, ok := m.Load("k")
	fmt.Println(ok)
}
)go",
                "<nil> false\n"
                "1 true\n"
                "false\n"
                "true\n"
                "false\n"
                "3\n"
                "false true\n"
                "false\n");
  expect_prints(R"go(package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(1500 * time.Millisecond)
	fmt.Println(time.Now(), time.Since(start))
	fmt.Println(time.Now().Format(time.DateTime), time.DateOnly, time.TimeOnly)
	a := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(a.Compare(a.Add(1)), a.Add(1).Compare(a), a.Compare(a))
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(time.Second)
	}
	fmt.Println(time.Until(deadline) <= 0)
}
)go",
                "1970-01-01 00:00:01.5 +0000 UTC 1.5s\n"
                "1970-01-01 00:00:01 2006-01-02 15:04:05\n"
                "-1 1 0\n"
                "true\n");
}

// os.WriteFile and ReadFile on real files in a fresh folder ("DIR" in the program is its
// path), Go's *PathError texts, errors.Is with os.ErrNotExist, a NUL byte in a name, Remove.
TEST(StdPackages, ReadFileWriteFileRoundTrip) {
  char tmpl[] = "/tmp/goroscope-files-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  auto r = langtest::run_go(replace_all(R"go(package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	dir := "DIR"
	name := dir + "/notes.txt"
	err := os.WriteFile(name, []byte("hello\nworld\n"), 0644)
	fmt.Println("write:", err)
	data, err := os.ReadFile(name)
	fmt.Printf("read: %q %v\n", data, err)
	err = os.WriteFile(name, []byte("short"), 0600)
	data, err = os.ReadFile(name)
	fmt.Printf("again: %q %v\n", data, err)
	_, err = os.ReadFile("nope.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err), os.IsExist(err))
	var pe *os.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err)
	}
	_, err = os.ReadFile(dir)
	fmt.Println(err == nil, errors.Is(err, os.ErrNotExist))
	err = os.WriteFile(dir+"/missing/x.txt", nil, 0644)
	fmt.Println(err != nil, errors.Is(err, os.ErrNotExist))
	_, err = os.ReadFile("a\x00b")
	fmt.Println(err)
	_, err = os.ReadFile("")
	fmt.Println(err)
	fmt.Println(os.Remove(name), os.Remove(name) != nil)
	_, err = os.ReadFile(name)
	fmt.Println(os.IsNotExist(err))
}
)go",
                                        "DIR", dir));
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.message, "");
  EXPECT_EQ(replace_all(r.output, dir, "DIR"),
            "write: <nil>\n"
            "read: \"hello\\nworld\\n\" <nil>\n"
            "again: \"short\" <nil>\n"
            "open nope.txt: no such file or directory\n"
            "true true false\n"
            "open nope.txt no such file or directory\n"
            "false false\n"
            "true true\n"
            "open a\x00"
            "b: invalid argument\n"
            "open : no such file or directory\n"
            "<nil> true\n"
            "true\n"s);  // s: the text holds a NUL byte
  std::filesystem::remove_all(dir);
}

// The bytes the program writes are the file's, with the permissions asked for (less the
// umask), and a file the test writes is what the program reads.
TEST(StdPackages, WriteFileWritesWhatItIsGiven) {
  char tmpl[] = "/tmp/goroscope-files-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  {
    FILE* f = std::fopen((dir + "/in.txt").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("caf\xc3\xa9\n\x01\x02", f);
    std::fclose(f);
  }
  auto r = langtest::run_go(replace_all(R"go(package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("DIR/in.txt")
	fmt.Println(len(b), err, b[len(b)-2:])
	fmt.Println(os.WriteFile("DIR/out.txt", append(b, "more"...), 0600))
}
)go",
                                        "DIR", dir));
  EXPECT_EQ(r.output, "8 <nil> [1 2]\n<nil>\n");
  EXPECT_EQ(langtest::read_file(dir + "/out.txt"), "caf\xc3\xa9\n\x01\x02more");
  struct stat st {};
  ASSERT_EQ(::stat((dir + "/out.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777 & ~0600, 0u);
  std::filesystem::remove_all(dir);
}

// A file larger than the memory ceiling, or one without end, ends the program as Go's
// runtime does when memory runs out, never the app.
TEST(StdPackages, ReadFileCountsAgainstTheMemoryCeiling) {
  goroscope::lang::set_max_memory(16 << 20);
  char tmpl[] = "/tmp/goroscope-files-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  {
    FILE* f = std::fopen((dir + "/big.bin").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::string mib(1 << 20, 'x');
    for (int i = 0; i < 40; i++) std::fwrite(mib.data(), 1, mib.size(), f);
    std::fclose(f);
  }
  for (std::string name : {dir + "/big.bin", std::string("/dev/zero")}) {
    auto r = langtest::run_go(replace_all(R"go(package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("NAME")
	fmt.Println(len(b), err)
}
)go",
                                          "NAME", name));
    EXPECT_NE(r.message.find("fatal error: runtime: out of memory"), std::string::npos)
        << name << ": " << r.message;
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.output, "");
  }
  goroscope::lang::set_max_memory(goroscope::lang::kDefaultMaxMemory);
  std::filesystem::remove_all(dir);
}

// sync.Map and sync.Pool order what goroutines do through them, as Go's do: with the race
// detector on, four goroutines sharing a Map and a Pool (a pooled *int incremented by each)
// race on nothing (a lock of atomics, which the detector does not take as an edge, did).
TEST(StdPackages, SyncMapAndPoolAreRaceFree) {
  for (int procs : {1, 4}) {
    goroscope::lang::CompileOptions opt;
    opt.race = true;
    auto c = goroscope::lang::compile(R"go(package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	p := sync.Pool{New: func() any { return new(int) }}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				m.Store(i%7, g)
				m.LoadOrStore(i, i)
				m.Range(func(k, v any) bool { return true })
				x := p.Get().(*int)
				*x++
				p.Put(x)
			}
		}(g)
	}
	wg.Wait()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println(n)
}
)go",
                                      "prog.go", opt);
    ASSERT_TRUE(c.program) << langtest::join(c.errors);
    goro::Config cfg;
    cfg.procs = procs;
    cfg.race = true;
    int code = 0;
    goro::Exit e = goroscope::lang::run(*c.program, cfg, nullptr, &code);
    EXPECT_EQ(e.output, "200\n");
    EXPECT_EQ(code, 0) << e.message;
    EXPECT_TRUE(e.races.empty()) << "procs " << procs << "\n" << (e.races.empty() ? "" : e.races[0].text);
  }
}

}  // namespace
