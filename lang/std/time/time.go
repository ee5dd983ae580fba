// Package time: the program's clock (Sleep, timers, tickers, all goro's, virtual or real),
// Duration, and Time as Go has it: calendar fields, Format and Parse with Go's layouts.
//
// Invariants: a Time's sec counts seconds since January 1, year 1, 00:00:00 UTC (so the zero
// Time is Go's zero Time), nsec is in [0, 1e9), and loc nil is UTC. A Location is a fixed
// offset: UTC, Local (which Goroscope takes to be UTC, as on a machine set to UTC), or one that
// FixedZone or a parsed offset made; there is no time-zone database. Times carry no monotonic
// reading. Format and Parse are pure functions of their arguments. Now is the program's clock:
// the Unix epoch when the program starts, plus the time it has run (virtual or real).
package time

import "math/bits"

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

// Abs returns the absolute value of d; the most negative Duration becomes the largest.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

// String returns the English name of the month ("January", "February", ...).
func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + itoa(int(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

// String returns the English name of the day ("Sunday", "Monday", ...).
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + itoa(int(d)) + ")"
}

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var shortDayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
var shortMonthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func itoa(x int) string {
	return string(appendInt(nil, x, 0))
}

// A Location maps instants to the zone in use there; here always one fixed offset.
type Location struct {
	name   string // what String says ("UTC", "Local", FixedZone's name)
	zone   string // the abbreviation Format's "MST" writes ("" writes the offset)
	offset int    // seconds east of UTC
}

var utcLoc = Location{name: "UTC", zone: "UTC"}
var localLoc = Location{name: "Local", zone: "UTC"}

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

// Local is the machine's zone; Goroscope's is UTC.
var Local *Location = &localLoc

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	return l
}

// String returns the location's name.
func (l *Location) String() string { return l.get().name }

// FixedZone returns a Location that always has the given name and offset (seconds east of UTC).
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, zone: name, offset: offset}
}

// LoadLocation knows "" and "UTC" (UTC) and "Local"; Goroscope has no time-zone database.
func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	return nil, &zoneError{"unknown time zone " + name}
}

type zoneError struct{ s string }

func (e *zoneError) Error() string { return e.s }

// A Time is an instant with nanosecond precision, shown in a Location.
type Time struct {
	sec  int64 // since January 1, year 1, 00:00:00 UTC
	nsec int64 // [0, 1e9)
	loc  *Location
}

const (
	secondsPerDay = 86400
	// unixToInternal is the Unix epoch in a Time's seconds.
	unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * secondsPerDay
)

// mkTime makes a Time of Unix seconds and nanoseconds (any sign: they are normalised).
func mkTime(sec, nsec int64, loc *Location) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	if loc == &utcLoc {
		loc = nil
	}
	return Time{sec + unixToInternal, nsec, loc}
}

// Now is the program's clock: the Unix epoch when it started, plus the time it has run.
func Now() Time {
	ns := now()
	return mkTime(0, ns, Local)
}

// Unix returns the local Time of sec seconds and nsec nanoseconds since the Unix epoch.
func Unix(sec int64, nsec int64) Time { return mkTime(sec, nsec, Local) }

// UnixMilli returns the local Time of msec milliseconds since the Unix epoch.
func UnixMilli(msec int64) Time { return mkTime(msec/1e3, (msec%1e3)*1e6, Local) }

// UnixMicro returns the local Time of usec microseconds since the Unix epoch.
func UnixMicro(usec int64) Time { return mkTime(usec/1e6, (usec%1e6)*1e3, Local) }

// Since is Now().Sub(t).
func Since(t Time) Duration { return Now().Sub(t) }

// Until is t.Sub(Now()).
func Until(t Time) Duration { return t.Sub(Now()) }

// Date returns the Time of the given fields in loc; fields out of range carry over, as Go's
// do (October 32 is November 1).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year, m = norm(year, m, 12)
	sec, nsec = norm(sec, nsec, 1e9)
	min, sec = norm(min, sec, 60)
	hour, min = norm(hour, min, 60)
	day, hour = norm(day, hour, 24)
	days := daysFromCivil(int64(year), int64(m+1), 1) + int64(day) - 1
	unix := days*secondsPerDay + int64(hour*3600+min*60+sec) - int64(loc.offset)
	return mkTime(unix, int64(nsec), loc)
}

// norm returns hi, lo with lo in [0, base), carrying what lo had beyond it into hi.
func norm(hi, lo, base int) (nhi, nlo int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// daysFromCivil is the Unix day (1970-01-01 is 0) of a proleptic Gregorian date.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the date of a Unix day.
func civilFromDays(z int64) (year int, month Month, day int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

func daysIn(m Month, year int) int {
	if m == February {
		if isLeap(year) {
			return 29
		}
		return 28
	}
	if m == April || m == June || m == September || m == November {
		return 30
	}
	return 31
}

// local is t's seconds since the Unix epoch as its location's clock reads them.
func (t Time) local() int64 { return t.sec - unixToInternal + int64(t.loc.get().offset) }

// day is t's Unix day and second of the day in its location.
func (t Time) day() (days, secs int64) {
	l := t.local()
	days = floorDiv(l, secondsPerDay)
	return days, l - days*secondsPerDay
}

// Date returns the year, month and day of t in its location.
func (t Time) Date() (year int, month Month, day int) {
	d, _ := t.day()
	return civilFromDays(d)
}

// Clock returns the hour, minute and second of t in its location.
func (t Time) Clock() (hour, min, sec int) {
	_, s := t.day()
	return int(s / 3600), int(s / 60 % 60), int(s % 60)
}

func (t Time) Year() int             { y, _, _ := t.Date(); return y }
func (t Time) Month() Month          { _, m, _ := t.Date(); return m }
func (t Time) Day() int              { _, _, d := t.Date(); return d }
func (t Time) Hour() int             { h, _, _ := t.Clock(); return h }
func (t Time) Minute() int           { _, m, _ := t.Clock(); return m }
func (t Time) Second() int           { _, _, s := t.Clock(); return s }
func (t Time) Nanosecond() int       { return int(t.nsec) }
func (t Time) Location() *Location   { return t.loc.get() }
func (t Time) Zone() (string, int)   { l := t.loc.get(); return l.zone, l.offset }
func (t Time) IsZero() bool          { return t.sec == 0 && t.nsec == 0 }
func (t Time) Unix() int64           { return t.sec - unixToInternal }
func (t Time) UnixNano() int64       { return (t.sec-unixToInternal)*1e9 + t.nsec }
func (t Time) UnixMilli() int64      { return (t.sec-unixToInternal)*1e3 + t.nsec/1e6 }
func (t Time) UnixMicro() int64      { return (t.sec-unixToInternal)*1e6 + t.nsec/1e3 }
func (t Time) After(u Time) bool     { return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec }
func (t Time) Before(u Time) bool    { return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec }
func (t Time) Equal(u Time) bool     { return t.sec == u.sec && t.nsec == u.nsec }
func (t Time) UTC() Time             { t.loc = nil; return t }
func (t Time) Local() Time           { t.loc = Local; return t }

// Compare returns -1, 0 or +1 as t is before, at or after u.
func (t Time) Compare(u Time) int {
	if t.Before(u) {
		return -1
	}
	if t.After(u) {
		return 1
	}
	return 0
}

// In returns t shown in loc.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	if loc == &utcLoc {
		loc = nil
	}
	t.loc = loc
	return t
}

// Weekday returns the day of the week of t in its location.
func (t Time) Weekday() Weekday {
	d, _ := t.day()
	return Weekday(floorDiv(d+4, 7)*-7 + d + 4) // 1970-01-01 was a Thursday
}

// YearDay returns the day of the year of t, 1 to 365 (366 in leap years).
func (t Time) YearDay() int {
	d, _ := t.day()
	y, _, _ := civilFromDays(d)
	return int(d-daysFromCivil(int64(y), 1, 1)) + 1
}

// ISOWeek returns the ISO 8601 year and week of t (weeks start on Monday; week 1 holds the
// year's first Thursday).
func (t Time) ISOWeek() (year, week int) {
	d, _ := t.day()
	shift := int64(Thursday - t.Weekday())
	if shift == 4 { // Sunday ends the week before
		shift = -3
	}
	d += shift
	y, _, _ := civilFromDays(d)
	return y, int(d-daysFromCivil(int64(y), 1, 1))/7 + 1
}

// Add returns t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	return t
}

// Sub returns t-u, saturating at the largest and smallest Durations.
func (t Time) Sub(u Time) Duration {
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	if u.Add(d).Equal(t) {
		return d
	}
	if t.Before(u) {
		return minDuration
	}
	return maxDuration
}

// AddDate returns t with years, months and days added, normalised as Date does.
func (t Time) AddDate(years int, months int, days int) Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return Date(y+years, m+Month(months), d+days, h, mi, s, int(t.nsec), t.Location())
}

// rem is t's time since the zero Time modulo d (d > 0), and 0 <= rem < d.
func (t Time) rem(d Duration) Duration {
	sec, nsec := t.sec, t.nsec
	neg := sec < 0
	if neg { // the distance before the zero Time, then mirrored
		sec, nsec = -sec, -nsec
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	hi, lo := bits.Mul64(uint64(sec), 1e9)
	var carry uint64
	lo, carry = bits.Add64(lo, uint64(nsec), 0)
	r := Duration(bits.Rem64(hi+carry, lo, uint64(d)))
	if neg && r != 0 {
		r = d - r
	}
	return r
}

// Truncate returns t rounded down to a multiple of d since the zero Time (t when d <= 0).
func (t Time) Truncate(d Duration) Time {
	if d <= 0 {
		return t
	}
	return t.Add(-t.rem(d))
}

// Round returns t rounded to the nearest multiple of d since the zero Time, halves up.
func (t Time) Round(d Duration) Time {
	if d <= 0 {
		return t
	}
	r := t.rem(d)
	if uint64(r)+uint64(r) < uint64(d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// String is t in the layout "2006-01-02 15:04:05.999999999 -0700 MST".
func (t Time) String() string { return t.Format("2006-01-02 15:04:05.999999999 -0700 MST") }

// The layouts Go names. The reference time is Mon Jan 2 15:04:05 MST 2006.
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// A layout element (what nextChunk finds).
const (
	stdNone              = iota
	stdLongMonth         // "January"
	stdMonth             // "Jan"
	stdNumMonth          // "1"
	stdZeroMonth         // "01"
	stdLongWeekDay       // "Monday"
	stdWeekDay           // "Mon"
	stdDay               // "2"
	stdUnderDay          // "_2"
	stdZeroDay           // "02"
	stdUnderYearDay      // "__2"
	stdZeroYearDay       // "002"
	stdHour              // "15"
	stdHour12            // "3"
	stdZeroHour12        // "03"
	stdMinute            // "4"
	stdZeroMinute        // "04"
	stdSecond            // "5"
	stdZeroSecond        // "05"
	stdLongYear          // "2006"
	stdYear              // "06"
	stdPM                // "PM"
	stdpm                // "pm"
	stdTZ                // "MST"
	stdISO8601TZ         // "Z0700"
	stdISO8601SecondsTZ  // "Z070000"
	stdISO8601ShortTZ    // "Z07"
	stdISO8601ColonTZ    // "Z07:00"
	stdISO8601ColonSecTZ // "Z07:00:00"
	stdNumTZ             // "-0700"
	stdNumSecondsTZ      // "-070000"
	stdNumShortTZ        // "-07"
	stdNumColonTZ        // "-07:00"
	stdNumColonSecTZ     // "-07:00:00"
	stdFracSecond0       // ".000": exactly n digits
	stdFracSecond9       // ".999": at most n digits, trailing zeros dropped
)

// chunk is a layout element: its kind and, for fractional seconds, the digits and separator.
type chunk struct {
	std    int
	digits int
	sep    byte
}

func startsWithLowerCase(s string) bool { return len(s) > 0 && 'a' <= s[0] && s[0] <= 'z' }

func isDigit(s string, i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }

// nextChunk splits layout at its first element: the text before, the element, the rest
// (stdNone and "" when there is none).
func nextChunk(layout string) (prefix string, c chunk, suffix string) {
	for i := 0; i < len(layout); i++ {
		rest := layout[i:]
		has := func(s string) bool { return len(rest) >= len(s) && rest[:len(s)] == s }
		found := func(std, n int) (string, chunk, string) { return layout[:i], chunk{std: std}, layout[i+n:] }
		switch layout[i] {
		case 'J':
			if has("January") {
				return found(stdLongMonth, 7)
			}
			if has("Jan") && !startsWithLowerCase(layout[i+3:]) {
				return found(stdMonth, 3)
			}
		case 'M':
			if has("Monday") {
				return found(stdLongWeekDay, 6)
			}
			if has("Mon") && !startsWithLowerCase(layout[i+3:]) {
				return found(stdWeekDay, 3)
			}
			if has("MST") {
				return found(stdTZ, 3)
			}
		case '0':
			if len(rest) >= 2 && '1' <= rest[1] && rest[1] <= '6' {
				return found([]int{stdZeroMonth, stdZeroDay, stdZeroHour12, stdZeroMinute, stdZeroSecond, stdYear}[rest[1]-'1'], 2)
			}
			if has("002") {
				return found(stdZeroYearDay, 3)
			}
		case '1':
			if has("15") {
				return found(stdHour, 2)
			}
			return found(stdNumMonth, 1)
		case '2':
			if has("2006") {
				return found(stdLongYear, 4)
			}
			return found(stdDay, 1)
		case '_':
			if has("_2") {
				if has("_2006") { // "_" then a year: the underscore is text
					return layout[:i+1], chunk{std: stdLongYear}, layout[i+5:]
				}
				return found(stdUnderDay, 2)
			}
			if has("__2") {
				return found(stdUnderYearDay, 3)
			}
		case '3':
			return found(stdHour12, 1)
		case '4':
			return found(stdMinute, 1)
		case '5':
			return found(stdSecond, 1)
		case 'P':
			if has("PM") {
				return found(stdPM, 2)
			}
		case 'p':
			if has("pm") {
				return found(stdpm, 2)
			}
		case '-':
			for _, z := range []struct {
				s   string
				std int
			}{{"-070000", stdNumSecondsTZ}, {"-07:00:00", stdNumColonSecTZ}, {"-0700", stdNumTZ}, {"-07:00", stdNumColonTZ}, {"-07", stdNumShortTZ}} {
				if has(z.s) {
					return found(z.std, len(z.s))
				}
			}
		case 'Z':
			for _, z := range []struct {
				s   string
				std int
			}{{"Z070000", stdISO8601SecondsTZ}, {"Z07:00:00", stdISO8601ColonSecTZ}, {"Z0700", stdISO8601TZ}, {"Z07:00", stdISO8601ColonTZ}, {"Z07", stdISO8601ShortTZ}} {
				if has(z.s) {
					return found(z.std, len(z.s))
				}
			}
		case '.', ',':
			if len(rest) >= 2 && (rest[1] == '0' || rest[1] == '9') {
				j := 1
				for j < len(rest) && rest[j] == rest[1] {
					j++
				}
				if !isDigit(rest, j) { // ".000" followed by a digit is text
					std := stdFracSecond0
					if rest[1] == '9' {
						std = stdFracSecond9
					}
					return layout[:i], chunk{std, j - 1, layout[i]}, rest[j:]
				}
			}
		}
	}
	return layout, chunk{}, ""
}

// appendInt appends x in decimal, zero-padded to width digits (after a '-').
func appendInt(b []byte, x int, width int) []byte {
	u := uint(x)
	if x < 0 {
		b = append(b, '-')
		u = uint(-x)
	}
	var buf [20]byte
	i := len(buf)
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	for w := len(buf) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

// Format returns t written in layout, Go's reference time Mon Jan 2 15:04:05 MST 2006 shown
// as t should be (see the layout constants).
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(make([]byte, 0, len(layout)+10), layout))
}

// AppendFormat is Format appending to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	zone, offset := t.Zone()
	for layout != "" {
		prefix, c, suffix := nextChunk(layout)
		b = append(b, prefix...)
		if c.std == stdNone {
			break
		}
		layout = suffix
		switch c.std {
		case stdYear:
			y := year
			if y < 0 {
				y = -y
			}
			b = appendInt(b, y%100, 2)
		case stdLongYear:
			b = appendInt(b, year, 4)
		case stdMonth:
			b = append(b, month.String()[:3]...)
		case stdLongMonth:
			b = append(b, month.String()...)
		case stdNumMonth:
			b = appendInt(b, int(month), 0)
		case stdZeroMonth:
			b = appendInt(b, int(month), 2)
		case stdWeekDay:
			b = append(b, shortDayNames[t.Weekday()]...)
		case stdLongWeekDay:
			b = append(b, longDayNames[t.Weekday()]...)
		case stdDay:
			b = appendInt(b, day, 0)
		case stdUnderDay:
			if day < 10 {
				b = append(b, ' ')
			}
			b = appendInt(b, day, 0)
		case stdZeroDay:
			b = appendInt(b, day, 2)
		case stdUnderYearDay:
			yday := t.YearDay()
			if yday < 100 {
				b = append(b, ' ')
				if yday < 10 {
					b = append(b, ' ')
				}
			}
			b = appendInt(b, yday, 0)
		case stdZeroYearDay:
			b = appendInt(b, t.YearDay(), 3)
		case stdHour:
			b = appendInt(b, hour, 2)
		case stdHour12, stdZeroHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			w := 0
			if c.std == stdZeroHour12 {
				w = 2
			}
			b = appendInt(b, hr, w)
		case stdMinute:
			b = appendInt(b, min, 0)
		case stdZeroMinute:
			b = appendInt(b, min, 2)
		case stdSecond:
			b = appendInt(b, sec, 0)
		case stdZeroSecond:
			b = appendInt(b, sec, 2)
		case stdPM, stdpm:
			pm := "AM"
			if hour >= 12 {
				pm = "PM"
			}
			if c.std == stdpm {
				pm = string([]byte{pm[0] + 'a' - 'A', 'm'})
			}
			b = append(b, pm...)
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecTZ,
			stdNumTZ, stdNumColonTZ, stdNumSecondsTZ, stdNumShortTZ, stdNumColonSecTZ:
			iso := c.std == stdISO8601TZ || c.std == stdISO8601ColonTZ || c.std == stdISO8601SecondsTZ ||
				c.std == stdISO8601ShortTZ || c.std == stdISO8601ColonSecTZ
			if iso && offset == 0 {
				b = append(b, 'Z')
				break
			}
			b = appendOffset(b, offset, c.std)
		case stdTZ:
			if zone != "" {
				b = append(b, zone...)
				break
			}
			b = appendOffset(b, offset, stdNumTZ)
		case stdFracSecond0, stdFracSecond9:
			b = appendFrac(b, t.nsec, c)
		}
	}
	return b
}

// appendOffset appends a zone offset in the form of the element std ("-07:00", "-0700", ...).
func appendOffset(b []byte, offset int, std int) []byte {
	if offset < 0 {
		b = append(b, '-')
		offset = -offset
	} else {
		b = append(b, '+')
	}
	colon := std == stdISO8601ColonTZ || std == stdNumColonTZ || std == stdISO8601ColonSecTZ || std == stdNumColonSecTZ
	b = appendInt(b, offset/3600, 2)
	if std == stdNumShortTZ || std == stdISO8601ShortTZ {
		return b
	}
	if colon {
		b = append(b, ':')
	}
	b = appendInt(b, offset/60%60, 2)
	if std == stdISO8601SecondsTZ || std == stdNumSecondsTZ || std == stdISO8601ColonSecTZ || std == stdNumColonSecTZ {
		if colon {
			b = append(b, ':')
		}
		b = appendInt(b, offset%60, 2)
	}
	return b
}

// appendFrac appends the fraction of a second nsec as the element c asks.
func appendFrac(b []byte, nsec int64, c chunk) []byte {
	var digits [9]byte
	for i := 8; i >= 0; i-- {
		digits[i] = byte('0' + nsec%10)
		nsec /= 10
	}
	n := c.digits
	if n > 9 {
		n = 9
	}
	if c.std == stdFracSecond9 {
		for n > 0 && digits[n-1] == '0' {
			n--
		}
		if n == 0 {
			return b
		}
	}
	b = append(b, c.sep)
	return append(b, digits[:n]...)
}

// ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// quote is s in double quotes, bytes outside printable ASCII as \x escapes (Go's time.quote).
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || c < ' ':
			b = append(b, '\\', 'x', hex[c>>4], hex[c&0xF])
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}

// Error returns Go's text: `parsing time "x" as "2006": cannot parse "x" as "2006"`.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) + ": cannot parse " +
			quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

type badValue struct{}

func (badValue) Error() string { return "bad value for field" }

var errBad error = badValue{}

// getnum reads one or two digits (exactly two when fixed).
func getnum(s string, fixed bool) (int, string, error) {
	if !isDigit(s, 0) {
		return 0, s, errBad
	}
	if !isDigit(s, 1) {
		if fixed {
			return 0, s, errBad
		}
		return int(s[0] - '0'), s[1:], nil
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], nil
}

// getnum3 reads one to three digits (exactly three when fixed).
func getnum3(s string, fixed bool) (int, string, error) {
	n, i := 0, 0
	for ; i < 3 && isDigit(s, i); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, errBad
	}
	return n, s[i:], nil
}

func cutspace(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// skip removes prefix from value; a space in prefix matches any run of spaces (at least one).
func skip(value, prefix string) (string, error) {
	for len(prefix) > 0 {
		if prefix[0] == ' ' {
			if len(value) > 0 && value[0] != ' ' {
				return value, errBad
			}
			prefix = cutspace(prefix)
			value = cutspace(value)
			continue
		}
		if len(value) == 0 || value[0] != prefix[0] {
			return value, errBad
		}
		prefix = prefix[1:]
		value = value[1:]
	}
	return value, nil
}

// lookup finds which of tab begins val, ignoring ASCII case.
func lookup(tab []string, val string) (int, string, error) {
	for i, v := range tab {
		if len(val) >= len(v) && equalFold(val[:len(v)], v) {
			return i, val[len(v):], nil
		}
	}
	return -1, val, errBad
}

func equalFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// leadingInt reads the decimal digits at s's start.
func leadingInt(s string) (x uint64, rem string, err error) {
	i := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		if x > 1<<63/10 {
			return 0, "", errBad
		}
		x = x*10 + uint64(s[i]-'0')
		if x > 1<<63 {
			return 0, "", errBad
		}
	}
	return x, s[i:], nil
}

// atoi reads a whole string as an optionally signed decimal.
func atoi(s string) (int, error) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	q, rem, err := leadingInt(s)
	if err != nil || len(rem) > 0 {
		return 0, errBad
	}
	if neg {
		return -int(q), nil
	}
	return int(q), nil
}

func commaOrPeriod(b byte) bool { return b == '.' || b == ',' }

// parseNanoseconds reads a separator and nbytes-1 digits as a fraction of a second.
func parseNanoseconds(value string, nbytes int) (ns int, rangeErr string, err error) {
	if !commaOrPeriod(value[0]) {
		return 0, "", errBad
	}
	if nbytes > 10 {
		value = value[:10]
		nbytes = 10
	}
	if ns, err = atoi(value[1:nbytes]); err != nil {
		return 0, "", err
	}
	if ns < 0 {
		return 0, "fractional second", nil
	}
	for i := 0; i < 10-nbytes; i++ {
		ns *= 10
	}
	return ns, "", nil
}

// parseTimeZone says how long the zone abbreviation at value's start is: three upper-case
// letters, four or five ending in T, a few special names, GMT with an hour offset, or +hh.
func parseTimeZone(value string) (int, bool) {
	if len(value) < 3 {
		return 0, false
	}
	if len(value) >= 4 && (value[:4] == "ChST" || value[:4] == "MeST") {
		return 4, true
	}
	if value[:3] == "GMT" {
		if len(value) == 3 {
			return 3, true
		}
		return 3 + parseSignedOffset(value[3:]), true
	}
	if value[0] == '+' || value[0] == '-' {
		n := parseSignedOffset(value)
		return n, n > 0
	}
	n := 0
	for n < 6 && n < len(value) && 'A' <= value[n] && value[n] <= 'Z' {
		n++
	}
	switch n {
	case 3:
		return 3, true
	case 4:
		if value[3] == 'T' || value[:4] == "WITA" {
			return 4, true
		}
	case 5:
		if value[4] == 'T' {
			return 5, true
		}
	}
	return 0, false
}

// parseSignedOffset is the length of a +h or -hh offset (hours at most 12) at value's start.
func parseSignedOffset(value string) int {
	if len(value) == 0 || value[0] != '-' && value[0] != '+' {
		return 0
	}
	x, rem, err := leadingInt(value[1:])
	if err != nil || value[1:] == rem || x > 12 {
		return 0
	}
	return len(value) - len(rem)
}

// Parse reads value written in layout (see Format). Without a zone in value the Time is UTC;
// an offset or abbreviation that Local has gives Local, any other a FixedZone.
func Parse(layout, value string) (Time, error) { return parse(layout, value, UTC, Local) }

// ParseInLocation is Parse with loc for a value without a zone, and for matching one.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

func parse(layout, value string, defaultLoc, local *Location) (Time, error) {
	alayout, avalue := layout, value
	rangeErr := ""
	amSet, pmSet := false, false
	year, month, day, yday := 0, -1, -1, -1
	hour, min, sec, nsec := 0, 0, 0, 0
	var z *Location
	zoneOffset, zoneName := -1, ""
	for {
		var err error
		prefix, c, suffix := nextChunk(layout)
		stdstr := layout[len(prefix) : len(layout)-len(suffix)]
		value, err = skip(value, prefix)
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, prefix, value, ""}
		}
		if c.std == stdNone {
			if len(value) != 0 {
				return Time{}, &ParseError{alayout, avalue, "", value, ": extra text: " + quote(value)}
			}
			break
		}
		layout = suffix
		switch c.std {
		case stdYear:
			if len(value) < 2 {
				err = errBad
				break
			}
			hold := value
			year, err = atoi(value[:2])
			value = value[2:]
			if err != nil {
				value = hold
			} else if year >= 69 {
				year += 1900
			} else {
				year += 2000
			}
		case stdLongYear:
			if len(value) < 4 || !isDigit(value, 0) {
				err = errBad
				break
			}
			year, err = atoi(value[:4])
			value = value[4:]
		case stdMonth:
			month, value, err = lookup(shortMonthNames, value)
			month++
		case stdLongMonth:
			month, value, err = lookup(longMonthNames, value)
			month++
		case stdNumMonth, stdZeroMonth:
			month, value, err = getnum(value, c.std == stdZeroMonth)
			if err == nil && (month <= 0 || 12 < month) {
				rangeErr = "month"
			}
		case stdWeekDay:
			_, value, err = lookup(shortDayNames, value)
		case stdLongWeekDay:
			_, value, err = lookup(longDayNames, value)
		case stdDay, stdUnderDay, stdZeroDay:
			if c.std == stdUnderDay && len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
			day, value, err = getnum(value, c.std == stdZeroDay)
		case stdUnderYearDay, stdZeroYearDay:
			for i := 0; i < 2; i++ {
				if c.std == stdUnderYearDay && len(value) > 0 && value[0] == ' ' {
					value = value[1:]
				}
			}
			yday, value, err = getnum3(value, c.std == stdZeroYearDay)
		case stdHour:
			hour, value, err = getnum(value, false)
			if hour < 0 || 24 <= hour {
				rangeErr = "hour"
			}
		case stdHour12, stdZeroHour12:
			hour, value, err = getnum(value, c.std == stdZeroHour12)
			if hour < 0 || 12 < hour {
				rangeErr = "hour"
			}
		case stdMinute, stdZeroMinute:
			min, value, err = getnum(value, c.std == stdZeroMinute)
			if min < 0 || 60 <= min {
				rangeErr = "minute"
			}
		case stdSecond, stdZeroSecond:
			sec, value, err = getnum(value, c.std == stdZeroSecond)
			if sec < 0 || 60 <= sec {
				rangeErr = "second"
				break
			}
			// a fraction in the value that the layout does not ask for is read here
			if len(value) >= 2 && commaOrPeriod(value[0]) && isDigit(value, 1) {
				_, next, _ := nextChunk(layout)
				if next.std == stdFracSecond0 || next.std == stdFracSecond9 {
					break
				}
				n := 2
				for ; n < len(value) && isDigit(value, n); n++ {
				}
				nsec, rangeErr, err = parseNanoseconds(value, n)
				value = value[n:]
			}
		case stdPM, stdpm:
			if len(value) < 2 {
				err = errBad
				break
			}
			p := value[:2]
			value = value[2:]
			am, pm := "AM", "PM"
			if c.std == stdpm {
				am, pm = "am", "pm"
			}
			switch p {
			case pm:
				pmSet = true
			case am:
				amSet = true
			default:
				err = errBad
			}
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecTZ,
			stdNumTZ, stdNumShortTZ, stdNumColonTZ, stdNumSecondsTZ, stdNumColonSecTZ:
			if (c.std == stdISO8601TZ || c.std == stdISO8601ShortTZ || c.std == stdISO8601ColonTZ) &&
				len(value) >= 1 && value[0] == 'Z' {
				value = value[1:]
				z = UTC
				break
			}
			zoneOffset, value, err = parseOffset(value, c.std)
		case stdTZ:
			if len(value) >= 3 && value[:3] == "UTC" {
				z = UTC
				value = value[3:]
				break
			}
			n, ok := parseTimeZone(value)
			if !ok {
				err = errBad
				break
			}
			zoneName, value = value[:n], value[n:]
		case stdFracSecond0:
			ndigit := 1 + c.digits
			if len(value) < ndigit {
				err = errBad
				break
			}
			nsec, rangeErr, err = parseNanoseconds(value, ndigit)
			value = value[ndigit:]
		case stdFracSecond9:
			if len(value) < 2 || !commaOrPeriod(value[0]) || !isDigit(value, 1) {
				break // the fraction may be left out
			}
			i := 0
			for i < 9 && isDigit(value, i+1) {
				i++
			}
			nsec, rangeErr, err = parseNanoseconds(value, 1+i)
			value = value[1+i:]
		}
		if rangeErr != "" {
			return Time{}, &ParseError{alayout, avalue, stdstr, value, ": " + rangeErr + " out of range"}
		}
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, stdstr, value, ""}
		}
	}
	if pmSet && hour < 12 {
		hour += 12
	} else if amSet && hour == 12 {
		hour = 0
	}
	if yday >= 0 {
		m, d := 0, 0
		if isLeap(year) {
			if yday == 31+29 {
				m, d = 2, 29
			} else if yday > 31+29 {
				yday--
			}
		}
		if yday < 1 || yday > 365 {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year out of range"}
		}
		if m == 0 {
			m = 1
			for yday > daysBefore(m+1) {
				m++
			}
			d = yday - daysBefore(m)
		}
		if month >= 0 && month != m {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match month"}
		}
		month = m
		if day >= 0 && day != d {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match day"}
		}
		day = d
	} else {
		if month < 0 {
			month = 1
		}
		if day < 0 {
			day = 1
		}
	}
	if day < 1 || day > daysIn(Month(month), year) {
		return Time{}, &ParseError{alayout, avalue, "", value, ": day out of range"}
	}
	if z != nil {
		return Date(year, Month(month), day, hour, min, sec, nsec, z), nil
	}
	if zoneOffset != -1 {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		t.sec -= int64(zoneOffset)
		if zoneOffset == local.offset && (zoneName == "" || zoneName == local.zone) {
			t.loc = local
		} else {
			t.loc = FixedZone(zoneName, zoneOffset)
		}
		return t, nil
	}
	if zoneName != "" {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		if zoneName == local.zone {
			t.sec -= int64(local.offset)
			t.loc = local
			return t, nil
		}
		offset := 0
		if len(zoneName) > 3 && zoneName[:3] == "GMT" {
			offset, _ = atoi(zoneName[3:])
			offset *= 3600
		}
		t.loc = FixedZone(zoneName, offset)
		return t, nil
	}
	return Date(year, Month(month), day, hour, min, sec, nsec, defaultLoc), nil
}

// daysBefore is the days of a non-leap year before month m's first (m in 1..13).
func daysBefore(m int) int {
	n := 0
	for i := 1; i < m; i++ {
		n += daysIn(Month(i), 1)
	}
	return n
}

// parseOffset reads a numeric zone offset in the form of the element std, in seconds.
func parseOffset(value string, std int) (int, string, error) {
	var sign, hh, mm, ss string
	switch std {
	case stdISO8601ColonTZ, stdNumColonTZ:
		if len(value) < 6 || value[3] != ':' {
			return -1, value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], "00", value[6:]
	case stdNumShortTZ, stdISO8601ShortTZ:
		if len(value) < 3 {
			return -1, value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], "00", "00", value[3:]
	case stdISO8601ColonSecTZ, stdNumColonSecTZ:
		if len(value) < 9 || value[3] != ':' || value[6] != ':' {
			return -1, value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], value[7:9], value[9:]
	case stdISO8601SecondsTZ, stdNumSecondsTZ:
		if len(value) < 7 {
			return -1, value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], value[5:7], value[7:]
	default:
		if len(value) < 5 {
			return -1, value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], "00", value[5:]
	}
	h, err := atoi(hh)
	m, err2 := atoi(mm)
	s, err3 := atoi(ss)
	if err != nil || err2 != nil || err3 != nil {
		return -1, value, errBad
	}
	off := (h*60+m)*60 + s
	switch sign[0] {
	case '+':
	case '-':
		off = -off
	default:
		return -1, value, errBad
	}
	return off, value, nil
}

type durationError struct{ s string }

func (e *durationError) Error() string { return e.s }

var unitMap = map[string]uint64{
	"ns": 1, "us": 1e3, "µs": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
}

// ParseDuration reads a duration such as "300ms", "-1.5h" or "2h45m" (units ns, us, µs, ms,
// s, m, h), with Go's errors.
func ParseDuration(s string) (Duration, error) {
	orig := s
	invalid := &durationError{"time: invalid duration " + quote(orig)}
	var d uint64
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, invalid
	}
	for s != "" {
		var v, f uint64
		scale := 1.0
		var err error
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, invalid
		}
		pl := len(s)
		v, s, err = leadingInt(s)
		if err != nil {
			return 0, invalid
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			for i := 0; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
				if f > 1<<63/10 { // digits past what fits count for nothing
					continue
				}
				f = f*10 + uint64(s[i]-'0')
				scale *= 10
			}
			for len(s) > 0 && '0' <= s[0] && s[0] <= '9' {
				s = s[1:]
			}
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, invalid
		}
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, &durationError{"time: missing unit in duration " + quote(orig)}
		}
		u := s[:i]
		s = s[i:]
		unit, ok := unitMap[u]
		if !ok {
			return 0, &durationError{"time: unknown unit " + quote(u) + " in duration " + quote(orig)}
		}
		if v > 1<<63/unit {
			return 0, invalid
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, invalid
			}
		}
		d += v
		if d > 1<<63 {
			return 0, invalid
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, invalid
	}
	return Duration(d), nil
}

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
	gen     int // Reset starts a new run; an older one ends at its next wake-up
}

func (t *Ticker) run(gen int) {
	for !t.stopped && t.gen == gen {
		Sleep(t.d)
		if t.stopped || t.gen != gen {
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
	go t.run(0)
	return t
}

func (t *Ticker) Stop() { t.stopped = true }

// Reset stops the ticker and starts it again with period d: the next tick comes d from now.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	t.gen++
	t.d = d
	t.stopped = false
	go t.run(t.gen)
}

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
