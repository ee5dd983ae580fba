// time: Format and Parse with Go's layouts, durations, Timer.Stop/Reset results as Go gives
// them, Ticker.Reset (the next tick comes the new period after it), AfterFunc; text/tabwriter.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
	"time"
)

func main() {
	t := time.Date(2023, time.March, 5, 14, 7, 9, 123456789, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format(time.RFC3339Nano), t.Format("2006-01-02 15:04:05.000"))
	fmt.Println(t.Format("Mon Jan 2 3:04PM 2006"), t.Format(time.Kitchen), t.Format("02/01/06 .999 -0700 MST"))
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond())
	p, err := time.Parse("2006-01-02 15:04", "2024-02-29 23:59")
	fmt.Println(p, err)
	_, err = time.Parse("2006-01-02", "2024-13-01")
	fmt.Println(err)
	p2, _ := time.Parse(time.RFC3339, "2023-03-05T14:07:09Z")
	fmt.Println(p2.Equal(t.Truncate(time.Second)), t.Sub(p2), p2.Add(36*time.Hour).Format(time.ANSIC), p2.AddDate(0, 1, 0).Format("Jan 2"))
	d, _ := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, d.Minutes(), time.Duration(1500)*time.Microsecond, d.Round(time.Hour), d.Truncate(time.Minute))
	fmt.Println(t.Unix(), t.UnixMilli(), time.Unix(0, 0).UTC(), t.Before(p), t.After(p))

	tm := time.NewTimer(50 * time.Millisecond)
	fmt.Println("stop:", tm.Stop())
	fmt.Println("reset:", tm.Reset(10*time.Millisecond))
	<-tm.C
	fmt.Println("fired; stop now:", tm.Stop(), "reset:", tm.Reset(time.Millisecond))
	<-tm.C
	tk := time.NewTicker(10 * time.Millisecond)
	<-tk.C
	tk.Reset(20 * time.Millisecond)
	start := time.Now()
	<-tk.C
	el := time.Since(start)
	fmt.Println("ticker reset", el >= 15*time.Millisecond)
	tk.Stop()
	af := time.AfterFunc(5*time.Millisecond, func() { fmt.Println("after func") })
	time.Sleep(10 * time.Millisecond)
	fmt.Println(af.Stop())

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "a\tb\tc")
	fmt.Fprintln(w, "aaa\tbbbbb\tc")
	w.Flush()
	w = tabwriter.NewWriter(os.Stdout, 5, 0, 2, '.', 0)
	fmt.Fprintf(w, "name\tage\n")
	fmt.Fprintf(w, "alexander\t3\n")
	w.Flush()
}
