package extract

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestFlattenNesting states, for small limits, what a too deep line becomes.
// The expected lines are worked out by hand from the rules in
// appendFlattened: tokens kept while they fit, a final list marker always.
func TestFlattenNesting(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		in    string
		want  string // "" means unchanged
		lines []int
	}{
		{"shallow list", 3, "- a\n  - b\n    - c\n", "", nil},
		{"indented one level deeper each line", 3,
			"- a\n  - b\n    - c\n      - d\n        - e\n",
			"- a\n  - b\n    - c\n    - d\n    - e\n", []int{4, 5}},
		{"markers on one line", 3, "- - - - - x\n", "- - - x\n", []int{1}},
		{"ordered markers", 2, "1. 2. 3) x\n", "1. 3) x\n", []int{1}},
		{"quotes", 3, ">>>>>> quoted\n", ">>> quoted\n", []int{1}},
		{"quotes without space", 3, ">>>>>>quoted\n", ">>> quoted\n", []int{1}},
		{"a space after the last marker kept", 7, "*  *  *  * >00\n", "*  *  *  * 00\n", []int{1}},
		{"quote then deep list", 3, "> > > > - x\n", "> > - x\n", []int{1}},
		{"tabs become spaces", 2, "\t\t\t\t- x\n", "  - x\n", []int{1}},
		{"deep paragraph text", 2, "          text\n", "    text\n", []int{1}},
		{"deep empty item", 2, "      -\n", "  -\n", []int{1}},
		{"text is not a marker", 2, "-x -y\n**bold**\n2024 was\n1.5 ms\n", "", nil},
		{"last line without newline", 1, "a\n    - b", "a\n- b", []int{2}},
		{"exactly at the limit", 3, "    - x\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			got, lines := flattenNesting(in, tt.limit)
			want := tt.want
			if want == "" {
				want = tt.in
				if &got[0] != &in[0] {
					t.Error("unchanged text was copied")
				}
			}
			if string(got) != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("lines %v, want %v", lines, tt.lines)
			}
		})
	}
}

// FuzzFlattenNesting checks the invariants the parser relies on, for any
// text: no line deeper than the limit, the same number of lines, each
// line's text after its prefix kept, exactly the too deep lines reported,
// and a second pass changing nothing.
func FuzzFlattenNesting(f *testing.F) {
	f.Add([]byte("- a\n  - b\n    - c\n"), uint8(1))
	f.Add([]byte(strings.Repeat("- ", 50)+"x\n"+strings.Repeat(">", 50)+" q\n"), uint8(3))
	f.Add([]byte("\t \t- 1. 2) > * + x\n- \n>\n"), uint8(2))
	f.Fuzz(func(t *testing.T, text []byte, l uint8) {
		limit := 1 + int(l%40)
		out, lines := flattenNesting(text, limit)
		inLines, outLines := splitLines(text), splitLines(out)
		if len(inLines) != len(outLines) {
			t.Fatalf("%d lines became %d", len(inLines), len(outLines))
		}
		var deep []int
		for i := range inLines {
			if nestingDepth(inLines[i]) > limit {
				deep = append(deep, i+1)
			} else if !bytes.Equal(inLines[i], outLines[i]) {
				t.Errorf("line %d changed: %q → %q", i+1, inLines[i], outLines[i])
			}
			if d := nestingDepth(outLines[i]); d > limit {
				t.Errorf("line %d: depth %d > %d: %q", i+1, d, limit, outLines[i])
			}
			if a, b := afterPrefix(inLines[i]), afterPrefix(outLines[i]); !bytes.Equal(a, b) {
				t.Errorf("line %d: text %q became %q", i+1, a, b)
			}
		}
		if !slices.Equal(lines, deep) {
			t.Errorf("reported %v, want %v", lines, deep)
		}
		if again, l2 := flattenNesting(out, limit); !bytes.Equal(again, out) || l2 != nil {
			t.Errorf("second pass changed lines %v", l2)
		}
	})
}

func splitLines(b []byte) [][]byte {
	var ls [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return append(ls, b)
		}
		ls, b = append(ls, b[:i+1]), b[i+1:]
	}
	return ls
}

func afterPrefix(line []byte) []byte {
	toks, _ := scanPrefix(line, nil)
	if len(toks) == 0 {
		return line
	}
	return line[toks[len(toks)-1].end:]
}
