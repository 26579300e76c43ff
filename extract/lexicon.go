package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The lexicons are general-language data (see data/README.md): given names
// from the US Census, and common English words from SCOWL. They name no
// entity; they let the extractor tell "Nora Castillo" (a given name and a
// surname) from "Stress Test Plan", and "snapkit" (a coined name) from "backup".

//go:embed data/firstnames.txt
var firstNamesTxt string

//go:embed data/words.txt.gz
var wordsGz []byte

// dictwords.txt.gz is a large dictionary (SCOWL size 70): it answers only
// "does any English dictionary have this word", for the lower-case words a
// talk's notes name a tool by ("kubectl", not "latency").
//
//go:embed data/dictwords.txt.gz
var dictWordsGz []byte

var (
	dictOnce  sync.Once
	dictWords map[string]bool
)

// verbs.txt.gz holds the words WordNet uses mostly as verbs ("create",
// "keep", "enable", and irregular forms such as "built"): a phrase that opens
// with one ("enable lazy evaluation", "keeps machines") says what someone
// does, it does not name a thing.
//
//go:embed data/verbs.txt.gz
var verbsGz []byte

var (
	verbOnce sync.Once
	verbs    map[string]bool
)

// isVerb reports whether w, or w with a verb's ending folded ("sends",
// "applies", "managing", "created"), is mostly a verb.
func isVerb(w string) bool {
	verbOnce.Do(func() { verbs = readWordList(verbsGz, "verbs.txt.gz", 6800) })
	w = strings.ToLower(w)
	if verbs[w] {
		return true
	}
	if b, ok := strings.CutSuffix(w, "ies"); ok && verbs[b+"y"] {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		b, ok := strings.CutSuffix(w, suf)
		if !ok || len(b) < 2 {
			continue
		}
		if verbs[b] || verbs[b+"e"] {
			return true
		}
		// a doubled consonant: "swapping", "stopped"
		if n := len(b); n > 2 && b[n-1] == b[n-2] && verbs[b[:n-1]] {
			return true
		}
	}
	return false
}

// isDictWord reports whether w, or each part of a hyphenated w, is a word of
// the large dictionary, with its common endings folded ("latency",
// "deployments", "event-based").
func isDictWord(w string) bool {
	dictOnce.Do(func() { dictWords = readWordList(dictWordsGz, "dictwords.txt.gz", 116000) })
	w = strings.ToLower(w)
	if strings.Contains(w, "-") {
		for _, p := range strings.Split(w, "-") {
			if p != "" && !isDictWord(p) && !commonPrefix[p] {
				return false
			}
		}
		return true
	}
	if dictWords[w] || words[w] {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "ing", "ly", "d", "er", "ers", "able", "ity", "ness", "ment", "ments", "ation", "ations", "ization", "ize", "izes", "ized", "ful", "less", "al", "ally", "ic", "ics", "ive", "ism", "ist", "ists"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 && (dictWords[b] || dictWords[b+"e"]) {
			return true
		}
	}
	return false
}

// isExactDictWord reports whether w, lower-cased and with no ending folded,
// is a word of either dictionary.
func isExactDictWord(w string) bool {
	isDictWord("a") // loads the dictionary
	w = strings.ToLower(w)
	return dictWords[w] || words[w]
}

// commonPrefix holds the prefixes of hyphenated English compounds
// ("non-blocking", "multi-device", "self-hosted").
var commonPrefix = map[string]bool{"non": true, "multi": true, "self": true, "per": true, "sub": true, "pre": true,
	"re": true, "co": true, "anti": true, "semi": true, "pseudo": true, "inter": true, "intra": true, "un": true, "de": true}

func readWordList(gz []byte, name string, size int) map[string]bool {
	m := make(map[string]bool, size)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("embedded " + name + ": " + err.Error()) // a build defect, caught by every test
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		panic("embedded " + name + ": " + err.Error())
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		m[sc.Text()] = true
	}
	return m
}

var (
	lexOnce    sync.Once
	firstNames map[string]bool
	words      map[string]bool
)

func loadLexicons() {
	firstNames = make(map[string]bool, 5200)
	for _, w := range strings.Fields(firstNamesTxt) {
		firstNames[w] = true
	}
	words = readWordList(wordsGz, "words.txt.gz", 41000)
}

// isFirstName reports whether w (any case) is a known given name.
func isFirstName(w string) bool {
	lexOnce.Do(loadLexicons)
	var kb [32]byte
	if k, ok := lowerASCII(kb[:0], w); ok {
		return firstNames[string(k)]
	}
	return firstNames[strings.ToLower(w)]
}

// isExactWord reports whether w, case folded, is itself a common English
// word (no ending folded away).
func isExactWord(w string) bool {
	lexOnce.Do(loadLexicons)
	var kb [32]byte
	if k, ok := lowerASCII(kb[:0], w); ok {
		return words[string(k)]
	}
	return words[strings.ToLower(w)]
}

// isWord reports whether w is a common English word, folding case and a
// plural or possessive ending.
func isWord(w string) bool {
	lexOnce.Do(loadLexicons)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	var kb [32]byte
	k, ok := lowerASCII(kb[:0], w)
	if !ok {
		k = []byte(strings.ToLower(w)) // past ASCII: Unicode's folding
	}
	return isWordLower(k)
}

// isWordLower is isWord's reading of a word already folded, looked up from
// its bytes.
func isWordLower(w []byte) bool {
	if words[string(w)] {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "ing", "ly", "d"} {
		if n := len(w) - len(suf); n > 2 && string(w[n:]) == suf && words[string(w[:n])] {
			return true
		}
	}
	if n := len(w) - 3; n >= 0 && string(w[n:]) == "ies" {
		var yb [32]byte
		return words[string(append(append(yb[:0], w[:n]...), 'y'))]
	}
	return false
}

// isCap reports whether w starts with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isLower reports whether w has letters and none of them is upper case.
func isLower(w string) bool {
	has := false
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
		if unicode.IsLetter(r) {
			has = true
		}
	}
	return has
}

// isAcronym reports whether w is 2–6 upper-case letters (digits allowed
// after the first): GIL, JIT, HTTP2.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	upper := 0
	for i, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return upper >= 2
}

// isCoined reports whether w has the shape of a software name rather than an
// English word: inner capitals (CPython, ZeroMQ), an underscore
// (quick_setup), a file-like suffix (spine.js), letters then digits
// (libfoo2), or an acronym.
func isCoined(w string) bool {
	if len(w) < 2 {
		return false
	}
	if isAcronym(w) {
		return true
	}
	if isHash(w) {
		return false // a commit or a checksum: "c8a6d9a7878f"
	}
	if isShortcut(w) {
		return false // "Ctrl+S": a key to press
	}
	if i := strings.LastIndexByte(w, '.'); i > 0 && docExt[strings.ToLower(w[i+1:])] {
		return false // "day_1.md", "diagram.png": a file
	}
	letters, digits, innerCap, under, dot := 0, 0, false, false, false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
			if i > 0 {
				innerCap = true
			}
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case r == '_':
			under = true
		case r == '.':
			dot = true
		case r == '-' || r == '+' || r == '#':
		default:
			return false
		}
	}
	if letters < 2 {
		return false
	}
	switch {
	case innerCap && !isAcronym(w) && strings.ToUpper(w) != w:
		// "iPhone", "CPython", "DjangoGirls"; not "ALL-CAPS"
		return true
	case under:
		return true
	case dot:
		i := strings.LastIndexByte(w, '.')
		ext := w[i+1:]
		return i > 0 && len(ext) >= 2 && len(ext) <= 4 && isLower(ext) && !strings.Contains(w[:i], ".") && !docExt[ext]
	case digits > 0 && letters >= 3:
		// libfoo2, go1, http2 — but not "2020s", "x80"
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r) && unicode.IsDigit(rune(w[len(w)-1]))
	}
	return false
}

// nearWord reports whether w is one edit (a letter dropped, added, changed
// or two swapped) from an English word: "enviroment", "qustions" are typos
// of words, not names of software.
func nearWord(w string) bool {
	w = strings.ToLower(w)
	if len(w) < 5 || !isLower(w) {
		return false
	}
	b := []byte(w)
	isDictWord("a") // loads the dictionary
	try := func(s []byte) bool { return len(s) > 2 && dictWords[string(s)] }
	for i := range b {
		if try(append(append([]byte{}, b[:i]...), b[i+1:]...)) {
			return true
		}
		if i+1 < len(b) {
			s := append([]byte{}, b...)
			s[i], s[i+1] = s[i+1], s[i]
			if try(s) {
				return true
			}
		}
	}
	for i := 0; i <= len(b); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(b) {
				s := append([]byte{}, b...)
				s[i] = c
				if try(s) {
					return true
				}
			}
			s := append(append(append([]byte{}, b[:i]...), c), b[i:]...)
			if try(s) {
				return true
			}
		}
	}
	return false
}

// docExt are the endings of documents and pictures: "notes.md" and
// "diagram.png" name files, not software ("spine.js" does).
var docExt = map[string]bool{"md": true, "txt": true, "pdf": true, "png": true, "jpg": true, "jpeg": true,
	"gif": true, "svg": true, "doc": true, "docx": true, "csv": true, "ppt": true, "pptx": true, "key": true, "mov": true, "mp4": true}

// fileExt are the endings of files that hold text or settings: "models.py",
// "deploy.yaml" name a file of a project, not software of their own
// ("spine.js" and "Node.js" do, so js is not one).
var fileExt = map[string]bool{"py": true, "rb": true, "yaml": true, "yml": true, "json": true, "toml": true,
	"ini": true, "cfg": true, "conf": true, "html": true, "htm": true, "sh": true, "lock": true, "log": true,
	"xml": true, "rst": true, "ipynb": true}

// fileName reports whether w is a file's name: a stem and a document's or a
// project file's ending ("README.md", "urls.py", "diagram.png").
func fileName(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || strings.ContainsAny(w, "/ ") {
		return false
	}
	ext := strings.ToLower(w[i+1:])
	return docExt[ext] || fileExt[ext]
}

// isHash reports whether w is a hexadecimal hash of 7 or more digits with
// letters and digits both: a commit, a checksum.
func isHash(w string) bool {
	if len(w) < 7 {
		return false
	}
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F':
			letters++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0
}

// isShortcut reports whether w is a keyboard shortcut: "Ctrl+S", "Cmd+Shift+P".
func isShortcut(w string) bool {
	k, _, ok := strings.Cut(strings.ToLower(w), "+")
	if !ok {
		return false
	}
	switch k {
	case "ctrl", "cmd", "alt", "shift", "option", "opt", "meta", "super", "win", "control", "command", "fn":
		return true
	}
	return false
}
