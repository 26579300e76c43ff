package extract

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// foldKey is the key under which two spellings of one name meet:
// "Nina Ortiz" and "nina ortiz", "what makes go pleasant?" and
// "what makes go pleasant".
func foldKey(s string) string { return graph.Slug(s) }

func (x *extractor) find(i int) int {
	for int(x.uf[i]) != i {
		x.uf[i] = x.uf[x.uf[i]]
		i = int(x.uf[i])
	}
	return i
}

// union merges the groups of mentions a and b, unless the rules veto it.
func (x *extractor) union(a, b int) {
	ra, rb := x.find(a), x.find(b)
	if ra == rb {
		return
	}
	if len(x.rules.vetoes) > 0 && x.rules.vetoes[[2]string{foldKey(x.ms[a].name), foldKey(x.ms[b].name)}] {
		return
	}
	if ra < rb {
		x.uf[rb] = int32(ra)
	} else {
		x.uf[ra] = int32(rb)
	}
}

// class separates mentions that may never merge: a person is not a tool even
// when they share a name.
func class(typ string) string {
	switch typ {
	case graph.Person, graph.Talk, graph.Link, graph.Event:
		return typ
	}
	return "thing"
}

// knownIndex maps the folded words of names seen in a strong position to a
// mention of them, for pass 2.
type knownIndex struct {
	names map[string]knownName // "python requests" → its mention
	// capOnly marks one-word names that are common English words ("flask",
	// "drift"): they are found only where they are written with a capital.
	capOnly map[string]bool
	// words holds each name's first word with the most words of a name
	// that opens with it: find tries no key that no name could have.
	words map[string]int
	// wordShapes is shapesOf(words): find hashes a word only when a first
	// word has its first byte and length
	wordShapes *keyShapes
}

func (k *knownIndex) add(key string, n int, kn knownName) {
	if _, ok := k.names[key]; ok {
		return
	}
	k.names[key] = kn
	first, _, _ := strings.Cut(key, " ")
	k.words[first] = max(k.words[first], n)
}

// knownName is what pass 2 reads of a known name's mention: kept here, it
// need not read x.ms while pass 2 adds to it (pass2.go).
type knownName struct {
	m         int
	name, typ string
}

func wordsKey(s string) string {
	var b strings.Builder
	for i, w := range tokenize(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(stripPossessive(w.s)))
	}
	return b.String()
}

func (x *extractor) buildKnown() *knownIndex {
	k := &knownIndex{names: map[string]knownName{}, capOnly: map[string]bool{}, words: map[string]int{}}
	// A name written again changes nothing (its first mention is the one
	// indexed) unless it is now a person's, which adds the surname: each
	// name is keyed once as a person's and once as anything else's.
	type seenName struct {
		name   string
		person bool
	}
	seen := map[seenName]bool{}
	for i, m := range x.ms {
		switch m.typ() {
		case graph.Link, graph.Talk, graph.Event:
			continue
		}
		s := seenName{m.name, m.typ() == graph.Person}
		if seen[s] {
			continue
		}
		seen[s] = true
		key := wordsKey(m.name)
		n := strings.Count(key, " ") + 1
		if len(key) < 3 || n > 4 || x.rules.generic[key] || x.rules.stop[key] || x.rules.labels[key] {
			continue
		}
		k.add(key, n, knownName{i, m.name, m.typ()})
		if n == 1 && isWord(key) {
			k.capOnly[key] = true
		}
		if m.typ() == graph.Person {
			// a surname alone names the person: "Okafor's implementation"
			ws := strings.Fields(key)
			last := ws[len(ws)-1]
			if len(ws) > 1 && len(last) > 2 && !isWord(last) {
				if _, ok := k.names[last]; !ok {
					k.add(last, 1, knownName{i, m.name, m.typ()})
					k.capOnly[last] = true
				}
			}
		}
	}
	k.wordShapes = shapesOf(k.words)
	return k
}

// knownNames (pass 2) finds in a line the names seen elsewhere in the notes.
func (x *extractor) knownNames(c *lineCtx) { x.addHits(x.known.find(c, nil)) }

// find appends to hits the names of k on c's line, in the order
// knownNames adds them. It reads only k and the line, and gives back the
// spans it takes (addHits takes them again), so that pass 2 can read
// lines on the pool while their mentions are added in order (pass2.go).
func (k *knownIndex) find(c *lineCtx, hits []spanHit) []spanHit {
	n0 := len(c.spans)
	// the line's words for this reading only: on the stack for most
	// lines, not tokenize's copy
	var wordsBuf [64]word
	ws := appendWords(wordsBuf[:0], c.l.Text)
	// the words folded as keys are, one after another in lows (on the
	// stack for most lines): lowered without a string per word
	var lowsBuf [512]byte
	var endsBuf [64]int
	lows, ends := appendFoldedWords(lowsBuf[:0], endsBuf[:0], ws)
	low := func(i int) []byte {
		if i == 0 {
			return lows[:ends[0]]
		}
		return lows[ends[i-1]:ends[i]]
	}
	var buf []byte // the key of words i..i+n-1, built without a string per try
	for i := 0; i < len(ws); i++ {
		w := low(i)
		if len(w) > 0 && k.wordShapes[w[0]]&(1<<min(len(w), 63)) == 0 {
			continue // no name opens with a word of this first byte and length
		}
		most, ok := k.words[string(w)]
		if !ok {
			continue // no name opens with this word
		}
		for n := min(most, len(ws)-i); n >= 1; n-- {
			a, b := ws[i].start, ws[i+n-1].end
			buf = buf[:0]
			for j := i; j < i+n; j++ {
				if j > i {
					buf = append(buf, ' ')
				}
				buf = append(buf, low(j)...)
			}
			kn, ok := k.names[string(buf)] // no allocation: the compiler looks up the bytes
			if !ok || c.taken(a, b) {
				continue
			}
			if n == 1 && k.capOnly[string(buf)] && !isCap(ws[i].s) {
				continue
			}
			if n == 1 && kn.typ == graph.Person && !isCap(ws[i].s) {
				continue
			}
			c.take(a, b)
			surface := stripPossessive(c.l.Text[a:b])
			if c.title && isLower(kn.name) {
				surface = strings.ToLower(surface) // Title Case: the capitals are the title's
			}
			hits = append(hits, spanHit{c: c, a: a, b: b, take: true, name: surface, typ: kn.typ, join: kn.m, inDesc: c.head >= 0 && a > 0})
			i += n - 1
			break
		}
	}
	// a link to a known name's own site: http://hugo.example.org/
	for _, lk := range c.l.Links {
		u, err := url.Parse(lk.URL)
		if err != nil || u.Host == "" || packageName(u) != "" {
			continue // a package page is about the package, not its index
		}
		labels := strings.Split(strings.ToLower(u.Hostname()), ".")
		if len(labels) < 3 {
			continue
		}
		first := labels[0]
		if first == "www" || first == "docs" || first == "blog" || first == "en" {
			continue
		}
		if kn, ok := k.names[first]; ok && kn.typ != graph.Person {
			hits = append(hits, spanHit{c: c, name: kn.name, typ: kn.typ, join: kn.m})
		}
	}
	c.untake(n0)
	return hits
}

// appendFoldedWords appends to lows each word of ws as knownIndex keys
// fold it, strings.ToLower(stripPossessive(w.s)), and to ends where each
// ends in lows. An ASCII word is lowered byte by byte; another goes
// through strings.ToLower.
func appendFoldedWords(lows []byte, ends []int, ws []word) ([]byte, []int) {
	for _, w := range ws {
		s := stripPossessive(w.s)
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < utf8.RuneSelf
		}
		if ascii {
			for i := 0; i < len(s); i++ {
				b := s[i]
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				lows = append(lows, b)
			}
		} else {
			lows = append(lows, strings.ToLower(s)...)
		}
		ends = append(ends, len(lows))
	}
	return lows, ends
}

// resolve groups mentions into nodes (one per real thing) and relations into
// edges.
func (x *extractor) resolve() graph.Graph {
	byKey := map[[2]string]int{} // {class, key} → first mention: a pair, not a string made per mention
	thingKeys := map[string]int{}
	personKeys := map[string]int{}
	talkKeys := map[string]int{}
	var event = -1
	keyOf := map[string]string{} // name → foldKey(name): most names are written many times
	lastName, lastKey := "", ""  // and often many times in a row; foldKey("") is ""
	for i := range x.ms {
		m := &x.ms[i]
		cl := class(m.typ())
		key := lastKey
		if m.name != lastName {
			k, ok := keyOf[m.name]
			if !ok {
				k = foldKey(m.name)
				keyOf[m.name] = k
			}
			lastName, lastKey, key = m.name, k, k
		}
		if key == "" || m.gone {
			continue
		}
		if j, ok := byKey[[2]string{cl, key}]; ok {
			x.union(i, j)
		} else {
			byKey[[2]string{cl, key}] = i
		}
		switch cl {
		case "thing":
			thingKeys[key] = i
		case graph.Person:
			personKeys[key] = i
		case graph.Talk:
			talkKeys[key] = i
		case graph.Event:
			if event < 0 {
				event = i
			}
		}
	}
	// a surname alone names a person when one person has it: "Okafor's implementation"
	// and so does a given name alone: "Kenji, the author of …" after a
	// table of speakers names Kenji Sato
	surnames, given := map[string]int{}, map[string]int{}
	for key, i := range personKeys {
		if j := strings.LastIndexByte(key, '-'); j > 0 {
			for m, part := range map[*map[string]int]string{&surnames: key[j+1:], &given: key[:strings.IndexByte(key, '-')]} {
				if _, dup := (*m)[part]; dup && (*m)[part] != i {
					(*m)[part] = -1
				} else {
					(*m)[part] = i
				}
			}
		}
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range thingKeys {
			if !yield(k) {
				return
			}
		}
	})
	gi := x.groups()
	prefixKeys := make([]string, len(x.rules.prefixes))
	for i, p := range x.rules.prefixes {
		prefixKeys[i] = graph.Slug(p)
	}
	for _, key := range keys {
		i := thingKeys[key]
		// a thing named like a person or a talk is that person or talk
		if p, ok := personKeys[key]; ok {
			x.union(i, p)
			continue
		}
		if t, ok := talkKeys[key]; ok {
			x.union(i, t)
			continue
		}
		if p, ok := surnames[key]; ok && p >= 0 && isCap(x.ms[i].name) && !isWord(key) && x.namesPerson(gi, i, p) {
			x.union(i, p)
			continue
		}
		if p, ok := given[key]; ok && p >= 0 && isCap(x.ms[i].name) && !isWord(key) && len(key) > 2 && x.namesPerson(gi, i, p) {
			x.union(i, p)
			continue
		}
		// plural and singular: "hashmaps" / "hashmap"
		for _, suf := range []string{"s", "es"} {
			if b, ok := strings.CutSuffix(key, suf); ok && len(b) >= 3 {
				if j, ok := thingKeys[b]; ok {
					x.union(i, j)
				}
			}
		}
		// a language or ecosystem prefix: "python-request" → "request(s)"
		for _, ps := range prefixKeys {
			if ps == "" {
				continue
			}
			rest, ok := strings.CutPrefix(key, ps+"-")
			if !ok || len(rest) < 3 {
				continue
			}
			for _, cand := range []string{rest, rest + "s", strings.TrimSuffix(rest, "s")} {
				if j, ok := thingKeys[cand]; ok && cand != key {
					x.union(i, j)
					break
				}
			}
		}
	}
	// the event without its year: "RustFest 2031" and "RustFest"
	if event >= 0 {
		base := strings.TrimSpace(yearRE.ReplaceAllString(x.ms[event].name, ""))
		if j, ok := thingKeys[foldKey(base)]; ok && base != "" {
			x.union(j, event)
			x.ms[j].setTyp(graph.Event)
		}
	}
	x.fuzzyMerge(thingKeys)
	for _, group := range x.rules.merges {
		var first = -1
		for _, name := range group {
			for _, cl := range []string{"thing", graph.Person, graph.Talk} {
				if j, ok := byKey[[2]string{cl, foldKey(name)}]; ok {
					if first < 0 {
						first = j
					} else {
						x.union(first, j)
					}
				}
			}
		}
		if first >= 0 && len(group) > 0 {
			x.ms[x.find(first)].name = group[0]
			x.ms[first].str = 100
			x.ms = append(x.ms, mention{name: group[0], t: x.ms[first].t, str: 100, ev: x.ms[first].ev})
			x.uf = append(x.uf, int32(len(x.uf)))
			x.union(len(x.ms)-1, first)
		}
	}
	return x.build()
}

// namesPerson reports whether the thing mentions grouped with i may be
// person p called by a given name or a surname alone: none is an acronym
// ("GIL" is no Gil) or typed a tool ("Ruby, the language"), and each stands
// in a file where p is named in full. A bare word never merges into a
// person elsewhere. g holds the groups as they were before the merges of
// bare words began.
func (x *extractor) namesPerson(g *groupIndex, i, p int) bool {
	files := g.personFiles[g.root[p]]
	for _, k := range g.members[g.root[i]] {
		m := x.ms[k]
		if isAcronym(m.name) || m.typ() == graph.Tool && m.str >= 3 || !files[m.ev.File] {
			return false
		}
	}
	return true
}

// groupIndex is a snapshot of the mention groups: each mention's root, each
// root's mentions, and the files each group names a person in.
type groupIndex struct {
	root        []int
	members     map[int][]int
	personFiles map[int]map[string]bool
}

func (x *extractor) groups() *groupIndex {
	g := &groupIndex{root: make([]int, len(x.ms)), members: map[int][]int{}, personFiles: map[int]map[string]bool{}}
	for k := range x.ms {
		r := x.find(k)
		g.root[k] = r
		g.members[r] = append(g.members[r], k)
		if x.ms[k].typ() == graph.Person {
			if g.personFiles[r] == nil {
				g.personFiles[r] = map[string]bool{}
			}
			g.personFiles[r][x.ms[k].ev.File] = true
		}
	}
	return g
}

// build turns groups of mentions into nodes and relations into edges.
func (x *extractor) build() graph.Graph {
	// The groups by a counting sort over the roots, not a map of appended
	// lists: start[r] is where root r's mentions begin in members, in
	// index order, and the roots come out in order too (1.4M mentions on
	// 10k notes).
	start := make([]int32, len(x.ms)+1)
	for i := range x.ms {
		if !x.ms[i].gone {
			start[x.find(i)+1]++
		}
	}
	var roots []int
	for r := range x.ms {
		if start[r+1] > 0 {
			roots = append(roots, r)
		}
		start[r+1] += start[r]
	}
	members := make([]int32, start[len(x.ms)])
	next := slices.Clone(start[:len(x.ms)])
	for i := range x.ms {
		if !x.ms[i].gone {
			r := x.find(i)
			members[next[r]] = int32(i)
			next[r]++
		}
	}
	groups := func(r int) []int32 { return members[start[r]:start[r+1]] }
	var g graph.Graph
	prefixes := make([]string, len(x.rules.prefixes))
	for i, p := range x.rules.prefixes {
		prefixes[i] = graph.Slug(p) + "-"
	}
	// node reads the mentions and writes nothing of x: the groups are
	// made into nodes on the pool, in the order of their roots.
	g.Nodes = make([]graph.Node, len(roots))
	eachFile(poolSize(len(roots)), len(roots), func(_, i int) {
		g.Nodes[i] = x.node(groups(roots[i]), prefixes)
	})
	// Of the mentions, what the edges read is their evidence (that of
	// their relations) and the union-find: the mentions go before the
	// edges' evidence is made, and with them the names that held their
	// lines' text (together a quarter of the heap then, on 100k notes).
	evOf := make([]*graph.Evidence, len(x.ms))
	for i := range x.ms {
		evOf[i] = x.ms[i].ev
	}
	x.ms = nil
	relEvidence := func(i int) *graph.Evidence { // x.relEvidence, on evOf
		switch r := x.rels[i]; r.evOf {
		case evTo:
			return evOf[r.to]
		case evFrom:
			return evOf[r.from]
		}
		return x.relEv[int32(i)]
	}
	// ids gives a group root's node ID, "" for a root of dropped mentions
	// only; nodeOf (a root's node index + 1) is a slice over the mentions
	// rather than a map: it is read twice per relation.
	nodeOf := make([]int32, len(evOf))
	for i, r := range roots {
		nodeOf[r] = int32(i + 1)
	}
	ids := func(r int) string {
		if k := nodeOf[r]; k > 0 {
			return g.Nodes[k-1].ID
		}
		return ""
	}
	gave := map[[2]string]bool{}
	for _, rel := range x.rels {
		if rel.typ.name() == graph.Gave {
			gave[[2]string{ids(x.find(int(rel.to))), ids(x.find(int(rel.from)))}] = true
		}
	}
	// Relations between the same two groups with the same type are one
	// edge: they are joined here rather than made an edge each (1.9M on
	// 10k notes) for Normalize to join. Normalize still joins the groups
	// that share a node ID. A first pass finds each relation's edge and
	// counts the edges' lines, so that their evidence is one array, each
	// edge a slice of it, filled by the second: no append grows it.
	type edgeKey struct {
		from, to int
		typ      relType
	}
	edgeOf := map[edgeKey]int{}
	relEdge := make([]int32, len(x.rels)) // the relation's edge, or -1
	var size []int                        // lines per edge
	for r, rel := range x.rels {
		relEdge[r] = -1
		ra, rb := x.find(int(rel.from)), x.find(int(rel.to))
		a, b := ids(ra), ids(rb)
		if a == "" || b == "" || a == b {
			continue
		}
		if rel.typ.name() == graph.Covers && gave[[2]string{a, b}] {
			continue // a talk does not cover its own speaker
		}
		if rel.typ.name() == graph.SimilarTo && (strings.HasPrefix(a, "person:") != strings.HasPrefix(b, "person:")) {
			continue // "Jane, the author of zaplog, says it is like Redis": a person is like no thing
		}
		k := edgeKey{ra, rb, rel.typ}
		i, ok := edgeOf[k]
		if !ok {
			i = len(g.Edges)
			edgeOf[k] = i
			g.Edges = append(g.Edges, graph.Edge{Source: a, Target: b, Type: rel.typ.name()})
			size = append(size, 0)
		}
		relEdge[r] = int32(i)
		size[i]++
	}
	total := 0
	for _, n := range size {
		total += n
	}
	evs := make([]graph.Evidence, total)
	for i, n := range size {
		g.Edges[i].Evidence, evs = evs[:0:n], evs[n:]
	}
	for r, i := range relEdge {
		if i >= 0 {
			g.Edges[i].Evidence = append(g.Edges[i].Evidence, *relEvidence(r))
		}
	}
	x.rels, x.relEv, x.uf = nil, nil, nil // read no more
	// sorted here, on the pool, Normalize only checks the order
	eachFile(poolSize(len(g.Edges)), len(g.Edges), func(_, i int) {
		g.Edges[i].Evidence = graph.CleanEvidence(g.Edges[i].Evidence)
	})
	g.Title = x.title
	g.NormalizeOwned() // the nodes' and edges' lists are build's own
	g.Edges = dropShadowedRelated(g.Edges)
	return g
}

// dropShadowedRelated drops a RELATED_TO edge whose every piece of evidence
// also backs a typed edge between the same two nodes: "tinyweb is like Sparrow"
// states SIMILAR_TO, and the bare co-mention on that line says nothing more.
// No evidence is lost; a RELATED_TO with a line of its own stays.
func dropShadowedRelated(edges []graph.Edge) []graph.Edge {
	pair := func(a, b string) [2]string {
		if a > b {
			return [2]string{b, a}
		}
		return [2]string{a, b}
	}
	// Only the typed edges between the ends of a RELATED_TO edge can
	// shadow one (144 RELATED_TO edges among 54k on 10k generated notes),
	// and a typed edge's evidence is sorted (Normalize): each line of a
	// RELATED_TO edge is looked up in its pair's typed edges, rather than
	// every typed edge's lines indexed.
	typed := map[[2]string][][]graph.Evidence{}
	for _, e := range edges {
		if e.Type == graph.RelatedTo {
			typed[pair(e.Source, e.Target)] = nil
		}
	}
	for _, e := range edges {
		if e.Type != graph.RelatedTo {
			if ts, ok := typed[pair(e.Source, e.Target)]; ok {
				typed[pair(e.Source, e.Target)] = append(ts, e.Evidence)
			}
		}
	}
	backed := func(ts [][]graph.Evidence, ev graph.Evidence) bool {
		for _, t := range ts {
			_, ok := slices.BinarySearchFunc(t, ev, func(a, b graph.Evidence) int {
				return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
			})
			if ok {
				return true
			}
		}
		return false
	}
	out := edges[:0]
	for _, e := range edges {
		if e.Type == graph.RelatedTo && len(e.Evidence) > 0 {
			ts := typed[pair(e.Source, e.Target)]
			if !slices.ContainsFunc(e.Evidence, func(ev graph.Evidence) bool { return !backed(ts, ev) }) {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// node makes the node of a group of mentions: its type is the surest hint,
// its name the form written most often in the surest places.
// prefixes are the slugs of the rules' prefixes, each with its "-".
func (x *extractor) node(ms []int32, prefixes []string) graph.Node {
	typeScore := map[string]int{}
	formScore := map[string]int{}
	ev := make([]graph.Evidence, 0, len(ms))
	hard := ""
	for _, i := range ms {
		m := &x.ms[i]
		switch m.typ() {
		case graph.Person, graph.Talk, graph.Event, graph.Link:
			if hard == "" || hard == graph.Link || m.typ() == graph.Person {
				hard = m.typ()
			}
		case "":
		default:
			typeScore[m.typ()] += 1 + int(m.str)
		}
		ev = append(ev, *m.ev)
	}
	// A name is mostly written the same way many times in a row: a run of
	// one form is added to its score at once, sparing a map update per
	// mention (hundreds of thousands in a large group).
	run, runScore, inRun := "", 0, false
	for _, i := range ms {
		m := &x.ms[i]
		if hard != "" && m.typ() != hard {
			continue // a talk is named by its titles, not by a repository that holds its slides
		}
		if !inRun || m.name != run {
			if inRun {
				formScore[run] += runScore
			}
			run, runScore, inRun = m.name, 0, true
		}
		runScore += 1 + int(m.str)
	}
	if inRun {
		formScore[run] += runScore
	}
	typ := hard
	if typ == "" {
		typ = graph.Concept
		best := -1
		for _, t := range []string{graph.Tool, graph.Organization, graph.Concept} {
			if s, ok := typeScore[t]; ok && s > best {
				typ, best = t, s
			}
		}
		for _, t := range slices.Sorted(func(yield func(string) bool) {
			for t := range typeScore {
				if !yield(t) {
					return
				}
			}
		}) {
			if s := typeScore[t]; s > best && t != graph.Tool && t != graph.Organization && t != graph.Concept {
				typ, best = t, s
			}
		}
	}
	// "Python fetchy" gives way to "fetchy" when both are written
	forms := slices.Sorted(func(yield func(string) bool) {
		for f := range formScore {
			if !yield(f) {
				return
			}
		}
	})
	slugs := map[string]string{}
	formSlug := make([]string, len(forms))
	for i, f := range forms {
		formSlug[i] = graph.Slug(f)
		if _, ok := slugs[formSlug[i]]; !ok {
			slugs[formSlug[i]] = f
		}
	}
	moved := map[string]int{}
	for i, f := range forms {
		for _, p := range prefixes {
			if rest, ok := strings.CutPrefix(formSlug[i], p); ok {
				if g, ok := slugs[rest]; ok && g != f {
					moved[g] += formScore[f]
					moved[f] -= formScore[f]
					break
				}
			}
		}
	}
	for f, d := range moved {
		formScore[f] += d
	}
	name := forms[0]
	for _, f := range forms[1:] {
		if c := cmp.Compare(formScore[f], formScore[name]); c > 0 || c == 0 && betterForm(f, name) {
			name = f
		}
	}
	var aliases []string
	for _, f := range forms {
		if f != name {
			aliases = append(aliases, f)
		}
	}
	ev = graph.CleanEvidence(ev) // here, on the pool: Normalize then only checks the order
	n := graph.Node{ID: graph.ID(typ, name), Type: typ, Name: name, Aliases: aliases, Evidence: ev}
	if typ == graph.Link {
		n.Props = map[string]string{"url": name}
	}
	if typ == graph.Talk {
		for _, i := range ms {
			if ev, ok := x.eventOf[int(i)]; ok {
				n.Props = map[string]string{"event": ev}
				break
			}
		}
	}
	return n
}

// betterForm breaks a tie between two spellings: capitals over none
// ("Nina Ortiz" over "nina ortiz"), then the shorter.
func betterForm(a, b string) bool {
	ca, cb := strings.ToLower(a) != a, strings.ToLower(b) != b
	if ca != cb {
		return ca
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// fuzzyMerge merges names one typo apart ("gorutines", "goroutines") when
// their context agrees: they relate to a common neighbour. Candidates are
// found through a deletion index, so the work grows with the number of
// names, not with its square.
func (x *extractor) fuzzyMerge(thingKeys map[string]int) {
	dels := map[string][]string{}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range thingKeys {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		if len(k) < 7 {
			continue
		}
		for i := 0; i < len(k); i++ {
			d := k[:i] + k[i+1:]
			dels[d] = append(dels[d], k)
		}
		dels[k] = append(dels[k], k)
	}
	nb := x.neighbours()
	for _, k := range keys {
		if len(k) < 7 {
			continue
		}
		seen := map[string]bool{}
		for i := 0; i <= len(k); i++ {
			d := k
			if i < len(k) {
				d = k[:i] + k[i+1:]
			}
			for _, o := range dels[d] {
				if o == k || seen[o] || strings.Count(o, "-") != strings.Count(k, "-") {
					continue
				}
				seen[o] = true
				a, b := thingKeys[k], thingKeys[o]
				if x.find(a) == x.find(b) || isWord(strings.ReplaceAll(k, "-", "")) && isWord(strings.ReplaceAll(o, "-", "")) {
					continue
				}
				if shareAny(nb[x.find(a)], nb[x.find(b)]) {
					x.union(a, b)
				}
			}
		}
	}
}

// neighbours returns, per group root, the roots it relates to.
func (x *extractor) neighbours() map[int]map[int]bool {
	nb := map[int]map[int]bool{}
	add := func(a, b int) {
		if nb[a] == nil {
			nb[a] = map[int]bool{}
		}
		nb[a][b] = true
	}
	for _, r := range x.rels {
		a, b := x.find(int(r.from)), x.find(int(r.to))
		if x.ms[a].typ() == graph.Link || x.ms[b].typ() == graph.Link {
			continue
		}
		add(a, b)
		add(b, a)
	}
	return nb
}

func shareAny(a, b map[int]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}
