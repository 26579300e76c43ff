package viz

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// view is what a map shows: the graph after reduction (top N, overview, cap)
// with a size weight per node. DOT and HTML are both drawn from it, so the
// page's data and its picture agree node for node.
type view struct {
	Title    string
	Subtitle string
	Layout   Layout
	Pack     string // dot's packmode; "" is pack's default, packColumn no packing
	Cluster  bool
	Font     float64 // the smallest text, in points; 0 is minFontPt
	Nodes    []vnode
	Edges    []vedge
	Drawn    Drawn
}

type vnode struct {
	graph.Node
	Measure float64 // the SizeBy value
	Weight  float64 // Measure scaled to [0, 1]
	Members int     // community overview and "other": nodes it stands for
	Href    string  // a link the map itself makes (the index's to each community map)
}

type vedge struct {
	graph.Edge
	Count   int      // relations it stands for (overview: between two communities)
	Types   []string // the relation types drawn as this one edge, Type first
	Reverse bool     // some of those relations run from Target to Source
}

// source is the graph a map is drawn from, normalized and measured once
// for the several views a default map tries (see fit).
type source struct {
	g        graph.Graph
	measure  []float64
	measured string // the measure's name: SizeBy, or degree without scores
	opts     Options
}

func newSource(g graph.Graph, opts Options) (source, error) {
	if err := opts.validate(); err != nil {
		return source{}, err
	}
	g = graph.Merge(g) // a normalized, sorted copy: deterministic whatever the input order
	measure, measured := measures(g, cmp.Or(opts.SizeBy, SizeByPageRank))
	return source{g: g, measure: measure, measured: measured, opts: opts}, nil
}

// newView is the view opts ask for, before any measuring: the overview,
// the Top nodes, or the whole graph (capped at MaxNodes); the default map
// is chosen by fit.
func newView(g graph.Graph, opts Options) (view, error) {
	s, err := newSource(g, opts)
	if err != nil {
		return view{}, err
	}
	switch {
	case opts.Overview:
		return s.overview(), nil
	case opts.Top > 0:
		return s.focused(opts.Top, DrawnTop), nil
	}
	return s.focused(cmp.Or(opts.MaxNodes, DefaultMaxNodes), DrawnAll), nil
}

// focused is the map of at most n nodes chosen by focus.
func (s source) focused(n int, kind DrawnKind) view {
	g, total := s.g, len(s.g.Nodes)
	if n < total {
		g = withoutRelated(subgraph(g, focus(g, s.measure, n)))
		if kind == DrawnAll {
			kind = DrawnTop // the cap
		}
	}
	v := view{Title: cmp.Or(s.opts.Title, s.g.Title, "notegraph"), Cluster: s.opts.Cluster}
	measure, _ := measures(g, cmp.Or(s.opts.SizeBy, SizeByPageRank)) // degrees change with the edges kept
	for i, n := range g.Nodes {
		v.Nodes = append(v.Nodes, vnode{Node: n, Measure: measure[i]})
	}
	for _, e := range g.Edges {
		v.Edges = append(v.Edges, vedge{Edge: e, Count: 1})
	}
	v.Edges = mergeParallel(v.Edges)
	weigh(v.Nodes)
	v.Drawn = Drawn{Kind: kind, Nodes: len(g.Nodes), Relations: len(g.Edges), Total: total,
		TotalRelations: len(s.g.Edges), By: s.measured}
	v.Drawn.Unconnected = gatherOthers(&v)
	v.Subtitle = v.Drawn.subtitle()
	v.Layout = chooseLayout(s.opts.Layout, len(v.Nodes), len(v.Edges))
	return v
}

// chooseLayout returns l, or for LayoutAuto the layout that suits the size.
func chooseLayout(l Layout, nodes, edges int) Layout {
	if l != LayoutAuto {
		return l
	}
	if nodes <= DotMaxNodes && edges <= DotMaxEdges {
		return LayoutDot
	}
	return LayoutSfdp
}

// measures returns the SizeBy measure of every node of g and the name of the
// measure used: the analysis score when any node has it, else the degree
// counted from g's edges.
func measures(g graph.Graph, sizeBy string) ([]float64, string) {
	out := make([]float64, len(g.Nodes))
	has := false
	for _, n := range g.Nodes {
		if _, ok := n.Scores[sizeBy]; ok {
			has = true
			break
		}
	}
	if has {
		for i, n := range g.Nodes {
			out[i] = n.Scores[sizeBy]
		}
		return out, sizeBy
	}
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		out[idx[e.Source]]++
		out[idx[e.Target]]++
	}
	return out, SizeByDegree
}

// weigh scales the nodes' measures to [0, 1] by square root, so that a hub
// ten times as central is about three times as large, not ten.
func weigh(ns []vnode) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, n := range ns {
		lo, hi = min(lo, n.Measure), max(hi, n.Measure)
	}
	for i := range ns {
		if hi > lo {
			ns[i].Weight = math.Sqrt((ns[i].Measure - lo) / (hi - lo))
		}
	}
}

// ranked returns node indexes by decreasing measure, ties by ID.
func ranked(g graph.Graph, measure []float64) []int {
	order := make([]int, len(g.Nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(measure[b], measure[a]), strings.Compare(g.Nodes[a].ID, g.Nodes[b].ID))
	})
	return order
}

// keepTop returns the subgraph of g's n most central nodes.
func keepTop(g graph.Graph, measure []float64, n int) graph.Graph {
	keep := map[string]bool{}
	for _, i := range ranked(g, measure)[:min(n, len(g.Nodes))] {
		keep[g.Nodes[i].ID] = true
	}
	return subgraph(g, keep)
}

// withoutRelated drops g's RELATED_TO edges between nodes that have other
// relations. A reduced map leaves them out: "discussed together in one
// entry" is the weakest relation, and among the few topics a reduced map
// keeps they ran as grey arcs up and down the column of topics, over
// every label there. A node related to the rest only so keeps the edge.
func withoutRelated(g graph.Graph) graph.Graph {
	other := map[string]bool{}
	for _, e := range g.Edges {
		if e.Type != graph.RelatedTo {
			other[e.Source], other[e.Target] = true, true
		}
	}
	g.Edges = slices.DeleteFunc(slices.Clone(g.Edges), func(e graph.Edge) bool {
		return e.Type == graph.RelatedTo && other[e.Source] && other[e.Target]
	})
	return g
}

// subgraph returns the nodes of g in keep and the edges between them, in g's order.
func subgraph(g graph.Graph, keep map[string]bool) graph.Graph {
	out := graph.Graph{Title: g.Title, Files: g.Files, Nodes: []graph.Node{}, Edges: []graph.Edge{}}
	for _, n := range g.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range g.Edges {
		if keep[e.Source] && keep[e.Target] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// communities returns the members (node indexes) of each community of g,
// largest first (ties by smallest member ID). Node.Community from analysis
// decides; nodes without one each form their own group with their
// connected component. Without any analysis the groups are the weakly
// connected components.
func communities(g graph.Graph) [][]int {
	key := make([]string, len(g.Nodes))
	has := false
	for i, n := range g.Nodes {
		if n.Community != nil {
			key[i] = "c" + strconv.Itoa(*n.Community)
			has = true
		}
	}
	if !has || slices.Contains(key, "") {
		comp := components(g)
		for i := range key {
			if key[i] == "" {
				key[i] = "w" + strconv.Itoa(comp[i])
			}
		}
	}
	byKey := map[string][]int{}
	for i, k := range key {
		byKey[k] = append(byKey[k], i) // in ID order: g.Nodes is sorted
	}
	var out [][]int
	for _, m := range byKey {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b []int) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(g.Nodes[a[0]].ID, g.Nodes[b[0]].ID))
	})
	return out
}

// countCommunities counts the communities analysis found (0 without analysis).
func countCommunities(g graph.Graph) int {
	seen := map[int]bool{}
	for _, n := range g.Nodes {
		if n.Community != nil {
			seen[*n.Community] = true
		}
	}
	return len(seen)
}

// components labels each node of g with its weakly connected component.
func components(g graph.Graph) []int {
	parent := make([]int, len(g.Nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		a, b := find(idx[e.Source]), find(idx[e.Target])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	out := make([]int, len(g.Nodes))
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// sortByMeasure orders ns by decreasing measure, ties by ID.
func sortByMeasure(ns []vnode) {
	slices.SortFunc(ns, func(a, b vnode) int {
		return cmp.Or(cmp.Compare(b.Measure, a.Measure), strings.Compare(a.ID, b.ID))
	})
}
