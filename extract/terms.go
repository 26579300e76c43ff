package extract

import (
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// terms finds the technical terms a talk's notes write in lower case: one or
// two modifiers before a head noun from the rules' term_heads ("write
// caching", "static code analysis", "retry queue"). It runs in a talk's
// notes only, where a phrase of this shape is what the talk covers; outside a
// talk the same phrase is too often an ordinary description.
func (x *extractor) terms(c *lineCtx) {
	if c.e == nil || c.e.kind != entTalk || c.title {
		return
	}
	ws := x.words(c)
	t := c.l.Text
	for i := 1; i < len(ws); i++ {
		if head, _ := foldLookupShaped(x.rules.termHeads, x.rules.termHeadShape, ws[i].s); !head || !isLower(ws[i].s) {
			continue
		}
		// the modifiers: up to two lower-case words right before the head,
		// joined by spaces or hyphens only
		k := i
		for k > 0 && i-k < 2 {
			m := ws[k-1]
			lm := strings.ToLower(m.s)
			// a sentence's capital is no name's: "Write caching helps"
			plain := isLower(m.s) || m.sentStart && isCap(m.s) && isLower(m.s[1:])
			if !plain || !termWord(strings.ToLower(m.s)) || x.rules.stop[lm] || x.rules.weakModifiers[lm] ||
				strings.HasSuffix(lm, "ly") || strings.TrimSpace(t[m.end:ws[k].start]) != "" {
				break
			}
			k--
		}
		if k < i && isVerb(ws[k].s) {
			k++ // "enable write caching": the verb is not part of the term
		}
		if k == i {
			continue
		}
		a, b := ws[k].start, ws[i].end
		if c.taken(a, b) || !c.take(a, b) {
			continue
		}
		x.attach(c, x.add(c, t[a:b], graph.Concept, 2), false)
	}
}

// termWord reports whether w can stand in a term: letters, maybe hyphens
// ("snapshot-based").
func termWord(w string) bool {
	if len(w) < 2 || strings.HasPrefix(w, "-") || strings.HasSuffix(w, "-") {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}
