package export

import (
	"reflect"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

func TestPropertyKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"pagerank", "pagerank"},
		{"page rank", "page_rank"},
		{"note:x", "note_x"},
		{"9lives", "_9lives"},
		{"", "_"},
		{"café", "caf__"}, // é is two bytes
		{"a`b", "a_b"},
	} {
		if got := PropertyKey(tc.in); got != tc.want {
			t.Errorf("PropertyKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNodePropertyList(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    graph.Node
		want []Property
	}{
		{
			name: "bare node: no empty lists, no community",
			n:    graph.Node{ID: "tool:x", Type: graph.Tool, Name: "x"},
			want: []Property{{"id", "tool:x"}, {"name", "x"}},
		},
		{
			name: "everything, in order",
			n: graph.Node{ID: "person:a", Type: graph.Person, Name: "A", Aliases: []string{"a1", "a2"},
				Community: intp(3), Scores: map[string]float64{"pagerank": 0.5, "degree": 2},
				Props:    map[string]string{"url": "u"},
				Evidence: []graph.Evidence{ev("b.md", 2, "B"), ev("a.md", 1, "A"), ev("b.md", 5, "")}},
			want: []Property{{"id", "person:a"}, {"name", "A"}, {"aliases", []string{"a1", "a2"}}, {"community", int64(3)},
				{"degree", 2.0}, {"pagerank", 0.5}, {"url", "u"},
				{"evidence_files", []string{"b.md", "a.md", "b.md"}}, {"evidence_lines", []int64{2, 1, 5}},
				{"evidence_texts", []string{"B", "A", ""}}, {"sources", []string{"a.md", "b.md"}}},
		},
		{
			name: "collisions: reserved names, score vs prop, folded keys",
			n: graph.Node{ID: "c:x", Type: "C", Name: "x",
				Scores: map[string]float64{"name": 1, "id": 2, "a b": 3, "a_b": 4, "evidence": 5},
				Props:  map[string]string{"a_b": "p", "sources": "s", "score_name": "q"}},
			want: []Property{{"id", "c:x"}, {"name", "x"},
				{"a_b", 3.0}, {"score_a_b", 4.0}, {"score_evidence", 5.0}, {"score_id", 2.0}, {"score_name", 1.0},
				{"prop_a_b", "p"}, {"prop_score_name", "q"}, {"prop_sources", "s"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := NodePropertyList(tc.n)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
			if m := NodeProperties(tc.n); len(m) != len(got) {
				t.Errorf("NodeProperties has %d keys, the list %d", len(m), len(got))
			}
		})
	}
}

func TestRelPropertyList(t *testing.T) {
	e := graph.Edge{Source: "a", Target: "b", Type: graph.Uses, Scores: map[string]float64{"weight": 1},
		Evidence: []graph.Evidence{ev("n.md", 3, "a uses b")}}
	want := []Property{{"weight", 1.0}, {"evidence_files", []string{"n.md"}}, {"evidence_lines", []int64{3}},
		{"evidence_texts", []string{"a uses b"}}, {"sources", []string{"n.md"}}}
	if got := RelPropertyList(e); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if got := RelPropertyList(graph.Edge{Source: "a", Target: "b", Type: "T"}); len(got) != 0 {
		t.Errorf("bare edge: %v, want none", got)
	}
}

func TestNodeLabels(t *testing.T) {
	for _, tc := range []struct {
		typ  string
		want []string
	}{
		{graph.Person, []string{"Notegraph", "Person"}},
		{"", []string{"Notegraph"}},
		{"Notegraph", []string{"Notegraph"}},
	} {
		if got := NodeLabels(graph.Node{Type: tc.typ}); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("NodeLabels(%q) = %v, want %v", tc.typ, got, tc.want)
		}
	}
}
