package viz

import (
	"cmp"
	"slices"

	"github.com/notegraph/notegraph/graph"
)

// Per person, how much of what they cover a reduced map keeps: two talks
// and three topics a talk are what a reader takes in at a glance, and
// keep room for more people. On generated notes of 320 meetups, four
// topics of every talk gave five speakers of seven talks each and a
// column of sixty topics.
const (
	talksPerPerson = 2
	coversPerTalk  = 3
	ownPerPerson   = 2 // a person's own relations besides talks (CREATED, WORKS_AT)
)

// focus returns the IDs of at most n nodes of g: the most central people,
// each with the talks they gave and the most central things those talks
// cover, then, while room is left, the most central nodes next to those
// kept. Ranking nodes by centrality alone does not do: a hub of a large
// graph is a tool or an event, and issue 12 found no Person among the 100
// most central nodes of 2,000 and ten unconnected boxes for the 10 most
// central of the example notes. A graph without people starts from its
// most central nodes instead.
func focus(g graph.Graph, measure []float64, n int) map[string]bool {
	keep := make(map[string]bool, n)
	if n >= len(g.Nodes) {
		for _, nd := range g.Nodes {
			keep[nd.ID] = true
		}
		return keep
	}
	order := ranked(g, measure)
	rank := make([]int, len(order)) // rank[i]: position of node i in order
	for r, i := range order {
		rank[i] = r
	}
	idx := g.NodeIndex()
	out := make([][]int, len(g.Nodes)) // neighbours by any relation, with the relation
	rel := make([][]string, len(g.Nodes))
	for _, e := range g.Edges {
		a, b := idx[e.Source], idx[e.Target]
		out[a], rel[a] = append(out[a], b), append(rel[a], e.Type)
		out[b], rel[b] = append(out[b], a), append(rel[b], e.Type)
	}
	// best returns i's neighbours over relations that pass ok, most central first.
	best := func(i int, ok func(typ string, j int) bool) []int {
		var ns []int
		for k, j := range out[i] {
			if ok(rel[i][k], j) && !slices.Contains(ns, j) {
				ns = append(ns, j)
			}
		}
		slices.SortFunc(ns, func(a, b int) int { return cmp.Compare(rank[a], rank[b]) })
		return ns
	}
	// add keeps a person's whole group or, when it does not fit, none of
	// it: a group cut short left its person drawn alone (only the first
	// group may be cut, so that a small n still draws someone).
	add := func(group []int) bool {
		fresh := 0
		for _, i := range group {
			if !keep[g.Nodes[i].ID] {
				fresh++
			}
		}
		if len(keep)+fresh > n && len(keep) > 0 {
			return false
		}
		for _, i := range group {
			if len(keep) >= n {
				return false
			}
			keep[g.Nodes[i].ID] = true
		}
		return len(keep) < n
	}
	isPerson := func(j int) bool { return g.Nodes[j].Type == graph.Person }
	var roots []int
	for _, i := range order {
		if isPerson(i) && len(out[i]) > 0 {
			roots = append(roots, i)
		}
	}
	if len(roots) == 0 {
		roots = order
	}
	for _, p := range roots {
		if keep[g.Nodes[p].ID] {
			continue
		}
		group := []int{p}
		if isPerson(p) {
			talks := best(p, func(typ string, _ int) bool { return typ == graph.Gave })
			for _, talk := range talks[:min(talksPerPerson, len(talks))] {
				// The event a talk was given at comes first and free of the
				// quota: one node shared by all the conference's talks.
				group = append(group, talk)
				group = append(group, best(talk, func(typ string, _ int) bool { return typ == graph.At })...)
				covers := best(talk, func(typ string, j int) bool {
					return typ != graph.Gave && typ != graph.At && !isPerson(j)
				})
				group = append(group, covers[:min(coversPerTalk, len(covers))]...)
			}
			// Notes often say what a speaker covers without a talk title;
			// then the person's own relations are what they cover.
			own, quota := best(p, func(typ string, _ int) bool { return typ != graph.Gave }), ownPerPerson
			if len(talks) == 0 {
				quota = coversPerTalk
			}
			group = append(group, own[:min(quota, len(own))]...)
		} else {
			ns := best(p, func(string, int) bool { return true })
			group = append(group, ns[:min(coversPerTalk, len(ns))]...)
		}
		if !add(group) {
			break // the room left goes to the neighbours below
		}
	}
	// Room left: the most central neighbours of what is kept, so the map
	// grows outwards instead of gaining unconnected nodes. Not over
	// RELATED_TO, which a reduced map does not draw between nodes with
	// other relations: nodes added over it were its only grey arcs.
	linked := func(i int) bool {
		for k, j := range out[i] {
			if rel[i][k] != graph.RelatedTo && keep[g.Nodes[j].ID] {
				return true
			}
		}
		return false
	}
	for len(keep) < n {
		grown := false
		for _, i := range order {
			if keep[g.Nodes[i].ID] {
				continue
			}
			if linked(i) {
				keep[g.Nodes[i].ID] = true
				grown = true
				if len(keep) >= n {
					break
				}
			}
		}
		if !grown {
			break
		}
	}
	return keep
}
