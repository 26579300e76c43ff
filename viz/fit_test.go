package viz

import (
	"bytes"
	"context"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// TestFit: the default map of the example notes is the whole graph, that
// of 2,000 generated nodes a reduction; both fit maxWidth × maxHeight, and
// a second render in the same process gives the same bytes.
func TestFit(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		g    graph.Graph
		kind DrawnKind
	}{
		{"pycodeconf", seed(t), DrawnAll},
		{"notes-2000", notesGraph(t, 320), DrawnTop},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Draw(ctx, tc.g, Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := m.Drawn()
			if d.Kind != tc.kind || (d.Kind == DrawnTop) != d.Reduced {
				t.Errorf("drew %+v, want kind %d", d, tc.kind)
			}
			w, h := svgSize(m.SVG())
			if w > maxWidth || h > maxHeight {
				t.Errorf("map is %.0f × %.0f points, want at most %.0f × %.0f", w, h, maxWidth, maxHeight)
			}
			again, err := Draw(ctx, tc.g, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(m.SVG(), again.SVG()) {
				t.Error("two renders differ")
			}
			t.Logf("%s: %.0f × %.0f points", d, w, h)
		})
	}
}

// TestTopConnected: --top N draws N nodes of the example notes, each with
// a relation on the map (issue 12: ten unconnected boxes for --top 10).
func TestTopConnected(t *testing.T) {
	g := seed(t)
	for _, n := range []int{3, 10, 30} {
		v, err := newView(g, Options{Top: n})
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Nodes) != n || v.Drawn.Unconnected > 0 {
			t.Errorf("--top %d: %d nodes drawn, %d unconnected", n, len(v.Nodes), v.Drawn.Unconnected)
		}
	}
}
