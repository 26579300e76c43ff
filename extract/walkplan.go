package extract

import (
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// The walker's side of the entry template: in a file whose plan holds
// talks, the plan alone decides where talks start and end; every line inside
// a talk is its notes (sub-headings included), and no line shape opens a
// talk of its own.

// activeTalk is a planned talk the walk is inside.
type activeTalk struct {
	t *plannedTalk
	e *entry
}

// planLine reads line i of a planned file. It reports false when the file
// has no planned talks, and the walker reads the line by its shapes.
func (w *walker) planLine(i int) bool {
	p := w.plan
	if p == nil || len(p.talks) == 0 {
		return false
	}
	popped := false
	for len(w.active) > 0 && i >= w.active[len(w.active)-1].t.end {
		w.active = w.active[:len(w.active)-1]
		popped = true
	}
	if popped {
		w.cur = nil
		if n := len(w.active); n > 0 {
			w.cur = w.active[n-1].e
		}
	}
	if w.skip[i] {
		return true
	}
	l := &w.lines[i]
	for w.nextTalk < len(p.talks) && p.talks[w.nextTalk].head < i {
		w.nextTalk++
	}
	if w.nextTalk < len(p.talks) && p.talks[w.nextTalk].head == i {
		t := &p.talks[w.nextTalk]
		w.nextTalk++
		w.startPlanned(t, l)
		if t.scope == scopeIndex {
			w.content(l) // the rest of the item: its links, the talk's topics
			w.active = w.active[:len(w.active)-1]
			w.cur = nil
		}
		return true
	}
	whole := p.talks[0].scope == scopeFile
	inTalk := len(w.active) > 0
	switch {
	case whole:
		// a file that is one talk: every line is its notes
		if l.Kind != kindBreak {
			w.cur = w.active[0].e
			w.content(l)
		}
		return true
	case l.Kind == kindHeading && inTalk:
		// a sub-heading of a talk's notes ("### Q&A") stays in the talk
		w.cur = w.active[len(w.active)-1].e
		w.content(l)
		return true
	case l.Kind == kindBreak && inTalk:
		return true // a rule inside a talk's section does not end it
	}
	// other lines: the line shapes read them, inside the current talk
	return false
}

// startFrontMatterTalk opens the planned talk whose head is the front
// matter's title (head -1: a file with a title and a speaker in its front
// matter and no title heading) before the file's first line, as planLine
// opens the others at theirs. Its evidence is the front matter's title, as
// the title's own (walk).
func (w *walker) startFrontMatterTalk(title string) {
	p := w.plan
	if p == nil || len(p.talks) == 0 || p.talks[0].head >= 0 {
		return
	}
	l := &line{N: 1, Text: title, Raw: "title: " + title, lineParts: &noParts}
	w.nextTalk = 1
	w.startPlanned(&p.talks[0], l)
}

// startPlanned opens a planned talk at its head line.
func (w *walker) startPlanned(t *plannedTalk, l *line) {
	x := w.x
	var people []string
	for _, s := range t.slots.speakers {
		people = append(people, s.name)
	}
	w.startTalk(people, t.slots.title, l, t.level)
	e := w.cur
	ev := w.ev(l)
	for _, a := range t.aliases {
		if a = strings.TrimSpace(a); a != "" && a != t.slots.title {
			m := x.addEv(a, graph.Talk, 4, ev)
			x.union(m, e.talk)
		}
	}
	if t.key != "" {
		x.fileTalk(t.key, e.talk)
	}
	for k, s := range t.slots.speakers {
		if k >= len(e.speakers) {
			break
		}
		p := e.speakers[k]
		if s.handle != "" && s.handle != s.name {
			h := x.addEv(s.handle, graph.Person, 6, ev)
			x.union(h, p)
		}
		if s.org != "" {
			x.worksAt([]int{p}, s.org, ev)
		}
	}
	w.active = append(w.active, activeTalk{t: t, e: e})
}

// keepToExplicit marks a file that holds no talk (its mentions from index
// first on, relations from firstRel) as explicit only: a product manual, a
// diary, a reading list are not talk notes, and in them capitals, short
// lines and bullet subjects are UI labels, shortcuts and imperatives
// ("Click Create") far more often than names. The talks its head lines
// seemed to hold go now; keepExplicit, once pass 2 is done, keeps of the
// rest what the notes make explicit: links, code, cue phrases, coined
// names, front matter, and even those only where they name a thing
// (explicit.go).
func (x *extractor) keepToExplicit(first, firstRel int, file string, lines []line) {
	if x.readsAsTalkNotes(first, file, lines) {
		return
	}
	x.dropChanceTalks(first, firstRel)
	x.explicitOnly[file] = lines
}
