package extract

import (
	"path"
	"slices"
	"strings"
)

// The entry template: which parts of a file are talks, decided from the
// file's structure before any line is read for names. Real notes repeat one
// shape for all the talks of a file (every "## Title" followed by a bold
// speaker line, every "# Name - Role - Org"), or hold one talk in the whole
// file (its title the H1 or the front matter's, its speaker in the title,
// on the lines below, in a details list or in the file's name). planFile
// finds that shape; the walker then reads every line inside a planned
// talk as that talk's notes.

// talkScope says how a planned talk was found.
type talkScope uint8

const (
	scopeFile     talkScope = iota // the file is one talk
	scopeTemplate                  // one of the sibling sections that repeat a talk's shape
	scopeNested                    // a section inside a talk that reads as a talk of its own
	scopeIndex                     // an index page's item linking to the talk's own file
)

// plannedTalk is a talk a file's structure says is there.
type plannedTalk struct {
	scope   talkScope
	head    int // index in lines of its head line; -1 for a front-matter title
	end     int // index of the first line after its notes
	level   int // heading level of its head (1–6); 0 for a file or an item
	slots   headSlots
	aliases []string // its title as written, when slots.title differs
	skip    []int    // lines read as its speaker lines
	key     string   // identity across files: "file:NAME" of the file that holds it
}

// filePlan is what planFile decides for one file.
type filePlan struct {
	file  string
	talks []plannedTalk // by head
	title int           // index of the file's title heading, or -1
	// noSpeaker: the file reads as one talk but names no speaker; it is one
	// when the other files of its folder are (planFolders decides)
	noSpeaker *plannedTalk
}

// itemTemplateMin is how many sibling entries must read as talks with a
// speaker before their level is taken as the talk level: one may be a
// chance reading, two agreeing are a template.
const itemTemplateMin = 2

// planFile reads the structure of one parsed file.
func (x *extractor) planFile(file string, lines []line, m meta) filePlan {
	p := filePlan{file: file, title: -1}
	heads := headingIndices(lines)
	first := firstContent(lines)
	if len(heads) > 0 && heads[0] == first {
		p.title = heads[0]
	}
	if ts := x.indexTalks(file, lines); len(ts) >= itemTemplateMin {
		p.talks = ts
		return p
	}
	if ts := x.templateTalks(lines, heads, p.title); ts != nil {
		p.talks = ts
		return p
	}
	title, head := m.Title, -1
	if p.title >= 0 {
		head = p.title
		if title == "" || lines[head].Level == 1 {
			title = lines[head].Text
		}
	}
	if title == "" || x.genericHeading(title) || x.eventTitle(title) {
		return p
	}
	if head >= 0 && lines[head].Level > 2 {
		return p // a file's own title is its H1 or H2
	}
	t := plannedTalk{scope: scopeFile, head: head, end: len(lines), key: "file:" + file}
	t.slots = x.readHead(title)
	if t.slots.title == "" {
		return p // "# Jane Doe, CTO": notes about a person, not a talk
	}
	if t.slots.title != title {
		t.aliases = append(t.aliases, strings.TrimSpace(title))
	}
	if len(t.slots.speakers) == 0 {
		t.slots.speakers, t.skip = x.speakersBelow(lines, head, 0)
	}
	if len(t.slots.speakers) == 0 {
		t.slots.speakers, t.skip = x.detailSpeakers(lines, head)
	}
	if len(t.slots.speakers) == 0 {
		t.slots.speakers, t.skip = handleNear(lines, head)
	}
	if len(t.slots.speakers) == 0 && m.Speaker != "" {
		t.slots.speakers = x.readSpeakers(m.Speaker, slotCued)
	}
	if len(t.slots.speakers) == 0 {
		t.slots.speakers = x.fileNameSpeakers(file, t.slots.title, lines)
	}
	if len(t.slots.speakers) == 0 && t.slots.kind == "" {
		if ws := strings.Fields(strings.ToLower(t.slots.title)); !x.rules.labels[strings.Trim(ws[len(ws)-1], ":.!?")] {
			p.noSpeaker = &t // "Notable Quotes", "Useful Links" are collections, never a talk
		}
		return p
	}
	p.talks = []plannedTalk{t}
	return p
}

// planFolders completes the plans of a run: a file that reads as one talk
// but names no speaker is a talk when most other files of its folder are
// one talk each (a folder of talk notes, one of whose speakers went
// unnoted).
func planFolders(plans []filePlan) {
	type count struct{ talks, files int }
	byDir := map[string]*count{}
	for _, p := range plans {
		d := path.Dir(p.file)
		c := byDir[d]
		if c == nil {
			c = &count{}
			byDir[d] = c
		}
		c.files++
		if len(p.talks) == 1 && p.talks[0].scope == scopeFile {
			c.talks++
		}
	}
	for i := range plans {
		p := &plans[i]
		if p.noSpeaker == nil {
			continue
		}
		c := byDir[path.Dir(p.file)]
		if c.talks >= 2 && 2*c.talks >= c.files-1 {
			p.talks = []plannedTalk{*p.noSpeaker}
		}
	}
	// an index item is the talk of the file it links to; when that file is
	// in the run and is no one talk (a collection of keynotes, a list of
	// tools), the item is no talk either
	oneTalk := map[string]bool{}
	inRun := map[string]bool{}
	for _, p := range plans {
		inRun[p.file] = true
		oneTalk[p.file] = len(p.talks) == 1 && p.talks[0].scope == scopeFile
	}
	for i := range plans {
		p := &plans[i]
		p.talks = slices.DeleteFunc(p.talks, func(t plannedTalk) bool {
			f, ok := strings.CutPrefix(t.key, "file:")
			return t.scope == scopeIndex && ok && inRun[f] && !oneTalk[f]
		})
	}
}

// headingIndices returns the indices of the heading lines.
func headingIndices(lines []line) []int {
	var out []int
	for i := range lines {
		if lines[i].Kind == kindHeading && lines[i].Text != "" {
			out = append(out, i)
		}
	}
	return out
}

// firstContent is the index of the first line with text, or -1.
func firstContent(lines []line) int {
	for i := range lines {
		if strings.TrimSpace(lines[i].Text) != "" || lines[i].Kind == kindHeading {
			return i
		}
	}
	return -1
}

// sectionEnd is the index of the first line after heading h's section: the
// next heading of the same or a higher level.
func sectionEnd(lines []line, heads []int, h int) int {
	for _, k := range heads {
		if k > h && lines[k].Level <= lines[h].Level {
			return k
		}
	}
	return len(lines)
}

// templateTalks finds the heading level whose sections repeat a talk's
// shape — a head that names a speaker, or a speaker line right under it —
// and returns those sections as talks. Siblings at that level are talks
// even when their own speaker is missing, unless they are generic
// ("Day 1", "Lunch"); deeper headings that read as a talk with a speaker of
// their own are talks nested in them.
func (x *extractor) templateTalks(lines []line, heads []int, title int) []plannedTalk {
	type reading struct {
		slots headSlots
		skip  []int
	}
	read := map[int]reading{}
	withSpeaker := map[int]int{} // level → heads that name a speaker
	plain := map[int]int{}       // level → heads that are not generic
	for _, h := range heads {
		l := &lines[h]
		if x.genericHeading(l.Text) {
			continue
		}
		if _, ok := x.sectionKind(l.Text); ok && h != title {
			continue // "Tools I want to try": a section of things, not a talk
		}
		s := x.readHead(l.Text)
		r := reading{slots: s}
		if len(s.speakers) == 0 {
			r.slots.speakers, r.skip = x.speakersBelow(lines, h, 1)
		}
		if h == title && len(s.speakers) == 0 && levelCount(lines, heads, int(l.Level)) == 1 {
			continue // the file's title, unless it names a speaker itself or has siblings
		}
		read[h] = r
		plain[int(l.Level)]++
		if len(r.slots.speakers) > 0 {
			withSpeaker[int(l.Level)]++
		}
	}
	level, best := 0, 0
	for lv := 1; lv <= 6; lv++ {
		if n := withSpeaker[lv]; n >= itemTemplateMin && 2*n >= plain[lv] && n > best {
			level, best = lv, n
		}
	}
	if level == 0 {
		return nil
	}
	var out []plannedTalk
	for _, h := range heads {
		r, ok := read[h]
		if !ok {
			continue
		}
		lv := int(lines[h].Level)
		scope := scopeTemplate
		switch {
		case lv == level:
		case lv > level && len(r.slots.speakers) > 0 && r.slots.title == "" || lv > level && len(r.slots.speakers) > 0 && len(read[h].skip) == 0:
			scope = scopeNested
		default:
			continue
		}
		t := plannedTalk{scope: scope, head: h, end: sectionEnd(lines, heads, h), level: lv, slots: r.slots, skip: r.skip}
		if t.slots.title == "" {
			t.slots.title = strings.TrimSpace(lines[h].Text)
		}
		if t.slots.title != lines[h].Text {
			t.aliases = append(t.aliases, strings.TrimSpace(lines[h].Text))
		}
		out = append(out, t)
	}
	return out
}

// levelCount is how many headings of the given level the file has.
func levelCount(lines []line, heads []int, level int) int {
	n := 0
	for _, h := range heads {
		if int(lines[h].Level) == level {
			n++
		}
	}
	return n
}

// speakersBelow reads the speaker line right under head h: a deeper
// heading, a bold or italic line, a first list item or a short paragraph
// line that is only people ("### Jane Doe", "**Jane Doe, Initech**",
// "* Jane Doe @ Initech & Bo Li @ Globex", "Speaker: Jane Doe"). skipGap is
// how many other lines may stand between them (0: the next line only).
func (x *extractor) speakersBelow(lines []line, h, skipGap int) ([]slotPerson, []int) {
	start := h + 1
	if h < 0 {
		start = 0
	}
	seen := 0
	for i := start; i < len(lines) && seen <= skipGap+1; i++ {
		l := &lines[i]
		if h >= 0 && int(l.N) > int(lines[h].N)+4+skipGap {
			break
		}
		if strings.TrimSpace(l.Text) == "" || l.Kind == kindBreak || l.Kind == kindCode {
			continue
		}
		if l.Kind == kindHeading && h >= 0 && l.Level <= lines[h].Level {
			break
		}
		seen++
		st := slotLoose
		if x.rules.speakerCue.MatchString(l.Text) {
			st = slotCued
		}
		if ps := x.readSpeakers(l.Text, st); ps != nil {
			if l.Kind == kindPara && !l.Bold && !l.Item && st == slotLoose && fieldCount(l.Text) > 8 {
				continue
			}
			return ps, []int{i}
		}
	}
	return nil, nil
}

// detailSpeakers reads a talk file's details list, near its top: the items
// under "# Details:" or "* Presenters:" that are people ("Jane Doe
// (Initech - Staff Engineer)").
func (x *extractor) detailSpeakers(lines []line, head int) ([]slotPerson, []int) {
	n0 := 0
	if head >= 0 {
		n0 = int(lines[head].N)
	}
	for i := head + 1; i < len(lines) && int(lines[i].N) <= n0+16; i++ {
		l := &lines[i]
		k := strings.ToLower(strings.Trim(strings.TrimSpace(l.Text), " :*_"))
		if !x.rules.detailFields[k] {
			continue
		}
		var out []slotPerson
		var skip []int
		for j := i + 1; j < len(lines) && j <= i+10; j++ {
			n := &lines[j]
			if n.Kind == kindHeading {
				break
			}
			if !n.Item {
				continue
			}
			if ps := x.readSpeakers(n.Text, slotLoose); ps != nil {
				out = append(out, ps...)
				skip = append(skip, j)
			}
		}
		if out != nil {
			return out, skip
		}
	}
	return nil, nil
}

// handleNear reads a talk file's speaker from a line near its top that is
// only a handle ("* @janedoe"): notes name a speaker so when they know no
// more of them.
func handleNear(lines []line, head int) ([]slotPerson, []int) {
	n0 := 0
	if head >= 0 {
		n0 = int(lines[head].N)
	}
	for i := head + 1; i < len(lines) && int(lines[i].N) <= n0+12; i++ {
		if t := strings.TrimSpace(lines[i].Text); handleRE.MatchString(t) && lines[i].Kind == kindPara {
			return []slotPerson{{name: t, handle: t}}, []int{i}
		}
	}
	return nil, nil
}

// fileNameSpeakers reads the speaker from a talk file's name when the name
// is the title followed by a person's: "caching-done-right-jane-doe.md".
func (x *extractor) fileNameSpeakers(file, title string, lines []line) []slotPerson {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	stem := strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(base)))
	tw := map[string]bool{}
	for w := range strings.FieldsSeq(strings.ToLower(foldKeyWords(title))) {
		tw[w] = true
	}
	// the longest tail of the name whose words are not the title's
	k := len(stem)
	for k > 0 && !tw[stem[k-1]] {
		k--
	}
	tail := stem[k:]
	if len(tail) < 2 || len(tail) > 4 || k == 0 {
		return nil
	}
	var ws []string
	for _, w := range tail {
		if x.rules.stop[w] || x.rules.generic[w] || len(w) < 2 {
			return nil
		}
		ws = append(ws, strings.ToUpper(w[:1])+w[1:])
	}
	if !isFirstName(ws[0]) && isWord(tail[0]) {
		return nil
	}
	name := strings.Join(ws, " ")
	// the writer's own spelling, when the notes have it
	for i := range lines {
		if j := strings.Index(strings.ToLower(lines[i].Text), strings.ToLower(name)); j >= 0 {
			name = lines[i].Text[j : j+len(name)]
			break
		}
	}
	return []slotPerson{{name: name}}
}

// foldKeyWords lowers s and turns its punctuation into spaces.
func foldKeyWords(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '\'' || r == '’' || r == ':' || r == ',' || r == '"' || r == '“' || r == '”' || r == '!' || r == '?' || r == '.' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
}

// indexTalks reads an index page: list items that link to the notes file of
// each talk ("[Title](talk.md) by Jane Doe"). Each is the talk of the file
// it links to, so a folder run makes one node of the two.
func (x *extractor) indexTalks(file string, lines []line) []plannedTalk {
	var out []plannedTalk
	for i := range lines {
		l := &lines[i]
		if !l.Item || len(l.Links) == 0 {
			continue
		}
		lk := l.Links[0]
		target := localNote(lk.URL)
		if target == "" || lk.Text == "" || !strings.HasPrefix(strings.TrimSpace(l.Text), lk.Text) {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.Text), lk.Text))
		slots := headSlots{title: strings.Trim(lk.Text, " \"“”")}
		if rest != "" {
			if h := x.readHead("\"" + slots.title + "\" " + rest); len(h.speakers) > 0 {
				slots.speakers = h.speakers
			}
		}
		if x.genericHeading(slots.title) {
			continue
		}
		out = append(out, plannedTalk{scope: scopeIndex, head: i, end: i + 1, slots: slots,
			key: "file:" + path.Join(path.Dir(file), target)})
	}
	return out
}

// localNote returns the path of a link to a Markdown file of the same
// notes ("talk.md", "./day1/talk.md#notes"), or "".
func localNote(u string) string {
	if strings.Contains(u, "://") || strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "/") {
		return ""
	}
	if i := strings.IndexAny(u, "#?"); i >= 0 {
		u = u[:i]
	}
	if !isNote(u) {
		return ""
	}
	return path.Clean(u)
}

// genericHeading reports whether a heading names a part of the notes, not a
// thing: "Day 1", "Keynotes", "Lightning talks", "Morning", "A. Keynote",
// "Notes", "Q&A", "Details:".
func (x *extractor) genericHeading(text string) bool {
	t, _ := x.headText(text)
	t = strings.ToLower(strings.Trim(t, " :*_.!?"))
	if t == "" {
		return true
	}
	if x.rules.labels[t] || x.rules.generic[t] || x.rules.detailFields[t] {
		return true
	}
	if _, ok := x.rules.sections[t]; ok {
		return true
	}
	for w := range strings.FieldsSeq(t) {
		w = strings.Trim(w, ",.:;()#")
		if w == "" || isNumber(w) {
			continue
		}
		if _, ok := x.rules.sections[w]; ok {
			continue
		}
		if x.rules.generic[w] || x.rules.labels[w] || x.rules.stop[w] {
			continue
		}
		return false
	}
	return true
}

// eventTitle reports whether a file's title names an event or a collection
// of notes rather than one talk: a year, or an event word ("DevConf 2031",
// "Notes from RustFest").
func (x *extractor) eventTitle(title string) bool {
	if yearRE.MatchString(title) {
		return true
	}
	for f := range strings.FieldsSeq(strings.ToLower(title)) {
		if x.rules.eventWords[strings.Trim(f, ",.:;!?")] {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
