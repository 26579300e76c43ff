package extract

import "strings"

// isCodeLine reports whether a line of notes is a line of code:
// "dis.dis(methodname)", "x = make_thing(", "return x;". It is the
// regexp
//
//	^[\w.]+\(.*\)\s*;?$|^[\w.]+\s*(?:=|:=)\s*[\w.]+\(|;\s*$
//
// written as a scan: shapes asks it of every line, nearly every line of
// notes has a "(", and the regexp's backtracking over long lines was a
// tenth of a cold run. TestIsCodeLine checks the scan against the regexp.
func isCodeLine(t string) bool {
	// ;\s*$
	if r := strings.TrimRight(t, "\t\n\f\r "); strings.HasSuffix(r, ";") {
		return true
	}
	n := codeWordLen(t)
	if n == 0 {
		return false
	}
	rest := t[n:]
	// ^[\w.]+\(.*\)\s*;?$
	if strings.HasPrefix(rest, "(") {
		r := strings.TrimSuffix(rest[1:], ";")
		r = strings.TrimRight(r, "\t\n\f\r ")
		if strings.HasSuffix(r, ")") && !strings.Contains(r[:len(r)-1], "\n") {
			return true
		}
	}
	// ^[\w.]+\s*(?:=|:=)\s*[\w.]+\(
	rest = strings.TrimLeft(rest, "\t\n\f\r ")
	switch {
	case strings.HasPrefix(rest, ":="):
		rest = rest[2:]
	case strings.HasPrefix(rest, "="):
		rest = rest[1:]
	default:
		return false
	}
	rest = strings.TrimLeft(rest, "\t\n\f\r ")
	n = codeWordLen(rest)
	return n > 0 && strings.HasPrefix(rest[n:], "(")
}

// codeWordLen is the length of the run of [\w.] (ASCII) that starts t.
func codeWordLen(t string) int {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			return i
		}
	}
	return len(t)
}
