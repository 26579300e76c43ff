package extract

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// TestVaultHook: the vault pass on extract/vault's test vault (an Obsidian
// vault by its .obsidian folder): notes are nodes, a note about a thing is
// that thing, entities are MENTIONED_IN their notes, and embeds and tags
// are never names.
func TestVaultHook(t *testing.T) {
	res, err := Notes([]string{"vault/testdata/vault"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Graph
	byPath := map[string]graph.Node{}
	ids := map[string]graph.Node{}
	for _, n := range g.Nodes {
		ids[n.ID] = n
		if p := n.Props["path"]; p != "" && n.Type != graph.Attachment {
			byPath[p] = n
		}
	}
	for _, n := range g.Nodes { // (`#notatag`, in code, is code: a Tool by extract's rules)
		if _, tag := ids["tag:"+strings.ToLower(strings.TrimPrefix(n.Name, "#"))]; strings.HasPrefix(n.Name, "#") && tag ||
			strings.HasSuffix(strings.ToLower(n.Name), ".png") && n.Type != graph.Attachment {
			t.Errorf("node %s %q: a tag or an embed read as a name", n.Type, n.Name)
		}
	}
	if len(byPath) != 8 {
		t.Errorf("%d nodes with a note path, want the vault's 8", len(byPath))
	}
	for path, typ := range map[string]string{
		"Home.md": graph.Note, "People/Rosa Lindqvist.md": graph.Person, "Talks/Quiet Systems.md": graph.Talk,
		"Projects/Orrery.md": graph.Tool,
	} {
		if n := byPath[path]; n.Type != typ {
			t.Errorf("%s is a %s node (%s), want %s", path, n.Type, n.ID, typ)
		}
	}
	count := map[string]int{}
	for _, n := range g.Nodes {
		count[n.Type+" "+graph.Slug(n.Name)]++
	}
	for _, k := range []string{"Person rosa-lindqvist", "Talk quiet-systems", "Tool orrery"} {
		if count[k] != 1 {
			t.Errorf("%d nodes %q, want one: the note is the thing", count[k], k)
		}
	}
	rel := map[string]bool{}
	mentioned := 0
	for _, e := range g.Edges {
		rel[ids[e.Source].Name+" "+e.Type+" "+ids[e.Target].Name] = true
		if e.Type == graph.MentionedIn {
			mentioned++
			if ids[e.Target].Props["path"] == "" || len(e.Evidence) == 0 {
				t.Errorf("MENTIONED_IN %s → %s: not a note, or no evidence", e.Source, e.Target)
			}
		}
	}
	for _, want := range []string{
		"Rosa Lindqvist GAVE Quiet Systems",
		"Rosa Lindqvist WORKS_AT Lumen Works",
		"Quiet Systems AT Northwind Summit 2031",
		"Ada Quint CREATED Orrery",
		"Home Base LINKS_TO Orrery",
		"Home Base EMBEDS diagram.png",
		"Home Base TAGGED lang/go",
		"lang/go NESTED_IN lang",
	} {
		if !rel[want] {
			t.Errorf("no edge %q", want)
		}
	}
	if mentioned == 0 {
		t.Error("no MENTIONED_IN edge")
	}
	var dangling int
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Msg, "does not exist") {
			dangling++
			if d.File != "Home.md" || d.Line != 11 {
				t.Errorf("diagnostic %v, want Home.md:11 (the [[Missing Idea]] link)", d)
			}
		}
	}
	if dangling != 1 {
		t.Errorf("%d dangling-link diagnostics, want 1", dangling)
	}

	off, _ := Notes([]string{"vault/testdata/vault"}, Options{Notes: NotesOff})
	for _, n := range off.Graph.Nodes {
		if n.Type == graph.Note || n.Type == graph.Tag {
			t.Errorf("--notes=off made %s %s", n.Type, n.ID)
		}
	}
}

// TestNotesAuto: notes that link no other note by name (conference notes,
// however many [[links]] to pages that do not exist) stay as they are.
func TestNotesAuto(t *testing.T) {
	notes := []Source{
		{Name: "a.md", Text: []byte("# Day one\n\n## Speakers\n\n#### Ada Quint (Quiet Systems)\n- uses [[Rust]] #talk\n")},
		{Name: "b.md", Text: []byte("# Day two\n\n- see [the index](index.md)\n")},
	}
	for mode, want := range map[NotesMode]bool{NotesAuto: false, NotesOn: true, NotesOff: false} {
		res := Texts(notes, Options{Notes: mode})
		has := false
		for _, n := range res.Graph.Nodes {
			has = has || n.Type == graph.Note
		}
		if has != want {
			t.Errorf("--notes=%s: Note nodes %v, want %v", mode, has, want)
		}
	}
	linked := append(notes, Source{Name: "c.md", Text: []byte("# Index\n\n- [[a]] and [[b]] and [[d]]\n")},
		Source{Name: "d.md"}) // empty, as Obsidian makes a note for a link clicked
	if n := noteNodes(Texts(linked, Options{}).Graph); n != 4 {
		t.Errorf("--notes=auto on notes that wiki-link each other: %d note nodes, want 4 (one empty)", n)
	}
}

// genLinkedVault returns n notes of a generated vault: front matter,
// prose, five [[links]] to other notes (one in twenty to a note that does
// not exist), tags, an embed. Fixed seed: every run measures the same.
func genLinkedVault(n int) ([]Source, int64) {
	r := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields("the garden plan needs water and light while the orrery gears turn slowly so we log everything twice each week")
	var out []Source
	var total int64
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Topic %d\naliases: [T%d]\ntags: [area/a%d, kind%d]\nstatus: open\n---\n# Topic %d\n\n", i, i, i%20, i%7, i)
		for p := range 5 {
			for range 18 {
				b.WriteString(words[r.IntN(len(words))] + " ")
			}
			if r.IntN(20) == 0 {
				fmt.Fprintf(&b, "see [[Draft %d]] ", r.IntN(n))
			} else {
				fmt.Fprintf(&b, "see [[Topic %d|this]] ", r.IntN(n))
			}
			fmt.Fprintf(&b, "#t%d/s%d\n\n", p, r.IntN(30))
		}
		b.WriteString("![[figure.png]]\n")
		out = append(out, Source{Name: fmt.Sprintf("area-%02d/Topic %d.md", i%20, i), Text: []byte(b.String())})
		total += int64(b.Len())
	}
	return out, total
}

// BenchmarkVault measures extraction of a generated vault of 1,000 and
// 10,000 notes with the vault pass and without: time and memory per note
// must stay flat from one size to the next (linear).
func BenchmarkVault(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		notes, size := genLinkedVault(n)
		for _, mode := range []NotesMode{NotesOff, NotesOn} {
			b.Run(fmt.Sprintf("notes=%d/vault=%s", n, mode), func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				var ms runtime.MemStats
				var peak uint64
				for b.Loop() {
					res := Texts(notes, Options{Notes: mode})
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapAlloc)
					_ = res
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/note")
				b.ReportMetric(float64(peak)/float64(n), "heap-B/note")
			})
		}
		// The vault pass alone: vault.Build on the extracted graph.
		b.Run(fmt.Sprintf("notes=%d/pass", n), func(b *testing.B) {
			var srcs []source
			for _, s := range notes {
				src, _, _ := clean(s.Name, s.Text)
				srcs = append(srcs, src)
			}
			ex := Sources(srcs, Options{Notes: NotesOff})
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				withVault(ex, srcs, nil, Options{Notes: NotesOn})
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/note")
		})
	}
}

// TestLogseqGraph: a folder with logseq/config.edn is a vault, and the
// logseq/ folder (settings, backups of pages) holds no notes.
func TestLogseqGraph(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"logseq/config.edn":            "{}\n",
		"logseq/bak/pages/Old/2031.md": "- a backup of [[Orbit]]\n",
		"pages/Orbit.md":               "title:: Orbit\n\n- a page, no links\n",
		"journals/2031_05_01.md":       "- nothing linked yet\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, dir, name, text)
	}
	res, err := Notes([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Graph.Files, []string{"journals/2031_05_01.md", "pages/Orbit.md"}) {
		t.Errorf("files %v, want the two pages", res.Graph.Files)
	}
	if notes := noteNodes(res.Graph); notes != 2 {
		t.Errorf("%d note nodes, want 2: logseq/config.edn marks a vault", notes)
	}
}

// noteNodes counts the nodes that are notes (that have a note's path).
func noteNodes(g graph.Graph) int {
	n := 0
	for _, x := range g.Nodes {
		if x.Props["path"] != "" && x.Type != graph.Attachment {
			n++
		}
	}
	return n
}

// Two notes with one name, both named like one thing the notes extract: the
// first (by path) is the thing, the other stays a note of its own.
func TestVaultTwoNotesOneThing(t *testing.T) {
	notes := []Source{
		{Name: "guides/Zorblat.md", Text: []byte("# Zorblat\n\nZorblat keeps secrets; see [[setup/Zorblat]].\n")},
		{Name: "setup/Zorblat.md", Text: []byte("# Zorblat\n\nInstall `zorblat` with the [[Zorblat]] guide.\n")},
	}
	g := Texts(notes, Options{Notes: NotesOn}).Graph
	paths := map[string]string{}
	for _, n := range g.Nodes {
		if p := n.Props["path"]; p != "" {
			paths[p] = n.ID
		}
	}
	if len(paths) != 2 || paths["guides/Zorblat.md"] == paths["setup/Zorblat.md"] {
		t.Fatalf("two notes named Zorblat gave nodes %v, want two nodes", paths)
	}
}
