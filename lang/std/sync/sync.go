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
