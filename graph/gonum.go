package graph

import (
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Gonum views of a Graph. Node IDs are indices into Graph.Nodes; links are
// those of the undirected view (see links): one weighted link per pair of
// nodes, no self-links. Neighbours are returned in increasing ID order, so
// gonum algorithms that walk them (community.Modularize) give the same
// result on every run for a fixed seed — simple.UndirectedGraph walks a map.

// GonumUndirected returns the undirected view of g as a gonum graph.
func GonumUndirected(g *Graph) gg.WeightedUndirected { return undirectedView{newLinks(g)} }

// GonumBothWays returns the undirected view of g as a gonum directed graph
// with each link in both directions, for measures that need a
// graph.Directed (network.PageRank, network.HITS).
func GonumBothWays(g *Graph) gg.WeightedDirected { return bothWaysView{undirectedView{newLinks(g)}} }

type undirectedView struct{ l *links }

var (
	_ gg.WeightedUndirected = undirectedView{}
	_ gg.WeightedDirected   = bothWaysView{}
)

func (u undirectedView) has(id int64) bool { return id >= 0 && id < int64(u.l.n) }

func (u undirectedView) Node(id int64) gg.Node {
	if !u.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (u undirectedView) Nodes() gg.Nodes {
	if u.l.n == 0 {
		return gg.Empty
	}
	ns := make([]gg.Node, u.l.n)
	for i := range ns {
		ns[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(ns)
}

func (u undirectedView) From(id int64) gg.Nodes {
	if !u.has(id) || u.l.degree(int(id)) == 0 {
		return gg.Empty
	}
	nb := u.l.neighbors(int(id))
	ns := make([]gg.Node, len(nb))
	for i, w := range nb {
		ns[i] = simple.Node(w)
	}
	return iterator.NewOrderedNodes(ns)
}

// slot returns the adjacency index of the link x–y, or -1.
func (u undirectedView) slot(x, y int64) int {
	if !u.has(x) || !u.has(y) || x == y {
		return -1
	}
	lo, hi := int(u.l.off[x]), int(u.l.off[x+1])
	for lo < hi {
		m := (lo + hi) / 2
		if int64(u.l.adj[m]) < y {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(u.l.off[x+1]) && int64(u.l.adj[lo]) == y {
		return lo
	}
	return -1
}

func (u undirectedView) HasEdgeBetween(x, y int64) bool { return u.slot(x, y) >= 0 }

func (u undirectedView) Edge(x, y int64) gg.Edge { return u.WeightedEdge(x, y) }

func (u undirectedView) EdgeBetween(x, y int64) gg.Edge { return u.WeightedEdge(x, y) }

func (u undirectedView) WeightedEdgeBetween(x, y int64) gg.WeightedEdge { return u.WeightedEdge(x, y) }

func (u undirectedView) WeightedEdge(x, y int64) gg.WeightedEdge {
	s := u.slot(x, y)
	if s < 0 {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(x), T: simple.Node(y), W: u.l.w[s]}
}

func (u undirectedView) Weight(x, y int64) (float64, bool) {
	s := u.slot(x, y)
	if s < 0 {
		return 0, false
	}
	return u.l.w[s], true
}

type bothWaysView struct{ undirectedView }

func (b bothWaysView) To(id int64) gg.Nodes { return b.From(id) }

func (b bothWaysView) HasEdgeFromTo(x, y int64) bool { return b.slot(x, y) >= 0 }
