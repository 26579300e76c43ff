package extract

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// poolSize is the number of goroutines for n files: GOMAXPROCS, and no
// more than there are files.
func poolSize(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// eachFile runs f(w, i) for every i in [0, n) (files; in build, groups of
// mentions) on workers goroutines; w (0 ≤ w < workers) names the
// goroutine, so that f can keep per-worker state without locks. f must
// write only to its own slot i (and to worker w's state): results are then
// in input order whatever the schedule, which is what keeps the output
// byte-identical for any core count.
//
// Files are handed out one at a time from a shared counter rather than in
// fixed blocks: note sizes vary by orders of magnitude (a 300-line talk
// file beside a one-line stub), and a block of large files would leave the
// other cores idle.
func eachFile(workers, n int, f func(w, i int)) {
	if workers <= 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(w, i)
			}
		}()
	}
	wg.Wait()
}

// inOrder runs work(w, i) for every i in [0, n) on the pool, as eachFile
// does, and merge(i) on the calling goroutine in input order, each as soon
// as work(i) and every merge before it are done. So the stages that join
// the slots in order (the walk's merge, pass 2's mentions) run beside the
// stages that fill them, and merge can drop a slot once joined: the slots
// are not all held at once. work must write only its slot i (and worker
// w's state) and read nothing merge writes; merge may read slot i.
func inOrder(workers, n int, work func(w, i int), merge func(i int)) {
	if workers <= 1 {
		for i := range n {
			work(0, i)
			merge(i)
		}
		return
	}
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	go eachFile(workers, n, func(w, i int) {
		work(w, i)
		close(done[i])
	})
	for i := range n {
		<-done[i]
		merge(i)
	}
}

// progress serializes the calls of Options.Progress, which the pool's
// goroutines make concurrently: the callback sees done rise by one per
// call and never runs twice at once.
type progress struct {
	mu    sync.Mutex
	f     func(done, total int)
	done  int
	total int
}

// grow adds n steps to the total still to be done.
func (p *progress) grow(n int) {
	if p == nil || p.f == nil {
		return
	}
	p.mu.Lock()
	p.total += n
	p.mu.Unlock()
}

// step reports one more step done.
func (p *progress) step() {
	if p == nil || p.f == nil {
		return
	}
	p.mu.Lock()
	p.done++
	p.f(p.done, p.total)
	p.mu.Unlock()
}

// reach reports the steps up to done as done, if they are not yet.
func (p *progress) reach(done int) {
	if p == nil || p.f == nil {
		return
	}
	p.mu.Lock()
	if done > p.done {
		p.done = done
		p.f(p.done, p.total)
	}
	p.mu.Unlock()
}
