package extract

// Pass 2 and the title topics run on the pool, split in two: the readers
// (knownIndex.find, bodyTopics) decide on the pool what a line names, and
// an ordered merge (addHits) adds those mentions on one goroutine, line by
// line in input order, as the sequential loop did. This file says how
// that stays exact.
//
// What pass 2 reads of the corpus is fixed before it starts: the names
// pass 1 found (knownIndex, which keeps the name and type of each
// mention it indexes, so the readers never read x.ms while it grows), and
// each line's own spans and words. What it writes is the mentions, their
// relations and unions (x.ms, x.rels, x.uf, all order-dependent: they
// stay with the merge) and the line's spans, which only that line's
// readers read. No line reads another line's pass 2, so unlike the walk
// (walkmerge.go) there is nothing to check and no file to read again: a
// line's reading on the pool is the sequential loop's reading.
//
// The titles' topics (concepts.go) read the lines of one talk's body and
// its title line. A line is in one body at most (its entry's talk), so
// the bodies are read on the pool like the lines of pass 2, and merged in
// the order the sequential loop took them.
//
// A reader takes spans (lineCtx.take) as it goes, since what it takes
// first hides what overlaps it, and gives them back when done (untake);
// the merge takes them again, one mention at a time, so that add and
// attach see the line exactly as they did when finding and adding were one
// loop.

// pooledPass2 is false only in tests: pass 2 then reads the lines one by
// one through findMentions, and the bodies one by one, on one goroutine,
// which is what the pool must reproduce (TestPass2Pool). pass2Lines is the
// number of lines one piece of pass 2's work reads: files vary from one
// line to thousands, and a corpus may be one file, so the work is cut by
// lines, not files (tests make it small, to cut small inputs too).
var (
	pooledPass2 = true
	pass2Lines  = 256
)

// spanHit is a mention a reader found and the merge adds: on c's line, at
// [a, b) when take (a link's site takes no span), the mention's name, type
// and surety, the mention it is one with (join; -1 for none) and attach's
// inDesc.
type spanHit struct {
	c         *lineCtx
	a, b      int
	take      bool
	name, typ string
	str       int
	join      int
	inDesc    bool
}

// Once a file is walked and merged, what its lines' contexts read of their
// lines is their text and links (knownIndex.find, bodyTopics) and what
// evidence is made of: the raw text, the number and the evidence once
// made. thinLines gives the contexts copies of their lines that hold only
// those, in one array per file, so that the file's parsed lines (every
// line of the file, with its code spans and other parts) are garbage once
// merged. A file that keeps
// to what it makes explicit holds its parsed lines to the end anyway
// (x.explicitOnly, read by keepExplicit): the caller leaves its contexts
// as they are.
//
// Contexts of one line, which sit together, share its copy, and so the
// evidence that pass 2 may make of it; one line's contexts apart would
// each make their own evidence, equal to the other.
func thinLines(ctxs []*lineCtx) {
	thin := make([]line, 0, len(ctxs)) // never grown: the pointers into it stay
	var last *line
	for _, c := range ctxs {
		if c.l == last {
			c.l = &thin[len(thin)-1]
			continue
		}
		last = c.l
		parts := c.l.lineParts
		if len(parts.Links) == 0 {
			parts = &noParts
		} else if parts.Codes != nil || parts.moreParts != &noMore {
			parts = &lineParts{Links: parts.Links, moreParts: &noMore}
		}
		thin = append(thin, line{N: c.l.N, Text: c.l.Text, Raw: c.l.Raw, ev: c.l.ev, lineParts: parts})
		c.l = &thin[len(thin)-1]
	}
}

// addHits adds the readers' mentions in order, each as the reader's loop
// would have added it.
func (x *extractor) addHits(hits []spanHit) {
	for _, h := range hits {
		if h.take {
			h.c.take(h.a, h.b)
		}
		m := x.add(h.c, h.name, h.typ, h.str)
		if h.join >= 0 {
			x.union(m, h.join)
		}
		x.attach(h.c, m, h.inDesc)
	}
}

// untake gives back the spans taken on the line after the first n.
func (c *lineCtx) untake(n int) { c.spans = c.spans[:n] }

// pass2 reads every content line of pass 1 again for the names pass 1 found
// anywhere in the notes (knownNames). Pieces of pass2Lines lines are read
// on the pool and their mentions added in line order.
func (x *extractor) pass2(prog *progress) {
	x.known = x.buildKnown()
	ctxs := x.ctxs
	lineDone := func(i int) {
		if i > 0 && *ctxs[i].file != *ctxs[i-1].file {
			prog.step() // a file read again (walk keeps a file's lines together)
		}
	}
	if !pooledPass2 {
		for i, c := range ctxs {
			lineDone(i)
			c.pass2 = true
			x.findMentions(c)
		}
		x.known = nil
		return
	}
	n := (len(ctxs) + pass2Lines - 1) / pass2Lines
	hits := make([][]spanHit, n)
	inOrder(poolSize(n), n, func(_, k int) {
		var hs []spanHit
		for _, c := range ctxs[k*pass2Lines : min((k+1)*pass2Lines, len(ctxs))] {
			c.pass2 = true
			hs = x.known.find(c, hs)
		}
		hits[k] = hs
	}, func(k int) {
		for i := k * pass2Lines; i < min((k+1)*pass2Lines, len(ctxs)); i++ {
			lineDone(i)
		}
		x.addHits(hits[k])
		hits[k] = nil
	})
	// the index is read no more: let resolution have its memory
	x.known = nil
}
