package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// This file holds the finders of Concepts: the ideas a talk is about, which
// notes mostly name in lower-case prose ("distributed systems are hard"),
// where no capital or code span marks them. Each finder reads one shape of
// notes; the words they look for are in rules.yaml.

// talkBody is a talk's title line and the lines of its notes.
type talkBody struct {
	name  string
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
			b = &talkBody{name: x.ms[r].name}
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
// up again: "Programming Distributed Systems" whose notes say "distributed
// systems are hard". A phrase of two or three words from the title counts
// when the notes repeat it once, in any inflection ("Parsing Binary Formats"
// and "parsers for binary formats"); a single longer word when they repeat
// it twice ("gardens … a garden"). The node takes the notes' spelling.
// Then the title's own concept words count without repetition (titleWords).
func (x *extractor) titleTopics() {
	for _, b := range x.talkBodies() {
		ws := strings.Fields(strings.ToLower(b.name))
		for i := range ws {
			ws[i] = strings.Trim(ws[i], ".,:;!?()[]\"'‘’“”")
		}
		type lineWords struct {
			c     *lineCtx
			spans [][2]int
			low   string
		}
		var body []lineWords
		for _, c := range b.lines {
			low := strings.ToLower(c.l.Text)
			if len(low) != len(c.l.Text) {
				continue // case folding moved byte offsets
			}
			body = append(body, lineWords{c, plainWords(low), low})
		}
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
						sp, ok := matchGram(lw.low, lw.spans[j:j+n], gram)
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
				if len(hits) == 0 || n == 1 && times < 2 {
					continue
				}
				for k, c := range hits {
					c.take(at[k][0], at[k][1])
					name := c.l.Text[at[k][0]:at[k][1]]
					typ, str := x.typeHint(name, "")
					x.attach(c, x.add(c, name, typ, str), false)
				}
			}
		}
		if b.title != nil {
			x.titleWords(b.title)
		}
	}
}

// topicGram reports whether words of a title can name a topic: no function
// word at either end, a single word long enough and not generic, and no
// plural before the last word. A plural inside an English noun phrase is
// rare ("robot arms", not "robots arms"): "Teaching Robots Walk" has a
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
// English word: "robots", "systems"; not "class", "status", "physics".
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
// apostrophe inside a word is kept: "shazaam's").
func plainWords(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && (r == '\'' || r == '’')
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// matchGram reports whether the words at spans of low spell gram, word for
// word in any inflection and separated by spaces only, and returns their
// span.
func matchGram(low string, spans [][2]int, gram []string) ([2]int, bool) {
	for k, sp := range spans {
		if k > 0 && strings.TrimSpace(low[spans[k-1][1]:sp[0]]) != "" {
			return [2]int{}, false
		}
		w := stripPossessive(low[sp[0]:sp[1]])
		if !sameStem(gram[k], w, len(gram) > 1) {
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
// and sustainability"), by the endings in the rules' concept_suffixes. They
// are concepts the talk COVERS, with the title's line as evidence.
func (x *extractor) titleWords(tc *lineCtx) {
	t := tc.l.Text
	for _, w := range tc.words() {
		s := stripPossessive(w.s)
		low := strings.ToLower(s)
		if tc.taken(w.start, w.end) || !isAlpha(s) || x.rules.stop[low] || x.rules.generic[low] || x.rules.notNames[s] {
			continue
		}
		if !x.rules.conceptWord(low) {
			continue
		}
		if !tc.take(w.start, w.start+len(s)) {
			continue
		}
		name := t[w.start : w.start+len(s)]
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && isLower(name[1:]) {
			name = strings.ToLower(name) // the capital is the title's, not the word's
		}
		x.attach(tc, x.add(tc, name, graph.Concept, 3), false)
	}
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
