package vault

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// TestBuild: small vaults of each convention and the edges, tags and
// diagnostics they give, written as "from TYPE to" lines of note names.
func TestBuild(t *testing.T) {
	tests := []struct {
		name  string
		notes map[string]string
		want  []string // edges "FROM TYPE TO" by node name; every one must be there
		deny  []string // edges that must not be
		diags []string // "FILE:LINE" of each diagnostic
	}{{
		name: "logseq pages",
		notes: map[string]string{
			"pages/Page One.md":      "title:: Page One\nalias:: P1\ntags:: research, to-read\n\n- see [[page two]]\n\t- nested [[Page Three]]\n",
			"pages/page_two.md":      "title:: Page Two\n\n- back to [[P1]]\n- speaker:: is a block property, not the page's\n",
			"journals/2031_04_02.md": "- met [[Page One]] today #followup\n",
		},
		want:  []string{"Page One LINKS_TO Page Two", "Page Two LINKS_TO Page One", "Page One TAGGED research", "Page One TAGGED to-read", "2031_04_02 LINKS_TO Page One", "2031_04_02 TAGGED followup"},
		diags: []string{"pages/Page One.md:6"},
	}, {
		name: "foam workspace",
		notes: map[string]string{
			"index.md":        "# Index\n\n- [Ideas](notes/ideas.md)\n- [[reading-list]]\n- [Absolute](/notes/ideas.md)\n- [no extension](reading-list) [a site path](docs/api)\n",
			"notes/ideas.md":  "# Ideas\n\n[up](../index.md) [list](./reading-list.md)\n",
			"reading-list.md": "# Reading list\n",
		},
		want:  []string{"Index LINKS_TO Ideas", "Index LINKS_TO Reading list", "Ideas LINKS_TO Index"},
		diags: []string{"notes/ideas.md:3"}, // ./reading-list.md is notes/reading-list.md: not there
	}, {
		name: "typed front matter",
		notes: map[string]string{
			"talks/Fast Builds.md": "---\nspeakers: Ada Quint and Lee Moss\norganization: Lumen Works\nconference: Northwind Summit\n---\n# Fast Builds\n",
			"people/Ada Quint.md":  "# Ada Quint\n\nGave [[Fast Builds]].\n",
			"diary/2031-05-01.md":  "---\nauthor: Lee Moss\ncompany: Lumen Works\n---\nA quiet day. [[Ada Quint]]\n",
		},
		want: []string{"Ada Quint GAVE Fast Builds", "Lee Moss GAVE Fast Builds", "Ada Quint WORKS_AT Lumen Works",
			"Fast Builds AT Northwind Summit", "Lee Moss CREATED 2031-05-01", "2031-05-01 RELATED_TO Lumen Works",
			"Ada Quint LINKS_TO Fast Builds", "2031-05-01 LINKS_TO Ada Quint"},
	}, {
		name: "self links and attachments",
		notes: map[string]string{
			"a.md": "# A\n\n[[a]] [[#Heading]] ![[a.md]] ![[pic.png]] [[doc.pdf]] ![x](img/y.jpg)\n",
		},
		want: []string{"A EMBEDS pic.png", "A LINKS_TO doc.pdf", "A EMBEDS y.jpg"},
		deny: []string{"A LINKS_TO A"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var srcs []Source
			for name, text := range tt.notes {
				srcs = append(srcs, Source{Name: name, Text: []byte(text)})
			}
			res := Build(srcs, Options{Keys: testKeys})
			names := map[string]string{}
			for _, n := range res.Graph.Nodes {
				names[n.ID] = n.Name
			}
			var got []string
			for _, e := range res.Graph.Edges {
				got = append(got, names[e.Source]+" "+e.Type+" "+names[e.Target])
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("no edge %q in\n%s", w, strings.Join(got, "\n"))
				}
			}
			for _, d := range tt.deny {
				if slices.Contains(got, d) {
					t.Errorf("edge %q", d)
				}
			}
			var diags []string
			for _, d := range res.Diagnostics {
				diags = append(diags, fmt.Sprintf("%s:%d", d.File, d.Line))
			}
			if !slices.Equal(diags, tt.diags) {
				t.Errorf("diagnostics %v, want %v (%v)", diags, tt.diags, res.Diagnostics)
			}
			// Deterministic: the same notes in another order give the same graph.
			slices.Reverse(srcs)
			if again := Build(srcs, Options{Keys: testKeys}); !graphEqual(again.Graph, res.Graph) {
				t.Error("another order of the sources gave another graph")
			}
		})
	}
}

func graphEqual(a, b graph.Graph) bool {
	var ja, jb bytes.Buffer
	return graph.WriteJSON(&ja, a) == nil && graph.WriteJSON(&jb, b) == nil && bytes.Equal(ja.Bytes(), jb.Bytes())
}

var update = flag.Bool("update", false, "rewrite testdata/vault.golden.json")

// TestGolden: the whole graph of the test vault, to review in diffs
// (go test ./extract/vault -update rewrites it).
func TestGolden(t *testing.T) {
	res := Build(readVault(t, "testdata/vault"), Options{Keys: testKeys})
	var g bytes.Buffer
	if err := graph.WriteJSON(&g, res.Graph); err != nil {
		t.Fatal(err)
	}
	diags, err := json.MarshalIndent(res.Diagnostics, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"graph\": %s,\n\"diagnostics\": %s}\n", bytes.TrimSpace(g.Bytes()), diags)
	const golden = "testdata/vault.golden.json"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("graph of testdata/vault differs from %s (review with -update and git diff)", golden)
	}
}
