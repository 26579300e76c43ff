package extract

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/notegraph/notegraph/graph"
)

// A RELATED_TO edge goes when every line of it backs a typed edge between
// the same two nodes, in either direction; one line of its own keeps it.
// The edges are in Normalize's order, and dropped edges come before the
// typed edges that later ones are checked against (the list is filtered in
// place).
func TestDropShadowedRelated(t *testing.T) {
	ev := func(file string, lines ...int) []graph.Evidence {
		var out []graph.Evidence
		for _, n := range lines {
			out = append(out, graph.Evidence{File: file, Line: n, Text: "t"})
		}
		return out
	}
	edges := []graph.Edge{
		{Source: "a", Target: "b", Type: graph.RelatedTo, Evidence: ev("f.md", 2)}, // shadowed by b USES a
		{Source: "a", Target: "c", Type: graph.SimilarTo, Evidence: ev("f.md", 3)},
		{Source: "a", Target: "d", Type: graph.RelatedTo, Evidence: ev("f.md", 4)}, // shadowed by d CREATED a
		{Source: "b", Target: "a", Type: graph.Uses, Evidence: ev("f.md", 1, 2)},
		{Source: "c", Target: "a", Type: graph.RelatedTo, Evidence: ev("f.md", 3)}, // shadowed by a SIMILAR_TO c, before it
		{Source: "d", Target: "a", Type: graph.Created, Evidence: ev("f.md", 4, 5)},
		{Source: "d", Target: "e", Type: graph.RelatedTo, Evidence: ev("g.md", 4)}, // the line is f.md's, not g.md's
		{Source: "e", Target: "d", Type: graph.Covers, Evidence: append(ev("f.md", 4), ev("h.md", 4)...)},
		{Source: "e", Target: "f", Type: graph.RelatedTo, Evidence: ev("f.md", 7, 8)}, // line 8 is its own
		{Source: "f", Target: "e", Type: graph.Uses, Evidence: ev("f.md", 7)},
	}
	want := []graph.Edge{edges[1], edges[3], edges[5], edges[6], edges[7], edges[8], edges[9]}
	got := dropShadowedRelated(append([]graph.Edge(nil), edges...))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %d edges:\n%v\nwant %d:\n%v", len(got), got, len(want), want)
	}
}

// A relation holds its type as a code, a mention its type hint; a rules file's own type gets one
// the first time it is seen, and every code gives its name back.
func TestCodes(t *testing.T) {
	for _, typ := range []string{graph.Gave, graph.LinksTo, "INSPIRED_BY", "MENTORS", "INSPIRED_BY"} {
		c := relCode(typ)
		if c.name() != typ || relCode(typ) != c {
			t.Errorf("relCode(%q) = %d, named %q", typ, c, c.name())
		}
	}
	if relCode("INSPIRED_BY") == relCode("MENTORS") {
		t.Error("two types share a code")
	}
	// a mention's type hint likewise: "" (no hint) is the zero code
	for _, typ := range []string{"", graph.Person, graph.Attachment, "Recipe", "Venue", "Recipe"} {
		c := nodeCode(typ)
		if c.name() != typ || nodeCode(typ) != c {
			t.Errorf("nodeCode(%q) = %d, named %q", typ, c, c.name())
		}
	}
	if nodeCode("") != 0 || nodeCode("Recipe") == nodeCode("Venue") {
		t.Error("no hint is not code 0, or two hints share a code")
	}
	var m mention
	if m.typ() != "" {
		t.Errorf("a new mention's hint is %q", m.typ())
	}
	// the record sizes the heap of a large run is counted in (doc.go, # Speed)
	if s := unsafe.Sizeof(mention{}); s != 32 {
		t.Errorf("mention is %d bytes", s)
	}
	if s := unsafe.Sizeof(relation{}); s != 12 {
		t.Errorf("relation is %d bytes", s)
	}
}
