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
	words = make(map[string]bool, 41000)
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		panic("embedded words.txt.gz: " + err.Error()) // a build defect, caught by every test
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		panic("embedded words.txt.gz: " + err.Error())
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		words[sc.Text()] = true
	}
}

// isFirstName reports whether w (any case) is a known given name.
func isFirstName(w string) bool {
	lexOnce.Do(loadLexicons)
	return firstNames[strings.ToLower(w)]
}

// isExactWord reports whether w, case folded, is itself a common English
// word (no ending folded away).
func isExactWord(w string) bool {
	lexOnce.Do(loadLexicons)
	return words[strings.ToLower(w)]
}

// isWord reports whether w is a common English word, folding case and a
// plural or possessive ending.
func isWord(w string) bool {
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
// (easy_install), a file-like suffix (backbone.js), letters then digits
// (libfoo2), or an acronym.
func isCoined(w string) bool {
	if len(w) < 2 {
		return false
	}
	if isAcronym(w) {
		return true
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
		return i > 0 && len(ext) >= 2 && len(ext) <= 4 && isLower(ext) && !strings.Contains(w[:i], ".")
	case digits > 0 && letters >= 3:
		// libfoo2, go1, http2 — but not "2020s", "x80"
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r) && unicode.IsDigit(rune(w[len(w)-1]))
	}
	return false
}
