package graph

import (
	"math/rand/v2"
	"slices"
)

// louvain finds communities in the undirected view by the Louvain method
// (Blondel et al. 2008): move single nodes to the neighbouring community that
// most increases modularity until none gains, merge each community into one
// node, and repeat on the smaller graph. It works over flat arrays; gonum's
// community.Modularize does the same over maps and interfaces and is ~50×
// slower at 10,000 nodes (measured: docs/analysis.md).
//
// The node order of each level is a seeded shuffle and ties keep the first
// community met, so a seed gives one answer. It returns each node's
// community, numbered 0..k-1 in order of first node.
func louvain(l *links, resolution float64, seed uint64) []int32 {
	rng := rand.New(rand.NewPCG(seed, 0x6c6f7576)) // "louv"
	lv := levelFromLinks(l)
	// member[i] is the current community (= node of the current level)
	// of original node i.
	member := make([]int32, l.n)
	for i := range member {
		member[i] = int32(i)
	}
	for {
		comm, moved := lv.moveNodes(resolution, rng)
		comm, nc := renumberFirstSeen(comm)
		for i, c := range member {
			member[i] = comm[c]
		}
		if !moved || nc == lv.n {
			return member
		}
		lv = lv.aggregate(comm, nc)
	}
}

// maxVisitsPerNode bounds the local-moving work of a level at this many
// visits per node; in practice the queue empties long before.
const maxVisitsPerNode = 64

// level is one level of the Louvain hierarchy: a weighted undirected graph
// in CSR form whose self-weight self[i] is the weight inside node i counted
// in both directions, so that k[i] = self[i] + Σ_j w(i,j).
type level struct {
	n    int
	off  []int32
	adj  []int32
	w    []float64
	self []float64
	k    []float64
	m2   float64 // Σ k = twice the total weight
}

func levelFromLinks(l *links) *level {
	lv := &level{n: l.n, off: l.off, adj: l.adj, w: l.w, self: make([]float64, l.n), k: make([]float64, l.n)}
	for i := 0; i < l.n; i++ {
		for _, w := range l.w[l.off[i]:l.off[i+1]] {
			lv.k[i] += w
		}
		lv.m2 += lv.k[i]
	}
	return lv
}

// moveNodes runs the local-moving phase and returns each node's community
// (labels are node indices) and whether any node moved.
func (lv *level) moveNodes(resolution float64, rng *rand.Rand) ([]int32, bool) {
	n := lv.n
	comm := make([]int32, n)
	tot := make([]float64, n)
	for i := range comm {
		comm[i] = int32(i)
		tot[i] = lv.k[i]
	}
	if lv.m2 == 0 {
		return comm, false
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })

	// Fast local moving (Traag 2015, as in Leiden): a queue holds the
	// nodes to visit, first all in shuffled order; when a node moves, its
	// neighbours outside its new community are queued again. Work thus
	// follows the moves instead of sweeping the whole graph each pass.
	queue := make([]int32, n, 2*n)
	copy(queue, order)
	queued := make([]bool, n)
	for i := range queued {
		queued[i] = true
	}
	neighW := make([]float64, n) // weight from the current node to each community
	touched := make([]int32, 0, 64)
	moved := false
	// A move must gain more than eps (in units of m·ΔQ), so rounding
	// noise cannot make nodes swap back and forth.
	eps := 1e-12 * lv.m2
	budget := maxVisitsPerNode * n
	for head := 0; head < len(queue) && budget > 0; head++ {
		budget--
		v := queue[head]
		queued[v] = false
		if head > n && head > len(queue)/2 {
			// Compact the queue now and then.
			queue = append(queue[:0], queue[head+1:]...)
			head = -1
		}
		cv := comm[v]
		kv := lv.k[v]
		touched = append(touched[:0], cv) // staying is always a candidate
		for j := lv.off[v]; j < lv.off[v+1]; j++ {
			c := comm[lv.adj[j]]
			if neighW[c] == 0 && c != cv {
				touched = append(touched, c)
			}
			neighW[c] += lv.w[j]
		}
		tot[cv] -= kv
		scale := resolution * kv / lv.m2
		best, bestGain := cv, neighW[cv]-scale*tot[cv]
		stay := bestGain
		for _, c := range touched[1:] {
			if g := neighW[c] - scale*tot[c]; g > bestGain+eps {
				best, bestGain = c, g
			}
		}
		tot[best] += kv
		for _, c := range touched {
			neighW[c] = 0
		}
		if best == cv || bestGain-stay <= eps {
			tot[best] -= kv
			tot[cv] += kv
			continue
		}
		comm[v] = best
		moved = true
		for j := lv.off[v]; j < lv.off[v+1]; j++ {
			u := lv.adj[j]
			if !queued[u] && comm[u] != best {
				queued[u] = true
				queue = append(queue, u)
			}
		}
	}
	return comm, moved
}

// aggregate returns the level whose nodes are the communities comm (labels
// 0..nc-1) of lv.
func (lv *level) aggregate(comm []int32, nc int) *level {
	members := make([][]int32, nc)
	for v, c := range comm {
		members[c] = append(members[c], int32(v))
	}
	out := &level{n: nc, off: make([]int32, nc+1), self: make([]float64, nc), k: make([]float64, nc), m2: lv.m2}
	neighW := make([]float64, nc)
	touched := make([]int32, 0, 64)
	for c, ms := range members {
		touched = touched[:0]
		for _, v := range ms {
			out.self[c] += lv.self[v]
			out.k[c] += lv.k[v]
			for j := lv.off[v]; j < lv.off[v+1]; j++ {
				d := comm[lv.adj[j]]
				if int(d) == c {
					out.self[c] += lv.w[j]
					continue
				}
				if neighW[d] == 0 {
					touched = append(touched, d)
				}
				neighW[d] += lv.w[j]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			out.adj = append(out.adj, d)
			out.w = append(out.w, neighW[d])
			neighW[d] = 0
		}
		out.off[c+1] = int32(len(out.adj))
	}
	return out
}

// renumberFirstSeen maps labels to 0..k-1 in order of first appearance.
func renumberFirstSeen(labels []int32) ([]int32, int) {
	id := make([]int32, len(labels))
	for i := range id {
		id[i] = -1
	}
	out := make([]int32, len(labels))
	k := int32(0)
	for i, c := range labels {
		if id[c] < 0 {
			id[c] = k
			k++
		}
		out[i] = id[c]
	}
	return out, int(k)
}

// modularity returns Newman's modularity Q of the partition comm of the
// undirected view at the given resolution, as gonum's community.Q defines it:
// Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j).
func modularity(l *links, comm []int32, resolution float64) float64 {
	nc := 0
	for _, c := range comm {
		nc = max(nc, int(c)+1)
	}
	in := make([]float64, nc)
	tot := make([]float64, nc)
	m2 := 0.0
	for v := 0; v < l.n; v++ {
		for j := l.off[v]; j < l.off[v+1]; j++ {
			w := l.w[j]
			tot[comm[v]] += w
			m2 += w
			if comm[l.adj[j]] == comm[v] {
				in[comm[v]] += w
			}
		}
	}
	if m2 == 0 {
		return 0
	}
	q := 0.0
	for c := range in {
		q += in[c]/m2 - resolution*(tot[c]/m2)*(tot[c]/m2)
	}
	return q
}
