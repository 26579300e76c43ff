package graph

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// Shortest-path measures (betweenness, closeness, harmonic closeness) come
// from one breadth-first search per source node over the undirected view
// (Brandes 2001, "A faster algorithm for betweenness centrality"): O(V·E)
// time, O(V+E) memory per worker. Links are unweighted here: a path's length
// is its number of hops.
//
// Exact mode runs a search from every node. Sampled mode (Brandes & Pich 2007,
// "Centrality estimation in large networks") runs it from k pivots, drawn
// per connected component in proportion to its size with a seeded generator,
// and scales the partial sums to unbiased estimates. Components of at most
// exactComponent nodes are always done exactly, so small islands in a large
// vault get exact values, and every pivot gets its own closeness exactly.

// exactComponent is the size up to which a component is always searched
// from every node, even in sampled mode.
const exactComponent = 100

// numBlocks is the number of source blocks, independent of the number of
// cores: each block sums its sources in order into its own arrays and the
// blocks are added in order, so the floating-point result is the same on
// every machine.
const numBlocks = 16

// pathScores are the results of shortestPaths. Betweenness is normalized as
// networkx does for undirected graphs (divided by (n-1)(n-2)); closeness is
// networkx's closeness_centrality with the Wasserman–Faust correction for
// disconnected graphs; harmonic is networkx's harmonic_centrality
// (unnormalized sum of 1/d).
type pathScores struct {
	betweenness, closeness, harmonic []float64
	// pivots is the number of sources searched (n when exact).
	pivots int
}

// shortestPaths computes pathScores with samples pivots (samples <= 0 or
// >= n: exact) on workers goroutines (<= 0: GOMAXPROCS).
func shortestPaths(l *links, samples int, seed uint64, workers int) pathScores {
	n := l.n
	res := pathScores{
		betweenness: make([]float64, n),
		closeness:   make([]float64, n),
		harmonic:    make([]float64, n),
	}
	if n == 0 {
		return res
	}
	comp, size := l.components()
	members := make([][]int32, len(size))
	for c, sz := range size {
		members[c] = make([]int32, 0, sz)
	}
	for v := 0; v < n; v++ {
		members[comp[v]] = append(members[comp[v]], int32(v))
	}

	exact := samples <= 0 || samples >= n
	// k[c] is the number of sources in component c; sources are listed
	// component by component, in increasing node order within each.
	k := make([]int, len(size))
	isSource := make([]bool, n)
	var sources []int32
	rng := rand.New(rand.NewPCG(seed, 0x6e6f7465)) // "note"
	for c, m := range members {
		kc := len(m)
		if !exact && len(m) > exactComponent {
			kc = int(math.Round(float64(samples) * float64(len(m)) / float64(n)))
			kc = min(max(kc, 2), len(m))
		}
		k[c] = kc
		if kc == len(m) {
			sources = append(sources, m...)
		} else {
			perm := slices.Clone(m)
			rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			pick := perm[:kc]
			slices.Sort(pick)
			sources = append(sources, pick...)
		}
	}
	for _, s := range sources {
		isSource[s] = true
	}
	res.pivots = len(sources)
	sampled := false
	for c := range k {
		if k[c] < size[c] {
			sampled = true
		}
	}

	// Blocks of consecutive sources; each has its own accumulators.
	nb := min(numBlocks, len(sources))
	type block struct {
		lo, hi int
		bc     []float64
		// sumD, sumH accumulate distances and inverse distances from
		// the block's sources to every node (sampled mode only).
		sumD, sumH []float64
	}
	blocks := make([]block, nb)
	for b := range blocks {
		blocks[b].lo = b * len(sources) / nb
		blocks[b].hi = (b + 1) * len(sources) / nb
	}
	// ownD, ownH hold a source's exact sums; each index is written by
	// exactly one source, so workers never share an element.
	ownD := make([]float64, n)
	ownH := make([]float64, n)

	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, nb)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := newSearchState(n)
			for {
				mu.Lock()
				b := next
				next++
				mu.Unlock()
				if b >= nb {
					return
				}
				blk := &blocks[b]
				blk.bc = make([]float64, n)
				if sampled {
					blk.sumD = make([]float64, n)
					blk.sumH = make([]float64, n)
				}
				for _, s := range sources[blk.lo:blk.hi] {
					ownD[s], ownH[s] = st.search(l, s, blk.bc, blk.sumD, blk.sumH)
				}
			}
		}()
	}
	wg.Wait()

	acc := make([]float64, n)
	accD := make([]float64, n)
	accH := make([]float64, n)
	for _, blk := range blocks {
		for v, x := range blk.bc {
			acc[v] += x
		}
		if sampled {
			for v := range accD {
				accD[v] += blk.sumD[v]
				accH[v] += blk.sumH[v]
			}
		}
	}

	norm := 0.0
	if n > 2 {
		norm = 1 / (float64(n-1) * float64(n-2))
	}
	for v := 0; v < n; v++ {
		c := comp[v]
		nc, kc := float64(size[c]), float64(k[c])
		sumD, sumH := ownD[v], ownH[v]
		bscale := 1.0
		if k[c] < size[c] {
			// Unbiased scaling (as networkx ≥ 3.5 does): a pivot
			// learns about v's paths from the other kc-1 pivots,
			// a non-pivot from all kc.
			if isSource[v] {
				bscale = (nc - 1) / (kc - 1)
			} else {
				bscale = (nc - 1) / kc
				sumD = accD[v] * (nc - 1) / kc
				sumH = accH[v] * (nc - 1) / kc
			}
		}
		res.betweenness[v] = acc[v] * bscale * norm
		res.harmonic[v] = sumH
		if sumD > 0 && n > 1 {
			r := nc - 1 // other nodes reachable from v
			res.closeness[v] = r / sumD * r / float64(n-1)
		}
	}
	return res
}

// searchState is one worker's scratch space for a search, reset after each
// source by walking only the nodes it reached. A node's distance, path count
// and dependency share 16 bytes (see nodeState): the searches jump around
// memory, and cache misses are what bound their speed.
type searchState struct {
	node  []nodeState
	order []int32
	// succ lists, for the i-th node of order, its successors on shortest
	// paths from the source: succ[succOff[i]:succOff[i+1]].
	succ    []int32
	succOff []int32
}

// nodeState is 16 bytes: val holds the number of shortest paths from the
// source (σ) during the forward pass and, once the backward pass has
// finished the node, its coefficient (1+δ)/σ, which is all its predecessors
// need.
type nodeState struct {
	val  float64
	dist int32
}

func newSearchState(n int) *searchState {
	st := &searchState{node: make([]nodeState, n), order: make([]int32, 0, n), succOff: make([]int32, 0, n+1)}
	for i := range st.node {
		st.node[i].dist = -1
	}
	return st
}

// search runs one Brandes pass from s: it adds s's dependencies to bc and,
// when sumD is not nil, each node's distance and inverse distance from s to
// sumD and sumH. It returns the sums of distances and inverse distances from
// s to the nodes it reaches.
//
// The forward pass records the shortest-path DAG as successor lists laid
// out in BFS order, so the backward pass reads them sequentially and touches
// only DAG links, not every neighbour.
func (st *searchState) search(l *links, s int32, bc, sumD, sumH []float64) (dsum, hsum float64) {
	ns := st.node
	order := append(st.order[:0], s)
	succ := st.succ[:0]
	succOff := append(st.succOff[:0], 0)
	ns[s].dist, ns[s].val = 0, 1
	for i := 0; i < len(order); i++ {
		v := order[i]
		dv := ns[v].dist + 1
		sv := ns[v].val
		for _, w := range l.adj[l.off[v]:l.off[v+1]] {
			nw := &ns[w]
			if nw.dist < 0 {
				nw.dist = dv
				order = append(order, w)
			}
			if nw.dist == dv {
				nw.val += sv
				succ = append(succ, w)
			}
		}
		succOff = append(succOff, int32(len(succ)))
	}
	for _, v := range order[1:] {
		d := float64(ns[v].dist)
		dsum += d
		hsum += 1 / d
		if sumD != nil {
			sumD[v] += d
			sumH[v] += 1 / d
		}
	}
	for i := len(order) - 1; i > 0; i-- {
		v := order[i]
		sum := 0.0
		for _, w := range succ[succOff[i]:succOff[i+1]] {
			sum += ns[w].val // (1+δ_w)/σ_w
		}
		sigma := ns[v].val
		delta := sigma * sum
		ns[v].val = (1 + delta) / sigma
		bc[v] += delta
	}
	for _, v := range order {
		ns[v] = nodeState{dist: -1}
	}
	st.order, st.succ, st.succOff = order, succ, succOff
	return dsum, hsum
}
