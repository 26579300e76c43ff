package viz

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/extract"
	"github.com/notegraph/notegraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seed extracts the example notes (examples/pycodeconf).
func seed(t testing.TB) graph.Graph {
	t.Helper()
	res, err := extract.Notes([]string{"../examples/pycodeconf/notes.md"}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Graph
	if err := graph.Analyze(&g, graph.AnalysisOptions{}); err != nil {
		t.Fatal(err)
	}
	return g
}

func readFixture(t testing.TB, name string) graph.Graph {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := graph.ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGoldenDOT(t *testing.T) {
	for _, tc := range []struct {
		fixture, golden string
		opts            Options
	}{
		{"seed", "pycodeconf.dot", Options{}},
		{"fixture.json", "fixture.dot", Options{}},
		{"fixture.json", "fixture-cluster.dot", Options{Cluster: true, SizeBy: SizeByDegree}},
		{"fixture.json", "fixture-overview.dot", Options{Overview: true}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var g graph.Graph
			if tc.fixture == "seed" {
				g = seed(t)
			} else {
				g = readFixture(t, tc.fixture)
			}
			got, err := DOT(g, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.golden, got)
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./viz -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; review with go test ./viz -update && git diff\n--- got ---\n%s", name, got)
	}
}

// TestSVG checks that the map is well-formed XML that names every node,
// and that two renders give the same bytes.
func TestSVG(t *testing.T) {
	ctx := context.Background()
	all := []Options{{}, {Layout: LayoutSfdp, Full: true}, {Cluster: true, Layout: LayoutFdp, Full: true}, {Overview: true}}
	testSVG(t, ctx, readFixture(t, "fixture.json"), all)
	// fdp takes 6 s on the seed; dot with clusters must not hang (it did
	// with pack).
	testSVG(t, ctx, seed(t), []Options{{}, {Layout: LayoutSfdp, Full: true}, {Cluster: true, Full: true}})
}

func testSVG(t *testing.T, ctx context.Context, g graph.Graph, options []Options) {
	for _, opts := range options {
		t.Run(string(opts.Layout)+fmt.Sprint(opts.Cluster, opts.Overview), func(t *testing.T) {
			a, err := SVG(ctx, g, opts)
			if err != nil {
				t.Fatal(err)
			}
			b, err := SVG(ctx, g, opts)
			if err != nil {
				t.Fatal(err)
			}
			// sfdp's and fdp's overlap removal draws from Graphviz's random
			// state, which they never reseed: their output is the same from
			// run to run of the command (a fresh process) but, in one
			// process, depends on the layouts before it. dot and neato are
			// deterministic in-process too.
			if !bytes.Equal(a, b) && opts.Layout != LayoutSfdp && opts.Layout != LayoutFdp {
				t.Error("two renders differ")
			}
			texts := svgTexts(t, a)
			if opts.Overview {
				return
			}
			if !bytes.Contains(a, []byte("<title>Person: Kenneth Reitz&#xA;")) {
				t.Error("Kenneth Reitz's node has no tooltip title")
			}
			if !bytes.Contains(a, []byte("<title>Kenneth Reitz GAVE ")) {
				t.Error("his GAVE relation has no tooltip title with evidence")
			}
			// Every node is drawn, those without relations in one "other"
			// node that names them.
			m, err := Draw(ctx, g, opts)
			if err != nil {
				t.Fatal(err)
			}
			d := m.Drawn()
			want := len(g.Nodes)
			if d.Unconnected > 0 {
				want += 1 - d.Unconnected
			}
			if n := bytes.Count(a, []byte(`class="node`)); n != want {
				t.Errorf("SVG draws %d nodes, want %d (%d in the graph, %d unconnected)", n, want, len(g.Nodes), d.Unconnected)
			}
			for _, n := range g.Nodes {
				if !strings.Contains(texts, n.Name) && (d.Unconnected <= otherNames || !strings.Contains(string(a), n.Name)) {
					t.Errorf("SVG lacks node name %q", n.Name)
				}
			}
		})
	}
}

// svgTexts parses svg as XML and returns its <text> contents joined by
// spaces (a wrapped label's lines join back into its name).
func svgTexts(t *testing.T, svg []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not valid XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		}
	}
	return strings.Join(texts, " ")
}

func TestHTMLDeterministic(t *testing.T) {
	g := readFixture(t, "fixture.json")
	a, err := HTML(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := HTML(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two renders differ")
	}
	for _, bad := range []string{"http://www.w3.org/Graphics/SVG/1.1/DTD", "<?xml", "src=", "<link", "@import", "url("} {
		if bytes.Contains(a, []byte(bad)) {
			t.Errorf("page contains %q: it must load nothing", bad)
		}
	}
}

// TestUnsafeText checks the escaping without a browser: text from notes
// never becomes markup, a script, or a javascript: link.
func TestUnsafeText(t *testing.T) {
	ctx := context.Background()
	g := readFixture(t, "unsafe.json")
	svg, err := SVG(ctx, g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := HTML(ctx, g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, svg) // also checks the SVG parses
	checkSVGInert(t, svg)
	if !strings.Contains(texts, "<script>alert(1)</script>") {
		t.Errorf("the name should be shown as text; texts: %q", texts)
	}
	for name, doc := range map[string][]byte{"svg": svg, "html": page} {
		low := strings.ToLower(string(doc))
		for _, bad := range []string{"<script>alert", "href=\"javascript:", "<img", "<!--"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	// The page has exactly its own two script elements, and the data
	// block holds no "</script", "<!--" or raw U+2028/2029.
	if n := strings.Count(string(page), "<script"); n != 2 {
		t.Errorf("page has %d <script tags, want 2", n)
	}
	start := bytes.Index(page, []byte(`id="graph-data">`))
	end := bytes.Index(page[start:], []byte("</script>"))
	data := page[start+len(`id="graph-data">`) : start+end]
	for _, bad := range []string{"<", ">", "\u2028", "\u2029"} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("page data contains raw %q", bad)
		}
	}
	var pg pageGraph
	if err := json.Unmarshal(data, &pg); err != nil {
		t.Fatalf("page data: %v", err)
	}
	for _, n := range pg.Nodes {
		if n.URL != "" {
			t.Errorf("node %s kept URL %q; only http(s) may", n.ID, n.URL)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a":   "https://example.org/a",
		"HTTP://x.org":            "HTTP://x.org",
		"javascript:alert(1)":     "",
		" JavaScript:alert(1)":    "",
		"data:text/html,<b>":      "",
		"//evil.org":              "",
		"https://x.org/\"onload=": "",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:        `"plain"`,
		`a "b"`:        `"a \"b\""`,
		`\N \G`:        `"\\N \\G"`,
		"two\nlines\r": `"two\nlines"`,
		`trailing \`:   `"trailing \\"`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	g := readFixture(t, "fixture.json")
	for _, o := range []Options{{Layout: "spring"}, {SizeBy: "fame"}, {Top: -1}} {
		if _, err := DOT(g, o); err == nil {
			t.Errorf("DOT(%+v) accepted bad options", o)
		}
	}
}

func TestReduce(t *testing.T) {
	g := readFixture(t, "fixture.json")
	for _, tc := range []struct {
		name       string
		opts       Options
		nodes      int
		layout     Layout
		firstNodes []string
	}{
		{"all", Options{}, 15, LayoutDot, nil},
		// Top keeps the most central person and what he covers, not the
		// three most central nodes. Degrees counted from the fixture's
		// edges: Kenneth Reitz 3, the other speakers 2 and 1; his talk
		// Python for Humans, then the event it was given at.
		{"top3", Options{Top: 3}, 3, LayoutDot, []string{"person:kenneth-reitz", "talk:python-for-humans", "event:pycode-conf"}},
		{"top5", Options{Top: 5}, 5, LayoutDot, []string{"talk:python-for-humans", "event:pycode-conf", "tool:legit", "tool:requests"}},
		{"overview", Options{Overview: true}, 3, LayoutNeato, nil},
		{"layout", Options{Layout: LayoutTwopi}, 15, LayoutTwopi, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := newView(g, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Nodes) != tc.nodes || v.Layout != tc.layout {
				t.Errorf("got %d nodes, layout %s; want %d, %s", len(v.Nodes), v.Layout, tc.nodes, tc.layout)
			}
			for _, id := range tc.firstNodes {
				found := false
				for _, n := range v.Nodes {
					found = found || n.ID == id
				}
				if !found {
					t.Errorf("top nodes lack %s", id)
				}
			}
		})
	}
}

func TestSplit(t *testing.T) {
	g := readFixture(t, "fixture.json")
	parts := Split(g)
	total := 0
	for i, p := range parts {
		if p.Index != i+1 {
			t.Errorf("part %d has index %d", i, p.Index)
		}
		if i > 0 && len(p.Graph.Nodes) > len(parts[i-1].Graph.Nodes) {
			t.Errorf("parts not largest first")
		}
		total += len(p.Graph.Nodes)
	}
	if total != len(g.Nodes) {
		t.Errorf("parts hold %d nodes, graph %d", total, len(g.Nodes))
	}
	// With communities from analysis, they decide.
	for i := range g.Nodes {
		c := i % 2
		g.Nodes[i].Community = &c
	}
	if parts := Split(g); len(parts) != 2 {
		t.Errorf("got %d parts with 2 communities", len(parts))
	}
}

// checkSVGInert fails when svg has an element or attribute that can run
// code or load anything: script, foreignObject, iframe, on* handlers,
// javascript: links.
func checkSVGInert(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not valid XML: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(el.Name.Local) {
		case "script", "foreignobject", "iframe", "image", "use", "animate", "set":
			t.Errorf("SVG has a <%s> element", el.Name.Local)
		}
		for _, a := range el.Attr {
			name, val := strings.ToLower(a.Name.Local), strings.ToLower(strings.TrimSpace(a.Value))
			if strings.HasPrefix(name, "on") {
				t.Errorf("SVG <%s> has handler %s=%q", el.Name.Local, a.Name.Local, a.Value)
			}
			if name == "href" && !strings.HasPrefix(val, "http://") && !strings.HasPrefix(val, "https://") {
				t.Errorf("SVG <%s> links to %q", el.Name.Local, a.Value)
			}
		}
	}
}

func TestPNG(t *testing.T) {
	g := readFixture(t, "fixture.json")
	a, err := PNG(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	// The SVG is about 895 x 590 pt; at PNGScale 2 the image is twice that.
	if w := img.Bounds().Dx(); w < 1500 || w > 2100 {
		t.Errorf("PNG is %d px wide, want about 1790", w)
	}
	// Shapes are drawn: Kenneth Reitz's ellipse fill (#cfe0f1) is present.
	found := false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && !found; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 == 0xcf && g>>8 == 0xe0 && bl>>8 == 0xf1 {
				found = true
				break
			}
		}
	}
	if !found {
		t.Error("PNG has no Person fill colour: shapes missing")
	}
	if os.MkdirAll(artifactDir, 0o755) == nil {
		_ = os.WriteFile(filepath.Join(artifactDir, "fixture.png"), a, 0o644)
	}
}
