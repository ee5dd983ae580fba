package context

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
