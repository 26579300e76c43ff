package extract

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestIsCodeLine checks the scan isCodeLine against the regexp it replaces,
// on written lines and on random strings over the characters the regexp
// reads.
func TestIsCodeLine(t *testing.T) {
	re := regexp.MustCompile(`^[\w.]+\(.*\)\s*;?$|^[\w.]+\s*(?:=|:=)\s*[\w.]+\(|;\s*$`)
	lines := []string{
		"", "(", ")", ";", " ; ", "frob.twiddle(widget)", "frob.twiddle(widget);", "frob.twiddle(widget) ; ",
		"frob(a) and more", "x = make_thing(", "x := make_thing(1)", "x =make(", "x = (", "= f(", "x = f",
		"Some notes (similar to quillpad)", "a(b\nc)", "a(b)\n", "a(\n)", "return x;", "a.b:=c.d(", "x == f(",
		"x : = f(", "é(a)", "a(é)", "(a)", "a ( b )",
	}
	for _, l := range lines {
		if got, want := isCodeLine(l), re.MatchString(l); got != want {
			t.Errorf("isCodeLine(%q) = %v, the regexp says %v", l, got, want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("ab_.(); =:\n\t")
	for range 200000 {
		b := make([]byte, r.IntN(9))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := isCodeLine(string(b)), re.MatchString(string(b)); got != want {
			t.Fatalf("isCodeLine(%q) = %v, the regexp says %v", b, got, want)
		}
	}
}
