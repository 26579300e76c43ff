package viz

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// Types the map makes up for the community overview.
const (
	communityType = "Community" // one node standing for a community
	linkedType    = "LINKED"    // relations between two communities
)

// view is what a map shows: the graph after reduction (top N, overview, cap)
// with a size weight per node. DOT and HTML are both drawn from it, so the
// page's data and its picture agree node for node.
type view struct {
	Title    string
	Subtitle string
	Layout   Layout
	Cluster  bool
	Nodes    []vnode
	Edges    []vedge
}

type vnode struct {
	graph.Node
	Measure float64 // the SizeBy value
	Weight  float64 // Measure scaled to [0, 1]
	Members int     // community overview: nodes it stands for
}

type vedge struct {
	graph.Edge
	Count int // community overview: relations it stands for
}

// newView reduces g as opts say and weighs its nodes. g is not modified.
func newView(g graph.Graph, opts Options) (view, error) {
	if err := opts.validate(); err != nil {
		return view{}, err
	}
	g = graph.Merge(g) // a normalized, sorted copy: deterministic whatever the input order
	sizeBy := opts.SizeBy
	if sizeBy == "" {
		sizeBy = SizeByPageRank
	}
	measure, measured := measures(g, sizeBy)
	maxNodes := cmp.Or(opts.MaxNodes, DefaultMaxNodes)

	v := view{Title: cmp.Or(opts.Title, g.Title, "notegraph"), Cluster: opts.Cluster}
	total := len(g.Nodes)
	var note string
	switch {
	case opts.Overview || (!opts.Full && opts.Top == 0 && total > ReadableNodes && countCommunities(g) >= 2):
		v = overview(g, measure, v, measured)
		if opts.Layout != LayoutAuto {
			v.Layout = opts.Layout
		}
		return v, nil
	case opts.Top > 0 && opts.Top < total:
		g = keepTop(g, measure, opts.Top)
		note = fmt.Sprintf("top %d of %d nodes by %s", opts.Top, total, measured)
	case !opts.Full && opts.Top == 0 && total > ReadableNodes:
		g = keepTop(g, measure, ReadableNodes)
		note = fmt.Sprintf("top %d of %d nodes by %s", ReadableNodes, total, measured)
	}
	if len(g.Nodes) > maxNodes {
		g = keepTop(g, measure, maxNodes)
		note = fmt.Sprintf("top %d of %d nodes by %s (cap)", maxNodes, total, measured)
	}
	measure, _ = measures(g, sizeBy) // degrees change with the edges kept
	for i, n := range g.Nodes {
		v.Nodes = append(v.Nodes, vnode{Node: n, Measure: measure[i]})
	}
	for _, e := range g.Edges {
		v.Edges = append(v.Edges, vedge{Edge: e, Count: 1})
	}
	weigh(v.Nodes)
	v.Subtitle = counts(len(v.Nodes), len(v.Edges))
	if note != "" {
		v.Subtitle += " · " + note
	}
	v.Layout = chooseLayout(opts.Layout, len(v.Nodes), len(v.Edges))
	return v, nil
}

func counts(nodes, edges int) string {
	return fmt.Sprintf("%d nodes · %d relations", nodes, edges)
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

// overview collapses each community of g into one node.
func overview(g graph.Graph, measure []float64, v view, measured string) view {
	groups := communities(g)
	of := make([]int, len(g.Nodes))
	for c, m := range groups {
		for _, i := range m {
			of[i] = c
		}
	}
	for c, m := range groups {
		top := slices.Clone(m)
		slices.SortFunc(top, func(a, b int) int {
			return cmp.Or(cmp.Compare(measure[b], measure[a]), strings.Compare(g.Nodes[a].ID, g.Nodes[b].ID))
		})
		var names []string
		for _, i := range top[:min(3, len(top))] {
			names = append(names, g.Nodes[i].Name)
		}
		name := strings.Join(names, ", ")
		if len(m) > 3 {
			name += fmt.Sprintf(" +%d", len(m)-3)
		}
		members := make([]string, 0, len(top))
		for _, i := range top {
			members = append(members, g.Nodes[i].Name)
		}
		v.Nodes = append(v.Nodes, vnode{
			Node: graph.Node{
				ID:       fmt.Sprintf("community:%d", c+1),
				Type:     communityType,
				Name:     name,
				Aliases:  members,
				Evidence: []graph.Evidence{},
			},
			Measure: float64(len(m)),
			Members: len(m),
		})
	}
	type pair struct{ a, b int }
	links := map[pair]int{}
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		a, b := of[idx[e.Source]], of[idx[e.Target]]
		if a == b {
			continue
		}
		links[pair{min(a, b), max(a, b)}]++
	}
	for p, n := range links {
		v.Edges = append(v.Edges, vedge{
			Edge: graph.Edge{
				Source:   v.Nodes[p.a].ID,
				Target:   v.Nodes[p.b].ID,
				Type:     linkedType,
				Evidence: []graph.Evidence{},
			},
			Count: n,
		})
	}
	slices.SortFunc(v.Edges, func(x, y vedge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	weigh(v.Nodes)
	v.Subtitle = fmt.Sprintf("%d communities of %d nodes · %d relations (members by %s)", len(groups), len(g.Nodes), len(g.Edges), measured)
	v.Layout = LayoutSfdp
	v.Cluster = false
	return v
}

// Community is one community of a graph, as Split returns it.
type Community struct {
	// Index numbers the communities from 1, largest first.
	Index int
	// Graph holds the community's nodes and the relations among them.
	Graph graph.Graph
}

// Split returns each community of g (from analysis, or the weakly connected
// components without it) as its own graph, largest first.
func Split(g graph.Graph) []Community {
	g = graph.Merge(g)
	var out []Community
	for c, m := range communities(g) {
		keep := map[string]bool{}
		for _, i := range m {
			keep[g.Nodes[i].ID] = true
		}
		sub := subgraph(g, keep)
		sub.Title = fmt.Sprintf("%s — community %d", cmp.Or(g.Title, "notegraph"), c+1)
		out = append(out, Community{Index: c + 1, Graph: sub})
	}
	return out
}
