package sync

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

// OnceFunc returns a function that invokes f only once; a panic of f is re-raised by every
// call (Go 1.21).
func OnceFunc(f func()) func() {
	var once Once
	var valid bool
	var p any
	g := func() {
		defer func() {
			if !valid {
				p = recover()
				panic(p)
			}
		}()
		f()
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

// OnceValue returns a function that invokes f only once and returns its value (Go 1.21).
func OnceValue[T any](f func() T) func() T {
	var once Once
	var valid bool
	var p any
	var result T
	g := func() {
		defer func() {
			if !valid {
				p = recover()
				panic(p)
			}
		}()
		result = f()
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns its values (Go 1.21).
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var once Once
	var valid bool
	var p any
	var r1 T1
	var r2 T2
	g := func() {
		defer func() {
			if !valid {
				p = recover()
				panic(p)
			}
		}()
		r1, r2 = f()
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}
