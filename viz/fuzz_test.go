package viz

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// FuzzNames feeds arbitrary names, types, relation types and evidence
// through DOT and Graphviz: the DOT must always parse, and the SVG must be
// well-formed, inert XML. Run: go test ./viz -run '^$' -fuzz FuzzNames -fuzztime 60s
func FuzzNames(f *testing.F) {
	for _, s := range []string{
		"Kenneth Reitz", `<script>alert(1)</script>`, `a "quoted" \N \G \L name\`, "line\nbreak\r", "]]> <!-- -->",
		"javascript:alert(1)", "&amp; &lt; &#0;", "\u2028\u2029", "{ } [ ] ; = ->", "<<B>html</B>>", "é ü 中文 🙂",
	} {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, name, typ, text string) {
		if !utf8.ValidString(name) || !utf8.ValidString(typ) || !utf8.ValidString(text) {
			t.Skip("notes are UTF-8 (extract reports invalid UTF-8)")
		}
		g := graph.Graph{Title: name, Nodes: []graph.Node{
			{ID: "a:" + name, Type: typ, Name: name, Aliases: []string{text}, Props: map[string]string{"url": text},
				Evidence: []graph.Evidence{{File: text, Line: 1, Text: text}}},
			{ID: "b:x", Type: graph.Tool, Name: text, Evidence: []graph.Evidence{}},
		}, Edges: []graph.Edge{{Source: "a:" + name, Target: "b:x", Type: typ, Evidence: []graph.Evidence{{File: "n.md", Line: 2, Text: text}}}}}
		svg, err := SVG(context.Background(), g, Options{})
		if err != nil {
			t.Fatalf("SVG: %v", err)
		}
		svgTexts(t, svg)
		checkSVGInert(t, svg)
	})
}
