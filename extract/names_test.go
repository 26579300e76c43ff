package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRunes is tokenize as first written, rune by rune with
// unicode's predicates: the reference for the table-driven eachWord.
func tokenizeRunes(text string) []word {
	var idx [][2]int
	isStart := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#' }
	isIn := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_.'’+#/-@", r)
	}
	isEnd := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' }
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isStart(r) {
			i += n
			continue
		}
		start, lastEnd := i, -1
		if isEnd(r) {
			lastEnd = i + n
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isIn(r2) {
				break
			}
			j += n2
			if isEnd(r2) {
				lastEnd = j
			}
		}
		if lastEnd > start {
			idx = append(idx, [2]int{start, lastEnd})
			i = lastEnd
		} else {
			i = j
		}
	}
	out := []word{}
	prev := 0
	lead := true
	for i, ix := range idx {
		s := text[ix[0]:ix[1]]
		gap := text[prev:ix[0]]
		start := i == 0 || lead || strings.ContainsAny(gap, ".!?:;|") || strings.Contains(gap, " - ") || strings.Contains(gap, "–") || strings.Contains(gap, "—")
		lead = lead && !strings.ContainsFunc(s, unicode.IsLetter)
		out = append(out, word{s: s, start: ix[0], end: ix[1], sentStart: start})
		prev = ix[1]
	}
	return out
}

var tokenizeSeeds = []string{
	"", "   ", "spine.js, quick_setup and C++ by @jdoe (x40-120).",
	"2031-03-02 Met Ana. She said: use Zig — or Rust – maybe | Go",
	"Müller’s Ærø straße naïve 東京 タワー", "#tag #a/b c#", "'quoted' -dash- .dot.", "\xff\xfeab\xc3",
	"e.g. i.e. U.S.A. v1.2.3-rc1+build", "🚀 Launch ❤️ day", "10:30 – 11:00 Keynote",
}

func TestTokenize(t *testing.T) {
	for _, s := range tokenizeSeeds {
		if got, want := tokenize(s), tokenizeRunes(s); !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzTokenize holds tokenize (an ASCII table, one allocation) equal to
// the rune-by-rune reading it replaced.
func FuzzTokenize(f *testing.F) {
	for _, s := range tokenizeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := tokenize(s), tokenizeRunes(s)
		if !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
		var spans [][2]int
		for _, w := range want {
			spans = append(spans, [2]int{w.start, w.end})
		}
		if got := wordSpans(s); !slices.Equal(got, spans) {
			t.Errorf("wordSpans(%q) = %v, want %v", s, got, spans)
		}
	})
}

// TestStripPossessive: the fast path (no suffix can end the word) keeps
// what the suffix loop would.
func TestStripPossessive(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "s": "s", "Okafor's": "Okafor", "Okafor’s": "Okafor", "Jones'": "Jones", "Jones’": "Jones",
		"x'": "x'", "a's": "a's", "tools": "tools", "Go": "Go", "naïve": "naïve", "’": "’", "it’": "it",
	} {
		if got := stripPossessive(in); got != want {
			t.Errorf("stripPossessive(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEventName(t *testing.T) {
	x := newExtractor(nil)
	for _, c := range []struct{ title, want string }{
		{"DevConf Notes", "DevConf"},
		{"Notes from DevConf 2031", "DevConf 2031"},
		{"GopherMeet 2031 talk links and notes", "GopherMeet 2031"},
		{"Days of Rust 2031 recap", "Days of Rust 2031"},
		{"Rust Valley Meetup #14", "Rust Valley Meetup #14"},
		{"Reading group, week 12", "Reading group"},
	} {
		if got := x.eventName(c.title); got != c.want {
			t.Errorf("eventName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}
