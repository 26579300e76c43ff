package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// The talk-head reader: one head line (a heading, a list item's first line,
// a bold paragraph) read as slots — a title, its speakers and their
// affiliations — rather than matched against whole-line shapes. Each shape
// family is one function below; readHead tries them in the order of
// headShapes and keeps the first reading. Tests: TestReadHead (a line →
// slots table).

// slotPerson is a person named in a speaker slot.
type slotPerson struct {
	name   string // as written, without handle or affiliation
	org    string // the affiliation the slot gives, "" when none
	handle string // "@jane", when the slot gives one
}

// headSlots is one head line read as a talk head.
type headSlots struct {
	title    string       // "" when the line names only speakers
	speakers []slotPerson // who gave it
	kind     string       // the talk kind the line opened with ("Panel"), if any
}

// slotStrength says how much a speaker slot's position vouches for a name.
type slotStrength uint8

const (
	// slotLoose: a separator with a title on its other side ("Title - Jane
	// Doe"), a heading under the title: a name must look like one.
	slotLoose slotStrength = iota
	// slotCued: after "by", "Speaker:", in a speaker field or front matter:
	// any 1–4 name-shaped tokens, one capitalized word ("by Glyph"), a handle.
	slotCued
)

var (
	// "A. Title", "3. Title", "12) Title": a list letter or number
	listMarkRE = regexp.MustCompile(`^(?:[A-Z]|\d{1,3})[.)]\s+`) // read through dropListMark
	// `"Title" by …`, `“Title” - …`: a quoted title and what follows it
	quotedHeadRE = regexp.MustCompile(`^["“]([^"“”]{2,200})["”]\s*(.*)$`)
	// a handle in a speaker slot, with the "(…)" or "," around it
	slotHandleRE = regexp.MustCompile(`[(,]?\s*@([A-Za-z0-9_]{2,30})\)?`)
	// " - ", " — ", " – ", " | ": the separators of a head line
	headSepSplitRE = regexp.MustCompile(`\s+(?:-{1,2}|[—–|])\s+`)
	// what joins the people of a slot: "A & B", "A and B", "A, B, and C"
	peopleSplitRE = regexp.MustCompile(`\s*(?:,\s*and\b|&|\band\b|;|\s\+\s)\s*`)
	// what separates a name from its role and organization
	pieceSplitRE = regexp.MustCompile(`\s*,\s*|\s+[-–—|]\s+`)
)

// headShape is one family of talk-head shapes. It returns the slots it
// reads, or ok=false when the line is not of its shape.
type headShape struct {
	name string
	read func(x *extractor, t string) (headSlots, bool)
}

// headShapes run in this order; the first that reads the line wins.
var headShapes = []headShape{
	// a quoted title first: its quotes say where the title ends, whatever
	// "by" or dash it holds
	{"quoted", (*extractor).headQuoted},
	// "Title by Jane Doe[, Org]": "by" is the strongest speaker cue
	{"by", (*extractor).headBy},
	// "Title (Jane Doe)"
	{"paren", (*extractor).headParen},
	// "Title - Jane Doe, Org", "Jane Doe - Title", "Jane Doe - Role - Org"
	{"separator", (*extractor).headSeparated},
	// "Jane Doe: Title"
	{"colon", (*extractor).headColon},
	// "Jane Doe, Role, Org": a person head with no title
	{"person", (*extractor).headPerson},
	// "Title, Jane Doe": one person after the last comma
	{"comma", (*extractor).headComma},
}

// readHead reads one head line's plain text as slots. A line no shape reads
// gives its cleaned text as the title and no speakers.
func (x *extractor) readHead(text string) headSlots {
	t, kind := x.headText(text)
	for _, s := range headShapes {
		if h, ok := s.read(x, t); ok && (h.title == "" || !x.genericHeading(h.title)) {
			h.kind = kind
			return h
		}
	}
	return headSlots{title: strings.Trim(t, " \"“”"), kind: kind}
}

// headText drops what stands before a head's title and is not part of it: a
// list letter or number, a time, a talk kind ("Panel:"), which it returns.
func (x *extractor) headText(text string) (string, string) {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*_#"))
	t = dropListMark(t)
	t = dropClock(t)
	kind := ""
	if m := x.rules.talkKind.FindStringIndex(t); m != nil && m[1] < len(t) {
		kind = strings.TrimRight(strings.TrimSpace(t[:m[1]]), ":-–— ")
		t = t[m[1]:]
	}
	return strings.TrimSpace(strings.TrimRight(t, ":")), kind
}

func (x *extractor) headQuoted(t string) (headSlots, bool) {
	if !strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "“") {
		return headSlots{}, false
	}
	m := quotedHeadRE.FindStringSubmatch(t)
	if m == nil {
		return headSlots{}, false
	}
	h := headSlots{title: strings.TrimSpace(m[1])}
	rest := strings.TrimSpace(m[2])
	rest = strings.TrimSpace(strings.TrimLeft(rest, "-–—:,|"))
	if r, ok := cutPrefixFold(rest, "by "); ok {
		h.speakers = x.readSpeakers(r, slotCued)
	} else if rest != "" {
		h.speakers = x.readSpeakers(strings.Trim(rest, "()"), slotLoose)
		if h.speakers == nil {
			// `"Small Tables" - a column store`: the rest is the title's too
			h.title = t
		}
	}
	return h, true
}

func (x *extractor) headBy(t string) (headSlots, bool) {
	low := strings.ToLower(t)
	// the last " by " whose right side names people: "Preserving Anonymity
	// by Subverting Stylometry by Jane Doe"
	for at := len(low); at > 0; {
		i := strings.LastIndex(low[:at], " by ")
		if i <= 0 {
			break
		}
		at = i
		title := strings.TrimRight(strings.TrimSpace(t[:i]), ",:-–—")
		if !x.isTitle(title) && fieldCount(title) < 1 {
			continue
		}
		if ps := x.readSpeakers(t[i+4:], slotCued); ps != nil {
			return headSlots{title: strings.Trim(title, " \"“”"), speakers: ps}, true
		}
	}
	if r, ok := cutPrefixFold(t, "by "); ok {
		if ps := x.readSpeakers(r, slotCued); ps != nil {
			return headSlots{speakers: ps}, true
		}
	}
	return headSlots{}, false
}

func (x *extractor) headParen(t string) (headSlots, bool) {
	if !strings.HasSuffix(t, ")") {
		return headSlots{}, false
	}
	m := trailParen(t)
	if m == nil {
		return headSlots{}, false
	}
	// "Jane Doe (taming the scheduler)": a person, and a title in the
	// parentheses — a phrase with small words, not an organization
	if ps := x.readSpeakers(m[1], slotLoose); len(ps) > 0 && givenNamed(ps) && parenTitle(x, m[2]) {
		return headSlots{title: strings.TrimSpace(m[2]), speakers: ps}, true
	}
	title := strings.TrimRight(strings.TrimSpace(m[1]), ":-–—")
	if ps := x.readSpeakers(m[2], slotLoose); ps != nil && x.isTitle(title) {
		return headSlots{title: title, speakers: ps}, true
	}
	return headSlots{}, false
}

func (x *extractor) headSeparated(t string) (headSlots, bool) {
	if !hasPieceSep(t) {
		return headSlots{}, false
	}
	locs := headSepSplitRE.FindAllStringIndex(t, -1)
	if locs == nil {
		return headSlots{}, false
	}
	// the title on the left, speakers on the right, last separator first
	// ("Kafka - The Hard Parts - Jane Doe"); a listed given name first, as
	// it is the surest reading
	titleLeft := func(sure bool) (headSlots, bool) {
		for k := len(locs) - 1; k >= 0; k-- {
			left, right := strings.TrimSpace(t[:locs[k][0]]), strings.TrimSpace(t[locs[k][1]:])
			if ps := x.readSpeakers(right, slotLoose); ps != nil && left != "" && (!sure || givenNamed(ps)) {
				return headSlots{title: strings.Trim(left, " \"“”"), speakers: ps}, true
			}
		}
		return headSlots{}, false
	}
	if h, ok := titleLeft(true); ok {
		return h, true
	}
	// "Jane Doe — Initech — Shipping WebGPU": a name, an organization, a title
	if len(locs) >= 2 {
		name, last := strings.TrimSpace(t[:locs[0][0]]), strings.TrimSpace(t[locs[len(locs)-1][1]:])
		mid := strings.TrimSpace(t[locs[0][1]:locs[len(locs)-1][0]])
		if n, ok := x.slotName(name, slotLoose); ok && fieldCount(last) >= 3 && !x.allRole(last) && !x.allRole(mid) {
			if o := x.orgOf(mid); o != "" {
				return headSlots{title: strings.Trim(last, " \"“”"), speakers: []slotPerson{{name: n, org: o}}}, true
			}
		}
	}
	// the whole line a person with a role: "Jane Doe - VP Eng - Initech"
	if h, ok := x.headPerson(t); ok {
		return h, true
	}
	if h, ok := titleLeft(false); ok {
		return h, true
	}
	// speakers on the left: "Jane Doe - Title"
	left, right := strings.TrimSpace(t[:locs[0][0]]), strings.TrimSpace(t[locs[0][1]:])
	if ps := x.readSpeakers(left, slotLoose); ps != nil && x.isTitle(right) {
		return headSlots{title: strings.Trim(right, " \"“”"), speakers: ps}, true
	}
	return headSlots{}, false
}

// givenNamed reports whether every person of ps opens with a listed given
// name or is a handle.
func givenNamed(ps []slotPerson) bool {
	for _, p := range ps {
		if !strings.HasPrefix(p.name, "@") && !isFirstName(strings.Fields(p.name)[0]) {
			return false
		}
	}
	return true
}

func (x *extractor) headColon(t string) (headSlots, bool) {
	i := strings.Index(t, ": ")
	if i <= 0 {
		return headSlots{}, false
	}
	left, right := t[:i], strings.TrimSpace(t[i+2:])
	if ps := x.readSpeakers(left, slotLoose); ps != nil && x.isTitle(right) {
		return headSlots{title: strings.Trim(right, " \"“”"), speakers: ps}, true
	}
	return headSlots{}, false
}

func (x *extractor) headComma(t string) (headSlots, bool) {
	i := strings.LastIndex(t, ", ")
	if i <= 0 {
		return headSlots{}, false
	}
	title := strings.TrimSpace(t[:i])
	if n, ok := x.slotName(t[i+2:], slotLoose); ok && x.isTitle(title) && !strings.Contains(title, ",") {
		return headSlots{title: strings.Trim(title, " \"“”"), speakers: []slotPerson{{name: n}}}, true
	}
	return headSlots{}, false
}

// headPerson reads a line that is only a person, with a role or an
// organization: "Jane Doe, Staff Engineer, Initech", "Jane Doe - CTO - Initech".
func (x *extractor) headPerson(t string) (headSlots, bool) {
	ps := x.readSpeakers(t, slotLoose)
	if len(ps) > 1 && givenNamed(ps) {
		return headSlots{speakers: ps}, true // "Eva Lind, Marco Rossi, and Ada Obi": a panel
	}
	if len(ps) != 1 {
		return headSlots{}, false
	}
	if ps[0].org == "" && !isFirstName(strings.Fields(ps[0].name)[0]) && !strings.HasPrefix(ps[0].name, "@") {
		return headSlots{}, false // "Dataframes Beyond Pandas": a title, not a person
	}
	if ps[0].org == "" && containsAny(t, ",-–—") && !x.allRole(x.afterName(t, ps[0].name)) {
		return headSlots{}, false
	}
	return headSlots{speakers: ps}, true
}

// afterName is what follows name at the start of t.
func (x *extractor) afterName(t, name string) string {
	if i := strings.Index(t, name); i >= 0 {
		return strings.Trim(t[i+len(name):], " ,-–—")
	}
	return ""
}

// readSpeakers reads a speaker slot: one or more people, each with an
// optional handle and affiliation ("Jane Doe (Initech) and @bo",
// "Jane Doe, Staff Engineer, Initech", "Ana Ruiz @ Initech & Bo Li @ Globex").
// It returns nil unless every part reads as a person.
func (x *extractor) readSpeakers(s string, st slotStrength) []slotPerson {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
	s = strings.TrimRight(s, ".…")
	if r, ok := cutPrefixFold(s, "by "); ok {
		s, st = r, slotCued
	}
	if m := x.rules.speakerCue.FindStringIndex(s); m != nil && m[0] == 0 {
		s, st = s[m[1]:], slotCued
	}
	if s == "" || len(s) > 200 {
		return nil
	}
	// people joined by "&", "and", ";", "+": each part is one person with
	// its own affiliation
	parts := []string{s}
	if strings.ContainsAny(s, "&;+") || strings.Contains(s, "and") {
		parts = parts[:0]
		for _, p := range peopleSplitRE.Split(s, -1) {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
	}
	var out []slotPerson
	for pi, p := range parts {
		ps := x.readPerson(p, st, pi == len(parts)-1 && len(parts) > 1)
		if ps == nil {
			return nil
		}
		out = append(out, ps...)
	}
	if len(out) > 6 {
		return nil
	}
	return out
}

// atHandle is slotHandleRE's match in p, run only when p holds an '@'.
func atHandle(p string) []int {
	if strings.IndexByte(p, '@') < 0 {
		return nil
	}
	return slotHandleRE.FindStringSubmatchIndex(p)
}

// trailParen is trailParenRE's match in p, run only when p ends with ')'.
func trailParen(p string) []string {
	if !strings.HasSuffix(p, ")") {
		return nil
	}
	return trailParenRE.FindStringSubmatch(p)
}

// readPerson reads one part of a speaker slot: a name with an optional
// handle, "(Org)", "@ Org", ", Role, Org" or " - Role - Org" — or, when
// every comma-separated piece is a name, several people. last says the part
// ends a list of people ("A, B and C"), so its commas separate names.
func (x *extractor) readPerson(p string, st slotStrength, last bool) []slotPerson {
	handle := ""
	if m := atHandle(p); m != nil {
		handle = "@" + p[m[2]:m[3]]
		p = strings.TrimSpace(p[:m[0]] + " " + p[m[1]:])
		p = strings.TrimSpace(strings.TrimRight(p, ","))
		if p == "" {
			return []slotPerson{{name: handle, handle: handle}}
		}
	}
	org := ""
	if m := trailParen(p); m != nil {
		p, org = strings.TrimSpace(m[1]), x.orgOf(m[2])
	}
	if i := strings.Index(p, " @ "); i > 0 {
		p, org = strings.TrimSpace(p[:i]), x.orgOf(p[i+3:])
	}
	if i := strings.Index(p, " at "); i > 0 && org == "" {
		if o := x.orgOf(p[i+4:]); o != "" {
			p, org = strings.TrimSpace(p[:i]), o
		}
	}
	pieces := []string{p}
	if hasPieceSep(p) {
		pieces = pieceSplitRE.Split(p, -1)
	}
	if len(pieces) > 1 {
		// "A, B, C": every piece a name
		var all []slotPerson
		for _, pc := range pieces {
			if n, ok := x.slotName(pc, st); ok {
				all = append(all, slotPerson{name: n})
			} else {
				all = nil
				break
			}
		}
		// "…, Bo Karlsson, Nordhavn": one word after a name is where the
		// people work, not one more person
		orgTail := len(all) == 2 && fieldCount(all[1].name) == 1 && fieldCount(all[0].name) > 1 && !isFirstName(all[1].name)
		if all != nil && !orgTail && (last || len(pieces) > 2 || !strings.Contains(p, ",") || givenNamed(all)) && org == "" {
			if handle != "" {
				all[len(all)-1].handle = handle
			}
			return all
		}
		// "Name, Role, Org": the name first, the organization last
		n, ok := x.slotName(pieces[0], st)
		if !ok && x.roleLed(pieces[1]) {
			// "Armon, cofounder of Initech": a role vouches for one name
			n, ok = x.slotName(pieces[0], slotCued)
		}
		if !ok {
			return nil
		}
		if org == "" {
			org = x.orgOf(strings.Join(pieces[1:], ", "))
		}
		return []slotPerson{{name: n, org: org, handle: handle}}
	}
	n, ok := x.slotName(p, st)
	if !ok {
		// "Armon, cofounder of hashicorp" is read above; "Jane Doe cofounder
		// of Initech" is not a name
		return nil
	}
	return []slotPerson{{name: n, org: org, handle: handle}}
}

// orgOf reads the organization in an affiliation: "Initech", "Staff
// Engineer, Initech", "Initech - Principal", "cofounder of Initech",
// "VP Eng at Initech". "" when it names none.
func (x *extractor) orgOf(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ()[],.;"))
	if s == "" || strings.HasPrefix(s, "@") {
		return ""
	}
	for _, sep := range []string{" of ", " at ", " @ ", " from "} {
		if i := strings.LastIndex(s, sep); i >= 0 {
			return x.orgOf(s[i+len(sep):])
		}
	}
	if ws := strings.Fields(strings.ToLower(s)); len(ws) > 1 {
		if _, ok := x.rules.suffixCues[ws[len(ws)-1]]; ok {
			return "" // "Grumble creator": a role about a thing, read by the cues
		}
	}
	pieces := []string{s}
	if hasPieceSep(s) {
		pieces = pieceSplitRE.Split(s, -1)
	}
	// the last piece that is not all role words
	for i := len(pieces) - 1; i >= 0; i-- {
		pc := strings.TrimSpace(pieces[i])
		if pc == "" || x.allRole(pc) {
			continue
		}
		// "Founder Casual": role words, then the organization
		ws := strings.Fields(pc)
		k := 0
		for k < len(ws)-1 && x.rules.roles[strings.ToLower(ws[k])] {
			k++
		}
		o := strings.Join(ws[k:], " ")
		if len(ws)-k > 4 || x.rules.stop[strings.ToLower(ws[k])] && len(ws)-k == 1 {
			return ""
		}
		if name, ok := x.thingName(o); ok && x.nameLike(name) {
			return name
		}
		return ""
	}
	return ""
}

// roleLed reports whether s opens with a job-title word: "cofounder of
// Initech", "CTO at Globex".
func (x *extractor) roleLed(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	return len(ws) > 0 && ws[0] != "of" && ws[0] != "at" && ws[0] != "and" && ws[0] != "&" && x.rules.roles[ws[0]]
}

// allRole reports whether every word of s is a job-title word ("Sr S/w eng").
func (x *extractor) allRole(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for _, w := range ws {
		if !x.rules.roles[strings.Trim(w, ",.()")] {
			return false
		}
	}
	return len(ws) > 0
}

// slotName reads s as a person's name in a speaker slot: 1–4 name-shaped
// tokens (any case, with particles and initials: "Maria A. De Souza"), or
// a handle. Loose slots need a name that looks like one: two or more
// capitalized tokens not all English words, or a listed given name.
func (x *extractor) slotName(s string, st slotStrength) (string, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_~`\"“”:;,.!?()[]…"))
	if handleRE.MatchString(s) {
		return s, true
	}
	toks := strings.Fields(s)
	if len(toks) == 0 || len(toks) > 5 || len(s) > 50 {
		return "", false
	}
	caps, words, lows := 0, 0, 0
	for i, t := range toks {
		lt := strings.ToLower(t)
		if particles[lt] && i > 0 && i < len(toks)-1 {
			continue
		}
		if len(strings.TrimRight(t, ".")) == 1 && i > 0 && isCap(t) {
			continue // an initial: "Nora J. Castillo"
		}
		for _, r := range t {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return "", false
			}
		}
		if x.rules.stop[lt] || x.rules.generic[lt] || x.rules.labels[lt] || x.rules.notNames[t] || x.rules.roles[lt] {
			return "", false
		}
		if isAcronym(t) && len(t) > 1 {
			return "", false
		}
		switch {
		case isCap(t):
			caps++
		default:
			lows++
		}
		if isWord(lt) && !isFirstName(t) {
			words++
		}
	}
	n := len(toks)
	if lows > 0 && caps > 0 && !(lows == 1 && n >= 3) {
		return "", false // "Async programming": a phrase, not a name
	}
	switch st {
	case slotCued:
		if lows == n && (n == 1 || words == n) {
			return "", false // "by hand", "by design"
		}
		return s, true
	default:
		if n == 1 || lows > 0 {
			return "", false
		}
		if isFirstName(toks[0]) {
			return s, true
		}
		// a given name the lexicon lacks: no English word at either end
		// ("Sven Olsen", not "Infra Chats" or "Open Ledgers")
		if isWord(strings.ToLower(toks[0])) || isWord(strings.ToLower(toks[n-1])) || isCoined(toks[0]) {
			return "", false
		}
		return s, true
	}
}

// parenTitle reports whether a parenthetical reads as a title rather than
// an affiliation or a role: three or more words with a small word among
// them ("caching for beginners", "taming the scheduler").
func parenTitle(x *extractor, s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) < 3 || x.isRole(s) {
		return false
	}
	for _, w := range ws[1:] {
		if x.rules.stop[w] {
			return true
		}
	}
	return false
}

// hasPieceSep is a cheap test that s may hold a comma or a separator
// (" - ", "—", "–", "|"), so that the splitting regexps run only where they
// can split.
func hasPieceSep(s string) bool {
	return containsAny(s, ",—–|") || strings.Contains(s, " -")
}

// cutPrefixFold is strings.CutPrefix, ignoring case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
