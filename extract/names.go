package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// word is a token of a line's text with its byte span.
type word struct {
	s          string
	start, end int
	// sentStart is true for the first word of the text or of a sentence
	// (after . ! ? : ; or a dash, or after a leading date or time), where
	// capitals say nothing.
	sentStart bool
}

// tokenize splits text into words: a letter, digit, '@' or '#', then
// letters, digits and the joiners _ . ' ’ + # / -, ending on a letter, digit,
// '+' or '#' ("spine.js", "quick_setup", "C++", "@jdoe", "x40-120").
// It runs on every line in walk and pass 2, so it makes one allocation, the
// result, of the exact size: lines keep their words for pass 2 (FuzzTokenize
// holds it equal to the plain rune-by-rune reading).
func tokenize(text string) []word {
	// the words are gathered on the stack and copied out once: one scan of
	// the line, where counting first would scan it twice
	var buf [64]word
	out := appendWords(buf[:0], text)
	res := make([]word, len(out))
	copy(res, out)
	return res
}

// appendWords appends tokenize's words of text to out.
func appendWords(out []word, text string) []word {
	n0 := len(out)
	prev := 0
	lead := true // every word so far is a number: a date or a time ("2031-03-02 Met …")
	for a, b := nextWord(text, 0); a >= 0; a, b = nextWord(text, b) {
		s := text[a:b]
		start := len(out) == n0 || lead || sentenceGap(text[prev:a])
		lead = lead && !hasLetter(s)
		// a trailing dot of an abbreviation or a sentence end is not part of a word
		// unless the word is dotted inside (spine.js, e.g.)
		out = append(out, word{s: s, start: a, end: b, sentStart: start})
		prev = b
	}
	return out
}

// sentenceGap reports whether the text between two words ends a sentence:
// it holds one of . ! ? : ; | or a dash (" - ", "–", "—"). Most gaps are a
// space or ", ", which the byte loop settles without a search.
func sentenceGap(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch b := gap[i]; {
		case b == '.' || b == '!' || b == '?' || b == ':' || b == ';' || b == '|':
			return true
		case b == '-' || b >= utf8.RuneSelf:
			return strings.Contains(gap, " - ") || strings.Contains(gap, "–") || strings.Contains(gap, "—") ||
				strings.ContainsAny(gap[i:], ".!?:;|")
		}
	}
	return false
}

// wordSpans returns the byte spans of tokenize's words.
func wordSpans(text string) [][2]int {
	var out [][2]int
	eachWord(text, func(a, b int) { out = append(out, [2]int{a, b}) })
	return out
}

// Word classes of a rune, for eachWord: one that starts a word, one that
// may stand inside it, one that may end it.
const (
	wordStart uint8 = 1 << iota
	wordIn
	wordEnd
)

// asciiWord holds the classes of the ASCII runes; other runes are read by
// runeWordClass.
var asciiWord = func() (t [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = runeWordClass(r)
	}
	return t
}()

func runeWordClass(r rune) uint8 {
	var c uint8
	alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
	if alnum || r == '@' || r == '#' {
		c |= wordStart
	}
	if alnum || strings.ContainsRune("_.'’+#/-@", r) {
		c |= wordIn
	}
	if alnum || r == '+' || r == '#' {
		c |= wordEnd
	}
	return c
}

// eachWord calls f with the span of each word of text, in order.
func eachWord(text string, f func(a, b int)) {
	eachWordWhile(text, func(a, b int) bool { f(a, b); return true })
}

// firstWords is tokenize(text)[:n] (or all of it, when shorter), read no
// further than its n-th word: a word's span and sentStart depend on the
// text before it only.
func firstWords(text string, n int) []word {
	k, end := 0, 0
	eachWordWhile(text, func(_, b int) bool {
		k, end = k+1, b
		return k < n
	})
	if k == 0 {
		return nil
	}
	return tokenize(text[:end])
}

// eachWordWhile is eachWord that stops when f returns false.
func eachWordWhile(text string, f func(a, b int) bool) {
	for a, b := nextWord(text, 0); a >= 0 && f(a, b); a, b = nextWord(text, b) {
	}
}

// nextWord returns the span [a, b) of the first word of text that starts
// at i or after, or a = -1 when there is none. An ASCII rune's classes are
// read from asciiWord in line; other runes go through wordClass.
func nextWord(text string, i int) (a, b int) {
	for i < len(text) {
		c, n := asciiWord[text[i]&0x7F], 1
		if text[i] >= utf8.RuneSelf {
			c, n = wordClass(text[i:])
		}
		if c&wordStart == 0 {
			i += n
			continue
		}
		start, lastEnd := i, -1
		if c&wordEnd != 0 {
			lastEnd = i + n
		}
		j := i + n
		for j < len(text) {
			c2, n2 := asciiWord[text[j]&0x7F], 1
			if text[j] >= utf8.RuneSelf {
				c2, n2 = wordClass(text[j:])
			}
			if c2&wordIn == 0 {
				break
			}
			j += n2
			if c2&wordEnd != 0 {
				lastEnd = j
			}
		}
		if lastEnd > start {
			return start, lastEnd
		}
		i = j
	}
	return -1, len(text)
}

// wordClass returns the word classes of the rune s starts with and its size.
func wordClass(s string) (uint8, int) {
	r, n := utf8.DecodeRuneInString(s)
	return runeWordClass(r), n
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= utf8.RuneSelf {
			return strings.ContainsFunc(s[i:], unicode.IsLetter)
		} else if 'a' <= b|0x20 && b|0x20 <= 'z' {
			return true
		}
	}
	return false
}

var particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true,
	"di": true, "la": true, "le": true, "du": true, "del": true, "bin": true, "al": true, "lu": true, "st.": true, "mc": true}

// personStrength says how much the position of a name vouches for it being a
// person's.
type personStrength int

const (
	weakPos   personStrength = iota // capitalized words in running text
	headPos                         // the head of an entry ("Mara Quill:")
	strongPos                       // a speaker line, "by X", "X's [talk]"
)

// personName returns the cleaned name if s reads as a person's name from a
// position of the given strength.
func (x *extractor) personName(s string, pos personStrength) (string, bool) {
	s = strings.TrimSpace(personTrim.trim(s))
	s = stripPossessive(s)
	if h, ok := strings.CutPrefix(s, "@"); ok && pos >= headPos && handleRE.MatchString(s) {
		return h, true
	}
	var tb [8]string
	toks := appendFields(tb[:0], s)
	if len(toks) < 2 || len(toks) > 4 || len(s) > 40 {
		return "", false
	}
	allCap, allLow := true, true
	for i, t := range toks {
		lt := strings.ToLower(t)
		if particles[lt] && i > 0 && i < len(toks)-1 {
			continue
		}
		for _, r := range t {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return "", false
			}
		}
		if x.rules.stop[lt] || x.rules.notNames[t] || x.rules.generic[lt] && i == 0 && !(pos == strongPos && isFirstName(t)) {
			return "", false // but "by May Chen": a month that is also a given name
		}
		if isAcronym(t) {
			return "", false
		}
		if isCap(t) {
			allLow = false
		} else {
			allCap = false
		}
	}
	first := isFirstName(toks[0])
	if !allCap && !(allLow && pos >= headPos && first) {
		return "", false
	}
	if allLow && (isWord(toks[0]) || isWord(toks[len(toks)-1]) || len(toks) > 3) {
		return "", false // "angle brackets", "hue values": words, not a name
	}
	for _, t := range toks[:len(toks)-1] {
		if strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") {
			return "", false // "John Gruber's Markdown"
		}
	}
	switch pos {
	case weakPos:
		if !first {
			return "", false
		}
		rest := false
		for _, t := range toks[1:] {
			if !isWord(t) {
				rest = true
			}
		}
		if !rest {
			return "", false
		}
	case headPos:
		if !first {
			return "", false
		}
	}
	if allLow {
		// "nina ortiz": keep the writer's spelling; resolution folds case.
		return s, true
	}
	return s, true
}

var handleRE = regexp.MustCompile(`^@[A-Za-z0-9_]{2,30}$`)

func stripPossessive(s string) string {
	if n := len(s); n == 0 || s[n-1] != 's' && s[n-1] != '\'' && s[n-1] != "’"[2] {
		return s // no suffix can end here: most words, on every token of pass 1 and 2
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(s, suf); ok && len(t) > 1 {
			return t
		}
	}
	return s
}

// asideRE matches an aside in parentheses and the space before it.
var asideRE = regexp.MustCompile(`\s*\(([^()]*)\)`)

// splitAffiliated splits a list of people of which some carry an
// affiliation in parentheses — "Ana Ruiz (Initech), Bo Li and Cy Dunn" —
// into the list without them ("Ana Ruiz, Bo Li and Cy Dunn") and each
// name's affiliation ("Initech", "", ""). ok is false when no name but the
// last has one: then a trailing aside may be everyone's ("by A and B
// (Initech)") and the caller reads it so.
func splitAffiliated(s string) (names []string, orgs []string, ok bool) {
	if !asideRE.MatchString(s) {
		return nil, nil, false
	}
	var asides []string
	masked := asideRE.ReplaceAllStringFunc(s, func(m string) string {
		asides = append(asides, asideRE.FindStringSubmatch(m)[1])
		return fmt.Sprintf("\x00%d\x00", len(asides)-1)
	})
	for i, p := range splitPeople(masked) {
		org := ""
		if a, b := strings.IndexByte(p, 0), strings.LastIndexByte(p, 0); a >= 0 && b > a {
			if k, err := strconv.Atoi(p[a+1 : b]); err == nil && k < len(asides) {
				org = strings.TrimSpace(asides[k])
				ok = ok || i < len(splitPeople(masked))-1
			}
			p = strings.TrimSpace(p[:a] + p[b+1:])
		}
		names, orgs = append(names, p), append(orgs, org)
	}
	return names, orgs, ok
}

// splitPeople splits "A and B", "A & B", "A, B and C" into names.
func splitPeople(s string) []string {
	s = strings.NewReplacer(" & ", ",", " and ", ",", " und ", ",", " y ", ",", " + ", ",", ";", ",", " / ", ",").Replace(s)
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// thingName cleans s and reports whether it reads as the name of a thing:
// short, not a sentence, not starting or ending with a function word.
func (x *extractor) thingName(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = thingTrim.trim(s)
	s = stripPossessive(s)
	if s == "" || len(s) > 48 || strings.ContainsAny(s, "!?;|{}<>") {
		return "", false
	}
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return "", false
	}
	var tb [8]string
	toks := appendFields(tb[:0], s)
	if len(toks) == 0 || len(toks) > 4 {
		return "", false // nothing but spaces once the punctuation is gone
	}
	if len(toks) == 1 && fileName(s) {
		return "", false // "notes.md", "settings.py": a file, not a thing
	}
	if !collapsed(s) {
		s = strings.Join(toks, " ")
	}
	low := strings.ToLower(s)
	if x.rules.generic[low] || x.rules.labels[low] || x.rules.notNames[s] || x.rules.workWords[low] {
		return "", false
	}
	if x.allGeneric(toks) {
		return "", false // "Lunch Break", "Day 2", "Closing thoughts": words of the day, not a thing
	}
	first, last := strings.ToLower(toks[0]), strings.ToLower(toks[len(toks)-1])
	if x.rules.stop[first] || x.rules.stop[last] {
		return "", false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return "", false
	}
	for _, t := range toks {
		if strings.Count(t, ".") > 0 && !isCoined(t) && !strings.HasSuffix(t, ".") && len(toks) > 1 {
			return "", false // a sentence: "it. Then"
		}
	}
	return s, true
}

// allGeneric reports whether a name of several words has only generic words,
// labels and numbers: "Lunch Break", "Day 2".
func (x *extractor) allGeneric(toks []string) bool {
	return len(toks) > 1 && !slices.ContainsFunc(toks, func(t string) bool {
		lt := strings.ToLower(t)
		return !x.rules.generic[lt] && !x.rules.labels[lt] && strings.ContainsFunc(t, unicode.IsLetter)
	})
}

// isNameShaped reports whether a single token looks like a name wherever it
// stands: coined (CPython, quick_setup, spine.js), or capitalized and not
// an English word ("Sagrada").
func (x *extractor) isNameShaped(w string) bool {
	if x.rules.notNames[w] || x.rules.stop[strings.ToLower(w)] {
		return false
	}
	if isCoined(w) {
		return true
	}
	return isCap(w) && !isWord(w) && !isFirstName(w) && len(w) > 2
}

var abstractSuffixes = []string{"ity", "ing", "tion", "sion", "ness", "ment", "ism", "ance", "ence", "ology", "ics", "ship", "hood"}

// abstract reports whether w ends like an abstract English noun
// ("Approachability"), which a small lexicon may lack.
func abstract(w string) bool {
	w = strings.ToLower(w)
	for _, suf := range abstractSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// typeHint guesses a thing's type from its name's shape and the words around it.
func (x *extractor) typeHint(name, context string) (string, int) {
	for w := range strings.FieldsSeq(context) {
		w = strings.ToLower(contextTrim.trim(w))
		if t, ok := x.rules.typeWords[w]; ok {
			return t, 4
		}
	}
	var tb [8]string
	toks := appendFields(tb[:0], name)
	if len(toks) == 1 {
		t := toks[0]
		if isAcronym(t) {
			return graph.Concept, 1
		}
		if isCoined(t) {
			return graph.Tool, 2
		}
		if !isWord(t) && isLower(t) {
			for _, suf := range abstractSuffixes {
				if strings.HasSuffix(t, suf) {
					return graph.Concept, 1 // "composability", "backpressure": English, if rare
				}
			}
			return graph.Tool, 2
		}
	}
	if len(toks) > 1 && isCap(toks[0]) {
		last := strings.ToLower(toks[len(toks)-1])
		if t, ok := x.rules.typeWords[last]; ok {
			return t, 3
		}
	}
	if isLower(name) && len(toks) > 1 {
		return graph.Concept, 1
	}
	return graph.Concept, 0
}
