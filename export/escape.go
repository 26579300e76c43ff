package export

import (
	"unicode/utf8"
)

// Escaping for the text formats (GraphML's XML, the JSON arrays inside
// GraphML values). Notes are data: every string from them goes through one
// of these functions before it is written.

const hexDigits = "0123456789ABCDEF"

// xmlChar reports whether r may appear in an XML 1.0 document
// (production [2] Char of the XML 1.0 specification).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		0x20 <= r && r <= 0xD7FF ||
		0xE000 <= r && r <= 0xFFFD ||
		0x10000 <= r && r <= 0x10FFFF
}

// appendXML appends s to dst escaped for XML character data or, when attr
// is set, for a double-quoted attribute value. It escapes & < > (and " in
// attributes; JSON values in character data stay readable), and
// writes CR (and, in attributes, TAB and LF) as character references so a
// parser's end-of-line and attribute-value normalization gives them back
// unchanged. Characters XML 1.0 cannot carry at all (NUL and the other C0
// controls, U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD:
// no XML parser would accept the document otherwise.
func appendXML[S ~string | ~[]byte](dst []byte, s S, attr bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '"' && attr:
				esc = "&quot;"
			case c == '\r':
				esc = "&#xD;"
			case c == '\n' && attr:
				esc = "&#xA;"
			case c == '\t' && attr:
				esc = "&#x9;"
			case c < 0x20 && c != '\n' && c != '\t':
				esc = "\uFFFD"
			default:
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, esc...)
			i++
			start = i
			continue
		}
		// At most 4 bytes: converting them does not allocate.
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\uFFFD"...)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// appendJSONString appends s as a JSON string literal (RFC 8259). Control
// characters are escaped (\n, \t, \r, \b, \f or \u00XX), so a JSON value is
// lossless for them even inside XML; everything else is copied as is, and
// appendXML later replaces bytes that are not UTF-8.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONStrings appends ss as a JSON array of strings.
func appendJSONStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}
