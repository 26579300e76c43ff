package extract

import (
	"bytes"
	"fmt"
)

// maxNesting is the deepest a line may nest (list items, block quotes and
// indentation, counted as nestingDepth counts them) before it reaches the
// parser. goldmark's cost grows faster than linearly with the depth of open
// blocks: 2,000 list items each indented one level deeper than the last
// (4 MB) took 22 s, and 10,000 (100 MB) did not finish. Notes nest a few
// levels; at 32 a 10,000-line file parses in a fraction of a second.
const maxNesting = 32

// capNesting is the load stage's use of flattenNesting: text with no line
// deeper than maxNesting, and one diagnostic at the first line flattened.
func capNesting(name string, text []byte) ([]byte, []Diagnostic) {
	text, lines := flattenNesting(text, maxNesting)
	if len(lines) == 0 {
		return text, nil
	}
	msg := fmt.Sprintf("nesting deeper than %d, flattened", maxNesting)
	if len(lines) > 1 {
		msg += fmt.Sprintf(" (%d lines from here on)", len(lines))
	}
	return text, []Diagnostic{{File: name, Line: lines[0], Msg: msg}}
}

// flattenNesting returns text with every line that nests deeper than limit
// cut back to limit, and the 1-based numbers of the lines it changed. It
// keeps the number of lines and, on each line, everything after the nesting
// prefix (the text, and a list marker that ends the prefix, so a deep item
// stays an item, now a sibling of the others at depth limit). text has LF line
// ends; when no line is too deep it is returned as is.
//
// It reads lines, not Markdown: it does not know whether a line sits in a
// fenced code block. A fence tracker that disagreed with goldmark's reading
// would let a crafted file through unflattened; the cost of not tracking is
// that a code line indented by more than 2·limit columns loses the excess.
func flattenNesting(text []byte, limit int) ([]byte, []int) {
	var out []byte // nil until the first line changes
	var lines []int
	var toks []prefixToken
	rest := text
	for n := 1; len(rest) > 0; n++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		var depth int
		toks, depth = scanPrefix(l, toks[:0])
		if depth <= limit {
			if out != nil {
				out = append(out, l...)
			}
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(text)-len(rest)-len(l))
			out = append(out, text[:len(text)-len(rest)-len(l)]...)
		}
		out = appendFlattened(out, l, toks, limit)
		lines = append(lines, n)
	}
	if out == nil {
		return text, nil
	}
	return out, lines
}

// prefixToken is one piece of a line's nesting prefix: a run of white
// space, a '>' or a list marker.
type prefixToken struct {
	start, end int // byte offsets in the line
	width      int // columns (a tab reaches the next multiple of 4)
	mark       bool
}

// levels is how deep a token nests: a '>' or a list marker one level,
// white space one level per two columns (the least indentation that nests a
// list item, "- " being two columns wide).
func (t prefixToken) levels() int {
	if t.mark {
		return 1
	}
	return t.width / 2
}

// nestingDepth is how deeply line's prefix nests: the measure maxNesting
// bounds. A line opens a block only with one of these tokens, and goes on
// in open blocks either with their tokens or lazily, as paragraph text that
// opens none; so no block nests deeper than the deepest line.
func nestingDepth(line []byte) int {
	_, d := scanPrefix(line, nil)
	return d
}

// scanPrefix splits the nesting prefix of line into tokens — runs of white
// space, '>', and list markers ("-", "*", "+", "1." or "1)" followed by white
// space or the line's end) — and returns them with their depth.
func scanPrefix(line []byte, toks []prefixToken) ([]prefixToken, int) {
	depth, col, i := 0, 0, 0
	for i < len(line) {
		start, startCol := i, col
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
				if line[i] == '\t' {
					col += 4 - col%4
				} else {
					col++
				}
				i++
			}
			toks = append(toks, prefixToken{start: start, end: i, width: col - startCol})
			depth += (col - startCol) / 2
			continue
		case c == '>':
			i++
		case c == '-' || c == '*' || c == '+':
			i++
			if !markerEnds(line, i) {
				return toks, depth // "-x", "**bold**": text
			}
		case c >= '0' && c <= '9':
			for i < len(line) && i-start < 9 && line[i] >= '0' && line[i] <= '9' {
				i++
			}
			if i == len(line) || line[i] != '.' && line[i] != ')' || !markerEnds(line, i+1) {
				return toks, depth // "2024", "1.5": text
			}
			i++
		default:
			return toks, depth
		}
		col += i - start
		toks = append(toks, prefixToken{start: start, end: i, width: i - start, mark: true})
		depth++
	}
	return toks, depth
}

// markerEnds reports whether a list marker ending before line[i] is one:
// followed by white space or the end of the line.
func markerEnds(line []byte, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\n'
}

// appendFlattened appends line with its prefix (toks) cut to limit levels.
// Tokens are kept in order while they fit, the one that does not is
// shortened (white space) or dropped, and all after it are dropped — except
// a list marker that ends the prefix, kept with one space after it. A kept
// marker is followed by at least a space. Kept white space is written
// as spaces: a tab's width depends on its column, which dropping tokens
// changes.
func appendFlattened(out, line []byte, toks []prefixToken, limit int) []byte {
	isItem := func(k int) bool { return k >= 0 && toks[k].mark && line[toks[k].start] != '>' }
	last := len(toks) - 1 // the list marker that ends the prefix, or -1
	if last >= 0 && !toks[last].mark {
		last--
	}
	if !isItem(last) {
		last = -1
	}
	head, budget := toks, limit
	if last >= 0 {
		head, budget = toks[:last], limit-1
	}
	used, lineStart := 0, len(out)
	for _, t := range head {
		left := budget - used
		switch {
		case left == 0:
		case t.mark:
			out = append(out, line[t.start:t.end]...)
			used++
		case t.levels() < left:
			out = appendSpaces(out, t.width)
			used += t.levels()
		default:
			out = appendSpaces(out, 2*left)
			used = budget
		}
	}
	if len(out) > lineStart && out[len(out)-1] != ' ' {
		// The tokens dropped held the space a marker kept needs before
		// the text or the last marker: "- - x" cut to "- x", not "-x".
		out = append(out, ' ')
	}
	if last >= 0 {
		out = append(out, line[toks[last].start:toks[last].end]...)
		if last < len(toks)-1 {
			out = append(out, ' ')
		}
	}
	end := 0
	if len(toks) > 0 {
		end = toks[len(toks)-1].end
	}
	return append(out, line[end:]...)
}

func appendSpaces(out []byte, n int) []byte {
	for range n {
		out = append(out, ' ')
	}
	return out
}
