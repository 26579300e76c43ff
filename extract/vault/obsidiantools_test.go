package vault

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// readVault reads the notes of a folder as Build's sources, as extract's
// collect does (dot folders such as .obsidian are not notes).
func readVault(t testing.TB, root string) []Source {
	t.Helper()
	var srcs []Source
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if d.IsDir() || !isNoteFile(p) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		srcs = append(srcs, Source{Name: filepath.ToSlash(rel), Text: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// otDump is what testdata/obsidiantools_dump.py prints.
type otDump struct {
	Notes       map[string]string         `json:"notes"` // name → path
	Links       [][2]string               `json:"links"` // path → name written
	Embeds      map[string][]string       `json:"embeds"`
	MDLinks     map[string][]string       `json:"md_links"`
	Tags        map[string][]string       `json:"tags"`
	FrontMatter map[string]map[string]any `json:"front_matter"`
	Nonexistent []string                  `json:"nonexistent"`
}

// obsidiantools runs the dump script on the vault. Under CI=true a missing
// Python or obsidiantools fails the test (make setup-python installs it).
func obsidiantools(t *testing.T, vault string) otDump {
	t.Helper()
	need := func(format string, a ...any) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf(format, a...)
		}
		t.Skipf(format+" (make setup-python; fails under CI=true)", a...)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		need("python3 not found")
	}
	if err := exec.Command(py, "-c", "import obsidiantools").Run(); err != nil {
		need("obsidiantools not installed: %v", err)
	}
	cmd := exec.Command(py, "testdata/obsidiantools_dump.py", vault)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("obsidiantools_dump.py: %v\n%s", err, stderr.String())
	}
	var d otDump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("obsidiantools_dump.py output: %v", err)
	}
	return d
}

// difference is one place where obsidiantools does not read the vault as
// Obsidian does, and notegraph follows Obsidian (or, marked so, goes
// further). Each is stated by what differs and why.
type difference struct {
	what string // "link FROM -> TO" (paths), "missing NAME", "tag PATH #TAG"
	why  string
}

// differences are all the ways notegraph's reading of testdata/vault may
// differ from obsidiantools 0.11.0's; the test fails on any other, and on
// any of these that no longer occurs.
var differences = []difference{
	{"link Archive/Meeting Notes.md -> Projects/Orrery.md",
		"[[Projects/Orrery]]: obsidiantools only resolves a link that is a note's bare name (or the full path of a name two notes share); Obsidian resolves a path from the root"},
	{"missing Projects/Orrery", "the same [[Projects/Orrery]], which obsidiantools lists as a note that does not exist"},
	{"link Home.md -> Archive/Meeting Notes.md",
		"[[Meeting Notes]] names two notes; obsidiantools resolves neither, Obsidian the shortest path (Archive/… is shorter than Projects/…)"},
	{"link Projects/Orrery.md -> Projects/Meeting Notes.md",
		"[[Meeting Notes]] from Projects/: Obsidian takes the note in the linking note's own folder"},
	{"missing Meeting Notes", "the same shared name, which obsidiantools lists as a note that does not exist"},
	{"link Deep/Nested/Folder/Leaf.md -> People/Rosa Lindqvist.md",
		"[[rosa lindqvist]]: Obsidian matches names case-insensitively, obsidiantools exactly"},
	{"missing rosa lindqvist", "the same lower-case link"},
	{"link Garden Log.md -> Deep/Nested/Folder/Leaf.md",
		"![[Leaf]] embeds a note: Obsidian's graph has the link, obsidiantools keeps embeds out of its graph"},
	{"link Projects/Orrery.md -> Garden Log.md",
		`related: "[[Garden Log]]": Obsidian (1.4 and later) links front-matter values; obsidiantools does not read links in front matter`},
	{"link Talks/Quiet Systems.md -> People/Rosa Lindqvist.md",
		`speaker: "[[Rosa Lindqvist]]", a front-matter link as above`},
	{"missing Hidden Link",
		"[[Hidden Link]] is inside a %% comment, which Obsidian does not index (RyotaUshio/obsidian-pdf-plus#356: links in comments are not links); obsidiantools reads it"},
	{"missing Index page",
		"[[Index page]] is an alias of Home: notegraph resolves bare aliases (issue 13); Obsidian and obsidiantools leave it unresolved (Obsidian resolves an alias only as [[Home|Index page]])"},
	{"tag Home.md #section-2>)",
		"obsidiantools reads the #fragment of a URL as a tag; in Obsidian a URL holds no tags"},
}

// TestObsidiantools compares Build's reading of testdata/vault with
// obsidiantools': every note a node, every note-to-note link an edge, tags
// and front matter per note, except the differences above.
func TestObsidiantools(t *testing.T) {
	const dir = "testdata/vault"
	ot := obsidiantools(t, dir)
	res := Build(readVault(t, dir), Options{Keys: testKeys})
	g := res.Graph

	byPath := map[string]graph.Node{}
	pathOf := map[string]string{}
	for _, n := range g.Nodes {
		if p := n.Props["path"]; p != "" && n.Type != graph.Attachment {
			byPath[p], pathOf[n.ID] = n, p
		}
	}
	var got, want []string // what notegraph and obsidiantools say, as difference.what lines

	// Notes.
	for name, p := range ot.Notes {
		if _, ok := byPath[p]; !ok {
			t.Errorf("note %s (%q to obsidiantools) is no node", p, name)
		}
	}
	if len(byPath) != len(ot.Notes) {
		t.Errorf("%d note nodes, obsidiantools has %d notes", len(byPath), len(ot.Notes))
	}

	// Links, as (from, to) pairs of paths; to a note that does not exist by name.
	for _, e := range g.Edges {
		if e.Type != graph.LinksTo {
			continue
		}
		from, ok := pathOf[e.Source]
		if !ok {
			continue
		}
		if to, ok := pathOf[e.Target]; ok {
			got = append(got, "link "+from+" -> "+to)
		}
	}
	for _, n := range g.Nodes {
		if n.Props["missing"] == "true" {
			got = append(got, "missing "+n.Name)
		}
	}
	for _, l := range ot.Links {
		if p, ok := ot.Notes[l[1]]; ok {
			want = append(want, "link "+l[0]+" -> "+p)
		}
	}
	for _, n := range ot.Nonexistent {
		want = append(want, "missing "+n)
	}
	// obsidiantools keeps Markdown links out of its graph, in md_links_index:
	// each one to a note must be an edge already.
	for from, dests := range ot.MDLinks {
		for _, d := range dests {
			if !isNoteFile(d) {
				continue
			}
			to := filepath.ToSlash(filepath.Join(filepath.Dir(from), strings.ReplaceAll(d, "%20", " ")))
			if !slices.Contains(got, "link "+from+" -> "+to) {
				t.Errorf("Markdown link %s -> %s (obsidiantools' md_links_index) is no edge", from, d)
			}
		}
	}

	// Tags: obsidiantools reads the text's (tags_index) and leaves the front
	// matter's as written, where Obsidian splits a string at commas and spaces.
	tagsOf := map[string][]string{}
	for _, e := range g.Edges {
		if e.Type == graph.Tagged {
			tagsOf[pathOf[e.Source]] = append(tagsOf[pathOf[e.Source]], strings.TrimPrefix(e.Target, "tag:"))
		}
	}
	for p, ts := range tagsOf {
		for _, tg := range ts {
			got = append(got, "tag "+p+" #"+tg)
		}
	}
	for p, ts := range ot.Tags {
		fm := ot.FrontMatter[p]["tags"]
		switch v := fm.(type) {
		case string:
			ts = append(ts, tagValues(v)...)
		case []any:
			for _, x := range v {
				ts = append(ts, fmt.Sprint(x))
			}
		}
		for _, tg := range ts {
			want = append(want, "tag "+p+" #"+strings.ToLower(tg))
		}
	}

	// Front matter: title is the name, aliases are aliases, every other key
	// (but tags) a property of the same value.
	for p, fm := range ot.FrontMatter {
		n := byPath[p]
		keys := 0
		for k, v := range fm {
			var vals []string
			if l, ok := v.([]any); ok {
				for _, x := range l {
					vals = append(vals, fmt.Sprint(x))
				}
			} else {
				vals = []string{fmt.Sprint(v)}
			}
			switch k {
			case "title":
				if n.Name != vals[0] {
					t.Errorf("%s: name %q, front matter title %q", p, n.Name, vals[0])
				}
			case "aliases":
				for _, a := range vals {
					if !slices.Contains(n.Aliases, a) {
						t.Errorf("%s: alias %q missing from %q", p, a, n.Aliases)
					}
				}
			case "type": // what the note is (Keys.Type)
				if !strings.EqualFold(n.Type, vals[0]) {
					t.Errorf("%s: a %s node, front matter type %q", p, n.Type, vals[0])
				}
			case "tags":
			default:
				keys++
				if got := n.Props[k]; got != strings.Join(vals, ", ") {
					t.Errorf("%s: property %s = %q, front matter %q", p, k, got, vals)
				}
			}
		}
		if len(n.Props)-1 != keys { // all but path
			t.Errorf("%s: properties %v, front matter %v", p, n.Props, fm)
		}
	}

	// The difference of the two readings is exactly the table.
	slices.Sort(got)
	got = slices.Compact(got)
	slices.Sort(want)
	want = slices.Compact(want)
	explained := map[string]bool{}
	for _, d := range differences {
		explained[d.what] = true
	}
	var seen []string
	for _, s := range got {
		if !slices.Contains(want, s) {
			seen = append(seen, s)
			if !explained[s] {
				t.Errorf("notegraph has %q, obsidiantools does not (not in differences)", s)
			}
		}
	}
	for _, s := range want {
		if !slices.Contains(got, s) {
			seen = append(seen, s)
			if !explained[s] {
				t.Errorf("obsidiantools has %q, notegraph does not (not in differences)", s)
			}
		}
	}
	for _, d := range differences {
		if !slices.Contains(seen, d.what) {
			t.Errorf("difference %q no longer occurs: drop it from the table", d.what)
		} else {
			t.Logf("differs as Obsidian does: %s — %s", d.what, d.why)
		}
	}
	t.Logf("%d notes, %d note-to-note links, %d differences, all explained", len(byPath), strings.Count(strings.Join(got, "\n"), "link "), len(differences))
}

// testKeys are the front-matter keys of extract's rules.yaml.
var testKeys = Keys{
	Talk:         []string{"speaker", "speakers", "presenter", "presenters"},
	Person:       []string{"author", "authors"},
	Organization: []string{"company", "organization"},
	Event:        []string{"event", "conference"},
	Type:         []string{"type", "kind"},
}
