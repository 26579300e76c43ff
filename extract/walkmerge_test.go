package extract

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// Invented notes whose files lean on each other the ways a walk reads
// other files: a speaker named without a title and then with one, a title
// repeated by another file's heading, an event named in several files,
// the same title by two speakers, an index page and the talk files it
// links.
var crossFileNotes = map[string]string{
	"a-day1.md":                "# Glimmerfest 2031 notes\n\n## Talks\n\n- Ines Varga - Taming Sprockets\n- Olu Brandt\n  - talked about quillmesh\n\n### Ines Varga - Taming Sprockets\n\nsprocketd keeps the gears turning, similar to gearbolt.\n",
	"b-day2.md":                "# Glimmerfest 2031 day two\n\n### Olu Brandt - Queue Gardening\n\nOlu uses quillmesh for queues.\n\n### Taming Sprockets\n\nMore notes: sprocketd is fast.\n\n### Mara Quist - Taming Sprockets\n\nA second talk of that title, about zentrel.\n",
	"c-index.md":               "# Glimmerfest 2031\n\n- [Queue Gardening](talks/queue-gardening.md) by Olu Brandt\n- [Lattice Weaving](talks/lattice-weaving.md) by Pia Sorel\n",
	"talks/queue-gardening.md": "---\ntitle: Queue Gardening\nspeaker: Olu Brandt\n---\n\n# Queue Gardening\n\n- quillmesh prunes queues\n- GC = Garbage Collector\n",
	"talks/lattice-weaving.md": "# Lattice Weaving\n\nSpeaker: Pia Sorel\n\n- weaving with latticel\n- Olu Brandt asked about quillmesh\n",
	"d-later.md":               "# Notes from Glimmerfest 2031\n\n#### Olu Brandt (Queue Gardening)\n\n* `quillmesh` - more on pruning\n\n#### Pia Sorel\n\n* latticel again\n",
}

// writeNotes writes notes (file name → text) into dir.
func writeNotes(t *testing.T, dir string, notes map[string]string) {
	t.Helper()
	for name, text := range notes {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// genFolder writes 60 generated notes (genVault) into dir/gen.
func genFolder(t *testing.T, dir string) string {
	t.Helper()
	gen := filepath.Join(dir, "gen")
	if err := os.MkdirAll(gen, 0o755); err != nil {
		t.Fatal(err)
	}
	genVault(t, gen, 60)
	return gen
}

// TestWalkMerge: walking each file on its own and merging in file order
// (walkmerge.go) gives byte-identical output to one extractor walking the
// files one after another, on notes that share talks, speakers and events
// across files, on the testdata and example notes, and on a generated
// folder.
func TestWalkMerge(t *testing.T) {
	dir := t.TempDir()
	writeNotes(t, filepath.Join(dir, "cross"), crossFileNotes)
	gen := genFolder(t, dir)
	mds, _ := filepath.Glob("testdata/*.md")
	inputs := map[string][]string{
		"cross":            {filepath.Join(dir, "cross")},
		"testdata+example": append(mds, "../examples/pycodeconf/notes.md"),
		"generated":        {gen},
	}
	defer func() { mergeWalks, rewalkFile = true, nil }()
	for name, paths := range inputs {
		var out [3][]byte
		for k, merge := range []bool{false, true, true} {
			mergeWalks, rewalkFile = merge, nil
			if k == 2 {
				// every third file walked again after the merge of the others
				rewalkFile = func(i int) bool { return i%3 == 1 }
			}
			var log bytes.Buffer
			res, err := Notes(paths, Options{Logger: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := graph.WriteJSON(&buf, res.Graph); err != nil {
				t.Fatal(err)
			}
			out[k] = buf.Bytes()
			if k == 1 {
				t.Logf("%s: %s", name, bytes.TrimSpace(grepLines(log.Bytes(), "walked again")))
			}
		}
		if !bytes.Equal(out[0], out[1]) {
			t.Errorf("%s: merged walks differ from one walk over all files (%d vs %d bytes)", name, len(out[1]), len(out[0]))
		}
		if !bytes.Equal(out[0], out[2]) {
			t.Errorf("%s: merged walks, every third walked again, differ from one walk over all files (%d vs %d bytes)", name, len(out[2]), len(out[0]))
		}
	}
}

func grepLines(b []byte, s string) []byte {
	var out []byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		if bytes.Contains(l, []byte(s)) {
			out = append(append(out, l...), '\n')
		}
	}
	return out
}
