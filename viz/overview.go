package viz

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// Types the map makes up for the community overview.
const (
	communityType = "Community" // one node standing for a community
	linkedType    = "LINKED"    // relations between two communities
)

// The overview's reductions. Every community touched every other in the
// 2,000-node graph of issue 12 (a near-complete clique of thick grey
// lines); a community's few strongest links are its neighbourhood, the
// rest is noise. Three names tell a community apart; more make circles
// too large to place.
const (
	linksPerCommunity = 2
	namesPerCommunity = 3
)

// overviewFont is the overview's smallest text. neato's drawing of it
// grows until no two circles overlap, about as wide as its circles make
// it whatever their text, so larger text is what keeps the overview
// legible: 2,400 points wide for 24 communities of generated notes.
const overviewFont = 15

// overview collapses each community of s into one node named by its most
// central members, gathers the communities of one node into one "other"
// node, and keeps only each community's strongest links.
func (s source) overview() view {
	g, measure := s.g, s.measure
	v := view{Title: cmp.Or(s.opts.Title, g.Title, "notegraph")}
	groups := communities(g)
	of := make([]int, len(g.Nodes)) // community node of each graph node, -1 for "other"
	var alone []vnode
	for _, m := range groups {
		if len(m) == 1 {
			of[m[0]] = -1
			alone = append(alone, vnode{Node: g.Nodes[m[0]], Measure: measure[m[0]]})
			continue
		}
		c := len(v.Nodes)
		for _, i := range m {
			of[i] = c
		}
		top := slices.Clone(m)
		slices.SortFunc(top, func(a, b int) int {
			return cmp.Or(cmp.Compare(measure[b], measure[a]), strings.Compare(g.Nodes[a].ID, g.Nodes[b].ID))
		})
		var names []string
		for _, i := range top[:min(namesPerCommunity, len(top))] {
			names = append(names, clip(g.Nodes[i].Name, 24))
		}
		name := strings.Join(names, ", ")
		if len(m) > namesPerCommunity {
			name += fmt.Sprintf(" +%d", len(m)-namesPerCommunity)
		}
		members := make([]string, 0, len(top))
		for _, i := range top {
			members = append(members, g.Nodes[i].Name)
		}
		v.Nodes = append(v.Nodes, vnode{
			Node: graph.Node{
				ID:       communityID(c + 1),
				Type:     communityType,
				Name:     name,
				Aliases:  members,
				Evidence: []graph.Evidence{},
			},
			Measure: float64(len(m)),
			Members: len(m),
		})
	}
	communities := len(v.Nodes)
	v.Edges = strongest(communityLinks(g, of, v.Nodes))
	weigh(v.Nodes)
	unconnected := 0
	if len(alone) > 0 {
		o := otherNode(alone, "on their own")
		o.Weight = 0
		v.Nodes = append(v.Nodes, o)
		unconnected = len(alone)
	}
	v.Drawn = Drawn{Kind: DrawnOverview, Nodes: len(g.Nodes), Relations: len(g.Edges), Total: len(g.Nodes),
		TotalRelations: len(g.Edges), Communities: communities, Unconnected: unconnected, By: s.measured}
	v.Subtitle = v.Drawn.subtitle()
	v.Layout = cmp.Or(s.opts.Layout, LayoutNeato)
	v.Font = overviewFont
	return v
}

// communityID is the overview's node for the community Split numbers index.
func communityID(index int) string { return fmt.Sprintf("community:%d", index) }

// communityLinks counts the relations between each two communities (of
// maps a graph node to its community node, -1 for none) as one LINKED edge
// per pair, in a deterministic order.
func communityLinks(g graph.Graph, of []int, nodes []vnode) []vedge {
	type pair struct{ a, b int }
	links := map[pair]int{}
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		a, b := of[idx[e.Source]], of[idx[e.Target]]
		if a == b || a < 0 || b < 0 {
			continue
		}
		links[pair{min(a, b), max(a, b)}]++
	}
	var out []vedge
	for p, n := range links {
		out = append(out, vedge{
			Edge: graph.Edge{
				Source:   nodes[p.a].ID,
				Target:   nodes[p.b].ID,
				Type:     linkedType,
				Evidence: []graph.Evidence{},
			},
			Count: n,
			Types: []string{linkedType},
		})
	}
	slices.SortFunc(out, func(x, y vedge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	return out
}

// strongest keeps the links that are among the linksPerCommunity strongest
// of either of their ends (ties by order), in es's order.
func strongest(es []vedge) []vedge {
	byNode := map[string][]int{}
	for i, e := range es {
		byNode[e.Source] = append(byNode[e.Source], i)
		byNode[e.Target] = append(byNode[e.Target], i)
	}
	keep := make([]bool, len(es))
	for _, is := range byNode {
		slices.SortStableFunc(is, func(a, b int) int { return cmp.Compare(es[b].Count, es[a].Count) })
		for _, i := range is[:min(linksPerCommunity, len(is))] {
			keep[i] = true
		}
	}
	var out []vedge
	for i, e := range es {
		if keep[i] {
			out = append(out, e)
		}
	}
	return out
}
