package viz

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"math"
	"regexp"
	"sync"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"

	"github.com/notegraph/notegraph/graph"
)

// PNGScale is the pixels per SVG point of PNG maps: 2 gives a sharp image
// on high-density screens.
const PNGScale = 2.0

// maxPNGPixels bounds the PNG's size (about 400 MB of RGBA at most); a
// larger map is drawn at a lower scale.
const maxPNGPixels = 100_000_000

// PNG returns g's map as a PNG image. Graphviz's own PNG output here draws
// text and arrowheads without node shapes or edge lines, so the SVG is
// rasterized instead, with tdewolff/canvas and a system font whose widths
// match Helvetica's (Liberation Sans, Arial, …).
func PNG(ctx context.Context, g graph.Graph, opts Options) ([]byte, error) {
	m, err := Draw(ctx, g, opts)
	if err != nil {
		return nil, err
	}
	return m.PNG()
}

// pngFonts are the faces tried for text, in order: the metric-compatible
// stand-ins for Helvetica first.
var pngFonts = []string{"Liberation Sans", "Arimo", "Arial", "Helvetica", "Nimbus Sans", "DejaVu Sans", "FreeSans"}

var pngFont = sync.OnceValues(func() (string, error) {
	for _, name := range pngFonts {
		if _, ok := canvas.FindSystemFont(name, canvas.FontRegular); ok {
			return name, nil
		}
	}
	return "", fmt.Errorf("no font for PNG text: install one of %v (Debian: apt-get install fonts-liberation)", pngFonts)
})

var fontFamily = regexp.MustCompile(`font-family="[^"]*"`)

// RasterizeSVG draws an SVG made by this package as a PNG at scale pixels
// per point.
func RasterizeSVG(svg []byte, scale float64) (out []byte, err error) {
	font, err := pngFont()
	if err != nil {
		return nil, err
	}
	svg = fontFamily.ReplaceAll(svg, []byte(`font-family="`+font+`"`))
	defer func() {
		// canvas's SVG reader panics on what it cannot draw.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("rasterize svg: %v", r)
		}
	}()
	c, err := canvas.ParseSVG(bytes.NewReader(svg))
	if err != nil {
		return nil, fmt.Errorf("rasterize svg: %w", err)
	}
	// canvas reads the SVG's points as 4/3 of its units (CSS pixels).
	dpmm := scale * 0.75
	if px := c.W * c.H * dpmm * dpmm; px > maxPNGPixels {
		dpmm *= math.Sqrt(maxPNGPixels / px)
	}
	img := rasterizer.Draw(c, canvas.DPMM(dpmm), canvas.DefaultColorSpace)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), nil
}
