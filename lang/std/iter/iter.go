// Package iter: goroscope's iter, in Go (Go 1.23's iterator types). Pull runs the sequence
// in a goroutine of its own and hands each value over a channel, so the window draws it.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style one: next returns the next value
// and true, or the zero value and false at the end; stop ends the iteration.
func Pull[V any](seq Seq[V]) (func() (V, bool), func()) {
	type item struct {
		v V
	}
	more := make(chan bool)
	items := make(chan item)
	started, done := false, false
	run := func() {
		defer close(items)
		if !<-more {
			return
		}
		seq(func(v V) bool {
			items <- item{v}
			return <-more
		})
	}
	next := func() (V, bool) {
		var zero V
		if done {
			return zero, false
		}
		if !started {
			started = true
			go run()
		}
		more <- true
		it, ok := <-items
		if !ok {
			done = true
			return zero, false
		}
		return it.v, true
	}
	stop := func() {
		if done {
			return
		}
		done = true
		if !started {
			return
		}
		more <- false
		for range items {
		}
	}
	return next, stop
}

// Pull2 is Pull for a Seq2.
func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) {
	type pair struct {
		k K
		v V
	}
	next, stop := Pull(func(yield func(pair) bool) {
		seq(func(k K, v V) bool { return yield(pair{k, v}) })
	})
	next2 := func() (K, V, bool) {
		p, ok := next()
		return p.k, p.v, ok
	}
	return next2, stop
}
