package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// Invented notes whose lines pass 2 and the title topics read: names one
// file makes known and others write again (a surname alone, a common word
// with a capital, a known name's own site, several on one line, a talk's
// title), talks whose titles the notes take up again, an event named in
// a title, and a long file whose lines are cut into several pieces of work.
var pass2Notes = map[string]string{
	"a-known.md": "# Brambleconf 2032 notes\n\n## Talks\n\n### Tova Lindqvist - Resilient Queue Shaping\n\n- `quernel` shapes queues\n- uses [Driftwood](https://driftwood.example.org/) for replays\n- resilient queues are hard, queue shaping helps\n\n### Arno Pelt - A Decade of Brambleconf\n\n- history of `lumenbox`\n",
	"b-again.md": "# More from Brambleconf 2032\n\n### Resilient Queue Shaping\n\nLindqvist's demo: quernel and Driftwood, then lumenbox.\nThe drift was small; Driftwood kept it.\nSee http://quernel.example.net/docs and http://www.lumenbox.example.com/.\n\n### Mira Osei - Gardening Lattices\n\n- lattices for gardening, lattice gardening at scale\n- Tova Lindqvist asked about quernel\n",
	"c-long.md":  longPass2Note(),
}

func longPass2Note() string {
	var b strings.Builder
	b.WriteString("# Reading log\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "- day %d: quernel, Driftwood and lumenbox; Lindqvist on queue shaping\n", i)
	}
	return b.String()
}

// TestPass2Pool: pass 2 and the title topics read on the pool, cut into
// pieces of any size and merged in order (pass2.go), give byte-identical
// output to reading every line, then every talk body, one after another
// on one goroutine; also when some files were walked on the corpus's
// extractor (rewalkFile), which leaves their lines' words tokenized.
func TestPass2Pool(t *testing.T) {
	dir := t.TempDir()
	writeNotes(t, filepath.Join(dir, "cross"), crossFileNotes)
	writeNotes(t, filepath.Join(dir, "pass2"), pass2Notes)
	gen := genFolder(t, dir)
	mds, _ := filepath.Glob("testdata/*.md")
	inputs := map[string][]string{
		"cross+pass2":      {filepath.Join(dir, "cross"), filepath.Join(dir, "pass2")},
		"testdata+example": append(mds, "../examples/pycodeconf/notes.md"),
		"generated":        {gen},
	}
	lines := pass2Lines
	defer func() { pooledPass2, pass2Lines, rewalkFile = true, lines, nil }()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	type mode struct {
		name   string
		pooled bool
		lines  int
		procs  int
	}
	modes := []mode{
		{"one line at a time", false, lines, 1},
		{"pooled", true, lines, 4},
		{"pooled, 3 lines a piece", true, 3, 4},
		{"pooled, 1 line a piece, 2 cores", true, 1, 2},
	}
	for name, paths := range inputs {
		for _, rewalk := range []bool{false, true} {
			var want []byte
			for k, m := range modes {
				pooledPass2, pass2Lines, rewalkFile = m.pooled, m.lines, nil
				if rewalk {
					rewalkFile = func(i int) bool { return i%3 == 1 }
				}
				runtime.GOMAXPROCS(m.procs)
				res, err := Notes(paths, Options{})
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := graph.WriteJSON(&buf, res.Graph); err != nil {
					t.Fatal(err)
				}
				if k == 0 {
					want = buf.Bytes()
					continue
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("%s (every third file walked again: %v): %s differs from one line at a time (%d vs %d bytes)", name, rewalk, m.name, buf.Len(), len(want))
				}
			}
		}
	}
}
