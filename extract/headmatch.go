package extract

import (
	"strings"
	"unicode/utf8"
)

// headSplit reads most lines of notes through headDashRE and headColonRE,
// parseTalkHead most head lines through headSepRE; these are the three
// regexps written out as scans (FuzzHeadMatch holds them to the regexps on
// any text). Each returns what FindStringSubmatch returns: nil, or the
// whole text, the head and the description.

// isReSpace is RE2's \s: [\t\n\f\r ].
func isReSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// spaceRun returns the end of the run of \s bytes that starts at i.
func spaceRun(t string, i int) int {
	for i < len(t) && isReSpace(t[i]) {
		i++
	}
	return i
}

// headDash is headDashRE `^(.{1,48}?)\s+[-–—]{1,2}(?:\s+(.*))?$`: the
// shortest head of one to 48 runes followed by spaces, one or two dashes,
// and the end or spaces and the description.
func headDash(t string) []string {
	for p, runes := 0, 0; p < len(t) && runes < 48; {
		if t[p] == '\n' {
			return nil // '.' stops at a newline
		}
		_, size := utf8.DecodeRuneInString(t[p:])
		p += size
		runes++
		q := spaceRun(t, p)
		if q == p {
			continue
		}
		r, dashes := q, 0
		for dashes < 2 {
			if n := dashAt(t, r); n > 0 {
				r += n
				dashes++
				continue
			}
			break
		}
		if dashes == 0 {
			continue
		}
		// two dashes where a third follows, or one where a second
		// follows: the next byte is a dash, neither end nor space
		if r == len(t) {
			return []string{t, t[:p], ""}
		}
		s := spaceRun(t, r)
		if s == r {
			continue
		}
		if strings.IndexByte(t[s:], '\n') >= 0 {
			continue // '.*' cannot reach the end
		}
		return []string{t, t[:p], t[s:]}
	}
	return nil
}

// dashAt returns the length of the dash ('-', '–' or '—') at t[i], or 0.
func dashAt(t string, i int) int {
	if i < len(t) && t[i] == '-' {
		return 1
	}
	if strings.HasPrefix(t[i:], "–") || strings.HasPrefix(t[i:], "—") {
		return 3
	}
	return 0
}

// headColon is headColonRE `^([^:]{1,48}):\s+(.+)$`: the text before its
// first colon, one to 48 runes, then spaces and a description.
func headColon(t string) []string {
	k := strings.IndexByte(t, ':')
	if k < 1 || utf8.RuneCountInString(t[:k]) > 48 {
		return nil
	}
	j := k + 1
	w := spaceRun(t, j)
	if w == j {
		return nil
	}
	if rest := t[w:]; rest != "" {
		if strings.IndexByte(rest, '\n') >= 0 {
			return nil
		}
		return []string{t, t[:k], rest}
	}
	// only spaces follow: '.+' takes the last of them, unless it is a
	// newline or the only one
	if w-j >= 2 && t[len(t)-1] != '\n' {
		return []string{t, t[:k], t[len(t)-1:]}
	}
	return nil
}

// headSep is headSepRE `^(.{2,80}?)(?:\s+[-–—]+\s+|\s*[:|]\s+)(.+)$`
// (parseTalkHead): the shortest head of two to 80 runes followed by a run
// of dashes between spaces, or a colon or bar with spaces after it, and a
// description to the end.
func headSep(t string) []string {
	for p, runes := 0, 0; p < len(t) && runes < 80; {
		if t[p] == '\n' {
			return nil // '.' stops at a newline
		}
		_, size := utf8.DecodeRuneInString(t[p:])
		p += size
		if runes++; runes < 2 {
			continue
		}
		q := spaceRun(t, p)
		r := q
		switch {
		case q > p && dashAt(t, q) > 0:
			for n := dashAt(t, r); n > 0; n = dashAt(t, r) {
				r += n
			}
		case q < len(t) && (t[q] == ':' || t[q] == '|'):
			r = q + 1
		default:
			continue
		}
		s := spaceRun(t, r)
		if s == r {
			continue
		}
		if s < len(t) {
			if strings.IndexByte(t[s:], '\n') >= 0 {
				continue // '.+' cannot reach the end
			}
			return []string{t, t[:p], t[s:]}
		}
		// only spaces follow: '.+' takes the last of them, unless it is a
		// newline or the only one
		if s-r >= 2 && t[len(t)-1] != '\n' {
			return []string{t, t[:p], t[len(t)-1:]}
		}
	}
	return nil
}

// The regexps that cut a mark off a head line run only on a line that may
// hold the mark; each guard is a condition every match meets
// (FuzzGuards).

// dropClock is clockRE.ReplaceAllString(t, ""): the time that opens t
// ("10:30 –"), which starts with a digit.
func dropClock(t string) string {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return t
	}
	return clockRE.ReplaceAllString(t, "")
}

// dropListMark is listMarkRE.ReplaceAllString(t, ""): the list letter or
// number that opens t ("B. ", "12) "), a capital or one to three digits
// and then a dot or a parenthesis.
func dropListMark(t string) string {
	i := 0
	switch {
	case t != "" && 'A' <= t[0] && t[0] <= 'Z':
		i = 1
	default:
		for i < len(t) && i < 3 && '0' <= t[i] && t[i] <= '9' {
			i++
		}
	}
	if i == 0 || i >= len(t) || t[i] != '.' && t[i] != ')' {
		return t
	}
	return listMarkRE.ReplaceAllString(t, "")
}

// dropYears is yearRE.ReplaceAllString(s, ""): every year of s, which
// starts "19" or "20".
func dropYears(s string) string {
	if !strings.Contains(s, "19") && !strings.Contains(s, "20") {
		return s
	}
	return yearRE.ReplaceAllString(s, "")
}
