package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byte scans that stand in for strings functions on the per-line path,
// where the general function does more than the line needs. Each returns
// what the function it replaces returns, on any text (FuzzTextScan).

// indexAny is strings.IndexAny(s, chars). When chars holds a rune past
// ASCII ("–—", "‘“"), strings.IndexAny looks each rune of s up in chars
// (an IndexRune call a byte); here the ASCII bytes of s are read against a
// bit set of chars' ASCII bytes, and only the other runes are decoded and
// looked up.
func indexAny(s, chars string) int {
	var set [2]uint64 // chars' ASCII bytes
	wide := false     // chars holds a rune past ASCII
	for i := 0; i < len(chars); i++ {
		if b := chars[i]; b < utf8.RuneSelf {
			set[b>>6] |= 1 << (b & 63)
		} else {
			wide = true
		}
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < utf8.RuneSelf {
			if set[b>>6]&(1<<(b&63)) != 0 {
				return i
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		// an invalid byte reads as utf8.RuneError, as in a range over s
		if wide && strings.IndexRune(chars, r) >= 0 {
			return i
		}
		i += n - 1
	}
	return -1
}

// containsAny is strings.ContainsAny(s, chars), read by indexAny.
func containsAny(s, chars string) bool { return indexAny(s, chars) >= 0 }

// fieldCount is len(strings.Fields(s)), counted without making the fields.
func fieldCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		b, size := s[i], 1
		var space bool
		if b < utf8.RuneSelf {
			space = b == ' ' || '\t' <= b && b <= '\r' // strings.Fields' ASCII spaces: \t \n \v \f \r and ' '
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && !in {
			n++
		}
		in = !space
		i += size
	}
	return n
}

// cutset is the chars of a strings.Trim call, made once. strings.Trim
// builds its byte set on every call, and with a char past ASCII in the set
// ("“”", "–—") looks each rune up with IndexRune; a cutset reads ASCII
// runes from its bit set and looks up only the others in chars.
type cutset struct {
	ascii [2]uint64
	chars string
}

func newCutset(chars string) *cutset {
	c := &cutset{chars: chars}
	for i := 0; i < len(chars); i++ {
		if b := chars[i]; b < utf8.RuneSelf {
			c.ascii[b>>6] |= 1 << (b & 63)
		}
	}
	return c
}

// has reports whether r is in the set: strings.ContainsRune(chars, r), so
// that utf8.RuneError (an invalid byte of the trimmed text) is in it only
// when chars holds one too.
func (c *cutset) has(r rune) bool {
	if r < utf8.RuneSelf {
		return c.ascii[r>>6]&(1<<(r&63)) != 0
	}
	return strings.ContainsRune(c.chars, r)
}

// trimLeft is strings.TrimLeft(s, chars).
func (c *cutset) trimLeft(s string) string {
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		if !c.has(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// trimRight is strings.TrimRight(s, chars).
func (c *cutset) trimRight(s string) string {
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		if !c.has(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// trim is strings.Trim(s, chars).
func (c *cutset) trim(s string) string { return c.trimLeft(c.trimRight(s)) }

// The cutsets of the per-line path.
var (
	nameTrim    = newCutset("*_~\"“”:;,.!?()[]'’")            // a word that may be a given name (mayNamePerson)
	wordTrim    = newCutset(".,:;!?()[]\"'‘’“”")              // a title's word (bodyTopics)
	contextTrim = newCutset(".,;:()[]")                       // a word around a name (typeHint)
	thingTrim   = newCutset(" \t*_~\"“”'‘’:;,.!?()[]{}<>-–—") // a thing's name (thingName)
	personTrim  = newCutset(" \t*_~`\"“”:;,.!?()[]")          // a person's name (personName)
)

// appendFields appends strings.Fields(s) to dst. With dst a caller's stack
// array, the words of a short name are split without the slice Fields
// makes: thingName, typeHint and personName split every candidate.
func appendFields(dst []string, s string) []string {
	start := -1 // the start of the field being read
	for i := 0; i < len(s); {
		b, size := s[i], 1
		var space bool
		if b < utf8.RuneSelf {
			space = b == ' ' || '\t' <= b && b <= '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			dst = append(dst, s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// lowerASCII appends w lower-cased to dst and reports true when w is all
// ASCII: then dst holds strings.ToLower(w)'s bytes, which a map lookup
// reads without making the string (m[string(b)]). For any other w it
// reports false, and the caller folds w with strings.ToLower.
func lowerASCII(dst []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		b := w[i]
		if b >= utf8.RuneSelf {
			return dst, false
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		dst = append(dst, b)
	}
	return dst, true
}

// foldLookup is m[strings.ToLower(w)], without making the folded string
// for an ASCII w.
func foldLookup[V any](m map[string]V, w string) (V, bool) {
	var kb [32]byte
	if k, ok := lowerASCII(kb[:0], w); ok {
		v, found := m[string(k)]
		return v, found
	}
	v, found := m[strings.ToLower(w)]
	return v, found
}

// keyShapes says cheaply that an ASCII word, case folded, is none of a
// set's keys: for each first byte, the lengths of the keys that start
// with it (bit 63 for 63 bytes or more). A lookup behind it skips the hash
// for nearly every word of a line.
type keyShapes [256]uint64

func shapesOf[V any](m map[string]V) *keyShapes {
	var k keyShapes
	for key := range m {
		if key != "" {
			k[key[0]] |= 1 << min(len(key), 63)
		}
	}
	return &k
}

// foldLookupShaped is foldLookup(m, w) where shapes is shapesOf(m): a
// folded ASCII word whose first byte and length no key has is not looked
// up.
func foldLookupShaped[V any](m map[string]V, shapes *keyShapes, w string) (V, bool) {
	var kb [32]byte
	if k, ok := lowerASCII(kb[:0], w); ok {
		if len(k) == 0 || shapes[k[0]]&(1<<min(len(k), 63)) != 0 {
			v, found := m[string(k)]
			return v, found
		}
		var zero V
		return zero, false
	}
	v, found := m[strings.ToLower(w)]
	return v, found
}
