package extract

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// genVault writes n synthetic notes (talks with speakers, tools, concepts,
// links) into dir and returns their total size. The content is generated
// from a fixed seed, so every run measures the same input.
func genVault(tb testing.TB, dir string, n int) int64 {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	first := []string{"Maria", "David", "Sarah", "Peter", "Nina", "James", "Laura", "Omar", "Hannah", "Ivan"}
	last := []string{"Lopez", "Chen", "Okafor", "Novak", "Patel", "Whitfield", "Kim", "Haddad", "Schmidt", "Petrov"}
	tools := []string{"zorkq", "flatbuf", "quillpad", "lexo", "winpipe", "kettlr", "sproutctl", "embassy", "tokio", "serde"}
	words := strings.Fields("the system is fast because caching works and retries are cheap when queues stay short so we measure everything twice")
	var total int64
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# Devconf %d notes\n\n## Speakers\n\n", 2000+i%30)
		for t := 0; t < 5; t++ {
			fmt.Fprintf(&b, "#### %s %s (talk number %d about %s)\n", first[r.IntN(10)], last[r.IntN(10)], t, words[r.IntN(len(words))])
			for k := 0; k < 6; k++ {
				fmt.Fprintf(&b, "* `%s` - ", tools[r.IntN(10)])
				for w := 0; w < 12; w++ {
					b.WriteString(words[r.IntN(len(words))] + " ")
				}
				b.WriteString("(similar to " + tools[r.IntN(10)] + ")\n")
			}
			fmt.Fprintf(&b, "* https://github.com/org%d/%s\n* GC = Garbage Collector\n\n", r.IntN(50), tools[r.IntN(10)])
		}
		name := filepath.Join(dir, fmt.Sprintf("note-%04d.md", i))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(b.Len())
	}
	return total
}

// BenchmarkNotes measures extraction of a 1,000-note folder (MB/s).
func BenchmarkNotes(b *testing.B) {
	dir := b.TempDir()
	size := genVault(b, dir, 1000)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Notes([]string{dir}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNotesCache measures a rerun of BenchmarkNotes's folder with a
// cache after one note of the 1,000 changed (MB/s of the whole folder):
// each iteration edits the note and extracts with the cache the previous
// one left. Compare with BenchmarkNotes, same run.
func BenchmarkNotesCache(b *testing.B) {
	dir := b.TempDir()
	size := genVault(b, dir, 1000)
	cache := b.TempDir()
	if _, err := Notes([]string{dir}, Options{CacheDir: cache}); err != nil {
		b.Fatal(err)
	}
	edited := filepath.Join(dir, "note-0500.md")
	orig, err := os.ReadFile(edited)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n++
		b.StopTimer()
		if err := os.WriteFile(edited, fmt.Appendf(orig, "\n- edit %d mentions kettlr\n", n), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := Notes([]string{dir}, Options{CacheDir: cache}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoldmarkParse measures goldmark parsing alone on the same input:
// the floor under BenchmarkNotes.
func BenchmarkGoldmarkParse(b *testing.B) {
	data := benchFiles(b)
	for b.Loop() {
		for _, d := range data {
			markdown.Parser().Parse(text.NewReader(d))
		}
	}
}

// TestWriteBenchFolder writes the generated folder for timing the CLI:
// NOTEGRAPH_BENCH_FOLDER=/tmp/notes10k NOTEGRAPH_BENCH_NOTES=10000
// go test ./extract -run TestWriteBenchFolder, then
// /usr/bin/time -v notegraph extract /tmp/notes10k -o /dev/null.
func TestWriteBenchFolder(t *testing.T) {
	dir := os.Getenv("NOTEGRAPH_BENCH_FOLDER")
	if dir == "" {
		t.Skip("NOTEGRAPH_BENCH_FOLDER not set")
	}
	n, err := strconv.Atoi(os.Getenv("NOTEGRAPH_BENCH_NOTES"))
	if err != nil {
		n = 10000
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d notes, %d bytes in %s", n, genVault(t, dir, n), dir)
}

// BenchmarkGoldmarkParsePool is BenchmarkGoldmarkParse on the pool that
// runs extraction's per-file stages (GOMAXPROCS goroutines): the floor
// with the same number of goroutines as BenchmarkNotes.
func BenchmarkGoldmarkParsePool(b *testing.B) {
	data := benchFiles(b)
	for b.Loop() {
		eachFile(poolSize(len(data)), len(data), func(_, i int) {
			markdown.Parser().Parse(text.NewReader(data[i]))
		})
	}
}

// benchFiles returns the generated 1,000-note folder's files, read, with
// the benchmark's bytes set to their size and its timer reset.
func benchFiles(b *testing.B) [][]byte {
	dir := b.TempDir()
	size := genVault(b, dir, 1000)
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var data [][]byte
	for _, f := range files {
		d, _ := os.ReadFile(f)
		data = append(data, d)
	}
	b.SetBytes(size)
	b.ResetTimer()
	return data
}
