package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes g as indented JSON, one node or edge at a time, so that
// the whole output is never held in memory. The output is byte-identical for
// equal graphs (call Normalize first; extract does) and the same as
// json.MarshalIndent(g, "", " ") without HTML escaping.
func WriteJSON(w io.Writer, g Graph) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", " ")
	item := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	field := func(name string, v any) error {
		buf.Reset()
		enc.SetIndent(" ", " ")
		err := enc.Encode(v)
		enc.SetIndent("  ", " ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, " %q: %s,\n", name, bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	list := func(name string, n int, at func(int) any, last bool) error {
		if _, err := fmt.Fprintf(w, " %q: [", name); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			sep := "\n  "
			if i > 0 {
				sep = ",\n  "
			}
			if _, err := io.WriteString(w, sep); err != nil {
				return err
			}
			if err := item(at(i)); err != nil {
				return err
			}
		}
		end := "]"
		if n > 0 {
			end = "\n ]"
		}
		if !last {
			end += ","
		}
		_, err := io.WriteString(w, end+"\n")
		return err
	}
	err := func() error {
		if _, err := io.WriteString(w, "{\n"); err != nil {
			return err
		}
		if g.Title != "" {
			if err := field("title", g.Title); err != nil {
				return err
			}
		}
		if len(g.Files) > 0 {
			if err := field("files", g.Files); err != nil {
				return err
			}
		}
		if err := list("nodes", len(g.Nodes), func(i int) any { return g.Nodes[i] }, false); err != nil {
			return err
		}
		if err := list("edges", len(g.Edges), func(i int) any { return g.Edges[i] }, true); err != nil {
			return err
		}
		_, err := io.WriteString(w, "}\n")
		return err
	}()
	if err != nil {
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
