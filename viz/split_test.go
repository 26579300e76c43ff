package viz

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestSplitIndex: communities of one node get no map, the index's SVG
// links every map from its community's node, and its page lists them
// with their names escaped.
func TestSplitIndex(t *testing.T) {
	g := readFixture(t, "fixture.json")
	for i := range g.Nodes {
		c := i % 2
		if i == 0 {
			c = 9 // a community of one
		}
		g.Nodes[i].Community = &c
	}
	g.Nodes[1].Name = "<script>alert(1)</script>"
	parts := Split(g)
	if len(parts) != 2 {
		t.Fatalf("got %d parts, want 2 (the community of one left out)", len(parts))
	}
	href := func(i int) string { return fmt.Sprintf("community-%d.svg", i) }
	svg, page, err := Index(context.Background(), g, Options{}, parts, href)
	if err != nil {
		t.Fatal(err)
	}
	// The only links that are not http(s) are the maps'.
	inert := svg
	for _, p := range parts {
		inert = bytes.ReplaceAll(inert, []byte(`"`+href(p.Index)+`"`), []byte(`"https://example.org/"`))
	}
	checkSVGInert(t, inert)
	for _, p := range parts {
		if !bytes.Contains(svg, []byte(`xlink:href="`+href(p.Index)+`"`)) {
			t.Errorf("index SVG does not link %s", href(p.Index))
		}
		if !bytes.Contains(page, []byte(`<a href="`+href(p.Index)+`">`)) {
			t.Errorf("index page does not link %s", href(p.Index))
		}
	}
	if low := strings.ToLower(string(page)); strings.Contains(low, "<script") {
		t.Error("index page has a <script>")
	}
	if !bytes.Contains(page, []byte("&lt;script&gt;")) {
		t.Error("index page lacks the escaped name")
	}
	var total int
	for _, p := range parts {
		total += len(p.Graph.Nodes)
	}
	if total != len(g.Nodes)-1 {
		t.Errorf("parts hold %d nodes, want %d", total, len(g.Nodes)-1)
	}
}
