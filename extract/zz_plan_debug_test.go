package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestPlanDebug(t *testing.T) {
	fs := os.Getenv("PLAN_FILES")
	if fs == "" {
		t.Skip()
	}
	x := newExtractor(nil)
	for _, f := range strings.Fields(fs) {
		data, _ := os.ReadFile(f)
		src, _, _ := clean(f, data)
		lines, m := parse(src)
		p := x.planFile(f, lines, m)
		fmt.Printf("== %s title=%d nospk=%v\n", f, p.title, p.noSpeaker != nil)
		for _, tk := range p.talks {
			hl := ""
			if tk.head >= 0 {
				hl = fmt.Sprint(lines[tk.head].N)
			}
			fmt.Printf("  L%s-%d scope=%d %q spk=%+v al=%q skip=%v\n", hl, tk.end, tk.scope, tk.slots.title, tk.slots.speakers, tk.aliases, tk.skip)
		}
	}
}

func TestHeadDebug(t *testing.T) {
	h := os.Getenv("HEADS")
	if h == "" {
		t.Skip()
	}
	x := newExtractor(nil)
	for _, s := range strings.Split(h, "\n") {
		fmt.Printf("%q -> %+v generic=%v event=%v\n", s, x.readHead(s), x.genericHeading(s), x.eventTitle(s))
	}
}

func TestLinesDebug(t *testing.T) {
	f := os.Getenv("LINES_FILE")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	src, _, _ := clean(f, data)
	lines, _ := parse(src)
	for _, l := range lines {
		fmt.Printf("%d k=%d lv=%d d=%d item=%v bold=%v %q\n", l.N, l.Kind, l.Level, l.Depth, l.Item, l.Bold, l.Text)
	}
}
