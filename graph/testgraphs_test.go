package graph

import (
	"fmt"
	"slices"
)

// splitmix64 is the generator bench/compare.py reimplements, so Go
// benchmarks and the networkx/igraph script run on the same edge lists.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9E3779B97F4A7C15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// randomPairs returns m distinct random links on n nodes (G(n, m)), in the
// order bench/compare.py generates them.
func randomPairs(n, m int, seed uint64) []pair {
	r := splitmix64(seed)
	seen := make(map[pair]bool, m)
	out := make([]pair, 0, m)
	for len(out) < m {
		u := int32(r.next() % uint64(n))
		v := int32(r.next() % uint64(n))
		if u == v {
			continue
		}
		p := pair{min(u, v), max(u, v)}
		if seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// nodeID names node i so that IDs sort in index order.
func nodeID(i int) string { return fmt.Sprintf("concept:n%07d", i) }

// graphFromPairs builds a model graph of n Concept nodes with one RELATED_TO
// edge per pair.
func graphFromPairs(n int, ps []pair) *Graph {
	g := &Graph{Nodes: make([]Node, n), Edges: make([]Edge, 0, len(ps))}
	for i := range g.Nodes {
		g.Nodes[i] = Node{ID: nodeID(i), Type: Concept, Name: fmt.Sprintf("n%d", i)}
	}
	for _, p := range ps {
		g.Edges = append(g.Edges, Edge{Source: nodeID(int(p.a)), Target: nodeID(int(p.b)), Type: RelatedTo})
	}
	return g
}

func randomGraph(n, m int, seed uint64) *Graph { return graphFromPairs(n, randomPairs(n, m, seed)) }

func randomLinks(n, m int, seed uint64) *links {
	return linksFromPairs(n, slices.Clone(randomPairs(n, m, seed)))
}
