package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

var (
	// "Tom Vale (Taming the Scheduler)", "Mara Quill: (go for people)"
	headParenRE = regexp.MustCompile(`^(.{3,60}?)\s*[:\-–—]?\s*\((.+)\)\s*[:.]?$`)
	// "Raymond Hettinger - what makes go pleasant?", "Jane Doe: Title";
	// read by headSep (headmatch.go), this is what it stands for
	headSepRE = regexp.MustCompile(`^(.{2,80}?)(?:\s+[-–—]+\s+|\s*[:|]\s+)(.+)$`)
	// "Title by Jane Doe"
	headByRE = regexp.MustCompile(`^(.+?),?\s+(?i:by|presented by|with)\s+(.+)$`)
	// "Title @handle"
	headHandleRE = regexp.MustCompile(`^(.+?)\s+(@[A-Za-z0-9_]{2,30})\s*$`)
	// "Jane Doe's keynote [Title](url)": the text before the link
	possessiveRE = regexp.MustCompile(`^(.{3,60}?)['’]s?\s+((?:[\p{L}\p{N}]+\s+){0,5})$`)
	itemHeadRE   = regexp.MustCompile(`^\s*([^,:;()—–]{2,40}?)\s*(?:,|:|\(|\s[—–-]\s)`)
	orgTitleRE   = regexp.MustCompile(`^([^—–|]{2,40}?)\s+[—–|]\s+(.+)$`)
	trailParenRE = regexp.MustCompile(`^(.+?)\s*\(([^()]+)\)$`)
	parenRE      = regexp.MustCompile(`\([^()]*\)`)
	withRE       = regexp.MustCompile(`^(?i:with|by)\s+`)
	yearRE       = regexp.MustCompile(`\b(19|20)\d\d\b`)
	// after a linked title: "by Jane Doe - notes", "(Jane Doe)"
	linkByRE = regexp.MustCompile(`^(?i:by|[-–—]|,|\(|with)\s*([^()\-–—:]+?)\)?(?:\s+[-–—:]\s+(.*))?$`)
	// before a linked title: "Jane Doe - [Title](url)"
	nameBeforeLinkRE = regexp.MustCompile(`^(.{3,60}?)\s*(?:[-–—:]|presents|presented)\s*$`)
)

// talkHead is a line read as the head of a talk entry.
type talkHead struct {
	people []string
	title  string
	rest   string // text after the title that is notes ("- generally a discussion …")
	role   string // a parenthetical that describes the speaker ("Grove creator")
}

// people reads s as one or more people's names.
func (x *extractor) people(s string, pos personStrength) []string {
	var out []string
	for _, p := range splitPeople(s) {
		n, ok := x.personName(p, pos)
		if !ok {
			return nil
		}
		out = append(out, n)
	}
	return out
}

// unlistedPeople reads s as people's names whose given names the lexicon
// may not hold ("Sven Olsen", "Kenji Sato"), where a title on the other side
// of a separator vouches for them: every name's first and last words are
// capitalized and no English words ("Getting Started", "Kafka Streams" are
// not people).
func (x *extractor) unlistedPeople(s string) []string {
	ps := x.people(s, strongPos)
	for _, p := range ps {
		ws := strings.Fields(p)
		for _, w := range []string{ws[0], ws[len(ws)-1]} {
			if !isCap(w) || isWord(strings.ToLower(w)) || isCoined(w) {
				return nil
			}
		}
	}
	return ps
}

// isTitle reports whether s can be a talk's title: at least two words, not
// a sentence of notes.
// quotation reports whether a line is a saying in quotes rather than a
// quoted title: the quote asks or exclaims, prose follows it, or it is
// written as a sentence ("Cross the river by feeling the stones") where a
// title capitalizes its words.
func quotation(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	var closer rune
	switch r {
	case '"':
		closer = '"'
	case '“':
		closer = '”'
	default:
		return false
	}
	rest := t[size:]
	end := strings.IndexRune(rest, closer)
	if end < 0 {
		return false
	}
	q, after := strings.TrimSpace(rest[:end]), strings.TrimSpace(rest[end+utf8.RuneLen(closer):])
	if strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!") || after != "" && !strings.HasPrefix(after, "by ") && !strings.HasPrefix(after, "(") && !strings.HasPrefix(after, "-") && !strings.HasPrefix(after, "–") && !strings.HasPrefix(after, "—") {
		return true
	}
	ws := strings.Fields(q)
	lower := 0
	for _, w := range ws[1:] {
		if isLower(w) && len(w) > 3 {
			lower++
		}
	}
	return len(ws) >= 4 && 2*lower >= len(ws)-1
}

func (x *extractor) isTitle(s string) bool {
	if n := fieldCount(s); n < 2 || n > 20 || len(s) > 160 {
		return false
	}
	if strings.Contains(s, "://") {
		return false
	}
	return true
}

// isRole reports whether a parenthetical describes a person rather than
// naming a talk: "Grove creator", "from Google", "@ Mozilla".
func (x *extractor) isRole(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) == 0 {
		return false
	}
	if len(ws) <= 3 {
		for _, w := range ws {
			if _, ok := x.rules.suffixCues[w]; ok {
				return true
			}
		}
	}
	switch ws[0] {
	case "from", "@", "at", "of", "works", "working":
		return len(ws) <= 4
	}
	return strings.HasPrefix(ws[0], "@") && len(ws) <= 3
}

// mayNamePerson is a cheap test that a line can name a speaker at all: a
// link, a handle, "by", or a given name among its first words.
func (x *extractor) mayNamePerson(l *line, t string) bool {
	if len(l.Links) > 0 || strings.Contains(t, "@") {
		return true
	}
	if hasByOrWith(t) {
		return true
	}
	if containsAny(t, "—–(") || strings.Contains(t, " - ") {
		// a separator and two capitalized words: the name may be one the
		// lexicon lacks (unlistedPeople)
		prev := ""
		for f := range strings.FieldsSeq(t) {
			if prev != "" && isCap(strings.Trim(prev, "(")) && isCap(strings.Trim(f, "),")) {
				return true
			}
			prev = f
		}
	}
	i := 0
	for f := range strings.FieldsSeq(t) {
		if i == 16 {
			break
		}
		w := nameTrim.trim(f)
		if (i == 0 || isCap(w)) && isFirstName(w) {
			return true
		}
		i++
	}
	return false
}

// hasByOrWith is containsFold(t, " by ") || containsFold(t, " with "), in
// one pass over t's spaces where the two searches made two.
func hasByOrWith(t string) bool {
	for i := strings.IndexByte(t, ' '); i >= 0 && i+3 < len(t); {
		r := t[i+1:]
		if hasPrefixASCIIFold(r, "by ") || hasPrefixASCIIFold(r, "with ") {
			return true
		}
		j := strings.IndexByte(r, ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// containsFold reports whether t holds sub, an ASCII lower-case word, in
// any case: strings.Contains(strings.ToLower(t), sub) without the copy.
// Only ASCII letters fold; a rune that folds to one ('K', Kelvin sign, to
// 'k') does not match, as strings.ToLower would make it.
func containsFold(t, sub string) bool {
	if sub == "" {
		return true
	}
	jump := sub[0] < 'a' || sub[0] > 'z' // no case: find it with IndexByte
	for i := 0; i+len(sub) <= len(t); i++ {
		if jump {
			k := strings.IndexByte(t[i:], sub[0])
			if k < 0 {
				return false
			}
			if i += k; i+len(sub) > len(t) {
				return false
			}
		}
		j := 0
		for ; j < len(sub); j++ {
			c := t[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// clockRE is a time that opens a line, read through dropClock.
var clockRE = regexp.MustCompile(`^(?:\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|AM|PM))?(?:\s*[-–—]\s*\d{1,2}[:.h]\d{2})?)\s*[-–—:|]?\s*`)

// trimTalkHead drops what stands before a talk's title and is not part of
// it: a time ("10:30 –") and a kind ("Keynote:").
func (x *extractor) trimTalkHead(t string) string {
	t = strings.TrimSpace(t)
	t = dropClock(t)
	if !containsAny(t, ":-–—") { // talkKind ends with one of these
		return strings.TrimSpace(t)
	}
	if m := x.rules.talkKind.FindStringIndex(t); m != nil && m[1] < len(t) {
		t = t[m[1]:]
	}
	return strings.TrimSpace(t)
}

// parseTalkHead reads a heading or a head line as a talk: who gave it and
// its title. pos is how much the line's position vouches for a name.
func (x *extractor) parseTalkHead(l *line, pos personStrength) (talkHead, bool) {
	t := x.trimTalkHead(l.Text)
	if !x.mayNamePerson(l, t) {
		return talkHead{}, false
	}
	// A link whose text is the title: "Jane Doe's [Title](url) - notes",
	// "[Title](url) by Jane Doe".
	for _, lk := range l.Links {
		if lk.Text == "" || !x.isTitle(lk.Text) {
			continue
		}
		i := strings.Index(t, lk.Text)
		if i < 0 {
			continue
		}
		before, after := t[:i], t[i+len(lk.Text):]
		if m := possessiveRE.FindStringSubmatch(before); m != nil {
			if ps := x.people(m[1], strongPos); ps != nil {
				return talkHead{people: ps, title: lk.Text, rest: after}, true
			}
		}
		if strings.TrimSpace(before) == "" {
			a := strings.TrimSpace(after)
			if m := linkByRE.FindStringSubmatch(a); m != nil {
				if ps := x.people(m[1], strongPos); ps != nil {
					return talkHead{people: ps, title: lk.Text, rest: m[2]}, true
				}
			}
		}
		if m := nameBeforeLinkRE.FindStringSubmatch(before); m != nil {
			ps := x.people(m[1], pos)
			if ps == nil && pos >= headPos {
				ps = x.unlistedPeople(m[1]) // "Kofi Mensah: [Title](url)": the linked title vouches for the name
			}
			if ps != nil {
				return talkHead{people: ps, title: lk.Text, rest: after}, true
			}
		}
	}
	// "Keynote by Jane Doe: Title"
	if m := x.rules.kindBy.FindStringIndex(l.Text); m != nil {
		rest := l.Text[m[1]:]
		if i := indexAny(rest, ":–—"); i > 0 {
			if ps := x.people(strings.TrimSpace(rest[:i]), strongPos); ps != nil {
				if title := strings.Trim(rest[i:], " :–—-"); x.isTitle(title) {
					return talkHead{people: ps, title: title}, true
				}
			}
		}
	}
	low := strings.ToLower(t)
	hasSep := strings.Contains(t, " -") || containsAny(t, ":|–—")
	if !strings.Contains(t, "@") {
		// no handle
	} else if m := headHandleRE.FindStringSubmatch(t); m != nil && x.isTitle(m[1]) {
		return talkHead{people: []string{m[2]}, title: m[1]}, true
	}
	if !strings.Contains(t, "(") {
		// no parenthetical
	} else if m := headParenRE.FindStringSubmatch(t); m != nil {
		if ps := x.people(m[1], pos); ps != nil {
			inner := strings.TrimSpace(m[2])
			if x.isRole(inner) {
				return talkHead{people: ps, role: inner}, true
			}
			if x.isTitle(inner) {
				return talkHead{people: ps, title: inner}, true
			}
			return talkHead{people: ps, rest: inner}, true
		}
		// "Title (Jane Doe)", "Title (with Jane Doe)", "Title (Jane Doe, Initech)", "Panel (A B, C D, E F)"
		m[2] = withRE.ReplaceAllString(m[2], "")
		if ps := x.people(m[2], pos); ps != nil && x.isTitle(m[1]) {
			return talkHead{people: ps, title: strings.TrimSpace(m[1])}, true
		}
		if parts := splitPeople(m[2]); len(parts) >= 3 && x.isTitle(m[1]) {
			if ps := x.people(m[2], strongPos); ps != nil && x.people(parts[0], pos) != nil {
				return talkHead{people: ps, title: strings.TrimSpace(m[1])}, true
			}
		}
		if who, org, ok := strings.Cut(m[2], ","); ok && x.isTitle(m[1]) {
			ps := x.people(who, pos)
			if ps == nil && pos >= headPos {
				ps = x.unlistedPeople(who)
			}
			if len(ps) == 1 {
				return talkHead{people: ps, title: strings.TrimSpace(m[1]), role: "works at " + strings.TrimSpace(org)}, true
			}
		}
	}
	if !strings.Contains(low, " by ") && !strings.Contains(low, " with ") {
		// no "by"
	} else if m := headByRE.FindStringSubmatch(t); m != nil && x.isTitle(m[1]) {
		if ps := x.people(strings.Trim(m[2], " .:"), strongPos); ps != nil {
			return talkHead{people: ps, title: strings.TrimSpace(m[1])}, true
		}
	}
	if !hasSep {
		// no separator
	} else if m := headSep(t); m != nil {
		left, right := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		// "Noor Haddad (@noorh) - Rails at Scale", "Jane Doe (Initech) — Title"
		if pm := trailParen(left); pm != nil && x.isTitle(right) {
			if ps := x.people(pm[1], strongPos); ps != nil {
				h := talkHead{people: ps, title: right}
				if inner := strings.TrimSpace(pm[2]); !strings.HasPrefix(inner, "@") {
					if x.isRole(inner) {
						h.role = inner
					} else if o, ok := x.thingName(inner); ok && x.nameLike(o) && len(ps) == 1 {
						h.role = "works at " + o
					}
				}
				return h, true
			}
		}
		if ps := x.people(left, pos); ps != nil {
			if x.isTitle(right) {
				return talkHead{people: ps, title: right}, true
			}
			return talkHead{people: ps, rest: right}, true
		}
		if ps := x.people(right, pos); ps != nil && x.isTitle(left) {
			return talkHead{people: ps, title: left}, true
		}
		if ps := x.unlistedPeople(right); ps != nil && pos >= headPos && x.isTitle(left) {
			return talkHead{people: ps, title: left}, true
		}
		if ps := x.unlistedPeople(left); ps != nil && pos >= headPos && x.isTitle(right) && x.unlistedPeople(right) == nil {
			return talkHead{people: ps, title: right}, true
		}
	}
	if i := strings.LastIndex(t, ", "); i > 0 && pos >= headPos && l.Kind == kindHeading && strings.Count(t, ", ") == 1 {
		// "## Platform Teams That Work, Aiko Sato": a heading's title, then
		// one speaker after its only comma
		left, right := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+2:])
		if x.isTitle(left) && len(splitPeople(right)) == 1 {
			ps := x.people(right, strongPos)
			if ps == nil {
				ps = x.unlistedPeople(right)
			}
			if ps != nil {
				return talkHead{people: ps, title: left}, true
			}
		}
	}
	bare := strings.TrimRight(t, ":-–— ")
	if ps := x.people(bare, pos); ps != nil {
		return talkHead{people: ps}, true
	}
	return talkHead{}, false
}

// setOffSpeakerRE is what follows a set-off title to name its speakers:
// "**Title** — Jane Doe", "*Title* by Jane Doe (Initech)", ""Title" (Jane
// Doe) — notes", ""Title" by Jane Doe, notes".
var setOffSpeakerRE = regexp.MustCompile(`^(?:\(\s*(?:(?i:by|with)\s+)?([^()]+)\)|(?:[-–—:,|]+|(?i:by|with|from))\s*([^()\-–—:;,]+?)\s*(?:\(([^()]+)\))?)\s*(?:[-–—:;,.]\s*(.*))?$`)

// emphTalk reads a list item that opens with a title set off by emphasis or
// quotes and names its speakers after it: "1. **Async All the Way** — Jane
// Doe", "- 10:00 "Quiet Queues" (Jane Doe) — notes". The emphasis or quotes
// vouch for the title, the separator for the names.
func (x *extractor) emphTalk(l *line) (talkHead, bool) {
	if len(l.Links) > 0 {
		return talkHead{}, false
	}
	t := x.trimTalkHead(l.Text)
	var e, rest string
	if len(l.Emph) > 0 {
		e = strings.TrimSpace(cleanText(l.Emph[0]))
		if r, ok := strings.CutPrefix(t, e); ok {
			rest = r
		} else {
			e = ""
		}
	}
	if e == "" {
		q := quotedRE.FindStringSubmatchIndex(t)
		if q == nil {
			return talkHead{}, false
		}
		e, rest = t[q[2]:q[3]], t[q[1]:]
	}
	if !x.isTitle(e) {
		return talkHead{}, false
	}
	m := setOffSpeakerRE.FindStringSubmatch(strings.TrimSpace(rest))
	if m == nil {
		return talkHead{}, false
	}
	who, inner := m[2], m[3]
	if m[1] != "" {
		who, inner, _ = strings.Cut(m[1], ",") // "(Jane Doe, Initech)"
	}
	ps := x.people(strings.TrimSpace(who), strongPos)
	if ps == nil {
		return talkHead{}, false
	}
	h := talkHead{people: ps, title: x.trimTalkHead(e), rest: strings.TrimSpace(m[4])}
	if inner = strings.TrimSpace(inner); inner != "" {
		if x.isRole(inner) {
			h.role = inner
		} else if o, ok := x.thingName(inner); ok && x.nameLike(o) && len(ps) == 1 {
			h.role = "works at " + o
		} else {
			h.rest = strings.TrimSpace(inner + " " + h.rest)
		}
	}
	return h, true
}

// proseNameRE is a speaker's name opening what follows a talk's title in
// prose: "…*Quiet Queues*, Jane Doe showed".
var proseNameRE = regexp.MustCompile(`^["”'’]?\s*,?\s*([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){1,3})\b`)

// proseHead reads a sentence of running prose that names a talk, its title
// set off by emphasis or quotes, and who gave it: "In her talk *Quiet
// Queues*, Jane Doe showed …" (talk_intros) or "Jane Doe (Initech) presented
// "Quiet Queues"" (talk_verbs).
func (x *extractor) proseHead(l *line) ([]string, string, bool) {
	t := l.Text
	if len(t) != len(strings.ToLower(t)) {
		return nil, "", false
	}
	// the title set off at the start of s: emphasized or quoted
	titleAt := func(s string) (string, int) {
		s2 := strings.TrimLeft(s, " ")
		off := len(s) - len(s2)
		for _, e := range l.Emph {
			if e = cleanText(e); strings.HasPrefix(s2, e) && x.isTitle(e) {
				return e, off + len(e)
			}
		}
		if q := quotedRE.FindStringSubmatchIndex(s2); q != nil && x.isTitle(s2[q[2]:q[3]]) {
			return s2[q[2]:q[3]], off + q[1]
		}
		return "", 0
	}
	if m := x.rules.talkIntro.FindStringIndex(t); m != nil {
		if title, n := titleAt(t[m[1]:]); title != "" {
			if nm := proseNameRE.FindStringSubmatch(t[m[1]+n:]); nm != nil {
				if ps := x.people(nm[1], strongPos); len(ps) == 1 {
					return ps, title, true
				}
			}
		}
	}
	low := strings.ToLower(t)
	for _, v := range x.rules.talkVerbs.find(low, x.rules.cueMask(low)) {
		m := proseWhoRE.FindStringSubmatchIndex(t[:v[0]])
		if m == nil {
			continue
		}
		if title, _ := titleAt(t[v[1]:]); title != "" {
			if ps := x.people(t[x.skipOpener(t, m[2], m[3]):m[3]], strongPos); len(ps) == 1 {
				return ps, title, true
			}
		}
	}
	return nil, "", false
}

// speakerLine reads a line under a talk heading that names its speakers:
// "_Jane Doe and John Roe_", "by Jane Doe", "Speaker: Jane Doe".
func (x *extractor) speakerLine(l *line) []string {
	if l.Kind != kindPara {
		return nil
	}
	t := strings.TrimSpace(l.Text)
	if m := x.rules.speakerCue.FindStringIndex(t); m != nil {
		who := strings.TrimRight(t[m[1]:], " .")
		if names, _, ok := splitAffiliated(who); ok {
			return x.people(strings.Join(names, ", "), strongPos) // "A (Initech), B and C": speakerRest reads the affiliations
		}
		if i := strings.Index(who, " ("); i > 0 && strings.HasSuffix(who, ")") {
			if ps := x.people(who[i+2:len(who)-1], strongPos); ps != nil && strings.HasPrefix(who, "@") {
				return ps // "@janed (Jane Doe)": the name, not the handle
			}
			who = who[:i] // "Priscilla Vaughn (Orbital Labs)": the affiliation is read as notes
		}
		if ps := x.people(who, strongPos); ps != nil {
			return ps
		}
		if i := strings.LastIndex(who, ", "); i > 0 {
			return x.people(who[:i], strongPos) // "Dana Whitfield, Gridline": speakerRest reads the affiliation
		}
		return nil
	}
	if len(l.Emph) > 0 {
		e := cleanText(l.Emph[0])
		rest := strings.TrimSpace(strings.Replace(t, e, "", 1))
		for _, lk := range l.Links {
			rest = strings.Replace(rest, lk.Text, "", 1)
		}
		rest = strings.Trim(rest, " -–—|,()[]")
		if strings.HasPrefix(t, e) && !strings.ContainsFunc(emojiRE.ReplaceAllString(rest, ""), isLetterOrDigit) {
			return x.people(e, strongPos)
		}
	}
	return nil
}

var (
	sentenceRE    = regexp.MustCompile(`[^.!?]+[.!?]*`)
	firstPersonRE = regexp.MustCompile(`(?i)\b(?:I|I'm|I've|my|me|we|our|us)\b`)
)

// firstPersonSentences returns the byte spans of the sentences of text in
// which the writer speaks of themselves ("I represent the PSF").
func firstPersonSentences(text string) [][2]int {
	var out [][2]int
	for _, m := range sentenceRE.FindAllStringIndex(text, -1) {
		if firstPersonRE.MatchString(text[m[0]:m[1]]) {
			out = append(out, [2]int{m[0], m[1]})
		}
	}
	return out
}

var emojiRE = regexp.MustCompile(`:[a-z0-9_+-]+:`)

func isLetterOrDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127
}

// walker is the state of the segmenter over one file.
type walker struct {
	x       *extractor
	file    string
	name    *string // file, shared by the contexts of its lines (lineCtx.file)
	lines   []line
	sec     string // kind of the current section ("" none)
	secLvl  int
	cur     *entry
	skip    map[int]bool // lines consumed as speaker lines
	created int          // depth of a "Created …" line whose children are creations; -1 none
	titled  bool
	author  int    // mention of the notes' author (front matter), or -1
	event   string // the event the file's title names, or ""
	// plan is the file's entry template (talkplan.go); active the planned
	// talks the walk is inside, innermost last; nextTalk the plan's next talk.
	plan     *filePlan
	active   []activeTalk
	nextTalk int
}

// walk segments one file's lines into entries and reads every content line.
func (x *extractor) walk(file string, lines []line, m meta) {
	w := &walker{x: x, file: file, name: &file, lines: lines, skip: map[int]bool{}, created: -1, author: -1, plan: x.plans[file]}
	if w.plan != nil {
		for _, t := range w.plan.talks {
			for _, k := range t.skip {
				w.skip[k] = true
			}
		}
		if len(w.plan.talks) > 0 && w.plan.talks[0].scope == scopeFile {
			w.titled = true
		}
	}
	if m.Title != "" {
		w.title(m.Title, &graph.Evidence{File: file, Line: 1, Text: "title: " + m.Title})
	}
	if m.Author != "" {
		if ps := x.people(m.Author, strongPos); ps != nil {
			for _, p := range ps {
				w.author = x.addEv(p, graph.Person, 9, &graph.Evidence{File: file, Line: 1, Text: "author: " + m.Author})
			}
		}
	}
	w.startFrontMatterTalk(m.Title)
	for i := range lines {
		w.line(i)
	}
}

func (w *walker) title(t string, ev *graph.Evidence) {
	w.titled = true
	name := w.x.eventName(t)
	if w.x.title == "" {
		w.x.title = name
	}
	low := strings.ToLower(name)
	// a year makes a title an event ("RustFest 2031"), a bare date does not
	isEvent := yearRE.MatchString(name) && strings.ContainsFunc(name, unicode.IsLetter)
	// (a title the writer marked as notes of it, "GoNorth 2031 recap", is one)
	byYear := isEvent && name == strings.TrimSpace(t)
	for f := range strings.FieldsSeq(low) {
		if w.x.rules.eventWords[f] {
			isEvent, byYear = true, false
		}
	}
	if isEvent && name != "" {
		m := w.x.addEv(name, graph.Event, 10, ev)
		// a year alone ("Goals 2031", "Trip 2031") makes an event of notes
		// that hold talks; in a diary or a list it is a date
		w.x.ms[m].loose = byYear
		if _, ok := w.x.eventM[name]; !ok {
			w.x.eventM[name] = m
		}
		w.event = name
	}
}

func (w *walker) ev(l *line) *graph.Evidence { return evidence(w.file, l) }

func (w *walker) line(i int) {
	x := w.x
	l := &w.lines[i]
	if w.planLine(i) {
		return
	}
	if w.skip[i] {
		return
	}
	if l.Cells != nil && w.sec != "ignore" && w.tableRow(l) {
		return
	}
	switch l.Kind {
	case kindBreak:
		w.cur = nil
		return
	case kindCode:
		if w.cur != nil {
			w.content(l)
		}
		return
	}
	heading := l.Kind == kindHeading || (l.Bold && l.Depth == 0 && !l.Quote && l.First)
	if heading {
		w.heading(i, l)
		return
	}
	if w.sec == "ignore" {
		return
	}
	topPara := !l.Item && l.Depth == 0 && !l.Quote
	topItem := l.Item && l.Depth == 1 && !l.Quote
	if topPara && w.cur != nil && w.cur.level >= 10 {
		w.cur = nil // an entry opened by a list item ends with its list
	}
	if topPara && l.First && w.cur != nil && w.cur.prose {
		w.cur = nil // a talk told in prose ends with its paragraph
	}
	if (topPara && l.First) || topItem {
		if w.headLine(i, l, topItem) {
			return
		}
	}
	if !l.Quote && (l.Depth <= 1 || l.Depth == 2 && w.cur != nil && w.cur.kind == entTalk) && w.field(l, topPara && l.First) {
		return // "Speaker: Jane Doe", also as a sub-item of the talk's item
	}
	if topPara {
		if ps, title, ok := x.proseHead(l); ok {
			w.startTalk(ps, title, l, 0)
			w.cur.prose = true
		}
	}
	if e := w.cur; e != nil && e.kind == entLabel && !l.Item && !l.Quote {
		if name, ok := x.thingName(l.Text); ok && fieldCount(name) <= 4 && len(l.Links) == 0 && x.rules.stop[strings.ToLower(strings.Fields(name)[0])] == false {
			if _, isPerson := x.personName(name, headPos); !isPerson {
				typ, str := x.typeHint(name, "")
				s := x.addEv(name, typ, str+1, w.ev(l))
				e.sub = &entry{kind: entThing, talk: -1, subject: s}
				return
			}
		}
	}
	w.content(l)
}

// content reads a line inside the current entry.
func (w *walker) content(l *line) {
	c := &lineCtx{file: w.name, l: l, e: w.cur.ctxEntry(), head: -1}
	if i := sort.Search(len(w.lines), func(i int) bool { return w.lines[i].N > l.N }); i < len(w.lines) {
		if n := &w.lines[i]; n.N == l.N+1 && !n.First && n.Kind == kindPara && l.Kind == kindPara {
			w.x.cont = contLine{c: c, text: n.Text}
		}
	}
	if w.cur == nil && w.author >= 0 {
		if fp := firstPersonSentences(l.Text); len(fp) > 0 {
			c.self = &selfSpans{author: w.author, spans: fp}
		}
	}
	if w.created >= 0 {
		if l.Quote || int(l.Depth) > w.created {
			c.created = true
		} else {
			w.created = -1
		}
	}
	w.x.findMentions(c)
	w.x.cont = contLine{}
	if c.created && w.created < 0 {
		w.created = int(l.Depth) // the lines under this one name the creations
		if l.Item && l.Quote {
			w.created = int(l.Depth) - 1
		}
		c.created = false
	}
	if c.e != nil && c.e.kind == entTalk {
		// "speaker: Jane Doe" inside a talk's notes
		if ps := w.x.speakerLine(l); ps != nil && len(l.Emph) == 0 {
			w.addSpeakers(c.e, ps, l)
		}
	}
	w.x.ctxs = append(w.x.ctxs, c)
}

// heading handles a heading line (or an all-bold paragraph).
func (w *walker) heading(i int, l *line) {
	x := w.x
	level := int(l.Level)
	if l.Kind == kindPara {
		level = 7
	}
	speakers := w.speakersBelow(i)
	if speakers == nil && w.resume(l.Text, l) {
		w.cur.level = level
		return
	}
	if k, ok := x.sectionKind(l.Text); ok && speakers == nil {
		w.sec, w.secLvl, w.cur = k, level, nil
		return
	}
	if level == 1 && l.Kind == kindHeading && (!w.titled || w.event != "" && x.eventName(l.Text) == w.event) {
		// the title, or the front matter's title again as the first heading
		w.title(l.Text, w.ev(l))
		w.cur = nil
		return
	}
	w.titled = true
	if w.sec != "" && level <= w.secLvl {
		// A heading at the section's level ends the section, unless it is one
		// more short name in a list of them ("# tunnelr" among "#### snapkit").
		if name, ok := x.thingName(l.Text); !ok || fieldCount(name) > 2 || w.sec == "ignore" || w.sec == "talk" {
			w.sec, w.secLvl = "", 0
		}
	}
	if w.sec == "ignore" {
		return
	}
	// a sub-heading inside a talk's notes ("### Q&A") stays in the talk
	if e := w.cur; e != nil && e.kind == entTalk && e.level > 0 && e.level < 10 && level > e.level && speakers == nil {
		if _, ok := x.parseTalkHead(l, headPos); !ok {
			w.content(l)
			return
		}
	}
	if speakers != nil {
		w.startTalk(speakers, x.trimTalkHead(l.Text), l, level)
		// the rest of the speaker line ("(Orbital Labs)") is notes of the talk
		w.speakerRest(i + 1)
		return
	}
	if h, ok := x.parseTalkHead(l, headPos); ok && (w.sec == "talk" || w.sec == "" || h.title != "") {
		w.talkHead(h, l, level)
		return
	}
	if m := x.rules.talkKind.FindStringIndex(l.Text); m != nil && m[0] == 0 && w.sec != "talk" {
		// "## Talk: Knowledge Graphs at Scale": a talk by its kind, its
		// speakers in the fields below ("speaker:: …") or nowhere
		if title := x.trimTalkHead(l.Text); x.isTitle(title) && x.people(title, headPos) == nil {
			w.startTalk(nil, title, l, level)
			return
		}
	}
	switch w.sec {
	case "talk":
		// a title whose speakers come later ("speaker: …") or never
		if x.isTitle(l.Text) {
			w.startTalk(nil, x.trimTalkHead(l.Text), l, level)
			return
		}
	case "tool", "concept", "organization":
		w.thingEntry(l, l.Text, sectionType(w.sec), 8, level)
		return
	}
	if name, ok := x.thingName(strings.TrimRight(l.Text, ":")); ok && fieldCount(name) <= 3 && !x.rules.labels[strings.ToLower(name)] {
		w.thingEntry(l, l.Text, "", 0, level)
		return
	}
	w.cur = &entry{kind: entLabel, talk: -1, subject: -1, level: level}
}

func sectionType(kind string) string {
	switch kind {
	case "tool":
		return graph.Tool
	case "concept":
		return graph.Concept
	case "organization":
		return graph.Organization
	case "person":
		return graph.Person
	}
	return ""
}

// speakersBelow returns the speakers named on the line right under heading
// i ("_Jane Doe_"), and marks that line consumed.
func (w *walker) speakersBelow(i int) []string {
	if i+1 >= len(w.lines) {
		return nil
	}
	n := &w.lines[i+1]
	if n.N > w.lines[i].N+3 || n.Kind != kindPara || n.Item {
		return nil
	}
	if ps := w.x.speakerLine(n); ps != nil {
		w.skip[i+1] = true
		return ps
	}
	return nil
}

// speakerRest reads what follows the names on a speaker line: an
// affiliation in parentheses is where the speakers work.
func (w *walker) speakerRest(i int) {
	if i >= len(w.lines) {
		return
	}
	l := &w.lines[i]
	t := strings.TrimSpace(l.Text)
	if w.cur != nil && w.affiliations(t, w.cur.speakers, l) {
		return
	}
	if w.cur == nil {
		return
	}
	org := ""
	if j := strings.LastIndex(t, " ("); j >= 0 && strings.HasSuffix(t, ")") {
		org = strings.TrimSpace(t[j+2 : len(t)-1])
	} else if m := w.x.rules.speakerCue.FindStringIndex(t); m != nil {
		// "Speaker: Dana Whitfield, Gridline"
		who := strings.TrimRight(t[m[1]:], " .")
		if j := strings.LastIndex(who, ", "); j > 0 && w.x.people(who, strongPos) == nil {
			org = strings.TrimSpace(who[j+2:])
		}
	}
	if strings.HasPrefix(org, "@") {
		return // "(@tbrandt)": a handle, not an employer
	}
	w.x.worksAt(w.cur.speakers, org, w.ev(l))
}

// affiliations reads the affiliation of each of a speaker line's people
// ("Panelists: Ana Ruiz (Initech), Bo Li (Umbrella) and Cy Dunn"), the
// people being speakers in that order; false when the line has none but
// one at its end.
func (w *walker) affiliations(t string, speakers []int, l *line) bool {
	if m := w.x.rules.speakerCue.FindStringIndex(t); m != nil {
		t = t[m[1]:]
	}
	names, orgs, ok := splitAffiliated(strings.TrimRight(t, " ."))
	if !ok || len(names) != len(speakers) {
		return false
	}
	ev := w.ev(l)
	for k, org := range orgs {
		w.x.worksAt(speakers[k:k+1], org, ev)
	}
	return true
}

// worksAt relates each of people to the organization org names, when it
// reads as one (a name, not an @handle), and reports whether it did.
func (x *extractor) worksAt(people []int, org string, ev *graph.Evidence) bool {
	o, ok := x.thingName(org)
	if !ok || !x.nameLike(o) || strings.HasPrefix(o, "@") {
		return false
	}
	oi := x.addEv(o, graph.Organization, 7, ev)
	for _, p := range people {
		x.relate(p, graph.WorksAt, oi, ev)
	}
	return true
}

// thingEntry starts the entry of a tool, topic or organization: "#### tinyweb",
// "grpcurl (command line client for gRPC)", "Terraform -".
func (w *walker) thingEntry(l *line, text, typ string, str, level int) {
	x := w.x
	name, desc := text, ""
	if m := headParRE.FindStringSubmatch(text); m != nil {
		name, desc = m[1], m[2]
	} else if m := headDash(text); m != nil {
		name, desc = m[1], m[2]
	} else if m := headColon(text); m != nil {
		name, desc = m[1], m[2]
	}
	n, ok := x.thingName(name)
	if !ok {
		w.cur = &entry{kind: entLabel, talk: -1, subject: -1, level: level}
		return
	}
	if typ == "" || str < 4 {
		if t, s := x.typeHint(n, desc); s > str || typ == "" {
			typ, str = t, s
		}
	} else if t, s := x.typeHint(n, desc); s >= 4 {
		typ = t // "(python command line utility)" says Tool even under Topics
	}
	s := x.addEv(n, typ, str+2, w.ev(l))
	x.ms[s].loose = w.sec == "" // a heading is a thing's entry only by its shape, unless a section says so
	w.cur = &entry{kind: entThing, talk: -1, subject: s, level: level}
	if desc != "" {
		c := &lineCtx{file: w.name, l: &line{N: l.N, Text: desc, Raw: l.Raw, lineParts: &noParts}, e: w.cur, head: -1}
		x.findMentions(c)
		x.ctxs = append(x.ctxs, c)
	}
}

// headLine decides whether a paragraph's first line or a top-level list item
// starts a new entry, and starts it.
func (w *walker) headLine(i int, l *line, item bool) bool {
	x := w.x
	t := strings.TrimSpace(l.Text)
	if !item || w.sec == "talk" || len(l.Links) > 0 {
		if h, ok := x.parseTalkHead(l, headPos); ok {
			if item && w.sec != "talk" && h.title == "" {
				// "* Jane Doe" in running notes is a mention, not an entry
			} else if !item || h.title != "" || w.sec == "talk" {
				w.talkHead(h, l, levelOf(l, item))
				return true
			}
		}
	}
	if item && w.sec != "talk" && len(l.Links) == 0 && clockRE.MatchString(t) && clockRE.FindString(t) != "" {
		// "- 14:00 Workshop: Build a Parser (with Jane Doe)": a time opens a
		// schedule's entry, as a Talks section would
		// "- 14:00 Design review with Carol Nguyen" is a meeting in a day's
		// log; so is any slot of notes that name no event
		meeting := strings.Contains(strings.ToLower(parenRE.ReplaceAllString(t, "")), " with ") || w.event == ""
		if h, ok := x.parseTalkHead(l, headPos); ok && h.title != "" && !meeting {
			w.talkHead(h, l, levelOf(l, item))
			return true
		}
		if h, ok := x.emphTalk(l); ok {
			w.talkHead(h, l, levelOf(l, item))
			return true
		}
		// "- 13:30 Lunch": the slot ends the talk before it
		w.cur = &entry{kind: entLabel, talk: -1, subject: -1, level: levelOf(l, item)}
		return false
	}
	if item && (w.event != "" || w.sec == "talk") {
		// "- Lightning talk by Jane Doe on fast builds"
		if m := x.rules.kindByOn.FindStringSubmatch(t); containsFold(t, "by") && m != nil {
			if ps := x.people(m[1], strongPos); ps != nil && x.isTitle(strings.TrimSpace(m[2])) {
				w.startTalk(ps, strings.TrimSpace(m[2]), l, levelOf(l, item))
				return true
			}
		}
	}
	if item && w.event != "" && len(l.Links) == 0 {
		// "- Lena Vogt (Stackwerk): Streaming Joins" over its own sub-list,
		// in notes of an event: a talk and its notes, as a heading would be
		if n := w.next(i); n != nil && n.Item && n.Depth > l.Depth {
			if h, ok := x.parseTalkHead(l, headPos); ok && h.title != "" && len(h.people) > 0 {
				w.talkHead(h, l, levelOf(l, item))
				return true
			}
		}
	}
	if item && (w.event != "" || w.sec == "talk") {
		// "- **Review the PR** — Sam Lee" in notes of no event is a task
		if h, ok := x.emphTalk(l); ok {
			w.talkHead(h, l, levelOf(l, item))
			return true
		}
	}
	if item && w.sec == "talk" && l.Depth == 1 && x.isTitle(t) && len(l.Links) == 0 && !quotation(t) {
		// "- Scaling the Index" in a Talks section, its speaker in a
		// sub-item ("- Speaker: Jane Doe") or nowhere
		if n := w.next(i); n != nil && n.Item && n.Depth > l.Depth {
			w.startTalk(nil, x.trimTalkHead(t), l, levelOf(l, item))
			return true
		}
	}
	if item {
		if k := w.sec; (k == "tool" || k == "concept" || k == "organization" || k == "person") && (w.cur == nil || w.cur.level >= 10) {
			w.itemThing(l)
			return true
		}
		return false
	}
	if (w.event != "" || w.sec == "talk") && len(l.Emph) > 0 && l.First && strings.HasPrefix(t, strings.TrimSpace(cleanText(l.Emph[0]))) {
		// "**Vector Search for Humans** (Léa Martin) — FAISS vs Annoy": a
		// paragraph that opens with a bold title and its speaker
		if h, ok := x.emphTalk(l); ok {
			w.talkHead(h, l, levelOf(l, item))
			return true
		}
	}
	// the title of a talk seen before: its speaker's notes go on
	if w.resume(t, l) {
		return true
	}
	next := w.next(i)
	low := strings.ToLower(strings.TrimRight(t, ": -–—"))
	endsHead := strings.HasSuffix(t, ":") || strings.HasSuffix(t, " -") || strings.HasSuffix(t, " –") || strings.HasSuffix(t, " —")
	inTalk := w.cur != nil && (w.cur.kind == entTalk || w.cur.kind == entPerson)
	if strings.HasSuffix(t, ":") && !inTalk {
		// "Talks tonight:", "Tools I use:": a section announced by a line
		k, ok := x.sectionKind(strings.TrimSuffix(t, ":"))
		if ws := strings.Fields(low); !ok && len(ws) > 0 && len(ws) <= 4 {
			k, ok = x.rules.sections[ws[0]] // "Talks we saw:"
		}
		if ok && k != "ignore" {
			w.sec, w.secLvl, w.cur = k, 7, nil
			return true
		}
	}
	if endsHead || l.Bold {
		for lw := range strings.FieldsSeq(low) {
			if x.rules.labels[lw] || x.rules.labels[low] || x.rules.generic[low] {
				if inTalk && w.cur.level >= 1 && w.cur.level <= 7 {
					// "Q&A:" under a talk's heading is more of its notes; a
					// label after a talk that a line opened ends that talk
					return false
				}
				w.cur = &entry{kind: entLabel, talk: -1, subject: -1}
				return true
			}
		}
	}
	name, ok := x.thingName(strings.TrimRight(t, ": -–—"))
	if !ok || fieldCount(name) > 4 || x.rules.generic[low] {
		return false
	}
	childList := next != nil && next.Item && next.Depth >= 1 && !next.Quote
	single := next == nil || next.First || next.Kind != kindPara || next.Item
	switch {
	case endsHead, childList && x.nameLike(name) || childList && !inTalk:
	case single && !inTalk && (x.nameLike(name) || fieldCount(name) <= 2):
	case w.sec == "tool" || w.sec == "concept" || w.sec == "organization":
	default:
		return false
	}
	if _, isPerson := x.personName(name, headPos); isPerson {
		return false
	}
	w.thingEntry(l, t, sectionType(w.sec), 6, 0)
	return true
}

// resume makes the talk titled t, seen before, the current entry again: a
// line or heading that repeats a title from a schedule or an earlier list
// opens more notes of that talk.
func (w *walker) resume(t string, l *line) bool {
	x := w.x
	e, ok := x.lookTalk(graph.Slug(t))
	if !ok {
		e, ok = x.lookTalk(graph.Slug(x.trimTalkHead(t)))
	}
	if !ok || e.talk < 0 {
		return false
	}
	w.cur = e
	ev := w.ev(l)
	ti := x.addEv(x.ms[e.talk].name, graph.Talk, 1, ev)
	x.union(ti, e.talk)
	for _, p := range e.speakers {
		x.relate(p, graph.Gave, ti, ev)
	}
	return true
}

// fieldRE is a field line: "Title: Fast Builds", "Company: Initech".
var fieldRE = regexp.MustCompile(`^([\p{L} ]{2,20}?)\s*::?\s+(\S.*)$`) // "Speaker: …", Logseq's "speaker:: …"

// fieldMatch is fieldRE.FindStringSubmatch(t) for a line that may be a
// field: its first colon stands after two bytes or more, all letters or
// spaces. Most lines are not, and the regexp is not run on them.
func fieldMatch(t string) []string {
	k := strings.IndexByte(t, ':')
	if k < 2 {
		return nil
	}
	for i := 0; i < k; i++ {
		if c := t[i]; c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n') {
			return nil
		}
	}
	return fieldRE.FindStringSubmatch(t)
}

// field reads a line that gives a talk's title or its speakers'
// organization as a field, named as table columns are (rules.yaml columns):
// "Title: Fast Builds" opens the talk under a heading that did not name it
// ("### Episode 12"); "Company: Initech" is where the speakers work.
func (w *walker) field(l *line, opens bool) bool {
	x := w.x
	m := fieldMatch(strings.TrimSpace(l.Text))
	if m == nil {
		return false
	}
	val := strings.TrimRight(strings.TrimSpace(m[2]), ".")
	key := strings.ToLower(strings.TrimSpace(m[1]))
	e := w.cur
	// a block of fields that opens a paragraph after a talk with a title and
	// speakers is the next talk's
	fresh := e == nil || e.kind != entTalk || opens && len(e.speakers) > 0
	if x.rules.speakerCue.MatchString(key+": ") && (e == nil || e.kind != entTalk || len(e.speakers) == 0 || opens) {
		who, org := val, ""
		names, orgs, each := splitAffiliated(who)
		if each {
			who = strings.Join(names, ", ")
		} else if i := strings.Index(who, " ("); i > 0 && strings.HasSuffix(who, ")") {
			who, org = strings.TrimSpace(who[:i]), who[i+2:len(who)-1]
			if ps := x.people(org, strongPos); ps != nil && strings.HasPrefix(who, "@") {
				who, org = org, ""
			}
		} else if i := strings.LastIndex(who, ", "); i > 0 && x.people(who, strongPos) == nil {
			who, org = who[:i], who[i+2:] // "Jane Doe, Initech"
		}
		ps := x.people(who, strongPos)
		if ps == nil {
			return false
		}
		ev := w.ev(l)
		if e != nil && e.kind == entTalk && !fresh {
			w.addSpeakers(e, ps, l)
		} else {
			var ids []int
			for _, p := range ps {
				ids = append(ids, x.addEv(p, graph.Person, 9, ev))
			}
			e = &entry{kind: entPerson, talk: -1, speakers: ids, subject: ids[0], level: 0}
			w.cur = e
		}
		if each {
			for k, o := range orgs {
				if k < len(ps) && o != "" {
					x.worksAt([]int{x.addEv(ps[k], graph.Person, 9, ev)}, o, ev)
				}
			}
		} else {
			x.worksAt(e.speakers, org, ev)
		}
		return true
	}
	switch x.rules.columns[key] {
	case "title":
		// "Talk: Packaging Pain, by Dmitri Volkov": a whole talk in one field
		if m := headByRE.FindStringSubmatch(val); m != nil && x.isTitle(m[1]) {
			if ps := x.people(strings.Trim(m[2], " .:"), strongPos); ps != nil {
				w.startTalk(ps, x.trimTalkHead(m[1]), l, levelOf(l, l.Item))
				return true
			}
		}
		if !fresh || !x.isTitle(val) {
			return false
		}
		// "Title: Designing Data Systems" over "Author: …" is a book's
		if w.event == "" && w.sec != "talk" && !w.speakerNear(l) {
			return false
		}
		level := 0
		var people []string
		if e != nil && e.kind == entPerson && e.talk < 0 {
			for _, p := range e.speakers {
				people = append(people, x.ms[p].name)
			}
		} else if e != nil && e.kind != entTalk {
			level = e.level
		}
		w.startTalk(people, x.trimTalkHead(val), l, level)
		return true
	case "organization":
		e := w.cur
		if e == nil || len(e.speakers) == 0 {
			return false
		}
		return x.worksAt(e.speakers, val, w.ev(l))
	}
	return false
}

// speakerNear reports whether a line next to l (two either side) is a
// speaker field: "Speaker: Jane Doe".
func (w *walker) speakerNear(l *line) bool {
	for i := sort.Search(len(w.lines), func(i int) bool { return w.lines[i].N >= l.N-2 }); i < len(w.lines) && w.lines[i].N <= l.N+2; i++ {
		if o := &w.lines[i]; o != l {
			if m := fieldMatch(strings.TrimSpace(o.Text)); m != nil && w.x.rules.speakerCue.MatchString(strings.ToLower(m[1])+": ") {
				return true
			}
		}
	}
	return false
}

// tableRow reads a row of a table whose header names a speaker column and a
// title column ("| Time | Speaker | Talk |") as a talk; the row's other cells
// are its notes. A row without a speaker ("| 12:30 | | Lunch |") is no talk.
func (w *walker) tableRow(l *line) bool {
	x := w.x
	col := map[string]int{}
	for i, h := range l.Header {
		k, ok := columnKind(x.rules.columns, h)
		if _, seen := col[k]; ok && !seen {
			col[k] = i
		}
	}
	si, ok1 := col["speaker"]
	ti, ok2 := col["title"]
	if !ok1 || !ok2 || si >= len(l.Cells) || ti >= len(l.Cells) {
		dropValueCells(l, x.rules.columns)
		return false
	}
	w.cur = nil
	who, aff := l.Cells[si], ""
	if i := strings.Index(who, " ("); i > 0 && strings.HasSuffix(who, ")") {
		who, aff = strings.TrimSpace(who[:i]), who[i+2:len(who)-1]
		if ps := x.people(aff, strongPos); ps != nil && strings.HasPrefix(who, "@") {
			who, aff = aff, "" // "@handle (Jane Doe)"
		}
	}
	title := x.trimTalkHead(l.Cells[ti])
	ps := x.people(who, strongPos)
	if ps == nil || !x.isTitle(title) {
		return true
	}
	w.startTalk(ps, title, l, 0)
	e := w.cur
	ev := w.ev(l)
	if oi, ok := col["organization"]; ok && oi < len(l.Cells) && aff == "" {
		aff = l.Cells[oi]
	}
	x.worksAt(e.speakers, aff, ev)
	var extra []string
	for i, cell := range l.Cells {
		if i != si && i != ti && i != col["organization"] && !clockRE.MatchString(cell) && strings.ContainsFunc(cell, unicode.IsLetter) {
			extra = append(extra, cell)
		}
	}
	if len(extra) > 0 {
		text := strings.Join(extra, "; ")
		var codes []string
		for _, cd := range l.Codes {
			if strings.Contains(text, cd) {
				codes = append(codes, cd)
			}
		}
		var links []link
		for _, lk := range l.Links {
			if lk.Text == "" || strings.Contains(text, lk.Text) {
				links = append(links, lk)
			}
		}
		c := &lineCtx{file: w.name, l: &line{N: l.N, Text: text, Raw: l.Raw, lineParts: &lineParts{Links: links, Codes: codes, moreParts: &noMore}}, e: e, head: -1}
		x.findMentions(c)
		x.ctxs = append(x.ctxs, c)
	}
	w.cur = nil
	return true
}

// columnKind is what a table header names (rules' columns): "speaker",
// "title", "organization", "value".
func columnKind(columns map[string]string, header string) (string, bool) {
	k, ok := columns[strings.ToLower(strings.Trim(header, " *_:"))]
	return k, ok
}

// header is the header of column i of a table row, or "".
func header(l *line, i int) string {
	if i < len(l.Header) {
		return l.Header[i]
	}
	return ""
}

// dropValueCells keeps a table row's text to the cells whose column holds
// names: a column headed "file", "commit", "licence" or "date" holds values
// ("notes.md", a hash, "MIT (c) 2031 A. Writer"), which name nothing the
// notes are about.
func dropValueCells(l *line, columns map[string]string) {
	var keep []string
	dropped := false
	for i, cell := range l.Cells {
		if k, _ := columnKind(columns, header(l, i)); k == "value" {
			dropped = true
			continue
		}
		keep = append(keep, cell)
	}
	if !dropped {
		return
	}
	l.Text = strings.Join(keep, " | ")
	l.Codes = slices.DeleteFunc(slices.Clone(l.Codes), func(c string) bool { return !strings.Contains(l.Text, c) })
	l.Links = slices.DeleteFunc(slices.Clone(l.Links), func(k link) bool {
		return !strings.Contains(l.Text, k.Text) || k.Text == "" && !strings.Contains(l.Text, k.URL)
	})
}

func levelOf(l *line, item bool) int {
	if item {
		return 10 + int(l.Depth)
	}
	if l.Kind == kindHeading {
		return int(l.Level)
	}
	return 0
}

// next returns the line after i, or nil.
func (w *walker) next(i int) *line {
	if i+1 < len(w.lines) {
		return &w.lines[i+1]
	}
	return nil
}

// itemThing reads a top-level list item in a Tools/Topics section as the
// entry of the thing it names: "* requests - HTTP for humans".
func (w *walker) itemThing(l *line) {
	w.cur = &entry{kind: entLabel, talk: -1, subject: -1, level: 10 + int(l.Depth)}
	c := &lineCtx{file: w.name, l: l, e: nil, head: -1}
	if len(l.Emph) > 0 {
		// "**sqlc** generates code from SQL": the bold name opens the item
		if e, ok := emphAt(l, l.Text); ok && strings.HasPrefix(l.Text, e) && fieldCount(e) <= 3 {
			if name, ok := w.x.thingName(e); ok && c.take(0, len(e)) {
				c.head = int32(w.x.add(c, name, sectionType(w.sec), 8))
			}
		}
	}
	if c.head < 0 && w.sec == "person" {
		// "- Tom Berg — engineer at Lumina": the person opens the item, and
		// the item's cues are about them
		if m := itemHeadRE.FindStringSubmatchIndex(l.Text); m != nil {
			if ps := w.x.people(l.Text[m[2]:m[3]], strongPos); len(ps) == 1 && c.take(m[2], m[3]) {
				c.head = int32(w.x.add(c, ps[0], graph.Person, 8))
			}
		}
	}
	w.x.findMentions(c)
	if c.head < 0 {
		if name, ok := w.x.thingName(l.Text); ok {
			typ := sectionType(w.sec)
			c.head = int32(w.x.add(c, name, typ, 8))
		}
	} else if typ := sectionType(w.sec); typ != "" {
		w.x.ms[c.head].setTyp(typ)
		w.x.ms[c.head].str = max(w.x.ms[c.head].str, 7)
	}
	if c.head >= 0 {
		w.cur = &entry{kind: entThing, talk: -1, subject: int(c.head), level: 10 + int(l.Depth)}
	}
	w.x.ctxs = append(w.x.ctxs, c)
}

// talkHead starts (or resumes) the entry of a talk read from a head line.
func (w *walker) talkHead(h talkHead, l *line, level int) {
	title := h.title
	org := ""
	if m := orgTitleRE.FindStringSubmatch(title); m != nil && len(h.people) > 0 && w.x.isTitle(m[2]) {
		// "Ines Duarte — Lumenworks — Shipping WebGPU": the speaker's
		// organization between the name and the title
		if o, ok := w.x.thingName(m[1]); ok && allNamed(strings.Fields(o)) && !w.x.isTitle(o) {
			title, org = m[2], o
		}
	}
	if title == "" {
		w.resumeOrPerson(h.people, l, level)
	} else {
		w.startTalk(h.people, title, l, level)
	}
	if org != "" && w.cur != nil {
		w.x.worksAt(w.cur.speakers, org, w.ev(l))
	}
	for _, extra := range []string{h.role, h.rest} {
		if strings.TrimSpace(extra) == "" {
			continue
		}
		var links []link
		for _, lk := range l.Links {
			if lk.Text != h.title {
				links = append(links, lk)
			}
		}
		var codes []string
		for _, cd := range l.Codes {
			if strings.Contains(extra, cd) {
				codes = append(codes, cd)
			}
		}
		c := &lineCtx{file: w.name, l: &line{N: l.N, Text: extra, Raw: l.Raw, lineParts: &lineParts{Links: links, Codes: codes, moreParts: &noMore}, Item: l.Item, Depth: l.Depth}, e: w.cur, head: -1}
		w.x.findMentions(c)
		// a one-word "title" is a topic: "nina ortiz - IRC"
		if len(c.spans) == 0 && !strings.Contains(extra, " ") {
			if name, ok := w.x.thingName(extra); ok {
				typ, str := w.x.typeHint(name, "")
				w.x.attach(c, w.x.add(c, name, typ, str), false)
			}
		}
		w.x.ctxs = append(w.x.ctxs, c)
	}
}

// resumeOrPerson handles a head that names speakers but no title: their
// talk's notes go on, or they are a speaker whose talk is unnamed.
func (w *walker) resumeOrPerson(people []string, l *line, level int) {
	x := w.x
	ev := w.ev(l)
	var ids []int
	for _, p := range people {
		ids = append(ids, x.addEv(p, graph.Person, 8, ev))
	}
	if e, ok := x.lookPerson(graph.Slug(people[0])); ok {
		r := &entry{kind: e.kind, talk: e.talk, speakers: ids, subject: e.subject, level: level}
		if e.talk >= 0 {
			t := x.addEv(x.ms[e.talk].name, graph.Talk, 1, ev)
			x.union(t, e.talk)
			r.talk, r.subject = t, t
			for _, p := range ids {
				x.relate(p, graph.Gave, t, ev)
			}
		} else {
			r.subject = ids[0]
		}
		w.cur = r
		return
	}
	e := &entry{kind: entPerson, talk: -1, speakers: ids, subject: ids[0], level: level}
	for _, p := range people {
		x.setPerson(graph.Slug(p), e)
	}
	w.cur = e
}

// startTalk starts the entry of a talk with a title, or resumes it when the
// same speaker's talk was seen before under this or a shorter title
// ("Laura Thompson - processing firefox").
func (w *walker) startTalk(people []string, title string, l *line, level int) {
	x := w.x
	ev := w.ev(l)
	title = strings.TrimSpace(strings.Trim(title, " \"“”'"))
	var ids []int
	for _, p := range people {
		str := 9
		if strings.HasPrefix(p, "@") {
			str = 7
		}
		ids = append(ids, x.addEv(strings.TrimPrefix(p, "@"), graph.Person, str, ev))
		if strings.HasPrefix(p, "@") {
			a := x.addEv(p, graph.Person, str, ev)
			x.union(a, ids[len(ids)-1])
		}
	}
	key := graph.Slug(title)
	t := x.addEv(title, graph.Talk, 10, ev)
	if w.event != "" {
		x.eventOf[t] = w.event
		// the talk was given at the event its notes' title names: the
		// event is a hub of its talks, not a node on its own
		if em, ok := x.eventM[w.event]; ok {
			x.relate(t, graph.At, em, ev)
		}
	}
	byTitle, bySpeaker := x.talkLookups(key, people)
	prev, adopt := x.priorTalk(key, people, byTitle, bySpeaker)
	if adopt != nil {
		adopt.adopt(t)
	}
	if prev != nil && prev.talk >= 0 {
		x.union(t, prev.talk)
		x.ms[t].str = 5 // an alias, not the canonical title
	}
	e := &entry{kind: entTalk, talk: t, speakers: ids, subject: t, level: level}
	for _, p := range ids {
		x.relate(p, graph.Gave, t, ev)
	}
	// the names in a title are what the talk covers: "Embrace the GIL"
	tc := &lineCtx{file: w.name, l: &line{N: l.N, Text: title, Raw: l.Raw, lineParts: &noParts}, e: e, head: -1, title: true}
	x.findMentions(tc)
	x.ctxs = append(x.ctxs, tc)
	x.startWrites(key, people, prev, e)
	x.logStart(key, people, t, e, byTitle, bySpeaker, prev, adopt)
	w.cur = e
}

// talkLookups returns the entries startTalk decides from: the talk of
// the title key and the latest talk of the first speaker (nil for none).
func (x *extractor) talkLookups(key string, people []string) (byTitle, bySpeaker *entry) {
	byTitle = x.talks[key]
	if len(people) > 0 {
		bySpeaker = x.byPer[graph.Slug(people[0])]
	}
	return byTitle, bySpeaker
}

// priorTalk decides whether a talk starting with key and people is one
// seen before (prev), or the talk of a speaker seen without a title
// (adopt, whose entry becomes the talk's). It reads the entries and the
// mentions only, so the ordered merge (walkmerge.go) can decide again on
// the whole corpus what one file's walk decided on its own.
func (x *extractor) priorTalk(key string, people []string, byTitle, bySpeaker *entry) (prev, adopt *entry) {
	if e := byTitle; e != nil && x.sameSpeakers(e, people) {
		// the same title by the same speakers (or by nobody named) is one
		// talk; two speakers' talks of one title are two
		return e, nil
	}
	if e := bySpeaker; len(people) > 0 && e != nil {
		if e.talk >= 0 {
			old := graph.Slug(x.ms[e.talk].name)
			if strings.HasPrefix(old, key) || strings.HasPrefix(key, old) {
				return e, nil
			}
			return nil, nil
		}
		// the speaker was seen without a title: this is their talk
		return nil, e
	}
	return nil, nil
}

// adopt makes a speaker's entry the entry of their talk t.
func (e *entry) adopt(t int) {
	e.talk = t
	e.kind = entTalk
	e.subject = t
}

// startWrites records a started talk e under its title key (unless it
// continues prev) and as its speakers' latest.
func (x *extractor) startWrites(key string, people []string, prev, e *entry) {
	if prev == nil {
		x.talks[key] = e
	}
	for _, p := range people {
		x.byPer[graph.Slug(strings.TrimPrefix(p, "@"))] = e
	}
}

// sameSpeakers reports whether a talk entry and a new head's people may be
// one talk: either names nobody, or they share a speaker.
func (x *extractor) sameSpeakers(e *entry, people []string) bool {
	if len(e.speakers) == 0 || len(people) == 0 {
		return true
	}
	for _, s := range e.speakers {
		for _, p := range people {
			if graph.Slug(x.ms[s].name) == graph.Slug(strings.TrimPrefix(p, "@")) {
				return true
			}
		}
	}
	return false
}

func (w *walker) addSpeakers(e *entry, people []string, l *line) {
	ev := w.ev(l)
	for _, p := range people {
		id := w.x.addEv(p, graph.Person, 9, ev)
		e.speakers = append(e.speakers, id)
		w.x.relate(id, graph.Gave, e.talk, ev)
		w.x.setPerson(graph.Slug(p), e)
	}
}
