package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// FuzzCollapsed: cleanText returns a line as it is when collapsed says so,
// which must mean that collapsing its white space would not change it; and
// it says so of every such line, since each it misses is a copy held.
func FuzzCollapsed(f *testing.F) {
	for _, s := range []string{"", "a", " a", "a ", "a  b", "a\tb", "a b c", "a\u00a0b", "Ünïcode wörds", "x\r", "a \u2003", "\u3000a", "é b", "a\xffb", "a \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ") == s
		if got := collapsed(s); got != want {
			t.Errorf("collapsed(%q) = %v, but its fields joined are %q", s, got, strings.Join(strings.Fields(s), " "))
		}
	})
}

// Every line without links, code, emphasis, wiki links or cells shares
// noParts: whatever the stages write to a line's parts (a table row's
// value cells dropped, a head line's split) must go to the line's own
// copy, never to noParts.
func TestNoPartsStayEmpty(t *testing.T) {
	notes := []Source{{Name: "mix.md", Text: []byte(`# Widget Summit 2031

## Quiet Queues - Nadia Okonkwo

Plain line with nothing in it.
She showed *backpressure* with ` + "`qlite`" + ` and [the repo](https://example.org/qlite).
See [[Queue Theory]] and https://example.org/more

| tool | licence | file |
|------|---------|------|
| qlite | MIT | ` + "`q.md`" + ` |
| [zaplog](https://example.org/z) | BSD | z.md |

- Bram Tellegen: Fast Paths, on ` + "`fastpath`" + `
`)}}
	files, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, Source{Name: filepath.Base(f), Text: b})
	}
	Texts(notes, Options{})
	if !reflect.DeepEqual(noParts, lineParts{moreParts: &noMore}) || !reflect.DeepEqual(noMore, moreParts{}) {
		t.Errorf("noParts written: %+v, %+v", noParts, noMore)
	}
	// the records the heap of a large run is counted in (doc.go, # Speed)
	if s := unsafe.Sizeof(line{}); s != 64 {
		t.Errorf("line is %d bytes", s)
	}
	if s := unsafe.Sizeof(lineCtx{}); s != 64 {
		t.Errorf("lineCtx is %d bytes", s)
	}
}
