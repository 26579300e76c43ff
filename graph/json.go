package graph

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// WriteJSON writes g as indented JSON, one node or edge at a time, so that
// the whole output is never held in memory. The output is byte-identical for
// equal graphs (call Normalize first; extract does) and the same as
// json.MarshalIndent(g, "", " ") without HTML escaping, except that nil
// Nodes and Edges are written as [] (TestWriteJSONMatchesMarshalIndent and
// FuzzWriteJSON hold it to encoding/json).
//
// Each item is appended to one reused buffer by hand rather than through
// encoding/json's reflection: a 10,000-note graph is hundreds of megabytes
// of evidence, and encoding it was a sixth of an extraction's run.
func WriteJSON(w io.Writer, g Graph) error {
	var b []byte
	flush := func() error {
		_, err := w.Write(b)
		b = b[:0]
		return err
	}
	// list writes a top-level list, flushing every 64 KB
	list := func(name string, n int, item func([]byte, int) ([]byte, error)) error {
		b = append(b, ` "`+name+`": [`...)
		for i := range n {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n  "...)
			var err error
			if b, err = item(b, i); err != nil {
				return err
			}
			if len(b) >= 64<<10 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if n > 0 {
			b = append(b, "\n ]"...)
		} else {
			b = append(b, ']')
		}
		return nil
	}
	err := func() error {
		b = append(b, "{\n"...)
		if g.Title != "" {
			b = append(b, ` "title": `...)
			b = appendString(b, g.Title)
			b = append(b, ",\n"...)
		}
		if len(g.Files) > 0 {
			b = append(b, ` "files": `...)
			b = appendStrings(b, g.Files, 1)
			b = append(b, ",\n"...)
		}
		if err := list("nodes", len(g.Nodes), func(b []byte, i int) ([]byte, error) { return appendNode(b, &g.Nodes[i]) }); err != nil {
			return err
		}
		b = append(b, ",\n"...)
		if err := list("edges", len(g.Edges), func(b []byte, i int) ([]byte, error) { return appendEdge(b, &g.Edges[i]) }); err != nil {
			return err
		}
		b = append(b, "\n}\n"...)
		return flush()
	}()
	if err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	return nil
}

// The appenders below write what encoding/json's MarshalIndent writes with
// an indent of one space, for a value at the given depth (the number of
// spaces before its closing bracket).

func appendNode(b []byte, n *Node) ([]byte, error) {
	const d = 2
	b = append(b, '{')
	b = appendKey(b, "id", d+1, true)
	b = appendString(b, n.ID)
	b = appendKey(b, "type", d+1, false)
	b = appendString(b, n.Type)
	b = appendKey(b, "name", d+1, false)
	b = appendString(b, n.Name)
	b = appendKey(b, "aliases", d+1, false)
	b = appendStrings(b, n.Aliases, d+1)
	b, err := appendPropsScores(b, n.Props, n.Scores, d+1)
	if err != nil {
		return b, err
	}
	if n.Community != nil {
		b = appendKey(b, "community", d+1, false)
		b = strconv.AppendInt(b, int64(*n.Community), 10)
	}
	b = appendKey(b, "evidence", d+1, false)
	b = appendEvidence(b, n.Evidence, d+1)
	b = appendNewline(b, d)
	return append(b, '}'), nil
}

func appendEdge(b []byte, e *Edge) ([]byte, error) {
	const d = 2
	b = append(b, '{')
	b = appendKey(b, "source", d+1, true)
	b = appendString(b, e.Source)
	b = appendKey(b, "target", d+1, false)
	b = appendString(b, e.Target)
	b = appendKey(b, "type", d+1, false)
	b = appendString(b, e.Type)
	b, err := appendPropsScores(b, e.Props, e.Scores, d+1)
	if err != nil {
		return b, err
	}
	b = appendKey(b, "evidence", d+1, false)
	b = appendEvidence(b, e.Evidence, d+1)
	b = appendNewline(b, d)
	return append(b, '}'), nil
}

// appendPropsScores writes the "props" and "scores" fields, each left out
// when empty (omitempty).
func appendPropsScores(b []byte, props map[string]string, scores map[string]float64, depth int) ([]byte, error) {
	if len(props) > 0 {
		b = appendKey(b, "props", depth, false)
		b = appendProps(b, props, depth)
	}
	if len(scores) > 0 {
		b = appendKey(b, "scores", depth, false)
		return appendScores(b, scores, depth)
	}
	return b, nil
}

func appendNewline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth {
		b = append(b, ' ')
	}
	return b
}

// appendKey writes an object's key on its own line, after a comma unless
// it is the first.
func appendKey(b []byte, key string, depth int, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = appendNewline(b, depth)
	b = appendString(b, key)
	return append(b, ':', ' ')
}

// plain8 reports whether the eight bytes of w are ASCII that JSON writes
// as they are: none is 0x80 or above, below 0x20, '"' or '\\'. (The byte
// tests are the classic bit tricks: v-0x01… & ^v & 0x80… is not zero
// exactly when a byte of v is zero, and with 0x20 for 0x01 when a byte is
// below 0x20, every byte being below 0x80.)
func plain8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) bool { return (v-ones)&^v&highs != 0 }
	return w&highs == 0 && (w-0x20*ones)&^w&highs == 0 && !zero(w^'"'*ones) && !zero(w^'\\'*ones)
}

func appendStrings(b []byte, ss []string, depth int) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	if len(ss) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNewline(b, depth+1)
		b = appendString(b, s)
	}
	b = appendNewline(b, depth)
	return append(b, ']')
}

func appendEvidence(b []byte, ev []Evidence, depth int) []byte {
	if ev == nil {
		return append(b, "null"...)
	}
	if len(ev) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i := range ev {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNewline(b, depth+1)
		b = append(b, '{')
		b = appendKey(b, "file", depth+2, true)
		b = appendString(b, ev[i].File)
		b = appendKey(b, "line", depth+2, false)
		b = strconv.AppendInt(b, int64(ev[i].Line), 10)
		b = appendKey(b, "text", depth+2, false)
		b = appendString(b, ev[i].Text)
		b = appendNewline(b, depth+1)
		b = append(b, '}')
	}
	b = appendNewline(b, depth)
	return append(b, ']')
}

// appendProps writes a map's entries sorted by key, as encoding/json does.
func appendProps(b []byte, m map[string]string, depth int) []byte {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		b = appendKey(b, k, depth+1, i == 0)
		b = appendString(b, m[k])
	}
	b = appendNewline(b, depth)
	return append(b, '}')
}

func appendScores(b []byte, m map[string]float64, depth int) ([]byte, error) {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		b = appendKey(b, k, depth+1, i == 0)
		var err error
		if b, err = appendFloat(b, m[k]); err != nil {
			return b, err
		}
	}
	b = appendNewline(b, depth)
	return append(b, '}'), nil
}

// appendFloat formats f as encoding/json formats a float64: the shortest
// decimal, in exponent form below 1e-6 and from 1e21, with "e-07" written
// "e-7". NaN and infinities are no JSON, the same error as encoding/json's.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// appendString quotes s as encoding/json does without HTML escaping:
// quotes, backslashes and control bytes escaped, invalid UTF-8 as \ufffd,
// U+2028 and U+2029 as \u2028 and \u2029.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// eight bytes at a time while none needs a look: no byte of a
		// multi-byte rune, control byte, quote or backslash (most of a
		// graph's evidence text)
		for i+8 <= len(s) && plain8(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
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
