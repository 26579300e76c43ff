package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestCueMask checks that the first-word guard finds what looking for every
// phrase finds: a line's mask never leaves out a phrase the line holds.
func TestCueMask(t *testing.T) {
	c := compiledRules(nil)
	lines := []string{
		"Jane Doe works at Initech and created quillpad ",
		"(created by the zorkq team) ",
		"similar to: lexo, like kettlr ",
		"the speaker's talk on fast builds ",
		"co-created winpipe; inspired by flatbuf ",
		"nothing here ",
		"worksat initech, works  at nothing ",
		"Sam presented 'Quiet Queues' and walked us through it",
		"ümlaut created quillpad ",
		"",
	}
	all := ^uint64(0)
	for _, l := range lines {
		low := strings.ToLower(l)
		mask := c.cueMask(low)
		for _, cu := range append(slices.Clone(c.cues), c.talkVerbs) {
			if got, want := cu.find(low, mask), cu.find(low, all); !slices.Equal(got, want) {
				t.Errorf("%q, %s: guarded %v, unguarded %v", l, cu.rel, got, want)
			}
		}
	}
	if c.cueMask("plain words only ") != 0 {
		t.Error("a line with no cue word has a mask")
	}
}

// FuzzGuards holds each regexp's cheap guard to the regexp itself: a
// guarded call finds what the regexp finds, on any text.
func FuzzGuards(f *testing.F) {
	for _, s := range []string{
		"Speaker: Jane Doe", "speaker:: Jane", "Ünïcode Feld: wert", "12: no", "a:b",
		"Keynote: The Next Decade", "Talk 3 – Fast Builds", "ſession: x", "KEYNOTE — x",
		"Lightning talk by Jane Doe on fast builds", "a panel BY Sam Lee about queues.",
		"Jane Doe (Initech)", "Jane (@jdoe)", "@jdoe", "by Jane Doe", "Presenter - Sam", "  Keynote by Jane: x", "\tworkshop with Sam - y",
		"\u212Aeynote: x", "opening \t keynote - x", "keynot", "Panelists: Sam Lee", "the  panel by Sam on queues", "ſpeaker: x",
		"from zorkq import get", ">> \timport lexo", ">import kettlr", "use('x')", "require (\"a/b\")", " import x", "> > import x", "importx",
		"10:30 – Keynote", "9h15 - x", "B. Title", "12) Title", "1234) x", "a) x", "Z.", "DevConf 2031 Berlin", "x1999y", "2020",
		"Track 2: x", "Jane works at Initech", "(created by lexo)", "inspired by: x", "built with zorkq and uses kettlr", "trackless: x", "Sessions: x", "aMA: x",
	} {
		f.Add(s)
	}
	c := compiledRules(nil)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fieldMatch(s), fieldRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("fieldMatch(%q) = %q, fieldRE %q", s, got, want)
		}
		if got, want := dropClock(s), clockRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("dropClock(%q) = %q, clockRE %q", s, got, want)
		}
		if got, want := dropListMark(s), listMarkRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("dropListMark(%q) = %q, listMarkRE %q", s, got, want)
		}
		if got, want := dropYears(s), yearRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("dropYears(%q) = %q, yearRE %q", s, got, want)
		}
		if got, want := importMatch(s), importRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("importMatch(%q) = %q, importRE %q", s, got, want)
		}
		if got, want := trailParen(s), trailParenRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("trailParen(%q) = %q, trailParenRE %q", s, got, want)
		}
		if got, want := atHandle(s), slotHandleRE.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("atHandle(%q) = %v, slotHandleRE %v", s, got, want)
		}
		for _, a := range []*anchored{c.talkKind, c.kindByOn, c.speakerCue, c.kindBy} {
			if got, want := a.FindStringIndex(s), a.re.FindStringIndex(s); !slices.Equal(got, want) {
				t.Errorf("%s on %q: guarded %v, regexp %v", a.re, s, got, want)
			}
		}
		low := strings.ToLower(s) + " "
		mask := c.cueMask(low)
		for _, cu := range append(slices.Clone(c.cues), c.talkVerbs) {
			if got, want := cu.find(low, mask), cu.find(low, ^uint64(0)); !slices.Equal(got, want) {
				t.Errorf("%q, %s: guarded %v, unguarded %v", low, cu.rel, got, want)
			}
		}
		if m := c.kindByOn.re.FindStringSubmatch(s); m != nil && !containsFold(s, "by") {
			t.Errorf("kindByOn matches %q, containsFold(by) says no", s)
		}
	})
}

// FuzzHeadMatch holds headDash and headColon to the regexps they stand for.
func FuzzHeadMatch(f *testing.F) {
	for _, s := range []string{
		"zorkq - fast queues", "a -- b", "a --- b", "a -b", "a -", "Trust boundaries–example: x",
		"x — y", "abc:  ", "abc: \n", "a: b", ":x", "a:b", "a:  \n ", "one two three - four\nfive",
		strings.Repeat("é", 47) + " - x", strings.Repeat("a", 49) + " - x", "\xff - x", "a\t-\tb", "a - \n",
		"Sam Lee | Fast Builds", "ab:  ", "ab |x", "x: y", "ab -—– c", "ab --x - y", "Q&A —  \n", "ab :\tc\nd", strings.Repeat("b", 79) + " - x",
		strings.Repeat("b", 80) + ": x", "é - ", "ab-- c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := headDash(s), headDashRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("headDash(%q) = %q, headDashRE %q", s, got, want)
		}
		if got, want := headColon(s), headColonRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("headColon(%q) = %q, headColonRE %q", s, got, want)
		}
		if got, want := headSep(s), headSepRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("headSep(%q) = %q, headSepRE %q", s, got, want)
		}
	})
}

func TestContainsFold(t *testing.T) {
	for _, s := range []string{"Talk BY Jane", "talk by jane", " by ", "by", "Walk With Me", "a b y", "ÄBY by", "\xff by \xff", "witH", " wItH "} {
		for _, sub := range []string{" by ", " with "} {
			if got, want := containsFold(s, sub), strings.Contains(strings.ToLower(s), sub); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}

// FuzzFirstWords holds firstWords to the head of tokenize's words.
func FuzzFirstWords(f *testing.F) {
	for _, s := range []string{"the `ferrocene` toolchain.", "2031-03-02 Met Jane. Then", "a b c d e", "C++ and C#", "x-", "é.ü... q"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = 1 + (n&7+8)%8
		all := tokenize(s)
		want := all[:min(n, len(all))]
		if got := firstWords(s, n); !slices.Equal(got, want) {
			t.Errorf("firstWords(%q, %d) = %v, tokenize's head %v", s, n, got, want)
		}
	})
}

// FuzzTextScan holds the scans of textscan.go to the strings functions
// they stand for, with the character sets the extractor passes them and
// with any other.
func FuzzTextScan(f *testing.F) {
	for _, s := range []string{
		"zorkq – fast queues", "a—b", "(x)", "no marks at all here", "", "‘quoted’ “twice”", "\xe2\x80", "\xff\xfe",
		"ab\xe2\x80\x94", "short", "é:ü", "\uFFFD and \xc3", " two\twords\n", "a\u00a0b\u0085c\u2003d", "\v\f\r x ",
		"tools, E.G. zorkq", "such\u00e9 as x", "Jane's ÄRGER İstanbul’s K-9", "DevConf's",
		"Talk BY Jane", "a with", " with ", "x  by y", "withby ", " WITH\tx", "by the", "a b y ", "the", "Slides", "config", "Creator", "MAINTAINER", "queue", "Queues", "cache", "TODO", "N/A", "us", "US",
		"YOUR_TOKEN", "myLogger", "Replace-Me", "XXXL", "my", "ÿour_x",
		"Libraries", "QUERIES", "tested", "Maria", "MARIA’s", "ies", "flies", "Running", "x's", "Ünal", "KELVIN\u212A", "“Jane”,", "(x)", "’’a’’", "\xff(x)\xe2\x80", "—a—", ".,x,.", "for \u212Axample", "INCL. lexo", "e.", "Such As", "inclu",
	} {
		f.Add(s, "–—")
	}
	c := compiledRules(nil)
	foldMap := map[string]string{"creator": "a", "k": "b", "i̇": "c", "straße": "d", "": "e"}
	fold := func(v string, _ bool) string { return v }
	cutsets := []string{nameTrim.chars, wordTrim.chars, contextTrim.chars, thingTrim.chars, personTrim.chars, "x", "\xff", "\uFFFD", ""}
	sets := []string{":|—–", ",:|(—–", "–—", "—–(", ":-–—", ":–—", ",-–—", ",—–|", "'\"‘“"}
	f.Fuzz(func(t *testing.T, s, chars string) {
		for _, cs := range append(sets, chars) {
			if got, want := indexAny(s, cs), strings.IndexAny(s, cs); got != want {
				t.Errorf("indexAny(%q, %q) = %d, strings.IndexAny %d", s, cs, got, want)
			}
		}
		if got, want := c.examplesHint(s), c.examplesHintLower(s); got != want {
			t.Errorf("examplesHint(%q) = %v, examplesHintLower %v", s, got, want)
		}
		for _, cs := range append(cutsets, chars) {
			c := newCutset(cs)
			if got, want := c.trim(s), strings.Trim(s, cs); got != want {
				t.Errorf("cutset %q: trim(%q) = %q, strings.Trim %q", cs, s, got, want)
			}
			if got, want := c.trimLeft(s), strings.TrimLeft(s, cs); got != want {
				t.Errorf("cutset %q: trimLeft(%q) = %q, strings.TrimLeft %q", cs, s, got, want)
			}
			if got, want := c.trimRight(s), strings.TrimRight(s, cs); got != want {
				t.Errorf("cutset %q: trimRight(%q) = %q, strings.TrimRight %q", cs, s, got, want)
			}
		}
		ws := tokenize(s)
		lows, ends := appendFoldedWords(nil, nil, ws)
		for i, w := range ws {
			got, want := string(lows[ends[max(i-1, 0)]:ends[i]]), strings.ToLower(stripPossessive(w.s))
			if i == 0 {
				got = string(lows[:ends[0]])
			}
			if got != want {
				t.Errorf("appendFoldedWords(%q) word %d = %q, want %q", s, i, got, want)
			}
		}
		if got, want := plainWords(s), plainWordsRunes(s); !slices.Equal(got, want) {
			t.Errorf("plainWords(%q) = %v, plainWordsRunes %v", s, got, want)
		}
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("appendFields(%q) = %q, strings.Fields %q", s, got, want)
		}
		if got, want := fold(foldLookup(foldMap, s)), foldMap[strings.ToLower(s)]; got != want {
			t.Errorf("foldLookup(%q) = %q, want %q", s, got, want)
		}
		if got, want := placeholder(s), placeholderRef(s); got != want {
			t.Errorf("placeholder(%q) = %v, want %v", s, got, want)
		}
		for _, w := range []string{s, strings.ToLower(s)} {
			k := c.wordKinds[w]
			if k&kindStop != 0 != c.stop[w] || k&kindGeneric != 0 != c.generic[w] || k&kindWork != 0 != c.workWords[w] {
				t.Errorf("wordKinds[%q] = %b, stop %v generic %v work %v", w, k, c.stop[w], c.generic[w], c.workWords[w])
			}
		}
		if got, want := c.isNotName(s), c.notNames[s]; got != want {
			t.Errorf("isNotName(%q) = %v, notNames %v", s, got, want)
		}
		for _, m := range []map[string]string{foldMap, c.suffixCues} {
			if got, want := fold(foldLookupShaped(m, shapesOf(m), s)), m[strings.ToLower(s)]; got != want {
				t.Errorf("foldLookupShaped(%q) = %q, want %q", s, got, want)
			}
		}
		if got, _ := foldLookupShaped(c.termHeads, c.termHeadShape, s); got != c.termHeads[strings.ToLower(s)] {
			t.Errorf("foldLookupShaped(termHeads, %q) = %v", s, got)
		}
		if got, want := hasByOrWith(s), containsFold(s, " by ") || containsFold(s, " with "); got != want {
			t.Errorf("hasByOrWith(%q) = %v, want %v", s, got, want)
		}
		if got, want := isWord(s), isWordRef(s); got != want {
			t.Errorf("isWord(%q) = %v, want %v", s, got, want)
		}
		if got, want := isFirstName(s), firstNames[strings.ToLower(s)]; got != want {
			t.Errorf("isFirstName(%q) = %v, want %v", s, got, want)
		}
		if got, want := isExactWord(s), words[strings.ToLower(s)]; got != want {
			t.Errorf("isExactWord(%q) = %v, want %v", s, got, want)
		}
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, len(strings.Fields) %d", s, got, want)
		}
	})
}

// plainWordsRunes is plainWords as first written, rune by rune: the
// reference FuzzTextScan holds plainWords to.
func plainWordsRunes(s string) [][2]int {
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

// FuzzEventWords holds eventWords and squash to the loop and the squash
// they replaced (eventWordsRef, squashRunes).
func FuzzEventWords(f *testing.F) {
	for _, s := range [][2]string{
		{"Notes from DevConf 2031 Berlin", "devconf"}, {"Dev Conf talks", "devconf"}, {"the Go-Days meetup", "godays"},
		{"a b c d", "abcd"}, {"Grüße aus Köln", "köln"}, {"x ++ y", "xy"}, {"#1 GopherMeet", "gophermeet"}, {"", "abcd"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, event string) {
		if got, want := squash(event), squashRunes(event); got != want {
			t.Errorf("squash(%q) = %q, want %q", event, got, want)
		}
		base := squashRunes(event)
		ws := tokenize(text)
		i, j, ok := eventWords(ws, base)
		ri, rj, rok := eventWordsRef(ws, base)
		if ok != rok || ok && (i != ri || j != rj) {
			t.Errorf("eventWords(%q, %q) = %d, %d, %v; want %d, %d, %v", text, base, i, j, ok, ri, rj, rok)
		}
	})
}

func squashRunes(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func eventWordsRef(ws []word, base string) (int, int, bool) {
	for i := range ws {
		var sq strings.Builder
		for j := i; j < len(ws) && j < i+3; j++ {
			sq.WriteString(squashRunes(ws[j].s))
			if sq.Len() > len(base) {
				break
			}
			if sq.String() != base {
				continue
			}
			return i, j, true
		}
	}
	return 0, 0, false
}

// isWordRef is isWord as first written, folding with strings.ToLower.
func isWordRef(w string) bool {
	lexOnce.Do(loadLexicons)
	w = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	if words[w] {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "ing", "ly", "d"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 && words[b] {
			return true
		}
	}
	if b, ok := strings.CutSuffix(w, "ies"); ok && words[b+"y"] {
		return true
	}
	return false
}

// placeholderRef is placeholder as first written, lowering the name.
func placeholderRef(name string) bool {
	low := strings.ToLower(name)
	for _, p := range []string{"your_", "your-", "my_", "my-", "replace_me", "replace-me", "xxx", "changeme"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	for _, p := range []string{"my", "your"} {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && unicode.IsUpper(rune(rest[0])) {
			return true
		}
	}
	return false
}

// TestWordKinds: wordKinds holds every word of stop, generic and
// workWords with exactly the sets it is in, and notNameStart every first
// byte of notNames.
func TestWordKinds(t *testing.T) {
	c := compiledRules(nil)
	words := map[string]bool{}
	for _, m := range []map[string]bool{c.stop, c.generic, c.workWords} {
		for w := range m {
			words[w] = true
		}
	}
	if len(c.wordKinds) != len(words) {
		t.Errorf("wordKinds has %d words, the three sets %d", len(c.wordKinds), len(words))
	}
	for w := range words {
		k := c.wordKinds[w]
		if k&kindStop != 0 != c.stop[w] || k&kindGeneric != 0 != c.generic[w] || k&kindWork != 0 != c.workWords[w] {
			t.Errorf("wordKinds[%q] = %b", w, k)
		}
	}
	for w := range c.notNames {
		if !c.isNotName(w) {
			t.Errorf("isNotName(%q) = false", w)
		}
	}
}
