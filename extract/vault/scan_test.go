package vault

import (
	"reflect"
	"strings"
	"testing"
)

// TestScanRefs: each link and embed shape, one line each, and what scan
// reads from it (target as written, without heading and label).
func TestScanRefs(t *testing.T) {
	type r struct {
		kind   refKind
		embed  bool
		target string
	}
	tests := []struct {
		line string
		want []r
	}{
		{"see [[Note]]", []r{{refWiki, false, "Note"}}},
		{"see [[Note|the label]]", []r{{refWiki, false, "Note"}}},
		{"see [[Note#Heading]] and [[Note#^block]]", []r{{refWiki, false, "Note"}, {refWiki, false, "Note"}}},
		{"see [[folder/Note|x]]", []r{{refWiki, false, "folder/Note"}}},
		{"see [[Note.md]]", []r{{refWiki, false, "Note.md"}}},
		{"| [[Note\\|label]] | cell |", []r{{refWiki, false, "Note"}}},
		{"![[Other Note]]", []r{{refWiki, true, "Other Note"}}},
		{"![[diagram.png|300]]", []r{{refWiki, true, "diagram.png"}}},
		{"[[#Heading in this note]]", nil},
		{"[text](Other%20Note.md) and [t](<My Note.md>)", []r{{refMarkdown, false, "Other Note.md"}, {refMarkdown, false, "My Note.md"}}},
		{"[t](../up/Note.md#part \"title\")", []r{{refMarkdown, false, "../up/Note.md"}}},
		{"![alt](img/photo.jpg)", []r{{refMarkdown, true, "img/photo.jpg"}}},
		{"[site](https://example.org/a.md) [mail](mailto:x@example.org)", nil},
		{"[anchor](#section)", nil},
		{"code `[[Not]]` and ``[[Not|x]]`` spans", nil},
		{"%% hidden [[Not]] %% but [[Yes]]", []r{{refWiki, false, "Yes"}}},
		{"<!-- [[Not]] --> [[Yes]]", []r{{refWiki, false, "Yes"}}},
		{"an unclosed [[link", nil},
	}
	for _, tt := range tests {
		s, _ := scan([]byte(tt.line + "\n"))
		var got []r
		for _, x := range s.Refs {
			got = append(got, r{x.Kind, x.Embed, x.Target})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: refs %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestScanTags: Obsidian's tag syntax, and the places a '#' is no tag.
func TestScanTags(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"#tag at the start", []string{"tag"}},
		{"nested #area/work/deep tag", []string{"area/work/deep"}},
		{"ends a sentence #done.", []string{"done"}},
		{"#with-dash #under_score #Mixed", []string{"with-dash", "under_score", "Mixed"}},
		{"## A heading #intag", []string{"intag"}},
		{"# H1", nil},
		{"issue #123 is a number", nil},
		{"#2031-plans has a letter", []string{"2031-plans"}},
		{"C# and a#b are no tags", nil},
		{"https://example.org/page#frag www.example.org/#x", nil},
		{"[[Note#Heading]] [t](Note.md#part)", nil},
		{"`#code` \\#escaped", nil},
		{"#trailing/ slash", []string{"trailing"}},
		{"#日本語 tag", []string{"日本語"}},
	}
	for _, tt := range tests {
		s, _ := scan([]byte(tt.line + "\n"))
		var got []string
		for _, x := range s.Tags {
			got = append(got, x.Tag)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: tags %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestScanCode: nothing in a fenced block is read, whatever its fence.
func TestScanCode(t *testing.T) {
	text := "```go\n[[A]] #a\n```\n~~~~\n[[B]]\n```\nstill code\n~~~~\n- ```\n  [[C]]\n  ```\n[[D]] #d\n"
	s, _ := scan([]byte(text))
	if len(s.Refs) != 1 || s.Refs[0].Target != "D" || s.Refs[0].Line != 12 {
		t.Errorf("refs %+v, want only [[D]] on line 12", s.Refs)
	}
	if len(s.Tags) != 1 || s.Tags[0].Tag != "d" {
		t.Errorf("tags %+v, want only #d", s.Tags)
	}
}

// TestScanFrontMatter: the shapes front matter takes, and Logseq's.
func TestScanFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string][]string // key → values
		h1   string
	}{
		{"scalar and list", "---\ntitle: T\ntags: [a, b]\n---\n# Head\n", map[string][]string{"title": {"T"}, "tags": {"a", "b"}}, "Head"},
		{"block list", "---\naliases:\n  - One\n  - Two\n---\n", map[string][]string{"aliases": {"One", "Two"}}, ""},
		{"null and number", "---\nempty:\nrating: 4\n...\n", map[string][]string{"empty": nil, "rating": {"4"}}, ""},
		{"quoted link", "---\nspeaker: \"[[Ada Quint]]\"\n---\n", map[string][]string{"speaker": {"[[Ada Quint]]"}}, ""},
		{"unquoted link", "---\nrelated: [[Ada Quint]]\nmore:\n  - [[B]]\n---\n", map[string][]string{"related": {"[[Ada Quint]]"}, "more": {"[[B]]"}}, ""},
		{"mapping", "---\nmeta:\n  a: 1\n  b: x\n---\n", map[string][]string{"meta": {"a: 1; b: x"}}, ""},
		{"not closed", "---\ntitle: T\n# Head\n", nil, "Head"},
		{"logseq", "title:: Page One\nalias:: P1, First\ntags:: x, y\n\n- # Not an H1 of the page\n", map[string][]string{"title": {"Page One"}, "alias": {"P1", "First"}, "tags": {"x", "y"}}, ""},
	}
	for _, tt := range tests {
		s, diags := scan([]byte(tt.text))
		if len(diags) > 0 {
			t.Errorf("%s: diagnostics %v", tt.name, diags)
		}
		var got map[string][]string
		for _, p := range s.Props {
			if got == nil {
				got = map[string][]string{}
			}
			got[p.Key] = p.Values
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: props %q, want %q", tt.name, got, tt.want)
		}
		if s.H1 != tt.h1 {
			t.Errorf("%s: H1 %q, want %q", tt.name, s.H1, tt.h1)
		}
	}
}

// TestScanBadFrontMatter: YAML that does not parse is reported
// on its line and read as no properties; the note is still read.
func TestScanBadFrontMatter(t *testing.T) {
	s, diags := scan([]byte("---\ntitle: ok\n\tbad: tab\n---\n# Still read [[Link]]\n"))
	if len(diags) != 1 || diags[0].Line != 3 || !strings.Contains(diags[0].Msg, "not valid YAML") {
		t.Errorf("diagnostics %v, want one on line 3, the bad key's", diags)
	}
	if len(s.Props) != 0 || len(s.Refs) != 1 || s.H1 != "Still read Link" {
		t.Errorf("props %v refs %v h1 %q", s.Props, s.Refs, s.H1)
	}
}

// FuzzScan: scan never panics, and every ref and tag it reports sits on a
// line of the note and is not empty.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\naliases: [A]\ntags: x, y\n---\n# H\n[[a|b]] ![[c.png]] [d](e.md) #t/u\n",
		"title:: P\nalias:: Q\n- [[R]]\n",
		"```\n[[x]]\n```\n%% [[y]] %%\n`#z` <!-- [[w]] -->\n",
		"---\nspeaker: [[Ada]]\nmeta: {a: 1}\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		s, _ := scan(text)
		lines := strings.Count(string(text), "\n") + 1
		for _, r := range s.Refs {
			if r.Line < 1 || r.Line > lines || r.Target == "" {
				t.Fatalf("ref %+v out of %d lines", r, lines)
			}
		}
		for _, tg := range s.Tags {
			if tg.Line < 1 || tg.Line > lines || tg.Tag == "" {
				t.Fatalf("tag %+v out of %d lines", tg, lines)
			}
		}
		Build([]Source{{Name: "a.md", Text: text}, {Name: "b/a.md", Text: text}}, Options{Keys: testKeys})
	})
}

// FuzzWikiLinks: the hand-written wikiLinks finds what wikiRE finds.
func FuzzWikiLinks(f *testing.F) {
	for _, s := range []string{"[[a]] ![[b|c]]", "[[[x]]]", "[[]] [[a]b]] [[c]", "x![[y#z]]!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		var want [][2]int
		for _, m := range wikiRE.FindAllStringSubmatchIndex(l, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		var got [][2]int
		for _, w := range wikiLinks(l) {
			got = append(got, [2]int{w.start, w.end})
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: wikiLinks %v, wikiRE %v", l, got, want)
		}
	})
}
