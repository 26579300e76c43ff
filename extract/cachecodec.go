package extract

import (
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// The cache's codec: a file's per-file stages (its lines, its plan, its
// walk) as bytes and back. The walk's result is a small pointer graph
// (lines, evidence and entries shared by mentions, contexts and the walk's
// log), so each kind of pointer is written as an index into a table of its
// own, and decoding rebuilds the same sharing: two mentions of one line
// point to one Evidence again, as walkFile left them. Decoded strings are
// substrings of the cache's bytes, which are held as one string, so a
// decoded file costs no allocation per string.
//
// The format is the program's own: the cache is keyed by the running
// executable (cache.go), so a changed codec never reads another's bytes.
// A decoder still checks every length and index against what it has
// read, and fails (errBadCache) rather than panics or builds a walk that
// points outside itself: the bytes come from a disk (FuzzCacheDecode).

var errBadCache = errors.New("cache entry is damaged")

// enc appends values to a byte slice: unsigned and signed varints, and
// strings and lists as a length and then their items. A list's length is
// written one up, so that 0 is nil and a nil list decodes as nil.
type enc struct{ b []byte }

func (e *enc) u(v int) { e.b = binary.AppendUvarint(e.b, uint64(v)) }
func (e *enc) i(v int) { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *enc) flag(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *enc) str(s string) { e.u(len(s)); e.b = append(e.b, s...) }

// list writes a list's length, one up (0 for nil).
func (e *enc) list(n int, isNil bool) {
	if isNil {
		e.u(0)
		return
	}
	e.u(n + 1)
}

func (e *enc) strs(ss []string) {
	e.list(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *enc) ints(vs []int) {
	e.list(len(vs), vs == nil)
	for _, v := range vs {
		e.i(v)
	}
}

// dec reads what enc wrote from s. A read past the end, or a value out of
// its range, sets no error but panics with errBadCache: the decoders are
// straight-line code, and decodeUnit and decodeWalk recover (caught).
type dec struct {
	s string
	p int
}

func (d *dec) fail() { panic(errBadCache) }

func (d *dec) u64() uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if d.p >= len(d.s) || shift > 63 {
			d.fail()
		}
		c := d.s[d.p]
		d.p++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
}

// u reads an unsigned value of at most max.
func (d *dec) u(max int) int {
	v := d.u64()
	if v > uint64(max) {
		d.fail()
	}
	return int(v)
}

// i reads a signed value in [lo, hi).
func (d *dec) i(lo, hi int) int {
	u := d.u64()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	if v < int64(lo) || v >= int64(hi) {
		d.fail()
	}
	return int(v)
}

// end fails unless everything has been read.
func (d *dec) end() {
	if d.p != len(d.s) {
		d.fail()
	}
}

// idx reads an index into a list of n.
func (d *dec) idx(n int) int {
	if n <= 0 {
		d.fail()
	}
	return d.u(n - 1)
}

func (d *dec) flag() bool {
	if d.p >= len(d.s) || d.s[d.p] > 1 {
		d.fail()
	}
	d.p++
	return d.s[d.p-1] == 1
}

// left reads a count of bytes or items that follow, each a byte at least:
// at most what is left after it.
func (d *dec) left() int {
	v := d.u64()
	if v > uint64(len(d.s)-d.p) {
		d.fail()
	}
	return int(v)
}

func (d *dec) str() string {
	n := d.left()
	s := d.s[d.p : d.p+n]
	d.p += n
	return s
}

// count reads a count of items that follow, each a byte at least.
func (d *dec) count() int { return d.left() }

// sub writes s as a part of within when it is one (an offset and a length:
// a line's text in its source, a name in its line), or else whole.
func (e *enc) sub(s, within string) {
	if k := strings.Index(within, s); s != "" && k >= 0 {
		e.u(k + 1)
		e.u(len(s))
		return
	}
	e.u(0)
	e.str(s)
}

func (d *dec) sub(within string) string {
	k := d.u(len(within))
	if k == 0 {
		return d.str()
	}
	n := d.u(len(within) - (k - 1))
	return within[k-1 : k-1+n]
}

// subs writes a list of strings, each as sub.
func (e *enc) subs(ss []string, within string) {
	e.list(len(ss), ss == nil)
	for _, s := range ss {
		e.sub(s, within)
	}
}

func (d *dec) subs(within string) []string {
	n, isNil := d.list()
	if isNil {
		return nil
	}
	ss := make([]string, n)
	for k := range ss {
		ss[k] = d.sub(within)
	}
	return ss
}

// list reads a list's length; nil reports a nil list. Every item takes a
// byte at least, so a length beyond the bytes left is damage, found before
// anything is allocated for it.
func (d *dec) list() (n int, isNil bool) {
	v := d.u64()
	if v > uint64(len(d.s)-d.p+1) {
		d.fail()
	}
	if v == 0 {
		return 0, true
	}
	return int(v - 1), false
}

func (d *dec) strs() []string {
	n, isNil := d.list()
	if isNil {
		return nil
	}
	ss := make([]string, n)
	for k := range ss {
		ss[k] = d.str()
	}
	return ss
}

// ints reads a list of values in [lo, hi).
func (d *dec) ints(lo, hi int) []int {
	n, isNil := d.list()
	if isNil {
		return nil
	}
	vs := make([]int, n)
	for k := range vs {
		vs[k] = d.i(lo, hi)
	}
	return vs
}

// maxInt bounds the values the codec reads where no table does: line
// numbers, levels, depths.
const maxInt = 1 << 31

// encLine writes line l; ev is the index, one up, of its evidence (0: none).
func (e *enc) line(l *line, ev int, raw string) {
	e.u(int(l.N))
	e.u(int(l.Level))
	e.u(int(l.Depth))
	// Raw, or the source line it repeats (a finder's part of a line keeps
	// its line's source); then Text, most often part of Raw
	if raw != "" && l.Raw == raw {
		e.u(1)
	} else {
		e.u(0)
		e.str(l.Raw)
	}
	e.sub(l.Text, l.Raw)
	e.u(ev)
	e.b = append(e.b, byte(l.Kind))
	e.flag(l.Quote)
	e.flag(l.Item)
	e.flag(l.First)
	e.flag(l.Bold)
	p := l.lineParts
	switch {
	case p == nil:
		e.u(0)
	case p == &noParts:
		e.u(1)
	default:
		e.u(2)
		// the parts' strings are most often parts of the source line
		e.list(len(p.Links), p.Links == nil)
		for _, k := range p.Links {
			e.sub(k.Text, l.Raw)
			e.sub(k.URL, l.Raw)
		}
		e.subs(p.Codes, l.Raw)
		m := p.moreParts
		switch {
		case m == nil:
			e.u(0)
		case m == &noMore:
			e.u(1)
		default:
			e.u(2)
			e.subs(m.Emph, l.Raw)
			e.subs(m.Wiki, l.Raw)
			e.subs(m.Cells, l.Raw)
			e.subs(m.Header, l.Raw)
		}
	}
}

// line reads a line into l; evs are the unit's evidence.
func (d *dec) line(l *line, evs []*graph.Evidence, raw string) {
	l.N = int32(d.u(math.MaxInt32))
	l.Level = int8(d.u(math.MaxInt8))
	l.Depth = int16(d.u(math.MaxInt16))
	if d.u(1) == 1 {
		l.Raw = raw
	} else {
		l.Raw = d.str()
	}
	l.Text = d.sub(l.Raw)
	if ev := d.u(len(evs)); ev > 0 {
		l.ev = evs[ev-1]
	}
	k := d.u(int(kindBreak))
	l.Kind = lineKind(k)
	l.Quote, l.Item, l.First, l.Bold = d.flag(), d.flag(), d.flag(), d.flag()
	switch d.u(2) {
	case 0:
	case 1:
		l.lineParts = &noParts
	case 2:
		p := &lineParts{}
		if n, isNil := d.list(); !isNil {
			p.Links = make([]link, n)
			for k := range p.Links {
				p.Links[k] = link{Text: d.sub(l.Raw), URL: d.sub(l.Raw)}
			}
		}
		p.Codes = d.subs(l.Raw)
		switch d.u(2) {
		case 1:
			p.moreParts = &noMore
		case 2:
			p.moreParts = &moreParts{Emph: d.subs(l.Raw), Wiki: d.subs(l.Raw), Cells: d.subs(l.Raw), Header: d.subs(l.Raw)}
		}
		l.lineParts = p
	}
}

func (e *enc) meta(m meta) { e.str(m.Title); e.str(m.Author); e.str(m.Speaker) }

func (d *dec) meta() meta { return meta{Title: d.str(), Author: d.str(), Speaker: d.str()} }

// plan writes a file's plan (talkplan.go).
func (e *enc) plan(p *filePlan) {
	e.str(p.file)
	e.i(p.title)
	e.list(len(p.talks), p.talks == nil)
	for k := range p.talks {
		e.plannedTalk(&p.talks[k])
	}
	e.flag(p.noSpeaker != nil)
	if p.noSpeaker != nil {
		e.plannedTalk(p.noSpeaker)
	}
}

func (e *enc) plannedTalk(t *plannedTalk) {
	e.b = append(e.b, byte(t.scope))
	e.i(t.head)
	e.i(t.end)
	e.u(t.level)
	e.str(t.slots.title)
	e.str(t.slots.kind)
	e.list(len(t.slots.speakers), t.slots.speakers == nil)
	for _, s := range t.slots.speakers {
		e.str(s.name)
		e.str(s.org)
		e.str(s.handle)
	}
	e.strs(t.aliases)
	e.ints(t.skip)
	e.str(t.key)
}

func (d *dec) plan() filePlan {
	p := filePlan{file: d.str(), title: d.i(-1, maxInt)}
	if n, isNil := d.list(); !isNil {
		p.talks = make([]plannedTalk, n)
		for k := range p.talks {
			p.talks[k] = d.plannedTalk()
		}
	}
	if d.flag() {
		t := d.plannedTalk()
		p.noSpeaker = &t
	}
	return p
}

func (d *dec) plannedTalk() plannedTalk {
	t := plannedTalk{scope: talkScope(d.u(int(scopeIndex)))}
	t.head = d.i(-1, maxInt)
	t.end = d.i(-1, maxInt)
	t.level = d.u(maxInt)
	t.slots.title = d.str()
	t.slots.kind = d.str()
	if n, isNil := d.list(); !isNil {
		t.slots.speakers = make([]slotPerson, n)
		for k := range t.slots.speakers {
			t.slots.speakers[k] = slotPerson{name: d.str(), org: d.str(), handle: d.str()}
		}
	}
	t.aliases = d.strs()
	t.skip = d.ints(-1, maxInt)
	t.key = d.str()
	return t
}

// countRead is one read of the corpus's word counts by a file's plan or
// walk: whether the word is written twice or more (the only question
// either asks of a count). A cached plan or walk holds while every read
// gives the same answer.
type countRead struct {
	word string
	many bool
}

func (e *enc) reads(rs []countRead) {
	e.u(len(rs))
	for _, r := range rs {
		e.str(r.word)
		e.flag(r.many)
	}
}

func (d *dec) reads() []countRead {
	n := d.count()
	rs := make([]countRead, n)
	for k := range rs {
		rs[k] = countRead{word: d.str(), many: d.flag()}
	}
	return rs
}

// wordCount is a word and how often a file writes it: a file's share of
// the corpus's word counts (extractor.count).
type wordCount struct {
	word string
	n    int
}

// countsPart encodes a file's word counts, sorted by word.
func countsPart(m map[string]int) string {
	var e enc
	e.u(len(m))
	for _, w := range slices.Sorted(maps.Keys(m)) {
		e.str(w)
		e.u(m[w])
	}
	return string(e.b)
}

func (d *dec) wordCounts() []wordCount {
	ws := make([]wordCount, d.count())
	for k := range ws {
		ws[k] = wordCount{word: d.str(), n: d.u(maxInt)}
	}
	return ws
}

// typeCode writes a node or relation type: a fixed code as itself, a rules
// file's type by name (its code is this process's).
func (e *enc) typeCode(c uint16, cs *codes) {
	if int(c) < len(cs.builtin) {
		e.u(int(c))
		return
	}
	e.u(len(cs.builtin))
	e.str(cs.names[c])
}

func (d *dec) typeCode(cs *codes) uint16 {
	c := d.u(len(cs.builtin))
	if c < len(cs.builtin) {
		return uint16(c)
	}
	return cs.of(d.str())
}

// walkTables numbers the pointers of one file's walk: its lines (those of
// the file, then any a finder made of part of one), evidence and entries.
type walkTables struct {
	lineOf  map[*line]int
	extra   []*line
	evOf    map[*graph.Evidence]int
	evs     []*graph.Evidence
	entryOf map[*entry]int
	entries []*entry
}

func (t *walkTables) ev(ev *graph.Evidence) int {
	if ev == nil {
		return 0
	}
	if k, ok := t.evOf[ev]; ok {
		return k + 1
	}
	t.evOf[ev] = len(t.evs)
	t.evs = append(t.evs, ev)
	return len(t.evs)
}

func (t *walkTables) line(l *line) int {
	if k, ok := t.lineOf[l]; ok {
		return k
	}
	t.lineOf[l] = len(t.lineOf)
	t.extra = append(t.extra, l)
	return t.lineOf[l]
}

// entry numbers entry e and those it leads to (sub).
func (t *walkTables) entry(e *entry) {
	for ; e != nil; e = e.sub {
		if _, ok := t.entryOf[e]; ok {
			return
		}
		t.entryOf[e] = len(t.entries)
		t.entries = append(t.entries, e)
	}
}

// ref is an entry's index one up, 0 for nil, once entry numbered it.
func (t *walkTables) ref(e *entry) int {
	if e == nil {
		return 0
	}
	return t.entryOf[e] + 1
}

// encodeFile writes a file's lines and meta after its walk, and its walk
// (walkFile's extractor f).
func encodeFile(e *enc, file string, lines []line, m meta, f *extractor) {
	t := walkTables{lineOf: map[*line]int{}, evOf: map[*graph.Evidence]int{}, entryOf: map[*entry]int{}}
	for k := range lines {
		t.lineOf[&lines[k]] = k
	}
	// number everything first: the tables are written before what
	// points into them
	for k := range f.ms {
		t.ev(f.ms[k].ev)
	}
	for _, k := range slices.Sorted(maps.Keys(f.relEv)) {
		t.ev(f.relEv[k])
	}
	for k := range lines {
		t.ev(lines[k].ev)
	}
	for _, c := range f.ctxs {
		t.line(c.l)
		t.entry(c.e)
	}
	for _, l := range t.extra {
		t.ev(l.ev)
	}
	for _, k := range slices.Sorted(maps.Keys(f.talks)) {
		t.entry(f.talks[k])
	}
	for _, k := range slices.Sorted(maps.Keys(f.byPer)) {
		t.entry(f.byPer[k])
	}
	for _, op := range f.log.ops {
		for _, en := range []*entry{op.e, op.byTitle, op.bySpeaker, op.prev, op.adopt} {
			t.entry(en)
		}
	}

	// a line's own evidence (evidence()) is written as the line's index
	evLine := map[*graph.Evidence]int{}
	for k := range lines {
		if ev := lines[k].ev; ev != nil {
			evLine[ev] = k
		}
	}
	for k, l := range t.extra {
		if _, ok := evLine[l.ev]; l.ev != nil && !ok {
			evLine[l.ev] = len(lines) + k
		}
	}
	lineAt := func(k int) *line {
		if k < len(lines) {
			return &lines[k]
		}
		return t.extra[k-len(lines)]
	}
	e.meta(m)
	e.u(len(t.evs))
	for _, ev := range t.evs {
		if k, ok := evLine[ev]; ok {
			if l := lineAt(k); ev.File == file && ev.Line == int(l.N) && ev.Text == evidenceText(l.Raw) {
				e.u(k + 1)
				continue
			}
		}
		e.u(0)
		e.str(ev.File)
		e.u(ev.Line)
		e.str(ev.Text)
	}
	e.u(len(lines))
	for k := range lines {
		e.line(&lines[k], t.ev(lines[k].ev), "")
	}
	// a finder's part of a line keeps the line's number and source
	byN := map[int32]int{}
	for k := len(lines) - 1; k >= 0; k-- {
		byN[lines[k].N] = k
	}
	e.u(len(t.extra))
	for _, l := range t.extra {
		k, ok := byN[l.N]
		if !ok || lines[k].Raw != l.Raw {
			e.u(0)
			e.line(l, t.ev(l.ev), "")
			continue
		}
		e.u(k + 1)
		e.line(l, t.ev(l.ev), lines[k].Raw)
	}

	e.u(len(f.ms))
	for k := range f.ms {
		m := &f.ms[k]
		e.u(t.ev(m.ev))
		if m.ev != nil {
			e.sub(m.name, m.ev.Text)
		} else {
			e.str(m.name)
		}
		e.typeCode(uint16(m.t), nodeTypes)
		e.i(int(m.str))
		e.flag(m.url)
		e.flag(m.loose)
		e.flag(m.gone)
	}
	e.u(len(f.rels))
	for k := range f.rels {
		r := &f.rels[k]
		e.u(int(r.from))
		e.u(int(r.to))
		e.b = append(e.b, byte(r.evOf))
		e.typeCode(uint16(r.typ), relTypes)
	}
	e.u(len(f.relEv))
	for _, k := range slices.Sorted(maps.Keys(f.relEv)) {
		e.u(int(k))
		e.u(t.ev(f.relEv[k]))
	}
	e.u(len(f.uf))
	for _, p := range f.uf {
		e.u(int(p))
	}

	e.u(len(t.entries))
	for _, en := range t.entries {
		e.b = append(e.b, byte(en.kind))
		e.i(en.talk)
		e.ints(en.speakers)
		e.i(en.subject)
		e.i(en.level)
		e.u(t.ref(en.sub))
		e.flag(en.prose)
	}

	e.u(len(f.ctxs))
	for _, c := range f.ctxs {
		if *c.file == file {
			e.u(0)
		} else {
			e.u(1)
			e.str(*c.file)
		}
		e.u(t.line(c.l))
		e.u(t.ref(c.e))
		e.i(int(c.head))
		e.u(len(c.spans))
		for _, s := range c.spans {
			e.u(int(s.a))
			e.u(int(s.b))
			e.i(int(s.m))
		}
		e.flag(c.created)
		e.flag(c.title)
		e.flag(c.loose)
		e.flag(c.self != nil)
		if c.self != nil {
			e.i(c.self.author)
			e.list(len(c.self.spans), c.self.spans == nil)
			for _, fp := range c.self.spans {
				e.i(fp[0])
				e.i(fp[1])
			}
		}
	}

	e.str(f.title)
	entryMap := func(m map[string]*entry) {
		e.u(len(m))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			e.str(k)
			e.u(t.ref(m[k]))
		}
	}
	entryMap(f.talks)
	entryMap(f.byPer)
	e.u(len(f.eventOf))
	for _, k := range slices.Sorted(maps.Keys(f.eventOf)) {
		e.u(k)
		e.str(f.eventOf[k])
	}
	e.u(len(f.eventM))
	for _, k := range slices.Sorted(maps.Keys(f.eventM)) {
		e.str(k)
		e.u(f.eventM[k])
	}
	e.u(len(f.log.ops))
	for _, op := range f.log.ops {
		e.b = append(e.b, byte(op.kind))
		e.str(op.key)
		e.u(t.ref(op.e))
		if op.kind == opStart {
			e.strs(op.people)
			e.i(op.t)
			e.u(t.ref(op.byTitle))
			e.u(t.ref(op.bySpeaker))
			e.u(t.ref(op.prev))
			e.u(t.ref(op.adopt))
		}
	}
	e.u(len(f.log.fileTalks))
	for _, ft := range f.log.fileTalks {
		e.str(ft.key)
		e.u(ft.talk)
	}
	e.flag(len(f.explicitOnly) > 0)
}

// decodedFile is a file's lines as the cache holds them, with the
// evidence of the file's walk.
type decodedFile struct {
	lines []line
	meta  meta
	evs   []*graph.Evidence
	extra []line
}

// file reads what encodeFile wrote up to the walk: the meta, the evidence,
// the lines.
func (d *dec) file(file string) decodedFile {
	var f decodedFile
	f.meta = d.meta()
	n := d.count()
	f.evs = make([]*graph.Evidence, n)
	evs := make([]graph.Evidence, n)
	ofLine := make([]int, n) // a line's own evidence: its index, one up
	for k := range evs {
		f.evs[k] = &evs[k]
		if ofLine[k] = d.u(maxInt); ofLine[k] == 0 {
			evs[k] = graph.Evidence{File: d.str(), Line: d.u(maxInt), Text: d.str()}
		}
	}
	n = d.count()
	f.lines = make([]line, n)
	for k := range f.lines {
		d.line(&f.lines[k], f.evs, "")
	}
	n = d.count()
	f.extra = make([]line, n)
	for k := range f.extra {
		raw := ""
		if r := d.u(len(f.lines)); r > 0 {
			raw = f.lines[r-1].Raw
		}
		d.line(&f.extra[k], f.evs, raw)
	}
	for k, li := range ofLine {
		if li == 0 {
			continue
		}
		var l *line
		switch li--; {
		case li < len(f.lines):
			l = &f.lines[li]
		case li-len(f.lines) < len(f.extra):
			l = &f.extra[li-len(f.lines)]
		default:
			d.fail()
		}
		evs[k] = graph.Evidence{File: file, Line: int(l.N), Text: evidenceText(l.Raw)}
	}
	return f
}

// walk reads file df's walk into a new extractor that shares x's rules,
// counts and plans, as walkFile's does. Mention and entry indices are
// checked against what the walk holds.
func (d *dec) walk(x *extractor, file string, df *decodedFile) *extractor {
	f := x.fileExtractor()
	evs := df.evs
	n := d.count()
	f.ms = make([]mention, n)
	for k := range f.ms {
		m := &f.ms[k]
		if ev := d.u(len(evs)); ev > 0 {
			m.ev = evs[ev-1]
			m.name = d.sub(m.ev.Text)
		} else {
			m.name = d.str()
		}
		m.t = nodeType(d.typeCode(nodeTypes))
		m.str = int8(d.i(-128, 128))
		m.url, m.loose, m.gone = d.flag(), d.flag(), d.flag()
	}
	nm := len(f.ms)
	n = d.count()
	f.rels = make([]relation, n)
	for k := range f.rels {
		r := &f.rels[k]
		r.from = int32(d.idx(nm))
		r.to = int32(d.idx(nm))
		r.evOf = evSource(d.u(int(evOwn)))
		r.typ = relType(d.typeCode(relTypes))
	}
	if n = d.count(); n > 0 {
		f.relEv = make(map[int32]*graph.Evidence, n)
		for range n {
			k := d.idx(len(f.rels))
			ev := d.u(len(evs))
			if ev == 0 || f.rels[k].evOf != evOwn {
				d.fail()
			}
			f.relEv[int32(k)] = evs[ev-1]
		}
	}
	n = d.count()
	if n != nm {
		d.fail()
	}
	f.uf = make([]int32, n)
	for k := range f.uf {
		f.uf[k] = int32(d.idx(nm))
	}

	n = d.count()
	entries := make([]entry, n)
	subs := make([]int, n)
	for k := range entries {
		en := &entries[k]
		en.kind = entryKind(d.u(int(entLabel)))
		en.talk = d.i(-1, nm)
		en.speakers = d.ints(-1, nm)
		en.subject = d.i(-1, nm)
		en.level = d.i(-maxInt, maxInt)
		subs[k] = d.u(n)
		en.prose = d.flag()
	}
	ref := func(k int) *entry {
		if k == 0 {
			return nil
		}
		return &entries[k-1]
	}
	for k := range entries {
		entries[k].sub = ref(subs[k])
	}
	entryRef := func() *entry { return ref(d.u(len(entries))) }

	n = d.count()
	ctxs := make([]lineCtx, n)
	f.ctxs = make([]*lineCtx, n)
	nl := len(df.lines) + len(df.extra)
	name := &file // shared by the file's contexts, as walkFile shares it
	for k := range ctxs {
		c := &ctxs[k]
		c.file = name
		if d.u(1) == 1 {
			other := d.str()
			c.file = &other
		}
		li := d.idx(nl)
		if li < len(df.lines) {
			c.l = &df.lines[li]
		} else {
			c.l = &df.extra[li-len(df.lines)]
		}
		c.e = entryRef()
		c.head = int32(d.i(-1, nm))
		if ns := d.left(); ns > 0 {
			c.spans = make([]span, ns)
			for s := range c.spans {
				c.spans[s] = span{a: int32(d.u(maxInt)), b: int32(d.u(maxInt)), m: int32(d.i(-1, nm))}
			}
		}
		c.created, c.title, c.loose = d.flag(), d.flag(), d.flag()
		if d.flag() {
			c.self = &selfSpans{author: d.i(-1, nm)}
			if nf, isNil := d.list(); !isNil {
				c.self.spans = make([][2]int, nf)
				for s := range c.self.spans {
					c.self.spans[s] = [2]int{d.i(-maxInt, maxInt), d.i(-maxInt, maxInt)}
				}
			}
		}
		f.ctxs[k] = c
	}

	f.title = d.str()
	entryMap := func(m map[string]*entry) {
		n := d.count()
		for range n {
			k := d.str()
			m[k] = entryRef()
		}
	}
	entryMap(f.talks)
	entryMap(f.byPer)
	n = d.count()
	for range n {
		k := d.idx(nm)
		f.eventOf[k] = d.str()
	}
	n = d.count()
	for range n {
		k := d.str()
		f.eventM[k] = d.idx(nm)
	}
	n = d.count()
	f.log.ops = make([]walkOp, n)
	for k := range f.log.ops {
		op := &f.log.ops[k]
		op.kind = opKind(d.u(int(opStart)))
		op.key = d.str()
		op.e = entryRef()
		if op.kind == opStart {
			op.people = d.strs()
			op.t = d.i(-1, nm)
			op.byTitle, op.bySpeaker, op.prev, op.adopt = entryRef(), entryRef(), entryRef(), entryRef()
		}
	}
	n = d.count()
	for range n {
		f.log.fileTalks = append(f.log.fileTalks, fileTalkOp{key: d.str(), talk: d.idx(nm)})
	}
	if d.flag() {
		f.explicitOnly[file] = df.lines
	}
	d.end()
	return f
}
