package extract

import (
	"strings"
	"testing"
)

// FuzzCollapsed: cleanText returns a line as it is when collapsed says so,
// which must mean that collapsing its white space would not change it.
func FuzzCollapsed(f *testing.F) {
	for _, s := range []string{"", "a", " a", "a ", "a  b", "a\tb", "a b c", "a\u00a0b", "Ünïcode wörds", "x\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ") == s
		if got := collapsed(s); got && !want {
			t.Errorf("collapsed(%q) = true, but its fields joined are %q", s, strings.Join(strings.Fields(s), " "))
		}
		if want && !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) && !collapsed(s) {
			t.Errorf("collapsed(%q) = false for an ASCII string that is collapsed", s)
		}
	})
}
