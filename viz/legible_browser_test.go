package viz

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/notegraph/notegraph/graph"
)

// ScreenWidth is the width, in CSS pixels, at which a map must be readable:
// a laptop or desktop browser window showing the SVG fitted to its width.
const screenWidth = 1600

// minLabelPx is the smallest label, as the height of its text box in the
// browser, that the acceptance of issue 12 allows at screenWidth.
const minLabelPx = 9

// legibleJS sizes the opened SVG to screenWidth px wide and reports every
// label's drawn height, the overlaps between labels, and the "other" groups.
const legibleJS = `(function () {
  var svg = document.documentElement;
  var vb = svg.viewBox.baseVal;
  svg.setAttribute("width", "%[1]dpx");
  svg.setAttribute("height", (%[1]d * vb.height / vb.width) + "px");
  var min = 1e9, minName = "", n = 0;
  document.querySelectorAll("text").forEach(function (t) {
    var r = t.getBoundingClientRect();
    if (!t.textContent.trim()) return;
    n++;
    if (r.height < min) { min = r.height; minName = t.textContent; }
  });
  var others = document.querySelectorAll("g.node.other").length;
  var b = svg.getBoundingClientRect();
  return {min: min, minName: minName, labels: n, others: others, width: b.width, height: b.height};
})()`

type legibility struct {
	Min     float64 `json:"min"`
	MinName string  `json:"minName"`
	Labels  int     `json:"labels"`
	Others  int     `json:"others"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
}

// TestBrowserLegible opens the default maps of the example notes and of a
// 2,000-node graph of generated notes at 1,600 px wide in Chromium, and
// measures what a reader sees: every label at least minLabelPx high, no two
// labels overlapping, at most one "other" group. The screenshots go to
// out/test-artifacts/legible-*.png.
func TestBrowserLegible(t *testing.T) {
	b := newBrowser(t)
	big := notesGraph(t, 320)
	ctx := context.Background()
	index := func(g graph.Graph) ([]byte, []byte, error) {
		href := func(i int) string { return fmt.Sprintf("community-%d.svg", i) }
		return Index(ctx, g, Options{}, Split(g), href)
	}
	for _, tc := range []struct {
		name string
		svg  func() ([]byte, error)
	}{
		{"pycodeconf", func() ([]byte, error) { return SVG(ctx, seed(t), Options{}) }},
		{"notes-2000", func() ([]byte, error) { return SVG(ctx, big, Options{}) }},
		{"notes-2000-overview", func() ([]byte, error) { return SVG(ctx, big, Options{Overview: true}) }},
		{"notes-2000-index", func() ([]byte, error) { svg, _, err := index(big); return svg, err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svg, err := tc.svg()
			if err != nil {
				t.Fatal(err)
			}
			url := b.open(t, writeTemp(t, tc.name+".svg", svg))
			checkLegible(t, b, tc.name)
			b.check(t, url)
		})
	}
	// The index page, for the eye: its map is the index SVG measured above.
	_, page, err := index(big)
	if err != nil {
		t.Fatal(err)
	}
	url := b.open(t, writeTemp(t, "index.html", page))
	if shot, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)); err == nil && os.MkdirAll(artifactDir, 0o755) == nil {
		_ = os.WriteFile(filepath.Join(artifactDir, "legible-notes-2000-index-page.png"), shot, 0o644)
	}
	b.check(t, url)
}

// checkLegible measures the open SVG page and keeps its screenshot.
func checkLegible(t *testing.T, b *browser, name string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(screenWidth, 1000)); err != nil {
		t.Fatal(err)
	}
	m, err := chromedp.Run(b.ctx, chromedp.Evaluate[legibility](fmt.Sprintf(legibleJS, screenWidth)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d labels, smallest %.1f px (%q), %d other groups, %.0f x %.0f px", name, m.Labels, m.Min, m.MinName, m.Others, m.Width, m.Height)
	if m.Min < minLabelPx {
		t.Errorf("%s: smallest label %q is %.1f px high at %d px wide, want >= %d", name, m.MinName, m.Min, screenWidth, minLabelPx)
	}
	if m.Others > 1 {
		t.Errorf("%s: %d other groups, want at most 1", name, m.Others)
	}
	overlaps, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](labelOverlapJS))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range overlaps {
		if i == 10 {
			t.Errorf("%s: … %d overlaps in all", name, len(overlaps))
			break
		}
		t.Errorf("%s: labels overlap: %s", name, o)
	}
	shot, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(artifactDir, 0o755); err == nil {
		_ = os.WriteFile(filepath.Join(artifactDir, "legible-"+name+".png"), shot, 0o644)
	}
}
