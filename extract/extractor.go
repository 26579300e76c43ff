package extract

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// mention is one place where the notes name something. There are
// millions (1.4M on 10k generated notes): the small fields are packed
// together, after the words (32 bytes).
type mention struct {
	name string
	ev   *graph.Evidence // shared by every mention and relation of its line (evidence)
	t    nodeType        // type hint (typ)
	str  int8            // how sure the type hint is (0–10; 100 for the name a rules merge gives)
	url  bool
	// loose: found by a finder that reads shapes of words (capitals, short
	// lines, subjects) rather than something the notes make explicit
	// (a link, code, a cue phrase); kept only in files that read as talk
	// notes (keepToExplicit)
	loose bool
	gone  bool // dropped (keepToExplicit, keepExplicit): no node, no edge
}

// relation is a statement that links two mentions (12 bytes: 1.9M of them
// on 10k generated notes). Its evidence is the line of one of its two
// mentions but for a few: which one is evOf, and the few keep theirs in
// extractor.relEv (relEvidence).
type relation struct {
	from, to int32 // mention indices
	typ      relType
	evOf     evSource
}

// evSource says where a relation's evidence is.
type evSource uint8

const (
	evTo   evSource = iota // the evidence of mention to
	evFrom                 // of mention from
	evOwn                  // its own, in relEv under the relation's index
)

// relType is a relation's type (graph.Gave, a rules cue's type) and
// nodeType a mention's type hint (graph.Person, a rules file's type; ""
// for none), each as a code of two bytes rather than a string of sixteen.
type (
	relType  uint16
	nodeType uint16
)

// The graph package's types have fixed codes, found without a lock; any
// other (a rules file's) is given one the first time it is seen.
var (
	relTypes = newCodes(graph.Gave, graph.Covers, graph.Created, graph.WorksAt, graph.SimilarTo,
		graph.RelatedTo, graph.Uses, graph.At, graph.LinksTo)
	nodeTypes = newCodes("", graph.Person, graph.Talk, graph.Tool, graph.Concept, graph.Organization,
		graph.Event, graph.Link, graph.Note, graph.Tag, graph.Attachment)
)

// codes gives names codes: a fixed list's first, then each new name the
// next.
type codes struct {
	builtin []string
	sync.Mutex
	code  map[string]uint16
	names [1 << 16]string // written once per code, under the lock, before the code is handed out
}

func newCodes(builtin ...string) *codes {
	c := &codes{builtin: builtin, code: map[string]uint16{}}
	copy(c.names[:], builtin)
	return c
}

// of returns the code of name s.
func (cs *codes) of(s string) uint16 {
	for i, b := range cs.builtin {
		if s == b {
			return uint16(i)
		}
	}
	cs.Lock()
	defer cs.Unlock()
	if c, ok := cs.code[s]; ok {
		return c
	}
	c := uint16(len(cs.builtin) + len(cs.code))
	if int(c) < len(cs.builtin) {
		panic("extract: more than 65,000 types")
	}
	cs.names[c] = s
	cs.code[s] = c
	return c
}

// relCode returns the code of relation type t.
func relCode(t string) relType { return relType(relTypes.of(t)) }

// name is the relation type's name: a code is handed out (relCode) before
// any relation holds it, so its name is written before it is read.
func (c relType) name() string { return relTypes.names[c] }

// nodeCode returns the code of type hint t.
func nodeCode(t string) nodeType { return nodeType(nodeTypes.of(t)) }

// name is the type hint's name, as relType's.
func (c nodeType) name() string { return nodeTypes.names[c] }

// typ is the mention's type hint; "" when unknown.
func (m *mention) typ() string { return m.t.name() }

// setTyp sets the mention's type hint.
func (m *mention) setTyp(t string) { m.t = nodeCode(t) }

type entryKind uint8

const (
	entTalk   entryKind = iota // a talk: speakers, a title, notes that it COVERS
	entPerson                  // a speaker whose talk has no title in the notes
	entThing                   // a tool's, topic's or organization's own entry: RELATED_TO
	entLabel                   // "Learn:", "Day 1": groups things, is not one
)

// entry is a block of notes about one subject: a heading or a head line and
// the lines under it, up to the next entry.
type entry struct {
	kind     entryKind
	talk     int   // mention of the talk, or -1
	speakers []int // mentions of its speakers
	subject  int   // mention everything in the entry relates to, or -1
	level    int   // heading level that opened it; 0 for a paragraph head, 10+depth for a list item
	sub      *entry
	prose    bool // opened by a sentence of running prose: it ends with its paragraph
}

func (e *entry) ctxEntry() *entry {
	if e != nil && e.kind == entLabel && e.sub != nil {
		return e.sub
	}
	return e
}

// extractor holds the state of one extraction over all files.
type extractor struct {
	rules *compiled
	ms    []mention
	rels  []relation
	relEv map[int32]*graph.Evidence // the evidence of the relations that have their own (evOwn), by index
	uf    []int32                   // union-find parent over ms

	counts map[string]int // lower-case word counts over all notes, URLs excluded
	ctxs   []*lineCtx     // content lines, read again by pass 2
	title  string

	talks map[string]*entry // talk title key → its entry
	byPer map[string]*entry // person key → the entry of their latest talk
	known *knownIndex       // names seen in strong positions, for pass 2
	prose proseSpeaker      // the speaker of the latest line of prose, for "she", "he"
	// eventOf maps a talk mention to the event of its file: the talk's
	// "event" property, and an AT edge to the event's node.
	eventOf map[int]string
	// eventM maps an event's name to its first mention.
	eventM map[string]int
	// plans are the files' entry templates (talkplan.go), by file name.
	plans map[string]*filePlan
	// talkByFile maps a talk's identity ("file:NAME") to its first mention:
	// an index page's item and the talk's own file are one talk.
	talkByFile map[string]int
	// explicitOnly holds the lines of the files that do not read as talk
	// notes (keepToExplicit), by file name: keepExplicit reads them again
	// once pass 2 is done.
	explicitOnly map[string][]line
	// log, when set, records the reads and writes of the maps above that
	// other files share: the extractor walks one file (walkmerge.go).
	log *walkLog
	// logReads, set on a file's own extractor when the run has a cache,
	// makes many record its answers in reads (cache.go).
	logReads bool
	reads    []countRead
	// read and cont are what the walk's finders know of the line they
	// read besides its context: its words and the next line of its
	// paragraph (words, contOf)
	read readLine
	cont contLine
}

// many reports whether the lower-case word low is written twice or more in
// the notes: the one question the per-file stages ask of the corpus's
// counts (a cache keeps the answers, cache.go).
func (x *extractor) many(low string) bool {
	m := x.counts[low] >= 2
	if x.logReads {
		x.reads = append(x.reads, countRead{word: low, many: m})
	}
	return m
}

func newExtractor(r *Rules) *extractor {
	return &extractor{
		rules:   compiledRules(r),
		counts:  map[string]int{},
		talks:   map[string]*entry{},
		eventOf: map[int]string{},
		eventM:  map[string]int{},
		byPer:   map[string]*entry{},
		prose:   proseSpeaker{m: -1},
		plans:   map[string]*filePlan{},

		talkByFile:   map[string]int{},
		explicitOnly: map[string][]line{},
	}
}

// add records a mention found on c's line; it belongs to the span taken last.
func (x *extractor) add(c *lineCtx, name, typ string, str int) int {
	m := x.addEv(name, typ, str, c.ev())
	x.ms[m].loose = c.loose
	if n := len(c.spans); n > 0 && c.spans[n-1].m < 0 {
		c.spans[n-1].m = int32(m)
	}
	return m
}

func (x *extractor) addEv(name, typ string, str int, ev *graph.Evidence) int {
	// an example's stand-in for the reader's value ("YOUR_API_KEY") is no
	// name, nor is a file's ("notes.md", "urls.py")
	gone := placeholder(name) || typ != graph.Link && (fileName(name) || siteName(name))
	x.ms = append(x.ms, mention{name: name, t: nodeCode(typ), str: int8(str), ev: ev, gone: gone})
	x.uf = append(x.uf, int32(len(x.uf)))
	return len(x.ms) - 1
}

func (x *extractor) relate(a int, typ string, b int, ev *graph.Evidence) {
	if a < 0 || b < 0 || a == b {
		return
	}
	r := relation{from: int32(a), to: int32(b), typ: relCode(typ)}
	switch ev {
	case x.ms[b].ev:
		r.evOf = evTo
	case x.ms[a].ev:
		r.evOf = evFrom
	default:
		x.ownEvidence(len(x.rels), &r, ev)
	}
	x.rels = append(x.rels, r)
}

// ownEvidence gives relation r, at index i, evidence of its own.
func (x *extractor) ownEvidence(i int, r *relation, ev *graph.Evidence) {
	if x.relEv == nil {
		x.relEv = map[int32]*graph.Evidence{}
	}
	r.evOf = evOwn
	x.relEv[int32(i)] = ev
}

// relEvidence is the evidence of relation i.
func (x *extractor) relEvidence(i int) *graph.Evidence {
	switch r := x.rels[i]; r.evOf {
	case evTo:
		return x.ms[r.to].ev
	case evFrom:
		return x.ms[r.from].ev
	}
	return x.relEv[int32(i)]
}

// attach relates a new mention to the entry it stands in (COVERS for a
// talk, RELATED_TO for a thing) and, when it stands in the description part
// of a "X - description" line, to X.
func (x *extractor) attach(c *lineCtx, m int, inDesc bool) {
	if m < 0 {
		return
	}
	ev := c.ev()
	if e := c.e; e != nil && e.subject >= 0 && e.subject != m {
		switch e.kind {
		case entTalk, entPerson:
			x.relate(e.subject, graph.Covers, m, ev)
		default:
			x.relate(e.subject, graph.RelatedTo, m, ev)
		}
	}
	if inDesc && c.head >= 0 && int(c.head) != m {
		x.relate(int(c.head), graph.RelatedTo, m, ev)
	}
	if c.self != nil && len(c.spans) > 0 && x.ms[m].typ() != graph.Link && x.ms[m].typ() != graph.Person {
		s := c.spans[len(c.spans)-1]
		for _, fp := range c.self.spans {
			if int(s.a) >= fp[0] && int(s.b) <= fp[1] {
				x.relate(c.self.author, graph.RelatedTo, m, ev)
				break
			}
		}
	}
	if c.created && c.e != nil && (m == int(c.head) || c.head < 0) && x.ms[m].typ() != graph.Link {
		for _, p := range c.e.speakers {
			x.relate(p, graph.Created, m, ev)
		}
	}
}

func (x *extractor) attachLink(c *lineCtx, li int) {
	ev := c.ev()
	switch {
	case c.head >= 0:
		x.relate(int(c.head), graph.LinksTo, li, ev)
	case c.e != nil && c.e.subject >= 0:
		x.relate(c.e.subject, graph.LinksTo, li, ev)
	}
}

var urlRE = regexp.MustCompile(`\b(?:https?://|www\.)\S+`)

// count adds a line's words to the word counts that tell a coined name used
// twice ("git") from a one-off typo.
func (x *extractor) count(text string) {
	if strings.Contains(text, "://") || strings.Contains(text, "www.") {
		text = urlRE.ReplaceAllString(text, " ")
	}
	eachWord(text, func(a, b int) { // tokenize's words, without their slice
		x.counts[strings.ToLower(stripPossessive(text[a:b]))]++
	})
}

// sectionKind returns the kind of section a heading announces, if any.
func (x *extractor) sectionKind(text string) (string, bool) {
	t := strings.ToLower(strings.Trim(text, " :*_#"))
	ws := strings.Fields(t)
	if len(ws) >= 3 && len(ws) <= 6 && strings.HasSuffix(ws[0], "s") {
		// a plural section word, then a lower-case tail: "Tools I want to
		// try", "Talks we missed", "Libraries worth checking out"
		if k, ok := x.rules.sections[ws[0]]; ok && !slices.ContainsFunc(ws[1:], func(w string) bool { return !x.rules.stop[w] && !isWord(w) }) {
			return k, true
		}
	}
	if len(ws) == 0 || len(ws) > 4 {
		return "", false
	}
	if k, ok := x.rules.sections[t]; ok {
		return k, true
	}
	// a section word at either end: "Favorite talks", "Tools I used", "Some of my favorite talks"
	for _, n := range []int{2, 1} {
		if len(ws) >= n {
			if k, ok := x.rules.sections[strings.Join(ws[len(ws)-n:], " ")]; ok {
				return k, true
			}
			if k, ok := x.rules.sections[strings.Join(ws[:n], " ")]; ok && len(ws) <= 2 {
				return k, true
			}
		}
	}
	if len(ws) == 5 || len(ws) == 4 {
		if k, ok := x.rules.sections[ws[len(ws)-1]]; ok {
			return k, true
		}
	}
	return "", false
}

// eventName turns a document title into its event's name:
// "DevConf Notes" → "DevConf", "GopherMeet 2031, a first …" → "GopherMeet 2031".
func (x *extractor) eventName(title string) string {
	t := strings.TrimSpace(title)
	// "Recap: DevConf 2031", "Notes — DevConf": a leading title word
	if i := indexAny(t, ":|—–"); i > 0 {
		head := strings.ToLower(strings.TrimSpace(t[:i]))
		head = strings.TrimPrefix(strings.TrimPrefix(head, "my "), "conference ")
		if slices.Contains(x.rules.titleSuffix, head) {
			_, after, _ := strings.Cut(t[i:], " ")
			t = strings.TrimSpace(after)
		}
	}
	// "Notes from DevConf 2031", "Thoughts on DevConf"
	if head, after, ok := strings.Cut(t, " "); ok {
		if prep, rest, ok := strings.Cut(after, " "); ok && slices.Contains(x.rules.titleSuffix, strings.ToLower(head)) {
			switch strings.ToLower(prep) {
			case "from", "on", "of", "at", "about":
				t = strings.TrimSpace(rest)
			}
		}
	}
	if i := indexAny(t, ",:|(—–"); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	t = strings.TrimSuffix(t, " -")
	// "KubeCon Notes 2031": a title word before the year
	if f := strings.Fields(t); len(f) >= 3 && yearRE.MatchString(f[len(f)-1]) && slices.Contains(x.rules.titleSuffix, strings.ToLower(f[len(f)-2])) {
		t = strings.Join(append(f[:len(f)-2:len(f)-2], f[len(f)-1]), " ")
	}
	// "GopherMeet 2031 talk links and notes": the name is the run of
	// capitalized words and numbers it opens with ("Days of Rust 2031" keeps
	// its small word)
	if f := strings.Fields(t); len(f) > 1 {
		n := 0
		for n < len(f) {
			w := f[n]
			if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(w, "#")); unicode.IsUpper(r) || unicode.IsDigit(r) {
				n++
				continue
			}
			if n > 0 && n+1 < len(f) && x.rules.stop[strings.ToLower(w)] {
				if r, _ := utf8.DecodeRuneInString(f[n+1]); unicode.IsUpper(r) {
					n += 2
					continue
				}
			}
			break
		}
		if n >= 2 && n < len(f) {
			t = strings.Join(f[:n], " ") // one capital is a sentence's: "Reading group"
		}
	}
	for changed := true; changed; {
		changed = false
		low := strings.ToLower(t)
		for _, s := range x.rules.titleSuffix {
			if strings.HasSuffix(low, " "+s) {
				t = strings.TrimSpace(t[:len(t)-len(s)-1])
				changed = true
				break
			}
		}
	}
	return t
}
