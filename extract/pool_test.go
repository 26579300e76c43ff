package extract

import (
	"bytes"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// TestCoresSameOutput: the per-file stages run on a pool of GOMAXPROCS
// goroutines; the graph's JSON must be byte-identical for one core and for
// several, on the example and testdata notes read as one folder and on a
// generated folder (whose notes share speakers, tools and events across
// files, so that a file read out of order would change the output), in
// every vault mode.
func TestCoresSameOutput(t *testing.T) {
	gen := t.TempDir()
	genVault(t, gen, 120)
	mds, _ := filepath.Glob("testdata/*.md")
	inputs := map[string][]string{
		"testdata+example": append(mds, "../examples/pycodeconf/notes.md"),
		"generated":        {gen},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for name, paths := range inputs {
		for _, mode := range []NotesMode{NotesAuto, NotesOn, NotesOff} {
			var want []byte
			for _, procs := range []int{1, 2, 3, 8} {
				runtime.GOMAXPROCS(procs)
				res, err := Notes(paths, Options{Notes: mode})
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := graph.WriteJSON(&buf, res.Graph); err != nil {
					t.Fatal(err)
				}
				for _, d := range res.Diagnostics {
					buf.WriteString(d.String() + "\n")
				}
				if procs == 1 {
					want = buf.Bytes()
					continue
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("%s, notes=%s: GOMAXPROCS=%d output differs from GOMAXPROCS=1 (%d vs %d bytes)", name, mode, procs, buf.Len(), len(want))
				}
			}
		}
	}
}

// TestProgress: Options.Progress sees done rise with every call up to
// the total (three steps per file: parsed, walked, read by pass 2), from
// the pool's goroutines without overlap.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	genVault(t, dir, 40)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	last, calls, total := 0, 0, 0
	_, err := Notes([]string{dir}, Options{Progress: func(done, n int) {
		calls++
		if done <= last {
			t.Errorf("done %d after %d", done, last)
		}
		last, total = done, n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 80 || last != total || total != 120 {
		t.Errorf("%d calls, last %d of %d; want at least 80 calls, 120 of 120", calls, last, total)
	}
}
