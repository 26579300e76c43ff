package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// FuzzNotes runs the whole extractor on arbitrary input: it must not panic,
// every edge must join two nodes, every piece of evidence must point at a
// line of the input, and two runs must agree.
func FuzzNotes(f *testing.F) {
	// the example notes and the test notes, cut into small pieces: small
	// inputs keep the fuzzer fast
	notes, _ := filepath.Glob("testdata/*.md")
	for _, p := range append(notes, "../examples/pycodeconf/notes.md") {
		seed, _ := os.ReadFile(p)
		for len(seed) > 0 {
			n := min(len(seed), 600)
			f.Add(seed[:n])
			seed = seed[n:]
		}
	}
	for _, s := range []string{
		"", "#", "- - - x", "> > >", "Jane Doe (A Talk)\n* GIL = Global Interpreter Lock",
		"---\ntitle: x\n---\n", "---\ntitle: Taming Queues\nspeaker: Jane Doe\nauthor: Ola Berg\n---\n\n- notes\n", "## Title\n_A and B_\n", "[t](http://github.com/a/b) by Jo Ro",
		"\xef\xbb\xbf\r\n\r\n# x\r", "Name: (x\n", "* e.g. , , and", "X = ", "((((", "`a` `b`",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Texts([]Source{{Name: "f.md", Text: data}}, Options{})
		g := res.Graph
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		ids := map[string]bool{}
		for _, n := range g.Nodes {
			ids[n.ID] = true
			if !utf8.ValidString(n.Name) {
				t.Fatalf("node name not UTF-8: %q", n.Name)
			}
			checkEvidence(t, n.Evidence, lines)
		}
		for _, e := range g.Edges {
			if !ids[e.Source] || !ids[e.Target] {
				t.Fatalf("edge %s has a missing end", e.Key())
			}
			checkEvidence(t, e.Evidence, lines)
		}
		if len(data) > 2000 {
			return
		}
		var a, b bytes.Buffer
		graph.WriteJSON(&a, g)
		graph.WriteJSON(&b, Texts([]Source{{Name: "f.md", Text: data}}, Options{}).Graph)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("two runs differ")
		}
	})
}

func checkEvidence(t *testing.T, ev []graph.Evidence, lines int) {
	t.Helper()
	for _, e := range ev {
		if e.Line < 1 || e.Line > lines {
			t.Fatalf("evidence line %d outside 1..%d", e.Line, lines)
		}
	}
}
