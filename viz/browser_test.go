package viz

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// artifactDir is where the browser test keeps its screenshots (gitignored).
const artifactDir = "../out/test-artifacts"

// chromium returns the path of a Chromium or Chrome binary. Without one the
// test fails under CI=true (make setup-browser installs Debian's chromium)
// and is skipped elsewhere.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium found: run `make setup-browser` (apt-get install chromium)")
	}
	t.Skip("no chromium found; `make setup-browser` installs it (the test is required under CI=true)")
	return ""
}

// browser starts a headless Chromium for the test and records what the page
// does that it should not: console errors, exceptions, dialogs (alert) and
// network requests other than the page itself.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	requests []string
	dialogs  []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.problems = append(b.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			b.problems = append(b.problems, fmt.Sprintf("exception: %s %v", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				b.problems = append(b.problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		case *page.EventJavascriptDialogOpening:
			b.dialogs = append(b.dialogs, ev.Message)
			go func() {
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
			}()
		}
	})
	if err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	return b
}

// open loads a local file and returns its URL.
func (b *browser) open(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	url := "file://" + abs
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	return url
}

// check fails the test for anything recorded besides the page's own load.
func (b *browser) check(t *testing.T, url string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("page %s: %s", filepath.Base(url), p)
	}
	for _, r := range b.requests {
		if r != url {
			t.Errorf("page %s made a network request: %s", filepath.Base(url), r)
		}
	}
	for _, d := range b.dialogs {
		t.Errorf("page %s opened a dialog (script ran): %q", filepath.Base(url), d)
	}
	b.problems, b.requests, b.dialogs = nil, nil, nil
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBrowserHTML loads the interactive map in headless Chromium, searches
// for a speaker, clicks his node and reads his evidence from the panel.
func TestBrowserHTML(t *testing.T) {
	b := newBrowser(t)
	g := seed(t)
	page, err := HTML(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	url := b.open(t, writeTemp(t, "map.html", page))

	err = chromedp.Do(b.ctx,
		chromedp.WaitVisible(chromedp.ID("search")),
		chromedp.SendKeys(chromedp.ID("search"), "Kenneth Reitz"),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Zoom: a wheel step over the map narrows the SVG's viewBox.
	zoomed, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(function(){
	  var svg = document.querySelector("#map svg"), before = svg.viewBox.baseVal.width;
	  var r = document.getElementById("map").getBoundingClientRect();
	  document.getElementById("map").dispatchEvent(new WheelEvent("wheel", {deltaY: -100, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
	  return svg.viewBox.baseVal.width < before;
	})()`))
	if err != nil || !zoomed {
		t.Errorf("wheel did not zoom the map (err %v)", err)
	}
	results, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.ID("results")))
	if err != nil {
		t.Fatal(err)
	}
	nodeID, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(function(){var d=JSON.parse(document.getElementById("graph-data").textContent);for(var i=0;i<d.nodes.length;i++){if(d.nodes[i].name==="Kenneth Reitz")return "n"+i}return ""})()`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(results, "Kenneth Reitz") {
		t.Fatalf("search results = %q, want Kenneth Reitz", results)
	}
	if nodeID == "" {
		t.Fatal("Kenneth Reitz not in the page data")
	}
	// Enter moves the map to the first hit (the map opens at its top,
	// fitted to its width), then a click on his node.
	err = chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.ID("search"), kb.Enter),
		chromedp.Click(chromedp.CSS("#"+nodeID+" text")),
		chromedp.WaitVisible(chromedp.ID("relations")),
	)
	if err != nil {
		t.Fatal(err)
	}
	panel, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.ID("panel")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Kenneth Reitz", "notes.md:93: Kenneth Reitz: (python for humans)", "GAVE", "python for humans", "CREATED"} {
		if !strings.Contains(panel, want) {
			t.Errorf("panel after click lacks %q:\n%s", want, panel)
		}
	}
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(artifactDir, 0o755); err == nil {
		_ = os.WriteFile(filepath.Join(artifactDir, "map.png"), shot, 0o644)
	}
	checkFocusClears(t, b, nodeID)
	checkTypeFilter(t, b)
	b.check(t, url)
}

// focusedJS reports whether the map dims all but a selection.
const focusedJS = `document.getElementById("map").classList.contains("focus")`

// checkFocusClears selects a node and lets go of it by a click on the
// background, then by Escape: both must end the dimming (issue 10).
func checkFocusClears(t *testing.T, b *browser, nodeID string) {
	t.Helper()
	for _, release := range []struct {
		name string
		do   chromedp.Action[chromedp.Void]
	}{
		{"background click", chromedp.Evaluate[chromedp.Void](`document.querySelector("#map svg").dispatchEvent(new MouseEvent("click", {bubbles: true}))`)},
		{"Escape", chromedp.KeyEvent(kb.Escape)},
	} {
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS("#"+nodeID+" text"))); err != nil {
			t.Fatal(err)
		}
		if on, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](focusedJS)); err != nil || !on {
			t.Fatalf("a click on %s did not focus the map (err %v)", nodeID, err)
		}
		if err := chromedp.Do(b.ctx, release.do); err != nil {
			t.Fatal(err)
		}
		if on, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](focusedJS)); err != nil || on {
			t.Errorf("%s left the map focused (err %v)", release.name, err)
		}
	}
}

// checkTypeFilter unticks Link in the type filter: every Link node and
// every edge to one disappears, and ticking it brings them back.
func checkTypeFilter(t *testing.T, b *browser) {
	t.Helper()
	const shownJS = `(function(){var d=JSON.parse(document.getElementById("graph-data").textContent),n=0;
	  d.nodes.forEach(function(x,i){var g=document.getElementById("n"+i);if(x.type==="Link"&&g&&getComputedStyle(g).display!=="none")n++});return n})()`
	box := chromedp.CSS(`#types input[value="Link"]`)
	for _, want := range []int{0, -1} {
		if err := chromedp.Do(b.ctx, chromedp.Click(box)); err != nil {
			t.Fatal(err)
		}
		n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](shownJS))
		if err != nil {
			t.Fatal(err)
		}
		if (want == 0) != (n == 0) {
			t.Errorf("after a click on the Link filter %d Link nodes show", n)
		}
	}
}

// TestBrowserLabelsFit opens the SVG map in Chromium and checks that every
// node's label, as the browser draws it, lies inside the node's shape.
func TestBrowserLabelsFit(t *testing.T) {
	b := newBrowser(t)
	svg, err := SVG(context.Background(), seed(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	url := b.open(t, writeTemp(t, "map.svg", svg))
	worst, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](labelFitJS))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range worst {
		t.Errorf("label overflows its shape: %s", w)
	}
	overlaps, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](labelOverlapJS))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range overlaps {
		t.Errorf("labels overlap: %s", o)
	}
	if shot, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(90)); err == nil {
		if err := os.MkdirAll(artifactDir, 0o755); err == nil {
			_ = os.WriteFile(filepath.Join(artifactDir, "map-svg.jpg"), shot, 0o644)
		}
	}
	b.check(t, url)
}

// labelFitJS returns, for each node whose text box pokes out of its shape,
// a description. Ellipses are checked at the text box's corners; polygons
// against their bounding box less the slanted sides' share.
const labelFitJS = `(function () {
  var out = [];
  document.querySelectorAll("g.node").forEach(function (g) {
    var shape = g.querySelector("ellipse, polygon, path");
    var texts = g.querySelectorAll("text");
    if (!shape || !texts.length) return;
    var tb = null;
    texts.forEach(function (t) {
      var b = t.getBBox();
      if (!tb) { tb = {x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height}; return; }
      tb.x1 = Math.min(tb.x1, b.x); tb.y1 = Math.min(tb.y1, b.y);
      tb.x2 = Math.max(tb.x2, b.x + b.width); tb.y2 = Math.max(tb.y2, b.y + b.height);
    });
    var name = g.querySelector("title").textContent;
    if (shape.tagName === "ellipse") {
      var cx = shape.cx.baseVal.value, cy = shape.cy.baseVal.value, rx = shape.rx.baseVal.value, ry = shape.ry.baseVal.value;
      // the label's middle band (x-height) must fit: check the corners of the box shrunk to 60% height
      var h = (tb.y2 - tb.y1) * 0.3, my = (tb.y1 + tb.y2) / 2;
      [[tb.x1, my - h], [tb.x2, my - h], [tb.x1, my + h], [tb.x2, my + h]].forEach(function (p) {
        var d = Math.pow((p[0] - cx) / rx, 2) + Math.pow((p[1] - cy) / ry, 2);
        if (d > 1.0001) out.push(name + " (ellipse, " + d.toFixed(3) + ")");
      });
      return;
    }
    var sb = shape.getBBox();
    if (tb.x1 < sb.x || tb.x2 > sb.x + sb.width) {
      out.push(name + " (" + shape.tagName + ": text " + (tb.x2 - tb.x1).toFixed(1) + " wide, shape " + sb.width.toFixed(1) + ")");
    }
  });
  return Array.from(new Set(out));
})()`

// labelOverlapJS returns the pairs of texts, node and edge labels, whose
// boxes as the browser draws them intersect (by more than half a point:
// touching lines of one label are not an overlap). Lines of the same node
// or edge label are one label.
const labelOverlapJS = `(function () {
  var boxes = [];
  document.querySelectorAll("g.node, g.edge").forEach(function (g) {
    g.querySelectorAll("text").forEach(function (t) {
      var r = t.getBoundingClientRect();
      boxes.push({g: g, name: t.textContent, x1: r.left, y1: r.top, x2: r.right, y2: r.bottom});
    });
  });
  var out = [];
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.g === b.g) continue;
      var w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      var h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > 0.5 && h > 0.5) out.push(JSON.stringify(a.name) + " and " + JSON.stringify(b.name));
    }
  }
  return out;
})()`

// TestBrowserUnsafeText opens maps of a graph whose names, evidence and URLs
// are script and javascript: links: nothing may run.
func TestBrowserUnsafeText(t *testing.T) {
	b := newBrowser(t)
	g := readFixture(t, "unsafe.json")
	svg, err := SVG(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := HTML(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"unsafe.svg", svg}, {"unsafe.html", page}} {
		url := b.open(t, writeTemp(t, f.name, f.data))
		var panel string
		if strings.HasSuffix(f.name, ".html") {
			err := chromedp.Do(b.ctx,
				chromedp.SendKeys(chromedp.ID("search"), "script"),
				chromedp.Click(chromedp.CSS("#results button")),
				chromedp.WaitVisible(chromedp.ID("relations")),
				chromedp.Click(chromedp.CSS("#relations button")),
			)
			if err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			if panel, err = chromedp.Run(b.ctx, chromedp.Text(chromedp.ID("panel"))); err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
		}
		n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("script").length`))
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		want := 0
		if strings.HasSuffix(f.name, ".html") {
			want = 2 // the page's data and code
			if !strings.Contains(panel, "javascript:alert(1)") {
				t.Errorf("%s: panel does not show the javascript: name as text:\n%s", f.name, panel)
			}
		}
		if n != want {
			t.Errorf("%s has %d <script> elements, want %d", f.name, n, want)
		}
		b.check(t, url)
	}
}
