package graph

import (
	"bytes"
	"encoding/json"
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
