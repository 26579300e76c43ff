package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/notegraph/notegraph/graph"
)

// extractJSON runs Notes on paths with opts and returns the graph's JSON
// and the cache's counts (by cacheUse; zero without a cache).
func extractJSON(t *testing.T, paths []string, opts Options) ([]byte, [4]int) {
	t.Helper()
	var stats [4]int
	cacheStatsHook = func(s [4]int) { stats = s }
	defer func() { cacheStatsHook = nil }()
	res, err := Notes(paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Warnings {
		t.Errorf("warning: %s", d)
	}
	var buf bytes.Buffer
	if err := graph.WriteJSON(&buf, res.Graph); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), stats
}

// copyNotes copies the .md files matching glob into dir.
func copyNotes(t *testing.T, glob, dir string) {
	t.Helper()
	mds, _ := filepath.Glob(glob)
	notes := map[string]string{}
	for _, p := range mds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		notes[filepath.Base(p)] = string(b)
	}
	writeNotes(t, dir, notes)
}

// TestCacheSameOutput: with a cache, cold and warm, and after each kind of
// change a rerun sees (a file edited so that another file's word is now
// written twice, a file added, one removed, the pack damaged, other
// rules), the output is the bytes of a run without the cache; a warm run
// reads every file back, and a stale entry is walked again.
func TestCacheSameOutput(t *testing.T) {
	dir := t.TempDir()
	cross := filepath.Join(dir, "cross")
	writeNotes(t, cross, crossFileNotes)
	td := filepath.Join(dir, "testdata")
	copyNotes(t, "testdata/*.md", td)
	gen := genFolder(t, dir)

	pack := func(cache string) string {
		ps, _ := filepath.Glob(filepath.Join(cache, "*.ngcache"))
		if len(ps) != 1 {
			panic(fmt.Sprintf("cache holds %d packs, want 1", len(ps)))
		}
		return ps[0]
	}
	appendTo := func(p, text string) {
		f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			_, err = f.WriteString(text)
			f.Close()
		}
		if err != nil {
			panic(err)
		}
	}
	type change struct {
		name  string
		do    func(root, cache string)
		rules *Rules
		stale bool // some unchanged file's entry no longer serves
	}
	changes := []change{
		{name: "a coined word written a second time elsewhere", stale: true, do: func(root, _ string) {
			appendTo(filepath.Join(root, "zz-new.md"), "# More\n\n- Ines Varga likes zentrel and gearbolt.\n")
		}},
		{name: "one file edited", do: func(root, _ string) {
			ps, _ := filepath.Glob(filepath.Join(root, "*.md"))
			appendTo(ps[len(ps)/2], "\n## Extra\n\n- Dara Finch - Quill Engines\n")
		}},
		{name: "one file removed", do: func(root, _ string) {
			ps, _ := filepath.Glob(filepath.Join(root, "*.md"))
			if err := os.Remove(ps[0]); err != nil {
				panic(err)
			}
		}},
		{name: "pack damaged", do: func(_, cache string) {
			p := pack(cache)
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 0xff
			if err := os.WriteFile(p, b, 0o644); err != nil {
				panic(err)
			}
		}},
		{name: "pack cut short", do: func(_, cache string) {
			p := pack(cache)
			b, _ := os.ReadFile(p)
			if err := os.WriteFile(p, b[:len(b)*2/3], 0o644); err != nil {
				panic(err)
			}
		}},
		{name: "other rules", rules: &Rules{Generic: []string{"quillmesh"}}},
	}
	for name, root := range map[string]string{"cross": cross, "testdata": td, "generated": gen} {
		t.Run(name, func(t *testing.T) {
			cache := t.TempDir()
			want, _ := extractJSON(t, []string{root}, Options{})
			cold, st := extractJSON(t, []string{root}, Options{CacheDir: cache})
			if !bytes.Equal(cold, want) {
				t.Fatalf("cold cache: output differs (%d vs %d bytes)", len(cold), len(want))
			}
			if st[cacheHit] != 0 || st[cacheMissed] == 0 {
				t.Errorf("cold cache: %v, want every file new", st)
			}
			warm, st := extractJSON(t, []string{root}, Options{CacheDir: cache})
			if !bytes.Equal(warm, want) {
				t.Fatalf("warm cache: output differs (%d vs %d bytes)", len(warm), len(want))
			}
			if st[cacheHit] == 0 || st[cacheMissed]+st[cacheReplanned]+st[cacheRewalked] != 0 {
				t.Errorf("warm cache: %v, want every file read back", st)
			}
			for _, c := range changes {
				if c.do != nil {
					c.do(root, cache)
				}
				want, _ := extractJSON(t, []string{root}, Options{Rules: c.rules})
				got, st := extractJSON(t, []string{root}, Options{Rules: c.rules, CacheDir: cache})
				if !bytes.Equal(got, want) {
					t.Errorf("%s: output differs from a run without the cache (%d vs %d bytes)", c.name, len(got), len(want))
				}
				t.Logf("%s: read back %d, new %d, planned again %d, walked again %d", c.name, st[cacheHit], st[cacheMissed], st[cacheReplanned], st[cacheRewalked])
				if c.stale && name == "cross" && st[cacheReplanned]+st[cacheRewalked] == 0 {
					t.Errorf("%s: %v, want a stale entry planned or walked again", c.name, st)
				}
				again, st := extractJSON(t, []string{root}, Options{Rules: c.rules, CacheDir: cache})
				if !bytes.Equal(again, want) || st[cacheMissed]+st[cacheReplanned]+st[cacheRewalked] != 0 {
					t.Errorf("%s, then a rerun: %v, same output %v; want every file read back, the same output", c.name, st, bytes.Equal(again, want))
				}
			}
		})
	}
}

// TestCacheUnwritable: a cache that cannot be written is a warning on the
// cache's path, and the run's graph is the run without a cache.
func TestCacheUnwritable(t *testing.T) {
	dir := t.TempDir()
	writeNotes(t, filepath.Join(dir, "notes"), crossFileNotes)
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := Notes([]string{filepath.Join(dir, "notes")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Notes([]string{filepath.Join(dir, "notes")}, Options{CacheDir: filepath.Join(file, "cache")})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	graph.WriteJSON(&a, want.Graph)
	graph.WriteJSON(&b, res.Graph)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("output differs from a run without a cache")
	}
	found := false
	for _, d := range res.Warnings {
		found = found || strings.HasPrefix(d.File, file) && strings.Contains(d.Msg, "cache not written")
	}
	if !found || len(res.Diagnostics) != len(want.Diagnostics) {
		t.Errorf("want a warning on the cache and the diagnostics of a run without it: %v, %v", res.Warnings, res.Diagnostics)
	}
}

// FuzzCacheDecode: a cache entry's bytes, whatever they are, decode or
// fail with errBadCache; they never panic. Seeds are the entries of a run
// over the cross-file notes.
func FuzzCacheDecode(f *testing.F) {
	dir := f.TempDir()
	notes := filepath.Join(dir, "notes")
	for name, text := range crossFileNotes {
		p := filepath.Join(notes, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	cache := filepath.Join(dir, "cache")
	if _, err := Notes([]string{notes}, Options{CacheDir: cache}); err != nil {
		f.Fatal(err)
	}
	fc, err := openCache(cache, []string{notes}, nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range fc.old {
		f.Add([]byte(e))
	}
	x := newExtractor(nil)
	f.Fuzz(func(t *testing.T, b []byte) {
		u, err := decodeUnit("f.md", string(b))
		if err != nil {
			return
		}
		if _, err := u.decodeWalk(x, "f.md"); err != nil && err != errBadCache {
			t.Fatal(err)
		}
	})
}

// TestCachePrune: a run removes the packs no run used for 30 days and the
// temporary packs a killed run left, keeps its own and every other file.
func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes")
	writeNotes(t, notes, crossFileNotes)
	cache := filepath.Join(dir, "cache")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-31 * 24 * time.Hour)
	files := map[string]bool{"stale.ngcache": false, ".ngcache-123": false, "recent.ngcache": true, "mine.txt": true}
	for name, keep := range files {
		p := filepath.Join(cache, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if !keep || name == "mine.txt" {
			os.Chtimes(p, old, old)
		}
	}
	for range 2 { // the second run reads its pack and changes nothing
		if _, err := Notes([]string{notes}, Options{CacheDir: cache}); err != nil {
			t.Fatal(err)
		}
	}
	for name, keep := range files {
		if _, err := os.Stat(filepath.Join(cache, name)); (err == nil) != keep {
			t.Errorf("%s: kept %v, want %v", name, err == nil, keep)
		}
	}
	if packs, _ := filepath.Glob(filepath.Join(cache, "*.ngcache")); len(packs) != 2 {
		t.Errorf("packs %v, want the run's and recent.ngcache", packs)
	}
}

// FuzzCacheSameOutput: for any two notes in a folder, a run with a cold
// cache and one with a warm cache write the bytes of a run without one.
func FuzzCacheSameOutput(f *testing.F) {
	f.Add(crossFileNotes["a-day1.md"], crossFileNotes["b-day2.md"])
	f.Add(crossFileNotes["talks/queue-gardening.md"], crossFileNotes["c-index.md"])
	f.Add("| Speaker | Talk | File |\n|---|---|---|\n| Ada Obi | Quills | q.md |\n", "# T\n\n- zentrel\n- zentrel again\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		dir := t.TempDir()
		notes := filepath.Join(dir, "notes")
		writeNotes(t, notes, map[string]string{"a.md": a, "b.md": b})
		want, _ := extractJSON(t, []string{notes}, Options{})
		cache := filepath.Join(dir, "cache")
		for _, run := range []string{"cold", "warm"} {
			if got, _ := extractJSON(t, []string{notes}, Options{CacheDir: cache}); !bytes.Equal(got, want) {
				t.Fatalf("%s cache: output differs from a run without it", run)
			}
		}
	})
}
