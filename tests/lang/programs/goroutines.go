package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type SafeMap struct {
	mu sync.RWMutex
	m  map[string]int
}

func (s *SafeMap) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func (s *SafeMap) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.m[k]
}

func producer(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	total := 0
	for v := range square(producer(5)) {
		total += v
	}
	fmt.Println("pipeline", total)

	var ops atomic.Int64
	var n32 int32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				ops.Add(1)
				atomic.AddInt32(&n32, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("ops", ops.Load(), atomic.LoadInt32(&n32))

	sm := SafeMap{m: map[string]int{}}
	for i := 0; i < 20; i++ {
		wg.Go(func() { sm.Inc("k") })
	}
	wg.Wait()
	fmt.Println("safemap", sm.Get("k"))

	c1 := make(chan string, 1)
	go func() {
		time.Sleep(2 * time.Second)
		c1 <- "result 1"
	}()
	select {
	case res := <-c1:
		fmt.Println(res)
	case <-time.After(1 * time.Second):
		fmt.Println("timeout 1")
	}

	ticker := time.NewTicker(100 * time.Millisecond)
	count := 0
	for range ticker.C {
		count++
		if count == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks", count)

	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan int)
	go func() {
		i := 0
		for {
			select {
			case <-ctx.Done():
				close(results)
				return
			case results <- i:
				i++
			}
		}
	}()
	for v := range results {
		if v == 4 {
			cancel()
			break
		}
	}
	time.Sleep(time.Millisecond)
	fmt.Println("ctx", ctx.Err())

	ctx2, cancel2 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel2()
	select {
	case <-ctx2.Done():
		fmt.Println("timeout:", ctx2.Err())
	case <-time.After(time.Second):
		fmt.Println("late")
	}

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	go func() {
		time.Sleep(10 * time.Millisecond)
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
	fmt.Println("ready", ready)

	sem := make(chan struct{}, 2)
	var active, peak int32
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sem <- struct{}{}
			a := atomic.AddInt32(&active, 1)
			for {
				p := atomic.LoadInt32(&peak)
				if a <= p || atomic.CompareAndSwapInt32(&peak, p, a) {
					break
				}
			}
			time.Sleep(10 * time.Millisecond)
			atomic.AddInt32(&active, -1)
			<-sem
		}(i)
	}
	wg.Wait()
	fmt.Println("peak", peak)
	start := time.Now()
	time.Sleep(1500 * time.Millisecond)
	fmt.Println("slept", time.Since(start), time.Duration(90)*time.Minute, 1500*time.Microsecond)
}
