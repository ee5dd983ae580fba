package time

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func Sleep(d Duration)
func now() int64

func (d Duration) String() string
func (d Duration) Nanoseconds() int64   { return int64(d) }
func (d Duration) Microseconds() int64  { return int64(d) / 1000 }
func (d Duration) Milliseconds() int64  { return int64(d) / 1000000 }
func (d Duration) Seconds() float64     { return float64(d) / 1e9 }
func (d Duration) Minutes() float64     { return float64(d) / 6e10 }
func (d Duration) Hours() float64       { return float64(d) / 3.6e12 }
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		return d - m + r
	}
	if r+r < m {
		return d - r
	}
	return d + m - r
}

type Month int

type Time struct {
	ns int64
}

func Now() Time                     { return Time{now()} }
func Unix(sec int64, nsec int64) Time { return Time{sec*1000000000 + nsec} }
func UnixMilli(msec int64) Time     { return Time{msec * 1000000} }
func Since(t Time) Duration         { return Duration(now() - t.ns) }
func Until(t Time) Duration         { return Duration(t.ns - now()) }
func (t Time) Sub(u Time) Duration  { return Duration(t.ns - u.ns) }
func (t Time) Add(d Duration) Time  { return Time{t.ns + int64(d)} }
func (t Time) After(u Time) bool    { return t.ns > u.ns }
func (t Time) Before(u Time) bool   { return t.ns < u.ns }
func (t Time) Equal(u Time) bool    { return t.ns == u.ns }
func (t Time) Compare(u Time) int {
	if t.ns < u.ns {
		return -1
	}
	if t.ns > u.ns {
		return 1
	}
	return 0
}
func (t Time) IsZero() bool         { return t.ns == 0 }
func (t Time) UnixNano() int64      { return t.ns }
func (t Time) UnixMilli() int64     { return t.ns / 1000000 }
func (t Time) Unix() int64          { return t.ns / 1000000000 }
func (t Time) Nanosecond() int      { return int(t.ns % 1000000000) }
func (t Time) Second() int          { return int(t.ns/1000000000) % 60 }
func (t Time) Minute() int          { return int(t.ns/60000000000) % 60 }
func (t Time) Hour() int            { return int(t.ns/3600000000000) % 24 }
func (t Time) Format(layout string) string
func (t Time) String() string { return t.Format("2006-01-02 15:04:05.999999999 -0700 MST") }

func After(d Duration) <-chan Time {
	c := make(chan Time, 1)
	go func() {
		Sleep(d)
		c <- Now()
	}()
	return c
}

type Timer struct {
	C       <-chan Time
	c       chan Time
	f       func()
	gen     int
	stopped bool
	fired   bool
}

func (t *Timer) run(d Duration, gen int) {
	Sleep(d)
	if t.stopped || t.gen != gen {
		return
	}
	t.fired = true
	if t.f != nil {
		go t.f()
		return
	}
	select {
	case t.c <- Now():
	default:
	}
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c}
	go t.run(d, 0)
	return t
}

func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	go t.run(d, 0)
	return t
}

func (t *Timer) Stop() bool {
	was := !t.stopped && !t.fired
	t.stopped = true
	return was
}

func (t *Timer) Reset(d Duration) bool {
	was := !t.stopped && !t.fired
	t.gen++
	t.stopped = false
	t.fired = false
	go t.run(d, t.gen)
	return was
}

type Ticker struct {
	C       <-chan Time
	c       chan Time
	d       Duration
	stopped bool
}

func (t *Ticker) run() {
	for !t.stopped {
		Sleep(t.d)
		if t.stopped {
			return
		}
		select {
		case t.c <- Now():
		default:
		}
	}
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c, d: d}
	go t.run()
	return t
}

func (t *Ticker) Stop()            { t.stopped = true }
func (t *Ticker) Reset(d Duration) { t.d = d }

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
