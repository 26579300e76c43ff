package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
)

// TestWriteJSONMatchesMarshalIndent checks that the streaming writer gives
// exactly what encoding/json gives for the whole graph, and reads back equal.
func TestWriteJSONMatchesMarshalIndent(t *testing.T) {
	c := 3
	graphs := []Graph{
		{Nodes: []Node{}, Edges: []Edge{}},
		{Title: "T <&>", Files: []string{"a.md"}, Nodes: []Node{{ID: "person:a", Type: Person, Name: "A \"q\"", Aliases: []string{"a"},
			Scores: map[string]float64{"pagerank": 0.5}, Community: &c, Evidence: []Evidence{{File: "a.md", Line: 1, Text: "<b>"}}},
			{ID: "tool:b", Type: Tool, Name: "b", Aliases: []string{}, Evidence: []Evidence{}}},
			Edges: []Edge{{Source: "person:a", Target: "tool:b", Type: Created, Evidence: []Evidence{{File: "a.md", Line: 2, Text: "x"}}}}},
	}
	for _, g := range graphs {
		var got bytes.Buffer
		if err := WriteJSON(&got, g); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		enc.Encode(g)
		if got.String() != want.String() {
			t.Errorf("got\\n%s\\nwant\\n%s", got.String(), want.String())
		}
		back, err := ReadJSON(&got)
		if err != nil || len(back.Nodes) != len(g.Nodes) || len(back.Edges) != len(g.Edges) {
			t.Errorf("read back: %v, %d nodes", err, len(back.Nodes))
		}
	}
}

// FuzzWriteJSON holds the hand-written encoder to encoding/json on any
// text (control bytes, invalid UTF-8, U+2028) and any score.
func FuzzWriteJSON(f *testing.F) {
	f.Add("Jane \"J\" Doe", "a\\b\x01\u2028\xff<&>", 0.15, 3)
	f.Add("", "", 1e-7, 0)
	f.Add("x", "\t\n\r\b\f\x7f", 1e21, -1)
	f.Fuzz(func(t *testing.T, name, text string, score float64, line int) {
		c := line
		g := Graph{Title: text, Files: []string{name, text},
			Nodes: []Node{{ID: name, Type: Tool, Name: text, Aliases: []string{name, text}, Props: map[string]string{text: name, "url": text},
				Scores: map[string]float64{"pagerank": score, name: 1}, Community: &c, Evidence: []Evidence{{File: name, Line: line, Text: text}}},
				{ID: text, Aliases: []string{}, Evidence: []Evidence{}}, {}},
			Edges: []Edge{{Source: name, Target: text, Type: text, Props: map[string]string{name: text}, Scores: map[string]float64{text: score},
				Evidence: []Evidence{{File: text, Line: -line, Text: name}, {}}}, {}}}
		var got bytes.Buffer
		err := WriteJSON(&got, g)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		werr := enc.Encode(g)
		if (err != nil) != (werr != nil) {
			t.Fatalf("error %v, encoding/json's %v", err, werr)
		}
		if err == nil && got.String() != want.String() {
			t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
		}
	})
}

// evidenceGraph is a graph shaped like a large vault's: few nodes, many
// edges, each with a few lines of evidence.
func evidenceGraph(nodes, edges, ev int) Graph {
	var g Graph
	for i := range nodes {
		n := Node{ID: fmt.Sprintf("tool:t%d", i), Type: Tool, Name: fmt.Sprintf("t%d", i), Aliases: []string{}, Scores: map[string]float64{"pagerank": 1 / float64(i+1)}}
		for j := range ev {
			n.Evidence = append(n.Evidence, Evidence{File: fmt.Sprintf("note-%04d.md", j), Line: j + 1, Text: "* `t` - the queue \"stays\" short"})
		}
		g.Nodes = append(g.Nodes, n)
	}
	for i := range edges {
		e := Edge{Source: g.Nodes[i%nodes].ID, Target: g.Nodes[(i*7+1)%nodes].ID, Type: Covers}
		for j := range ev {
			e.Evidence = append(e.Evidence, Evidence{File: fmt.Sprintf("note-%04d.md", i), Line: j + 1, Text: "* `t` - the queue stays short"})
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

// BenchmarkWriteJSON measures the graph's JSON writer (MB/s of output).
func BenchmarkWriteJSON(b *testing.B) {
	g := evidenceGraph(1000, 20000, 10)
	var n countWriter
	if err := WriteJSON(&n, g); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		if err := WriteJSON(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalIndent is the same graph through encoding/json, what
// WriteJSON used before it appended by hand.
func BenchmarkMarshalIndent(b *testing.B) {
	g := evidenceGraph(1000, 20000, 10)
	out, _ := json.MarshalIndent(g, "", " ")
	b.SetBytes(int64(len(out)))
	b.ResetTimer()
	for b.Loop() {
		enc := json.NewEncoder(io.Discard)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(g); err != nil {
			b.Fatal(err)
		}
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
