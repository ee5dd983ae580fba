// sync's composite literals (&sync.WaitGroup{}, &sync.Once{}, &sync.Mutex{}), sync.Map,
// Pool and Cond; sync/atomic's functions, typed values, atomic.Value and atomic.Pointer[T];
// runtime's Goexit, NumGoroutine, Caller, Callers and Stack.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type Config struct{ Name string }

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func main() {
	c := counter{n: map[string]int{}}
	wg := &sync.WaitGroup{}
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.mu.Lock()
			c.n[fmt.Sprint(i%3)]++
			c.mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(c.n)

	rw := &sync.RWMutex{}
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()

	once := &sync.Once{}
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once") })
	}

	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	act, loaded := m.LoadOrStore("a", 9)
	fmt.Println(act, loaded)
	m.Delete("b")
	keys := []string{}
	m.Range(func(k, v any) bool { keys = append(keys, k.(string)); return true })
	sort.Strings(keys)
	fmt.Println(keys)
	val, ld := m.LoadAndDelete("a")
	fmt.Println(val, ld)

	pool := sync.Pool{New: func() any { return new([]byte) }}
	bp := pool.Get().(*[]byte)
	pool.Put(bp)

	var ops int64
	var ops32 atomic.Int32
	var wg2 sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg2.Add(1)
		go func() {
			atomic.AddInt64(&ops, 2)
			ops32.Add(1)
			wg2.Done()
		}()
	}
	wg2.Wait()
	fmt.Println(atomic.LoadInt64(&ops), ops32.Load())
	var u32 uint32 = 5
	swapped := atomic.CompareAndSwapUint32(&u32, 5, 7)
	fmt.Println(swapped, u32)
	old32 := atomic.SwapUint32(&u32, 1)
	fmt.Println(old32, u32)
	var av atomic.Value
	av.Store(Config{"v1"})
	fmt.Println(av.Load().(Config).Name)
	func() {
		defer func() { fmt.Println(recover()) }()
		av.Store("not a Config")
	}()
	fmt.Println(av.CompareAndSwap(Config{"v1"}, Config{"v2"}), av.Swap(Config{"v3"}).(Config).Name)
	var ap atomic.Pointer[Config]
	fmt.Println(ap.Load() == nil)
	ap.Store(&Config{"p1"})
	old := ap.Swap(&Config{"p2"})
	fmt.Println(old.Name, ap.Load().Name, ap.CompareAndSwap(old, nil))
	var flag atomic.Bool
	flag.Store(true)
	fmt.Println(flag.Load())

	cond := sync.NewCond(&sync.Mutex{})
	ready := false
	go func() {
		cond.L.Lock()
		ready = true
		cond.L.Unlock()
		cond.Broadcast()
	}()
	cond.L.Lock()
	for !ready {
		cond.Wait()
	}
	cond.L.Unlock()
	fmt.Println("ready")

	time.Sleep(time.Millisecond) // the broadcasting goroutine may still be ending on another P
	before := runtime.NumGoroutine()
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		defer fmt.Println("deferred before Goexit")
		runtime.Goexit()
		fmt.Println("never")
	}()
	<-done
	time.Sleep(time.Millisecond)
	fmt.Println(before, runtime.NumGoroutine())
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(file[len(file)-22:], line, ok)
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	fr, _ := frames.Next()
	fmt.Println(fr.Function)
	buf := make([]byte, 1024)
	k := runtime.Stack(buf, false)
	fmt.Println(string(buf[:len("goroutine 1 [running]:")]), k > 0)
}
