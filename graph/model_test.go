package graph

import (
	"reflect"
	"testing"
)

// NormalizeOwned gives what Normalize gives; Normalize leaves the lists it
// was given as they were.
func TestNormalizeOwned(t *testing.T) {
	mk := func() Graph {
		ev := func(f string, n int) Evidence { return Evidence{File: f, Line: n, Text: "t"} }
		return Graph{
			Nodes: []Node{
				{ID: "tool:b", Type: Tool, Name: "b", Aliases: []string{"B"}, Evidence: []Evidence{ev("y.md", 2), ev("x.md", 9), ev("y.md", 2)}},
				{ID: "tool:a", Type: Tool, Name: "a", Evidence: []Evidence{ev("x.md", 3)}},
				{ID: "tool:b", Type: Tool, Name: "B", Evidence: []Evidence{ev("x.md", 1)}},
			},
			Edges: []Edge{
				{Source: "tool:b", Target: "tool:a", Type: Uses, Evidence: []Evidence{ev("y.md", 4), ev("x.md", 4)}},
				{Source: "tool:a", Target: "tool:b", Type: RelatedTo, Evidence: []Evidence{ev("x.md", 5)}},
				{Source: "tool:b", Target: "tool:a", Type: Uses, Evidence: []Evidence{ev("x.md", 4), ev("x.md", 2)}},
				{Source: "tool:a", Target: "tool:c", Type: Uses, Evidence: []Evidence{ev("x.md", 6)}},
			},
		}
	}
	in := mk()
	want := in
	want.Normalize()
	if !reflect.DeepEqual(in, mk()) {
		t.Errorf("Normalize changed its input's lists: %+v", in)
	}
	got := mk()
	got.NormalizeOwned()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NormalizeOwned:\n%+v\nNormalize:\n%+v", got, want)
	}
}
