package graph

import (
	"cmp"
	"slices"
)

// links is the undirected view of a Graph that every measure runs on, stored
// as compressed sparse rows (CSR) so that the hot loops touch flat arrays only.
//
// Node i is g.Nodes[i]. All typed edges between the same two nodes, in either
// direction, become one link whose weight is the number of such edges (a
// Talk that COVERS a Tool the speaker also CREATED is linked more strongly
// than by one relation). Self-links and edges whose ends are missing are
// dropped: a note that mentions itself says nothing about its position.
//
// Invariants: adj[off[i]:off[i+1]] are i's neighbours in increasing order,
// with no duplicates and never i itself; w runs parallel to adj; pairs lists
// every link once as (a, b) with a < b, sorted.
type links struct {
	n     int
	off   []int32
	adj   []int32
	w     []float64
	pairs []pair
	// pairW is the weight of pairs[i].
	pairW []float64
}

type pair struct{ a, b int32 }

func newLinks(g *Graph) *links {
	idx := g.NodeIndex()
	ps := make([]pair, 0, len(g.Edges))
	for _, e := range g.Edges {
		a, okA := idx[e.Source]
		b, okB := idx[e.Target]
		if !okA || !okB || a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		ps = append(ps, pair{int32(a), int32(b)})
	}
	return linksFromPairs(len(g.Nodes), ps)
}

// linksFromPairs builds the CSR view of n nodes from unordered pairs
// (a < b); repeated pairs add to the weight. ps is reordered.
func linksFromPairs(n int, ps []pair) *links {
	slices.SortFunc(ps, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	l := &links{n: n, off: make([]int32, n+1)}
	for i, p := range ps {
		if i > 0 && ps[i-1] == p {
			l.pairW[len(l.pairW)-1]++
			continue
		}
		l.pairs = append(l.pairs, p)
		l.pairW = append(l.pairW, 1)
	}
	for _, p := range l.pairs {
		l.off[p.a+1]++
		l.off[p.b+1]++
	}
	for i := 0; i < n; i++ {
		l.off[i+1] += l.off[i]
	}
	l.adj = make([]int32, 2*len(l.pairs))
	l.w = make([]float64, 2*len(l.pairs))
	next := slices.Clone(l.off[:n])
	// Pairs are sorted by (a, b). The first pass gives every row its smaller
	// neighbours (row b gets the a's, in increasing order), the second its
	// larger ones (row a gets the b's, in increasing order): rows come out
	// sorted without a second sort.
	for i, p := range l.pairs {
		l.adj[next[p.b]], l.w[next[p.b]] = p.a, l.pairW[i]
		next[p.b]++
	}
	for i, p := range l.pairs {
		l.adj[next[p.a]], l.w[next[p.a]] = p.b, l.pairW[i]
		next[p.a]++
	}
	return l
}

func (l *links) degree(i int) int { return int(l.off[i+1] - l.off[i]) }

func (l *links) neighbors(i int) []int32 { return l.adj[l.off[i]:l.off[i+1]] }

// components labels each node with its connected component, numbered in
// order of their smallest node, and returns the labels and the sizes.
func (l *links) components() (comp []int32, size []int) {
	comp = make([]int32, l.n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, 64)
	for s := 0; s < l.n; s++ {
		if comp[s] >= 0 {
			continue
		}
		c := int32(len(size))
		comp[s] = c
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			for _, w := range l.neighbors(int(queue[i])) {
				if comp[w] < 0 {
					comp[w] = c
					queue = append(queue, w)
				}
			}
		}
		size = append(size, len(queue))
	}
	return comp, size
}
