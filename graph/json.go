package graph

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes g as indented JSON, streaming (no copy of the whole
// output is held). The output is byte-identical for equal graphs: call
// Normalize first (extract does).
func WriteJSON(w io.Writer, g Graph) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(g); err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	return nil
}

// ReadJSON reads a graph written by WriteJSON.
func ReadJSON(r io.Reader) (Graph, error) {
	var g Graph
	dec := json.NewDecoder(r)
	if err := dec.Decode(&g); err != nil {
		return Graph{}, fmt.Errorf("decode graph: %w", err)
	}
	if g.Nodes == nil {
		g.Nodes = []Node{}
	}
	if g.Edges == nil {
		g.Edges = []Edge{}
	}
	return g, nil
}
