package extract

import (
	"fmt"
	"strings"
	"testing"
)

// slotsString writes slots as "title | name (org, @handle); …" for tables.
func slotsString(h headSlots) string {
	var ps []string
	for _, p := range h.speakers {
		s := p.name
		var extra []string
		if p.org != "" {
			extra = append(extra, p.org)
		}
		if p.handle != "" && p.handle != p.name {
			extra = append(extra, p.handle)
		}
		if len(extra) > 0 {
			s += " (" + strings.Join(extra, ", ") + ")"
		}
		ps = append(ps, s)
	}
	return h.title + " | " + strings.Join(ps, "; ")
}

// TestReadHead is the talk-head reader's table: one head line (invented) →
// its slots. A row per shape family and per precision guard.
func TestReadHead(t *testing.T) {
	x := newExtractor(nil)
	tests := []struct{ line, want string }{
		// quoted titles, "by"
		{`"Caching Done Right" by Mara Quill`, "Caching Done Right | Mara Quill"},
		{`"Parsing by Hand" by Ines Duarte, Lumenworks`, "Parsing by Hand | Ines Duarte (Lumenworks)"},
		{`"Caching, Briefly" by Tove Lindqvist and Bo Karlsson, Nordhavn`, "Caching, Briefly | Tove Lindqvist; Bo Karlsson (Nordhavn)"},
		{`Shipping Rust by Glyphic`, "Shipping Rust | Glyphic"},
		{`Quiet Systems by Nora J. Holt`, "Quiet Systems | Nora J. Holt"},
		{`"Small Tables" - a column store`, `"Small Tables" - a column store | `},
		// separators, in both orders, with roles and organizations
		{`Streams Unpacked - Odile Brenner, Kestrel @obrenner`, "Streams Unpacked | Odile Brenner (Kestrel, @obrenner)"},
		{`Odile Brenner - VP Platform - Kestrel Cloud`, " | Odile Brenner (Kestrel Cloud)"},
		{`Ines Duarte — Lumenworks — Shipping WebGPU to Production`, "Shipping WebGPU to Production | Ines Duarte (Lumenworks)"},
		{`Paper Cuts - Living with slow builds`, "Paper Cuts - Living with slow builds | "},
		{`Infra Chats — episode notes`, "Infra Chats — episode notes | "},
		// person heads: a name with a role or an organization, no title
		{`Tove Lindqvist, Staff Eng, Nordhavn`, " | Tove Lindqvist (Nordhavn)"},
		{`Selma, cofounder of Keyforge`, " | Selma (Keyforge)"},
		{`Dataframes Beyond Pandas`, "Dataframes Beyond Pandas | "},
		{`Open Ledgers`, "Open Ledgers | "},
		// parentheses, commas, colons, list letters, talk kinds
		{`Taming the Scheduler (Tom Vale)`, "Taming the Scheduler | Tom Vale"},
		{`Platform Teams That Work, Aiko Satomura`, "Platform Teams That Work | Aiko Satomura"},
		{`Mara Quill: Caching Done Right`, "Caching Done Right | Mara Quill"},
		{`B. Keynote: Lessons From the Field`, "Lessons From the Field | "},
		{`Panel: Animations`, "Animations | "},
		{`Eva Lind, Marco Rossi, and Ada Obi`, " | Eva Lind; Marco Rossi; Ada Obi"},
		{`@quillm`, " | @quillm"},
		{`by Zed`, " | Zed"},
	}
	for _, tt := range tests {
		if got := slotsString(x.readHead(tt.line)); got != tt.want {
			t.Errorf("readHead(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestPlanFile is the entry template's table: a file's outline (invented
// notes) → the talks its structure holds.
func TestPlanFile(t *testing.T) {
	tests := []struct {
		name, file, notes string
		want              []string // "title | speakers" per planned talk
	}{
		{"one talk per file, speaker in the title", "notes/caching.md",
			"# \"Caching Done Right\" by [Mara Quill](https://example.org/mq)\n\n## cache keys\n* eviction\n",
			[]string{"Caching Done Right | Mara Quill"}},
		{"speaker on the heading below", "notes/streams.md",
			"# Event Sourcing in Practice\n## Odile Brenner, Core Developer, Kestrel\n\n### Ideas\n* backpressure\n",
			[]string{"Event Sourcing in Practice | Odile Brenner (Kestrel)"}},
		{"speaker in a details list", "notes/cli.md",
			"# Shipping Desktop Apps\n\n# Details:\n* https://example.org/schedule/1\n* Presenters:\n  * Tove Lindqvist (Nordhavn)\n  * Bo Karlsson (Nordhavn)\n\n# Notes:\n* cobra\n",
			[]string{"Shipping Desktop Apps | Tove Lindqvist (Nordhavn); Bo Karlsson (Nordhavn)"}},
		{"speaker only in the file's name", "notes/quiet-systems-ines-duarte.md",
			"# Quiet Systems\n\n* fewer pages at night\n",
			[]string{"Quiet Systems | Ines Duarte"}},
		{"speaker as a handle near the top", "notes/tables.md",
			"# \"Small Tables\" - a column store\n\n# Notes:\n* @quillm\n* parquet\n",
			[]string{`"Small Tables" - a column store | @quillm`}},
		{"a template of sibling headings with speaker lines", "session.md",
			"# Ocean Data Meeting 2031 - Session 2\n\n## Tidal models of coastal erosion\n\n**Ngozi Okafor, Lakeside**\n\nnotes\n\n## A reef atlas\n\n**Aoife Byrne, Harborlab**\n\nnotes\n\n## Lunch\n\n## Sensor drift in buoys\n\nnotes\n",
			[]string{"Tidal models of coastal erosion | Ngozi Okafor (Lakeside)", "A reef atlas | Aoife Byrne (Harborlab)", "Sensor drift in buoys | "}},
		{"person heads as a template, a nested talk", "keynotes.md",
			"# Odile Brenner - Exec Dir - Kestrel\n* projects\n## Tove Lindqvist - Chief Architect - Nordhavn\n* scale\n# Bo Karlsson, CTO, Lumen\n* meshes\n# Open Ledgers\n* audits\n",
			[]string{"Odile Brenner - Exec Dir - Kestrel | Odile Brenner (Kestrel)", "Tove Lindqvist - Chief Architect - Nordhavn | Tove Lindqvist (Nordhavn)",
				"Bo Karlsson, CTO, Lumen | Bo Karlsson (Lumen)", "Open Ledgers | "}},
		{"an index page links each talk's file", "README.md",
			"# DevConf 2031\n\n## Sessions\n* [Caching Done Right](caching.md)\n* [Quiet Systems](quiet-systems.md) by Ines Duarte\n",
			[]string{"Caching Done Right | ", "Quiet Systems | Ines Duarte"}},
		{"an event's title is no talk", "devconf.md", "# DevConf 2031\n\n* nice venue\n", nil},
		{"a generic heading is no talk", "day1.md", "# Day 1\n\n* coffee\n", nil},
		{"a notes file about a person is no talk", "people.md", "# Jane Doe, CTO, Initech\n\n* met at lunch\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newExtractor(nil)
			src, _, _ := clean(tt.file, []byte(tt.notes))
			lines, m := parse(src)
			p := x.planFile(tt.file, lines, m)
			var got []string
			for _, tk := range p.talks {
				got = append(got, slotsString(tk.slots))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("talks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestPlanFolders: a file that reads as one talk but names no speaker is a
// talk when the other files of its folder are.
func TestPlanFolders(t *testing.T) {
	x := newExtractor(nil)
	notes := map[string]string{
		"conf/a.md": "# Caching Done Right\n### Mara Quill\n\n* eviction\n",
		"conf/b.md": "# Quiet Systems\n### Ines Duarte\n\n* pages\n",
		"conf/c.md": "# Diving into Tensors\n\n* shapes\n",
	}
	plans := planEach(x, notes, "conf/a.md", "conf/b.md", "conf/c.md")
	if len(plans[2].talks) != 0 {
		t.Fatalf("alone, c.md planned %d talks", len(plans[2].talks))
	}
	planFolders(plans)
	if len(plans[2].talks) != 1 || plans[2].talks[0].slots.title != "Diving into Tensors" {
		t.Errorf("in its folder, c.md planned %+v", plans[2].talks)
	}
}

// An index item is the talk of the file it links to, unless that file, in
// the same run, is no one talk.
func TestPlanFoldersIndex(t *testing.T) {
	x := newExtractor(nil)
	notes := map[string]string{
		"conf/README.md": "# Notes\n\n* [Caching Done Right](a.md) by Mara Quill\n* [Hallway Tracks and Booths](booths.md)\n",
		"conf/a.md":      "# Caching Done Right\n### Mara Quill\n\n* eviction\n",
		"conf/booths.md": "# Hallway Tracks and Booths\n\n## Quiet Systems - Ines Duarte\n* pages\n\n## Fast Tests - Ana Ruiz\n* speed\n",
	}
	plans := planEach(x, notes, "conf/README.md", "conf/a.md", "conf/booths.md")
	if len(plans[0].talks) != 2 {
		t.Fatalf("alone, the index planned %d talks, want 2", len(plans[0].talks))
	}
	planFolders(plans)
	if len(plans[0].talks) != 1 || plans[0].talks[0].slots.title != "Caching Done Right" {
		t.Errorf("in its folder, the index planned %+v, want only the talk of a.md", plans[0].talks)
	}
}

func TestIsVerb(t *testing.T) {
	for w, want := range map[string]bool{"enable": true, "sends": true, "applies": true, "managing": true, "swapping": true,
		"built": true, "state": false, "message": false, "lazy": false, "time": false, "data": false} {
		if got := isVerb(w); got != want {
			t.Errorf("isVerb(%q) = %v, want %v", w, got, want)
		}
	}
}

// planEach plans the files of notes, by name, in the order given.
func planEach(x *extractor, notes map[string]string, files ...string) []filePlan {
	var plans []filePlan
	for _, f := range files {
		src, _, _ := clean(f, []byte(notes[f]))
		lines, m := parse(src)
		plans = append(plans, x.planFile(f, lines, m))
	}
	return plans
}
