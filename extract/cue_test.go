package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestCueMask checks that the first-word guard finds what looking for every
// phrase finds: a line's mask never leaves out a phrase the line holds.
func TestCueMask(t *testing.T) {
	c := compiledRules(nil)
	lines := []string{
		"Jane Doe works at Initech and created quillpad ",
		"(created by the zorkq team) ",
		"similar to: lexo, like kettlr ",
		"the speaker's talk on fast builds ",
		"co-created winpipe; inspired by flatbuf ",
		"nothing here ",
		"worksat initech, works  at nothing ",
		"Sam presented 'Quiet Queues' and walked us through it",
		"ümlaut created quillpad ",
		"",
	}
	all := ^uint64(0)
	for _, l := range lines {
		low := strings.ToLower(l)
		mask := c.cueMask(low)
		for _, cu := range append(slices.Clone(c.cues), c.talkVerbs) {
			if got, want := cu.find(low, mask), cu.find(low, all); !slices.Equal(got, want) {
				t.Errorf("%q, %s: guarded %v, unguarded %v", l, cu.rel, got, want)
			}
		}
	}
	if c.cueMask("plain words only ") != 0 {
		t.Error("a line with no cue word has a mask")
	}
}
