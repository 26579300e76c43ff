package viz

import (
	"slices"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

func edge(src, typ, dst string) vedge {
	return vedge{Edge: graph.Edge{Source: src, Target: dst, Type: typ, Evidence: []graph.Evidence{{File: "n.md", Line: 1}}}, Count: 1}
}

func TestMergeParallel(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      []vedge
		want    []string // per merged edge: source types… target
		reverse []bool
	}{
		{"distinct pairs", []vedge{edge("a", "USES", "b"), edge("a", "USES", "c")}, []string{"a USES b", "a USES c"}, []bool{false, false}},
		// legend order decides the first type: COVERS before USES.
		{"two types, one pair", []vedge{edge("a", "USES", "b"), edge("a", "COVERS", "b")}, []string{"a COVERS,USES b"}, []bool{false}},
		{"opposite directions", []vedge{edge("a", "CREATED", "b"), edge("b", "SIMILAR_TO", "a")}, []string{"a CREATED,SIMILAR_TO b"}, []bool{true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := mergeParallel(tc.in)
			var s []string
			var rev []bool
			for _, e := range got {
				s = append(s, e.Source+" "+strings.Join(e.Types, ",")+" "+e.Target)
				rev = append(rev, e.Reverse)
				if e.Type != e.Types[0] {
					t.Errorf("Type %s, Types %v", e.Type, e.Types)
				}
			}
			if !slices.Equal(s, tc.want) || !slices.Equal(rev, tc.reverse) {
				t.Errorf("got %v %v, want %v %v", s, rev, tc.want, tc.reverse)
			}
		})
	}
}

func TestGatherOthers(t *testing.T) {
	node := func(id string, m float64) vnode {
		return vnode{Node: graph.Node{ID: id, Name: strings.ToUpper(id)}, Measure: m}
	}
	for _, tc := range []struct {
		name     string
		nodes    []vnode
		gathered int
		last     string
	}{
		{"none alone", []vnode{node("a", 1), node("b", 1)}, 0, "b"},
		{"one alone stays", []vnode{node("a", 1), node("b", 1), node("c", 1)}, 0, "c"},
		// the label lists the most central first
		{"two alone", []vnode{node("a", 1), node("b", 1), node("c", 1), node("d", 5)}, 2, "2 unconnected: D, C"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := view{Nodes: tc.nodes, Edges: []vedge{edge("a", "USES", "b")}}
			if got := gatherOthers(&v); got != tc.gathered {
				t.Errorf("gathered %d, want %d", got, tc.gathered)
			}
			if last := v.Nodes[len(v.Nodes)-1]; last.Name != tc.last && last.ID != tc.last {
				t.Errorf("last node %q, want %q", last.Name, tc.last)
			}
		})
	}
}

func TestDrawnString(t *testing.T) {
	for _, tc := range []struct {
		d    Drawn
		want string
	}{
		{Drawn{Kind: DrawnAll, Total: 112, TotalRelations: 110, Unconnected: 5}, "all 112 nodes, 110 relations (5 unconnected in one group)"},
		{Drawn{Kind: DrawnTop, Nodes: 60, Total: 1998, By: "pagerank", Reduced: true}, "top 60 of 1,998 nodes by pagerank; use --full for all"},
		{Drawn{Kind: DrawnTop, Nodes: 10, Total: 112, By: "degree"}, "top 10 of 112 nodes by degree"},
		{Drawn{Kind: DrawnOverview, Communities: 21, Total: 1998, Unconnected: 300}, "overview: 21 communities of 1,998 nodes (300 on their own in one group)"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestStrongest: each community keeps its linksPerCommunity (2)
// strongest links; a link stays when it is among the strongest of either
// end.
func TestStrongest(t *testing.T) {
	l := func(a, b string, n int) vedge {
		return vedge{Edge: graph.Edge{Source: a, Target: b, Type: linkedType}, Count: n, Types: []string{linkedType}}
	}
	// A clique of four: a's two strongest are ab, ac; b's ab, bc; c's ac,
	// bc; d's ad, bd. cd is no one's.
	in := []vedge{l("a", "b", 9), l("a", "c", 8), l("a", "d", 7), l("b", "c", 6), l("b", "d", 5), l("c", "d", 1)}
	var got []string
	for _, e := range strongest(in) {
		got = append(got, e.Source+e.Target)
	}
	if want := []string{"ab", "ac", "ad", "bc", "bd"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
