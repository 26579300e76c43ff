package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// This file holds the finders of Concepts: the ideas a talk is about, which
// notes mostly name in lower-case prose ("consensus protocols are hard"),
// where no capital or code span marks them. Each finder reads one shape of
// notes; the words they look for are in rules.yaml.

// talkBody is a talk's title line and the lines of its notes.
type talkBody struct {
	name  string
	event string   // the event of the talk's file, or ""
	title *lineCtx // the title's own line; nil when the talk was only resumed
	lines []*lineCtx
}

// talkBodies groups the content lines by the talk they belong to, in order.
func (x *extractor) talkBodies() []*talkBody {
	bodies := map[int]*talkBody{}
	var order []*talkBody
	for _, c := range x.ctxs {
		if c.e == nil || c.e.kind != entTalk || c.e.talk < 0 {
			continue
		}
		r := x.find(c.e.talk)
		b := bodies[r]
		if b == nil {
			b = &talkBody{name: x.ms[r].name, event: x.eventOf[c.e.talk]}
			bodies[r] = b
			order = append(order, b)
		}
		if c.title {
			if b.title == nil {
				b.title = c
			}
		} else {
			b.lines = append(b.lines, c)
		}
	}
	return order
}

// titleTopics finds the topics a talk's title announces and its notes take
// up again: "Building Resilient Queues" whose notes say "resilient
// queues are hard". A phrase of two or three words from the title counts
// when the notes repeat it once, in any inflection ("Parsing Binary Formats"
// and "parsers for binary formats"); a single longer word when they repeat
// it twice ("gardens … a garden"). The node takes the notes' spelling.
// Then the title's own concept words count without repetition (titleWords).
//
// The bodies are read on the pool (bodyTopics; a line is in one body) and
// their mentions added in body order (pass2.go).
func (x *extractor) titleTopics() {
	bodies := x.talkBodies()
	hits := make([][]spanHit, len(bodies))
	workers := poolSize(len(bodies))
	if !pooledPass2 {
		workers = 1
	}
	inOrder(workers, len(bodies), func(_, i int) {
		hits[i] = x.bodyTopics(bodies[i])
	}, func(i int) {
		x.addHits(hits[i])
		hits[i], bodies[i] = nil, nil
	})
}

// bodyTopics returns the mentions titleTopics finds in one talk's body
// and title, in the order it adds them. It reads only the rules, the
// events' mentions (x.eventM) and the body's lines, and gives back the
// spans it takes on them.
func (x *extractor) bodyTopics(b *talkBody) []spanHit {
	ws := strings.Fields(strings.ToLower(b.name))
	for i := range ws {
		ws[i] = wordTrim.trim(ws[i])
	}
	type lineWords struct {
		c     *lineCtx
		n0    int // the line's spans before the body was read
		spans [][2]int
		words []string // lower case, possessive dropped
		low   string
	}
	var body []lineWords
	for _, c := range b.lines {
		low := strings.ToLower(c.l.Text)
		if len(low) != len(c.l.Text) {
			continue // case folding moved byte offsets
		}
		spans := plainWords(low)
		folded := make([]string, len(spans))
		for k, sp := range spans {
			folded[k] = stripPossessive(low[sp[0]:sp[1]])
		}
		body = append(body, lineWords{c, len(c.spans), spans, folded, low})
	}
	var out []spanHit
	for n := 3; n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			gram := ws[i : i+n]
			if !x.topicGram(gram) {
				continue
			}
			var hits []*lineCtx
			var at [][2]int
			times := 0
			for _, lw := range body {
				first := [2]int{-1, -1}
				for j := 0; j+n <= len(lw.spans); j++ {
					if lw.words[j][0] != gram[0][0] {
						continue // every inflection keeps the first letter
					}
					sp, ok := matchGram(lw.low, lw.spans[j:j+n], lw.words[j:j+n], gram)
					if !ok {
						continue
					}
					times++
					if first[0] < 0 && !lw.c.taken(sp[0], sp[1]) {
						first = sp
					}
				}
				if first[0] >= 0 {
					hits = append(hits, lw.c)
					at = append(at, first)
				}
			}
			// one word counts when the notes repeat it; a common one
			// ("testing", "design") only when they keep coming back to
			// it, as to a product named by a word ("Lantern on k8s")
			if len(hits) == 0 || n == 1 && times < 2 || n == 1 && isWord(gram[0]) && times < 5 {
				continue
			}
			for k, c := range hits {
				c.take(at[k][0], at[k][1])
				name := c.l.Text[at[k][0]:at[k][1]]
				typ, str := x.typeHint(name, "")
				out = append(out, spanHit{c: c, a: at[k][0], b: at[k][1], take: true, name: name, typ: typ, str: str, join: -1})
			}
		}
	}
	if tc := b.title; tc != nil {
		n0 := len(tc.spans)
		ws := tokenize(tc.l.Text) // on the pool: not the walk's words (extractor.words)
		out = x.titleEvent(tc, ws, b.event, out)
		out = x.titleWords(tc, ws, out)
		tc.untake(n0)
	}
	for _, lw := range body {
		lw.c.untake(lw.n0)
	}
	return out
}

// topicGram reports whether words of a title can name a topic: no function
// word at either end, a single word long enough and not generic, and no
// plural before the last word. A plural inside an English noun phrase is
// rare ("drone parts", not "drones parts"): "Teaching Drones Fly" has a
// subject and a verb, not a topic.
func (x *extractor) topicGram(gram []string) bool {
	n := len(gram)
	if gram[0] == "" || gram[n-1] == "" || x.rules.stop[gram[0]] || x.rules.stop[gram[n-1]] {
		return false
	}
	if n == 1 {
		return len(gram[0]) >= 5 && !x.rules.generic[gram[0]]
	}
	for _, w := range gram[:n-1] {
		if isPlural(w) {
			return false
		}
	}
	return true
}

// isPlural reports whether a lower-case word is the plural of a common
// English word: "drones", "systems"; not "class", "status", "physics".
func isPlural(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, suf := range []string{"ss", "us", "is", "ics", "'s", "’s"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	lexOnce.Do(loadLexicons)
	return words[w[:len(w)-1]] || strings.HasSuffix(w, "ies") && words[w[:len(w)-3]+"y"]
}

// plainWords returns the spans of the runs of letters and digits in s (an
// apostrophe inside a word is kept: "acme's").
//
// It reads an ASCII byte from asciiAlnum, decoding only the other runes,
// and sizes its result for a word every six bytes: it runs on every line
// of every talk's body (FuzzTextScan holds it to plainWordsRunes).
func plainWords(s string) [][2]int {
	out := make([][2]int, 0, len(s)/6+1)
	start := -1
	for i := 0; i < len(s); {
		var in bool
		r, n := rune(s[i]), 1
		if r < utf8.RuneSelf {
			in = asciiAlnum[r] || start >= 0 && r == '\''
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			in = unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && r == '’'
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// asciiAlnum holds the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return t
}()

// matchGram reports whether words (at spans of low) spell gram, word for
// word in any inflection and separated by spaces only, and returns their
// span.
func matchGram(low string, spans [][2]int, words, gram []string) ([2]int, bool) {
	for k, sp := range spans {
		if k > 0 && strings.TrimSpace(low[spans[k-1][1]:sp[0]]) != "" {
			return [2]int{}, false
		}
		if !sameStem(gram[k], words[k], len(gram) > 1) {
			return [2]int{}, false
		}
	}
	return [2]int{spans[0][0], spans[len(spans)-1][1]}, true
}

// sameStem reports whether two lower-case words are one word inflected:
// equal, or a plural of the other. With loose set, also two forms of one
// stem that share its first six letters or more and differ only in their
// endings ("identifier", "identification"): used for phrases, where the
// other words of the phrase vouch for the match.
func sameStem(a, b string, loose bool) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if b == a+"s" || b == a+"es" || strings.HasSuffix(a, "y") && b == a[:len(a)-1]+"ies" {
		return len(a) >= 3
	}
	if !loose {
		return false
	}
	p := 0
	for p < len(a) && a[p] == b[p] {
		p++
	}
	return p >= 6 && len(a)-p <= 3 && len(b)-p <= 6
}

// titleWords finds the words of a talk's title that name an idea by their
// form alone, repeated in the notes or not: an abstract noun ("Computing
// and reliability"), by the endings in the rules' concept_suffixes. They
// are concepts the talk COVERS, with the title's line as evidence. It
// appends them to hits for addHits.
func (x *extractor) titleWords(tc *lineCtx, ws []word, hits []spanHit) []spanHit {
	t := tc.l.Text
	for _, w := range ws {
		s := stripPossessive(w.s)
		low := strings.ToLower(s)
		if tc.taken(w.start, w.end) || !isAlpha(s) || x.rules.stop[low] || x.rules.generic[low] || x.rules.notNames[s] {
			continue
		}
		if !x.rules.conceptWord(low) || x.rules.typeWords[low] != "" {
			continue // "Python Software Foundation": a kind of thing, not an idea
		}
		if !tc.take(w.start, w.start+len(s)) {
			continue
		}
		name := t[w.start : w.start+len(s)]
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && isLower(name[1:]) {
			name = strings.ToLower(name) // the capital is the title's, not the word's
		}
		hits = append(hits, spanHit{c: tc, a: w.start, b: w.start + len(s), take: true, name: name, typ: graph.Concept, str: 3, join: -1})
	}
	return hits
}

// conceptWord reports whether a lower-case word ends like an abstract noun
// named in the rules' concept_suffixes, with a stem of four letters or more.
func (c *compiled) conceptWord(w string) bool {
	for _, suf := range c.conceptSuffixes {
		if strings.HasSuffix(w, suf) && len(w) >= len(suf)+4 {
			return true
		}
	}
	return false
}

var (
	// a quoted term: 'strange attractor', "railway programming", “yak shaving”;
	// the quote opens after a space or a bracket, so "Ann's … didn't" is no quote
	quotedTermRE = regexp.MustCompile(`(?:^|[\s(\[])(?:'([^'\n]{3,40})'|"([^"\n]{3,40})"|‘([^’\n]{3,40})’|“([^”\n]{3,40})”)(?:$|[^\p{L}\p{N}])`)
	// an item explained in parentheses, in a list: "fuzzing (random inputs),
	// property tests (generated inputs)"
	explainedRE = regexp.MustCompile(`(?:^|[:;,]\s*)(?:and\s+|or\s+)?(\p{Ll}[\p{Ll}\p{N}/-]*(?:\s+\p{Ll}[\p{Ll}\p{N}/-]*){0,2})\s*\([^()]{3,}\)`)
)

// quotedTerms reads a term the writer set in quotes: "a 'strange
// attractor' of ideas". Two to four words none of which is a function word
// (so not a quoted sentence: "I had to rewrite it"), or one word that is not
// common English (so not scare quotes: 'amazing').
func (x *extractor) quotedTerms(c *lineCtx) {
	t := c.l.Text
	if !containsAny(t, "'\"‘“") {
		return
	}
	for _, m := range quotedTermRE.FindAllStringSubmatchIndex(t, -1) {
		a, b := -1, -1
		for g := 2; g < len(m); g += 2 {
			if m[g] >= 0 {
				a, b = m[g], m[g+1]
			}
		}
		if a < 0 {
			continue
		}
		name, ok := x.thingName(t[a:b])
		if !ok || c.taken(a, b) || strings.ContainsFunc(name, notTermRune) {
			continue // "foo(x)", "a = b": code, not a term
		}
		ws := strings.Fields(name)
		if len(ws) == 1 && (isWord(name) || isCap(name) || isCoined(name)) {
			continue // scare quotes, or a name the other finders read
		}
		if !x.plainPhrase(ws) {
			continue
		}
		i := strings.Index(t[a:b], name)
		if i < 0 || !c.take(a+i, a+i+len(name)) {
			continue
		}
		x.attach(c, x.add(c, name, graph.Concept, 3), c.head >= 0)
	}
}

// plainPhrase reports whether words read as a lower-case noun phrase: no
// function word, no digit-only word, no generic noun at its head ("the
// hard part", "main point").
func (x *extractor) plainPhrase(ws []string) bool {
	for _, w := range ws {
		lw := strings.ToLower(w)
		if x.rules.stop[lw] && lw != "of" || !strings.ContainsFunc(w, unicode.IsLetter) {
			return false
		}
	}
	return !x.rules.generic[strings.ToLower(ws[len(ws)-1])]
}

// bulletSubject reads the subject of a short note about a talk: "property
// tests are cheap", "the cost of retries is hidden". What the notes say
// something about is what the talk covers. Only list items in a talk's
// notes, a subject of one to three words (a leading "the" dropped, "of"
// allowed inside) and a verb from the rules' copulas.
func (x *extractor) bulletSubject(c *lineCtx) {
	if !c.l.Item || c.e == nil || c.e.kind != entTalk || c.head >= 0 {
		return
	}
	ws := x.words(c)
	from := 0
	if len(ws) > 0 && strings.EqualFold(ws[0].s, "the") {
		from = 1
	}
	for k := from + 1; k < len(ws) && k <= from+4; k++ {
		if strings.TrimSpace(c.l.Text[ws[k-1].end:ws[k].start]) != "" {
			return // punctuation inside: not one subject
		}
		if !x.rules.copulas[strings.ToLower(ws[k].s)] {
			continue
		}
		subj := ws[from:k]
		if len(subj) > 3 {
			return
		}
		if f := subj[0].s; !isLower(f) && (len(f) < 2 || !isWord(f) || !isLower(f[1:])) {
			return // "C module is cool": a name, which the other finders read
		}
		var names []string
		for i, w := range subj {
			if i > 0 && !isLower(w.s) || isCoined(w.s) && !strings.Contains(w.s, "/") {
				return // names: the other finders read them
			}
			names = append(names, w.s)
		}
		if !x.plainPhrase(names) {
			return
		}
		a, b := subj[0].start, subj[len(subj)-1].end
		name, ok := x.thingName(c.l.Text[a:b])
		// one word alone says little after "the" ("the room is packed"), and
		// capitalized it may be a name or a sentence's first word ("Pandas is …")
		if !ok || len(subj) == 1 && (len(name) < 4 || isFirstName(name) || from > 0 || !isLower(name)) {
			return
		}
		if !c.take(a, b) {
			return
		}
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && isLower(name[1:]) {
			name = strings.ToLower(name) // the capital is the sentence's
		}
		typ, str := x.typeHint(name, "")
		if t, ok := x.predicateType(c.l.Text[ws[k].end:]); ok && isLower(name) {
			typ, str = t, 4 // "embassy is the framework everyone uses": a tool
		}
		x.attach(c, x.add(c, name, typ, str), false)
		return
	}
}

// predicateType reads the noun phrase after a copula: "a small library",
// "the async framework everyone uses" say their subject is a Tool (the
// rules' type_words), when the type word is the phrase's last noun (an
// article, at most two words, the type word, then the end of the phrase):
// not "a system property".
func (x *extractor) predicateType(rest string) (string, bool) {
	ws := tokenize(rest)
	if len(ws) < 2 || !articles[strings.ToLower(ws[0].s)] {
		return "", false
	}
	for k := 1; k < len(ws) && k <= 3; k++ {
		if strings.TrimSpace(rest[ws[k-1].end:ws[k].start]) != "" {
			return "", false
		}
		t, ok := x.rules.typeWords[strings.ToLower(ws[k].s)]
		if !ok {
			continue
		}
		if k+1 < len(ws) && strings.TrimSpace(rest[ws[k].end:ws[k+1].start]) == "" {
			if n := strings.ToLower(ws[k+1].s); !x.rules.stop[n] && isWord(n) {
				return "", false // "a system property": the type word is a modifier
			}
		}
		return t, true
	}
	return "", false
}

// explainedItems reads a list of things each explained in parentheses:
// "formal checks: fuzzing (random inputs), property tests (generated
// inputs)". Two such items or more on one line make a list; each is a thing
// the entry covers.
func (x *extractor) explainedItems(c *lineCtx) {
	t := c.l.Text
	if strings.Count(t, "(") < 2 || c.e == nil || c.e.kind == entLabel {
		return // not in a to-do list: "bump deps (security), fix docs (typos)"
	}
	ms := explainedRE.FindAllStringSubmatchIndex(t, -1)
	if len(ms) < 2 {
		return
	}
	for _, m := range ms {
		a, b := m[2], m[3]
		ws := strings.Fields(t[a:b])
		if !x.plainPhrase(ws) || c.taken(a, b) {
			continue
		}
		name, ok := x.thingName(t[a:b])
		if !ok || !c.take(a, b) {
			continue
		}
		typ, str := x.typeHint(name, "")
		x.attach(c, x.add(c, name, typ, str), false)
	}
}

// determinerRE finds the noun phrase a link's text ends with: "see the
// Rust borrow checker" → "Rust borrow checker".
var determinerRE = regexp.MustCompile(`(?i)(?:^|\s)(?:the|a|an|our|your|their|its)\s+(\S+(?:\s+\S+){1,2})\s*$`)

// linkPhrase reads the noun phrase a link's text names after a determiner,
// when it joins a name and a common noun: "[read the Go scheduler](…)".
// The phrase must look like a name (nameLike) and end in a lower-case noun
// that is not generic ("the Go docs" names no idea).
func (x *extractor) linkPhrase(c *lineCtx, text string) {
	m := determinerRE.FindStringSubmatchIndex(text)
	if m == nil {
		return
	}
	np := text[m[2]:m[3]]
	ws := strings.Fields(np)
	last := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,;:!?"))
	if !isLower(last) || len(last) < 3 || x.rules.generic[last] || !x.plainPhrase(ws) || !x.nameLike(np) {
		return
	}
	name, ok := x.thingName(np)
	if !ok {
		return
	}
	i := strings.Index(c.l.Text, text)
	if i < 0 {
		return
	}
	j := strings.Index(text, name)
	if j < 0 || !c.take(i+j, i+j+len(name)) {
		return
	}
	x.attach(c, x.add(c, name, graph.Concept, 3), false)
	// the name inside is mentioned too: "the Go scheduler" names Go
	for _, w := range tokenize(name) {
		if s := stripPossessive(w.s); (isCap(s) || isCoined(s)) && !x.rules.notNames[s] && len(s) > 1 {
			typ, str := x.typeHint(s, "")
			x.attach(c, x.addEv(s, typ, str, c.ev()), false)
		}
	}
}

// titleEvent finds the event's own name in a talk's title, however spaced
// ("A Decade of Devconf" at "DevConf 2031"): such a talk is about the
// event, and COVERS it. It appends the mention to hits for addHits.
func (x *extractor) titleEvent(tc *lineCtx, ws []word, event string, hits []spanHit) []spanHit {
	ev, ok := x.eventM[event]
	if !ok {
		return hits
	}
	base := squash(dropYears(event))
	if len(base) < 4 {
		return hits
	}
	i, j, found := eventWords(ws, base)
	if !found {
		return hits
	}
	a, b := ws[i].start, ws[j].end
	if !tc.take(a, b) {
		return hits
	}
	return append(hits, spanHit{c: tc, a: a, b: b, take: true, name: tc.l.Text[a:b], typ: graph.Event, str: 5, join: ev})
}

// eventWords returns the first run of one to three words i..j of ws that
// squashed and joined spell base. Each word is squashed once, and a run
// stops growing once it is no prefix of base.
func eventWords(ws []word, base string) (i, j int, ok bool) {
	sqs := make([]string, len(ws))
	for i := range ws {
		n := 0 // the run i..j squashed and joined is base[:n]
		for j := i; j < len(ws) && j < i+3; j++ {
			if sqs[j] == "" {
				sqs[j] = squash(ws[j].s)
			}
			s := sqs[j]
			if n+len(s) > len(base) || base[n:n+len(s)] != s {
				break
			}
			if n += len(s); n == len(base) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// squash lower-cases s and keeps only its letters and digits.
func squash(s string) string {
	plain := true // lower-case ASCII letters and digits only: s is its own squash
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	if plain {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// verbParticles end a phrasal verb: "speed up", "figure out".
var verbParticles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "away": true, "back": true, "over": true, "around": true}

// questionObject reads a note that asks how something is done: "how do
// teams adopt feature flags", "how to shard databases". The object of its
// verb, at the end of the note, is the topic. To tell the object from the
// verb without a tagger, the object must end in a noun by its form: a
// plural, an abstract-noun ending, or an uncommon word.
func (x *extractor) questionObject(c *lineCtx) {
	first, _, _ := strings.Cut(c.l.Text, " ")
	if !x.rules.questionFirst[strings.ToLower(first)] {
		return // a cheap test before the line's words are read
	}
	ws := x.words(c)
	if len(ws) < 4 || len(ws) > 10 {
		return
	}
	low := func(i int) string { return strings.ToLower(ws[i].s) }
	for _, lead := range x.rules.questionLeads {
		if len(lead) >= len(ws) {
			continue
		}
		ok := true
		for i, w := range lead {
			if low(i) != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		from := len(lead) + 1 // the verb
		if lead[len(lead)-1] != "to" {
			from++ // a subject, then the verb
		}
		if from >= len(ws) || len(ws)-from > 3 {
			return
		}
		if from < len(ws)-1 && verbParticles[strings.ToLower(ws[from].s)] {
			from++ // "how to speed up builds": the particle belongs to the verb
		}
		obj := ws[from:]
		var names []string
		for i, w := range obj {
			if i > 0 && strings.TrimSpace(c.l.Text[obj[i-1].end:w.start]) != "" || !isLower(w.s) {
				return
			}
			names = append(names, w.s)
		}
		last := strings.ToLower(names[len(names)-1])
		if !x.plainPhrase(names) || !(isPlural(last) || x.rules.conceptWord(last) || !isWord(last)) {
			return
		}
		a, b := obj[0].start, obj[len(obj)-1].end
		name, ok := x.thingName(c.l.Text[a:b])
		if !ok || c.taken(a, b) || !c.take(a, b) {
			return
		}
		typ, str := x.typeHint(name, "")
		x.attach(c, x.add(c, name, typ, str), false)
		return
	}
}

// notTermRune reports whether r has no place in a term of prose.
func notTermRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-' || r == '/' || r == '\'' || r == '’')
}

var articles = map[string]bool{"a": true, "an": true, "the": true}
