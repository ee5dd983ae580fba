// lang/src/prelude.cpp: the standard-library packages goroscope provides, as Go source.
// Functions without a body are natives (natives.cpp, by "pkg.Name" or "pkg.Type.Method");
// everything else is ordinary Go that the checker checks and the VM runs like user code.
// `__native` as a type's definition makes a runtime-implemented type (sync.Mutex & co).
#include <map>
#include <string>

#include "checker.hpp"

namespace golang {

namespace {

const char* kFmt = R"(package fmt

import "errors"

type Stringer interface {
	String() string
}

func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

func wrapIndex(format string) int

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

func Errorf(format string, a ...any) error {
	s := Sprintf(format, a...)
	i := wrapIndex(format)
	if i >= 0 && i < len(a) {
		if e, ok := a[i].(error); ok {
			return &wrapError{s, e}
		}
	}
	return errors.New(s)
}
)";

const char* kErrors = R"(package errors

type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

func New(text string) error { return &errorString{text} }

func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

func isComparable(err error) bool

func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	cmp := isComparable(target)
	for {
		if cmp && isComparable(err) && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
		if err == nil {
			return false
		}
	}
}

func setAs(err error, target any) bool

func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	for err != nil {
		if setAs(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}
)";

const char* kTime = R"(package time

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
)";

const char* kSync = R"(package sync

type Mutex __native

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

type RWMutex __native

func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool

type WaitGroup __native

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()

func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

type Once __native

func (o *Once) Do(f func())

type Locker interface {
	Lock()
	Unlock()
}

type condImpl __native

func (c *condImpl) wait(l Locker)
func (c *condImpl) signal()
func (c *condImpl) broadcast()

type Cond struct {
	L    Locker
	impl condImpl
}

func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) Wait()      { c.impl.wait(c.L) }
func (c *Cond) Signal()    { c.impl.signal() }
func (c *Cond) Broadcast() { c.impl.broadcast() }
)";

const char* kAtomic = R"(package atomic

func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

type Int32 struct {
	v int32
}

func (x *Int32) Load() int32           { return LoadInt32(&x.v) }
func (x *Int32) Store(val int32)       { StoreInt32(&x.v, val) }
func (x *Int32) Add(delta int32) int32 { return AddInt32(&x.v, delta) }
func (x *Int32) Swap(new int32) int32  { return SwapInt32(&x.v, new) }
func (x *Int32) CompareAndSwap(old, new int32) bool {
	return CompareAndSwapInt32(&x.v, old, new)
}

type Int64 struct {
	v int64
}

func (x *Int64) Load() int64           { return LoadInt64(&x.v) }
func (x *Int64) Store(val int64)       { StoreInt64(&x.v, val) }
func (x *Int64) Add(delta int64) int64 { return AddInt64(&x.v, delta) }
func (x *Int64) Swap(new int64) int64  { return SwapInt64(&x.v, new) }
func (x *Int64) CompareAndSwap(old, new int64) bool {
	return CompareAndSwapInt64(&x.v, old, new)
}

type Uint64 struct {
	v uint64
}

func (x *Uint64) Load() uint64            { return LoadUint64(&x.v) }
func (x *Uint64) Store(val uint64)        { StoreUint64(&x.v, val) }
func (x *Uint64) Add(delta uint64) uint64 { return AddUint64(&x.v, delta) }

type Bool struct {
	v int32
}

func (x *Bool) Load() bool { return LoadInt32(&x.v) != 0 }
func (x *Bool) Store(val bool) {
	if val {
		StoreInt32(&x.v, 1)
	} else {
		StoreInt32(&x.v, 0)
	}
}
func (x *Bool) CompareAndSwap(old, new bool) bool {
	o, n := int32(0), int32(0)
	if old {
		o = 1
	}
	if new {
		n = 1
	}
	return CompareAndSwapInt32(&x.v, o, n)
}
)";

const char* kContext = R"(package context

import (
	"errors"
	"time"
)

type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

type CancelFunc func()

var Canceled = errors.New("context canceled")

var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

type impl __native

func (c *impl) Done() <-chan struct{}
func (c *impl) errText() string
func (c *impl) deadlineNs() int64
func (c *impl) parent() Context

func (c *impl) Err() error {
	s := c.errText()
	if s == "" {
		return nil
	}
	if s == "context canceled" {
		return Canceled
	}
	return DeadlineExceeded
}

func (c *impl) Deadline() (time.Time, bool) {
	ns := c.deadlineNs()
	if ns < 0 {
		return time.Time{}, false
	}
	return time.Unix(0, ns), true
}

func (c *impl) Value(key any) any {
	p := c.parent()
	if p == nil {
		return nil
	}
	return p.Value(key)
}

type valueCtx struct {
	Context
	key, val any
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.Context.Value(key)
}

func background() *impl
func withCancel(parent *impl, p Context) (*impl, CancelFunc)
func withDeadline(parent *impl, p Context, ns int64) (*impl, CancelFunc)

var bg = background()

func Background() Context { return bg }
func TODO() Context       { return bg }

func base(ctx Context) *impl {
	for {
		switch c := ctx.(type) {
		case *impl:
			return c
		case *valueCtx:
			ctx = c.Context
		default:
			return bg
		}
	}
}

func WithCancel(parent Context) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c, f := withCancel(base(parent), parent)
	return c, f
}

func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c, f := withDeadline(base(parent), parent, d.UnixNano())
	return c, f
}

func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return &valueCtx{parent, key, val}
}
)";

const char* kStrings = R"(package strings

func Contains(s, substr string) bool
func ContainsRune(s string, r rune) bool
func ContainsAny(s, chars string) bool
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func Index(s, substr string) int
func IndexByte(s string, c byte) int
func IndexRune(s string, r rune) int
func IndexAny(s, chars string) int
func LastIndex(s, substr string) int
func Split(s, sep string) []string
func SplitN(s, sep string, n int) []string
func Fields(s string) []string
func Join(elems []string, sep string) string
func Repeat(s string, count int) string
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func ToUpper(s string) string
func ToLower(s string) string
func Title(s string) string
func TrimSpace(s string) string
func Trim(s, cutset string) string
func TrimLeft(s, cutset string) string
func TrimRight(s, cutset string) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string
func Count(s, substr string) int
func EqualFold(s, t string) bool
func Compare(a, b string) int

func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func TrimLeftFunc(s string, f func(rune) bool) string {
	for i, r := range s {
		if !f(r) {
			return s[i:]
		}
	}
	return ""
}

func TrimRightFunc(s string, f func(rune) bool) string {
	rs := []rune(s)
	n := len(rs)
	for n > 0 && f(rs[n-1]) {
		n--
	}
	return string(rs[:n])
}

func Map(mapping func(rune) rune, s string) string {
	var b []rune
	for _, r := range s {
		m := mapping(r)
		if m >= 0 {
			b = append(b, m)
		}
	}
	return string(b)
}

func FieldsFunc(s string, f func(rune) bool) []string {
	var out []string
	start := -1
	for i, r := range s {
		if f(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

type Builder struct {
	buf []byte
}

func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

func (b *Builder) WriteRune(r rune) (int, error) {
	s := string(r)
	b.buf = append(b.buf, s...)
	return len(s), nil
}

func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *Builder) String() string { return string(b.buf) }
func (b *Builder) Len() int       { return len(b.buf) }
func (b *Builder) Reset()         { b.buf = nil }
func (b *Builder) Grow(n int)     {}

type Replacer struct {
	pairs []string
}

func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{oldnew}
}

func (r *Replacer) Replace(s string) string {
	var b Builder
	for i := 0; i < len(s); {
		matched := false
		for k := 0; k < len(r.pairs); k += 2 {
			old := r.pairs[k]
			if old != "" && HasPrefix(s[i:], old) {
				b.WriteString(r.pairs[k+1])
				i += len(old)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}
)";

const char* kStrconv = R"(package strconv

import "errors"

var ErrSyntax = errors.New("invalid syntax")
var ErrRange = errors.New("value out of range")

type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func parseInt(s string, base int, bits int, unsigned bool) (int64, int)
func parseFloat(s string) (float64, int)

func numError(fn, s string, code int) error {
	if code == 1 {
		return &NumError{fn, s, ErrSyntax}
	}
	return &NumError{fn, s, ErrRange}
}

func Atoi(s string) (int, error) {
	n, code := parseInt(s, 10, 64, false)
	if code != 0 {
		return int(n), numError("Atoi", s, code)
	}
	return int(n), nil
}

func ParseInt(s string, base int, bitSize int) (int64, error) {
	n, code := parseInt(s, base, bitSize, false)
	if code != 0 {
		return n, numError("ParseInt", s, code)
	}
	return n, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	n, code := parseInt(s, base, bitSize, true)
	if code != 0 {
		return uint64(n), numError("ParseUint", s, code)
	}
	return uint64(n), nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	f, code := parseFloat(s)
	if code != 0 {
		return f, numError("ParseFloat", s, code)
	}
	return f, nil
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "TRUE", "true", "True":
		return true, nil
	case "0", "f", "F", "FALSE", "false", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

func Itoa(i int) string
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteRune(r rune) string

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
)";

const char* kMath = R"(package math

const (
	E       = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi      = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi     = 1.61803398874989484820458683436563811772030917980576286213544862
	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078831548987303209766022219898138025215
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	Ln2     = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E   = 1 / Ln2
	Ln10    = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E  = 1 / Ln10

	MaxFloat32             = 3.40282346638528859811704183484516925440e+38
	SmallestNonzeroFloat32 = 1.401298464324817070923729583289916131280e-45
	MaxFloat64             = 1.79769313486231570814527423731704356798070e+308
	SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324

	MaxInt    = 1<<63 - 1
	MinInt    = -1 << 63
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<64 - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

func Sqrt(x float64) float64
func Pow(x, y float64) float64
func Abs(x float64) float64
func Floor(x float64) float64
func Ceil(x float64) float64
func Round(x float64) float64
func Trunc(x float64) float64
func Exp(x float64) float64
func Log(x float64) float64
func Log2(x float64) float64
func Log10(x float64) float64
func Sin(x float64) float64
func Cos(x float64) float64
func Tan(x float64) float64
func Atan(x float64) float64
func Atan2(y, x float64) float64
func Hypot(p, q float64) float64
func Mod(x, y float64) float64
func Cbrt(x float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Inf(sign int) float64
func NaN() float64
func IsNaN(f float64) (is bool)
func IsInf(f float64, sign int) bool
func Signbit(x float64) bool
)";

const char* kRand = R"(package rand

func Intn(n int) int
func Int63() int64
func Float64() float64

func Int() int              { return int(Int63()) }
func Int31() int32          { return int32(Int63() >> 32) }
func Int63n(n int64) int64  { return int64(Intn(int(n))) }
func Int31n(n int32) int32  { return int32(Intn(int(n))) }
func Float32() float32      { return float32(Float64()) }
func Seed(seed int64)       {}

func Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := Intn(i + 1)
		swap(i, j)
	}
}

type Source interface {
	Int63() int64
	Seed(seed int64)
}

type source struct{}

func (source) Int63() int64    { return Int63() }
func (source) Seed(seed int64) {}

func NewSource(seed int64) Source { return source{} }

type Rand struct {
	src Source
}

func New(src Source) *Rand                   { return &Rand{src} }
func (r *Rand) Intn(n int) int               { return Intn(n) }
func (r *Rand) Int() int                     { return Int() }
func (r *Rand) Int63() int64                 { return Int63() }
func (r *Rand) Int63n(n int64) int64         { return Int63n(n) }
func (r *Rand) Float64() float64             { return Float64() }
func (r *Rand) Perm(n int) []int             { return Perm(n) }
func (r *Rand) Shuffle(n int, swap func(i, j int)) { Shuffle(n, swap) }
func (r *Rand) Seed(seed int64)              {}
)";

const char* kSort = R"(package sort

type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func Ints(x []int)
func Strings(x []string)
func Float64s(x []float64)
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
func lenOf(x any) int

func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := lenOf(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

func IntsAreSorted(x []int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if x[i] < x[i-1] {
			return false
		}
	}
	return true
}

func StringsAreSorted(x []string) bool {
	for i := len(x) - 1; i > 0; i-- {
		if x[i] < x[i-1] {
			return false
		}
	}
	return true
}

func Sort(data Interface) {
	n := data.Len()
	for i := 1; i < n; i++ {
		for j := i; j > 0 && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

func Stable(data Interface) { Sort(data) }

func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

func Reverse(data Interface) Interface { return &reverse{data} }

func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
)";

const char* kOs = R"(package os

func Exit(code int)

var Args = []string{"prog"}

func Getenv(key string) string { return "" }
)";

const char* kRuntime = R"(package runtime

func Gosched()
func NumGoroutine() int
func GOMAXPROCS(n int) int
func NumCPU() int

type Error interface {
	error
	RuntimeError()
}
)";

const char* kUnicode = R"(package unicode

func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsPunct(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
)";

const char* kUtf8 = R"(package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func RuneCountInString(s string) (n int)
func RuneLen(r rune) int
func ValidString(s string) bool
func DecodeRuneInString(s string) (rune, int)
func DecodeLastRuneInString(s string) (rune, int)
func RuneCount(p []byte) int { return RuneCountInString(string(p)) }
)";

}  // namespace

std::string load_prelude(const std::string& path) {
  static const std::map<std::string, const char*> preludes = {
      {"fmt", kFmt},         {"errors", kErrors},      {"time", kTime},
      {"sync", kSync},       {"sync/atomic", kAtomic}, {"context", kContext},
      {"strings", kStrings}, {"strconv", kStrconv},    {"math", kMath},
      {"math/rand", kRand},  {"sort", kSort},          {"os", kOs},
      {"runtime", kRuntime}, {"unicode", kUnicode},    {"unicode/utf8", kUtf8},
  };
  auto it = preludes.find(path);
  return it == preludes.end() ? std::string() : std::string(it->second);
}

}  // namespace golang
