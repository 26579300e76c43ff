package viz

import (
	"fmt"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// otherType is the type of the one node that stands for the nodes a map
// does not draw one by one: those without a relation on the map, and, in
// the overview, the communities of one node. Drawn singly they filled 300
// of the 321 circles of issue 12's overview and said nothing.
const otherType = "Other"

// otherID is the "other" node's ID; no graph ID has this form (ids are
// type:slug, and a slug has no space).
const otherID = "other: unconnected"

// otherNames is how many member names the "other" node's label shows; the
// tooltip and the page's panel list them all.
const otherNames = 6

// gatherOthers replaces the nodes of v that no edge of v touches by one
// "other" node, when there are two or more of them (one such node stays
// itself), and returns how many it gathered. The node is last.
func gatherOthers(v *view) int {
	linked := map[string]bool{}
	for _, e := range v.Edges {
		linked[e.Source], linked[e.Target] = true, true
	}
	var keep, alone []vnode
	for _, n := range v.Nodes {
		if linked[n.ID] {
			keep = append(keep, n)
		} else {
			alone = append(alone, n)
		}
	}
	if len(alone) < 2 {
		return 0
	}
	v.Nodes = append(keep, otherNode(alone, "unconnected"))
	return len(alone)
}

// otherNode stands for members, most central first in their label.
func otherNode(members []vnode, what string) vnode {
	byRank := make([]vnode, len(members))
	copy(byRank, members)
	sortByMeasure(byRank)
	names := make([]string, len(byRank))
	count := 0
	for i, m := range byRank {
		names[i] = m.Name
		count += max(1, m.Members)
	}
	label := strings.Join(names[:min(otherNames, len(names))], ", ")
	if len(names) > otherNames {
		label += fmt.Sprintf(" +%d", len(names)-otherNames)
	}
	return vnode{
		Node: graph.Node{
			ID:       otherID,
			Type:     otherType,
			Name:     fmt.Sprintf("%d %s: %s", count, what, label),
			Aliases:  names,
			Evidence: []graph.Evidence{},
		},
		Members: count,
	}
}
