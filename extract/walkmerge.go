package extract

import (
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// The walk of each file runs on its own extractor (walkFile), on the pool,
// and an ordered merge (mergeWalk) then joins the files' results in input
// order, as if one extractor had walked them one after another. This file
// says how that stays exact.
//
// A file's walk reads four things that other files write: the talks by
// title (talks), the speakers' latest talks (byPer), the events' first
// mentions (eventM) and the talks by file identity (talkByFile). On its own
// extractor the walk sees only its own file's. So it records what it read
// and how it decided (walkLog), and the merge decides again with the whole
// corpus before it:
//
//   - eventM and talkByFile only give unions and the target of AT edges,
//     never a turn of the walk: the merge does them (mergeEvents,
//     fileTalks). Unions commute (the rules veto a pair of names, not an
//     order), so the classes are the same.
//   - startTalk's decision (priorTalk: is this a talk seen before, or the
//     talk of a speaker seen without one) changes unions, a mention's
//     surety and what the maps hold, not the walk's course: when the file
//     alone found nothing and the corpus finds an earlier file's talk, the
//     merge applies the corpus's decision.
//   - resume and resumeOrPerson turn the walk (which entry the next lines
//     belong to): the merge checks that the corpus gives the same entry the
//     file gave, and otherwise walks the file again on the corpus's
//     extractor, as before the split. So does every case the merge cannot
//     prove the same.
//
// Mention indices of a file's result count from 0; the merge shifts them
// by the mentions before it (shift). The result is byte-identical to one
// extractor walking all files (TestCoresSameOutput, and the corpus
// comparisons of issue 11).

// mergeWalks is false only in tests: every file is then walked on the
// corpus's extractor, one after another, which is what the merge must
// reproduce (TestWalkMerge). rewalkFile, set in tests, makes the merge
// walk the files it names again, as it does those the corpus would have
// walked another way, so that both kinds mix.
var (
	mergeWalks = true
	rewalkFile func(i int) bool
)

type opKind uint8

const (
	opReadTalk    opKind = iota // talks[key] read where the walk turns on it
	opReadPerson                // byPer[key] read where the walk turns on it
	opWritePerson               // byPer[key] = e
	opStart                     // startTalk: its reads, decision and writes
)

// walkOp is one read or write of the cross-file maps, in walk order.
type walkOp struct {
	kind opKind
	key  string
	e    *entry // read: what the file's walk found (nil: nothing); write, start: the entry written
	// opStart only
	people              []string
	t                   int    // the talk's mention
	byTitle, bySpeaker  *entry // what talkLookups gave the file's walk
	prev, adopt         *entry // what priorTalk decided on them
	corpusPrev, adopted *entry // set by the merge: the corpus's decision, when it differs
	corpus              bool   // the corpus decided differently (corpusPrev, adopted)
}

// walkLog is what a file's walk read and wrote of the cross-file maps.
type walkLog struct {
	ops       []walkOp
	fileTalks []fileTalkOp
}

type fileTalkOp struct {
	key  string
	talk int
}

func (x *extractor) lookTalk(key string) (*entry, bool) {
	e, ok := x.talks[key]
	if x.log != nil {
		x.log.ops = append(x.log.ops, walkOp{kind: opReadTalk, key: key, e: e})
	}
	return e, ok
}

func (x *extractor) lookPerson(key string) (*entry, bool) {
	e, ok := x.byPer[key]
	if x.log != nil {
		x.log.ops = append(x.log.ops, walkOp{kind: opReadPerson, key: key, e: e})
	}
	return e, ok
}

func (x *extractor) setPerson(key string, e *entry) {
	x.byPer[key] = e
	if x.log != nil {
		x.log.ops = append(x.log.ops, walkOp{kind: opWritePerson, key: key, e: e})
	}
}

func (x *extractor) logStart(key string, people []string, t int, e, byTitle, bySpeaker, prev, adopt *entry) {
	if x.log != nil {
		x.log.ops = append(x.log.ops, walkOp{kind: opStart, key: key, e: e, people: people, t: t,
			byTitle: byTitle, bySpeaker: bySpeaker, prev: prev, adopt: adopt})
	}
}

// fileTalk makes the talks of one file identity ("file:NAME") one talk.
// A file's own walk leaves it to the merge.
func (x *extractor) fileTalk(key string, talk int) {
	if x.log != nil {
		x.log.fileTalks = append(x.log.fileTalks, fileTalkOp{key: key, talk: talk})
		return
	}
	if prev, ok := x.talkByFile[key]; ok {
		x.union(prev, talk)
	} else {
		x.talkByFile[key] = talk
	}
}

// walkFile walks one file on an extractor of its own, which shares the
// corpus's rules, counts and plans (read only) and records its reads of the
// cross-file maps; with logReads, its reads of the counts too (cache.go).
func (x *extractor) walkFile(file string, lines []line, m meta, logReads bool) *extractor {
	f := x.fileExtractor()
	f.logReads = logReads
	f.walk(file, lines, m)
	f.keepToExplicit(0, 0, file, lines)
	return f
}

// fileExtractor is a new extractor for one file's walk: it shares x's
// rules, counts and plans, and logs its reads of the cross-file maps.
func (x *extractor) fileExtractor() *extractor {
	return &extractor{
		rules:   x.rules,
		counts:  x.counts,
		plans:   x.plans,
		talks:   map[string]*entry{},
		eventOf: map[int]string{},
		eventM:  map[string]int{},
		byPer:   map[string]*entry{},
		prose:   proseSpeaker{m: -1},
		log:     &walkLog{},

		explicitOnly: map[string][]line{},
	}
}

// mergeWalk joins file f's walk to x, or reports false, having changed
// nothing, when the corpus would have turned f's walk another way; the
// caller then walks the file on x.
func (x *extractor) mergeWalk(f *extractor) bool {
	if !x.checkWalk(f.log) {
		return false
	}
	base := len(x.ms)
	x.shift(f, base)
	for i := range f.log.ops {
		op := &f.log.ops[i]
		switch op.kind {
		case opWritePerson:
			x.byPer[op.key] = op.e
		case opStart:
			prev := op.prev
			if op.corpus {
				prev = op.corpusPrev
				t := op.t + base
				if op.adopted != nil {
					op.adopted.adopt(t)
				}
				if prev != nil && prev.talk >= 0 {
					x.union(t, prev.talk)
					x.ms[t].str = 5 // an alias, not the canonical title (startTalk)
				}
			}
			x.startWrites(op.key, op.people, prev, op.e)
		}
	}
	for _, ft := range f.log.fileTalks {
		x.fileTalk(ft.key, ft.talk+base)
	}
	x.mergeEvents(f, base)
	for file, lines := range f.explicitOnly {
		x.explicitOnly[file] = lines // read again after pass 2 (keepExplicit), in file order
	}
	if x.title == "" {
		x.title = f.title
	}
	return true
}

// checkWalk replays a file's reads on the corpus's maps, with the file's
// own writes laid over them, and reports whether each read gives what the
// file's walk got, or (startTalk) a decision the merge can apply. It
// writes only the ops' corpus decisions.
func (x *extractor) checkWalk(log *walkLog) bool {
	talks := map[string]*entry{}
	byPer := map[string]*entry{}
	// get returns the entry under key and whether it is the corpus's (an
	// earlier file's) rather than one this file wrote.
	get := func(own, corpus map[string]*entry, key string) (*entry, bool) {
		if e, ok := own[key]; ok {
			return e, false
		}
		e := corpus[key]
		return e, e != nil
	}
	adopted := map[*entry]bool{}
	for i := range log.ops {
		op := &log.ops[i]
		switch op.kind {
		case opReadTalk:
			if e, _ := get(talks, x.talks, op.key); e != op.e {
				return false
			}
		case opReadPerson:
			if e, _ := get(byPer, x.byPer, op.key); e != op.e {
				return false
			}
		case opWritePerson:
			byPer[op.key] = op.e
		case opStart:
			byTitle, tCorpus := get(talks, x.talks, op.key)
			var bySpeaker *entry
			sCorpus := false
			if len(op.people) > 0 {
				bySpeaker, sCorpus = get(byPer, x.byPer, graph.Slug(op.people[0]))
			}
			prev := op.prev
			if byTitle != op.byTitle || bySpeaker != op.bySpeaker {
				// the corpus knows more than the file did. Decide again,
				// when the file's walk decided nothing (so did nothing),
				// on the earlier files' entries: their state is what it
				// was when one extractor would have read it (unless this
				// file adopted one). An entry of this file is the one
				// the walk read (the file's writes lie over the corpus's)
				// and led to no decision, as no entry does: priorTalk
				// gets nil for it, not its state now, which later lines
				// changed.
				if op.prev != nil || op.adopt != nil || adopted[byTitle] || adopted[bySpeaker] {
					return false
				}
				if !tCorpus {
					byTitle = nil
				}
				if !sCorpus {
					bySpeaker = nil
				}
				op.corpusPrev, op.adopted = x.priorTalk(op.key, op.people, byTitle, bySpeaker)
				op.corpus = true
				prev = op.corpusPrev
				if op.adopted != nil {
					adopted[op.adopted] = true
				}
			}
			if prev == nil {
				talks[op.key] = op.e
			}
			for _, p := range op.people {
				byPer[graph.Slug(strings.TrimPrefix(p, "@"))] = op.e
			}
		}
	}
	return true
}

// mergeEvents gives the corpus the file's events: an event named in an
// earlier file keeps that file's mention, and the file's AT edges (the
// only edges startTalk draws to an event's first mention) go to it.
func (x *extractor) mergeEvents(f *extractor, base int) {
	moved := map[int]int{}
	for name, m := range f.eventM {
		if g, ok := x.eventM[name]; ok {
			moved[m+base] = g
		} else {
			x.eventM[name] = m + base
		}
	}
	if len(moved) == 0 {
		return
	}
	for i := len(x.rels) - len(f.rels); i < len(x.rels); i++ {
		r := &x.rels[i]
		if g, ok := moved[int(r.to)]; ok && r.typ.name() == graph.At {
			if r.evOf == evTo {
				x.ownEvidence(i, r, x.ms[r.to].ev) // the evidence stays the file's
			}
			r.to = int32(g)
		}
	}
}

// shift appends f's mentions, relations, union-find and lines to x, with
// every mention index moved up by base, and moves the indices in f's
// entries too (they become the corpus's).
func (x *extractor) shift(f *extractor, base int) {
	x.ms = append(x.ms, f.ms...)
	for i, ev := range f.relEv {
		x.ownEvidence(len(x.rels)+int(i), &f.rels[i], ev)
	}
	for _, r := range f.rels {
		r.from += int32(base)
		r.to += int32(base)
		x.rels = append(x.rels, r)
	}
	for _, p := range f.uf {
		x.uf = append(x.uf, p+int32(base))
	}
	up := func(i int) int {
		if i < 0 {
			return i
		}
		return i + base
	}
	seen := map[*entry]bool{}
	var moveEntry func(e *entry)
	moveEntry = func(e *entry) {
		for ; e != nil && !seen[e]; e = e.sub {
			seen[e] = true
			e.talk = up(e.talk)
			e.subject = up(e.subject)
			for k := range e.speakers {
				e.speakers[k] = up(e.speakers[k])
			}
		}
	}
	for _, c := range f.ctxs {
		c.head = int32(up(int(c.head)))
		if c.self != nil {
			c.self.author = up(c.self.author)
		}
		for k := range c.spans {
			c.spans[k].m = int32(up(int(c.spans[k].m)))
		}
		moveEntry(c.e)
		x.ctxs = append(x.ctxs, c)
	}
	for _, e := range f.talks {
		moveEntry(e)
	}
	for _, e := range f.byPer {
		moveEntry(e)
	}
	for _, op := range f.log.ops {
		moveEntry(op.e)
		moveEntry(op.prev)
		moveEntry(op.adopt)
	}
	for m, ev := range f.eventOf {
		x.eventOf[m+base] = ev
	}
}
