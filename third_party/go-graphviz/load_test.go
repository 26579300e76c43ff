package graphviz

import (
	"context"
	"testing"

	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"
	"github.com/goccy/go-graphviz/internal/wasm"
)

// TestLazyStart (notegraph patch) checks what the start on first use relies
// on: after New, cgraph's and gvc's copies of the module's enum values hold
// the module's values, not the Go defaults they were declared with, and the
// descriptors are set.
func TestLazyStart(t *testing.T) {
	g, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if Directed == nil || cgraph.Directed == nil {
		t.Fatal("descriptors not set")
	}
	for _, c := range []struct {
		name      string
		got, want int64
	}{
		{"cgraph.GRAPH", int64(cgraph.GRAPH), int64(wasm.GRAPH)},
		{"cgraph.NODE", int64(cgraph.NODE), int64(wasm.NODE)},
		{"cgraph.OUTEDGE", int64(cgraph.OUTEDGE), int64(wasm.OUT_EDGE)},
		{"cgraph.INEDGE", int64(cgraph.INEDGE), int64(wasm.IN_EDGE)},
		{"cgraph.EDGE", int64(cgraph.EDGE), int64(wasm.EDGE)},
		{"gvc.DeviceDoesPages", int64(gvc.DeviceDoesPages), int64(wasm.DEVICE_DOES_PAGES)},
		{"gvc.DeviceDoesLayers", int64(gvc.DeviceDoesLayers), int64(wasm.DEVICE_DOES_LAYERS)},
		{"gvc.DeviceEvents", int64(gvc.DeviceEvents), int64(wasm.DEVICE_EVENTS)},
		{"gvc.DeviceDoesTrueColor", int64(gvc.DeviceDoesTrueColor), int64(wasm.DEVICE_DOES_TRUECOLOR)},
		{"gvc.DeviceBinaryFormat", int64(gvc.DeviceBinaryFormat), int64(wasm.DEVICE_BINARY_FORMAT)},
		{"gvc.DeviceCompressedFormat", int64(gvc.DeviceCompressedFormat), int64(wasm.DEVICE_COMPRESSED_FORMAT)},
		{"gvc.DeviceNoWriter", int64(gvc.DeviceNoWriter), int64(wasm.DEVICE_NO_WRITER)},
		{"gvc.RenderYGoesDown", int64(gvc.RenderYGoesDown), int64(wasm.RENDER_Y_GOES_DOWN)},
		{"gvc.RenderDoesTransform", int64(gvc.RenderDoesTransform), int64(wasm.RENDER_DOES_TRANSFORM)},
		{"gvc.RenderDoesLabels", int64(gvc.RenderDoesLabels), int64(wasm.RENDER_DOES_LABELS)},
		{"gvc.RenderDoesMaps", int64(gvc.RenderDoesMaps), int64(wasm.RENDER_DOES_MAPS)},
		{"gvc.RenderDoesMapRectangle", int64(gvc.RenderDoesMapRectangle), int64(wasm.RENDER_DOES_MAP_RECTANGLE)},
		{"gvc.RenderDoesMapCircle", int64(gvc.RenderDoesMapCircle), int64(wasm.RENDER_DOES_MAP_CIRCLE)},
		{"gvc.RenderDoesMapPolygon", int64(gvc.RenderDoesMapPolygon), int64(wasm.RENDER_DOES_MAP_POLYGON)},
		{"gvc.RenderDoesMapEllipse", int64(gvc.RenderDoesMapEllipse), int64(wasm.RENDER_DOES_MAP_ELLIPSE)},
		{"gvc.RenderDoesMapBspline", int64(gvc.RenderDoesMapBspline), int64(wasm.RENDER_DOES_MAP_BSPLINE)},
		{"gvc.RenderDoesTooltips", int64(gvc.RenderDoesTooltips), int64(wasm.RENDER_DOES_TOOLTIPS)},
		{"gvc.RenderDoesTargets", int64(gvc.RenderDoesTargets), int64(wasm.RENDER_DOES_TARGETS)},
		{"gvc.RenderDoesZ", int64(gvc.RenderDoesZ), int64(wasm.RENDER_DOES_Z)},
		{"gvc.RenderNoWhiteBg", int64(gvc.RenderNoWhiteBg), int64(wasm.RENDER_NO_WHITE_BG)},
		{"gvc.HSVADouble", int64(gvc.HSVADouble), int64(wasm.HSVA_DOUBLE)},
		{"gvc.RGBAByte", int64(gvc.RGBAByte), int64(wasm.RGBA_BYTE)},
		{"gvc.RGBAWord", int64(gvc.RGBAWord), int64(wasm.RGBA_WORD)},
		{"gvc.RGBADouble", int64(gvc.RGBADouble), int64(wasm.RGBA_DOUBLE)},
		{"gvc.ColorString", int64(gvc.ColorString), int64(wasm.COLOR_STRING)},
		{"gvc.ColorIndex", int64(gvc.ColorIndex), int64(wasm.COLOR_INDEX)},
		{"gvc.LabelPlain", int64(gvc.LabelPlain), int64(wasm.LABEL_PLAIN)},
		{"gvc.LabelHTML", int64(gvc.LabelHTML), int64(wasm.LABEL_HTML)},
		{"gvc.FillNone", int64(gvc.FillNone), int64(wasm.FILL_NONE)},
		{"gvc.FillSolid", int64(gvc.FillSolid), int64(wasm.FILL_SOLID)},
		{"gvc.FillLinear", int64(gvc.FillLinear), int64(wasm.FILL_LINEAR)},
		{"gvc.FillRadial", int64(gvc.FillRadial), int64(wasm.FILL_RADIAL)},
		{"gvc.PenNone", int64(gvc.PenNone), int64(wasm.PEN_NONE)},
		{"gvc.PenDashed", int64(gvc.PenDashed), int64(wasm.PEN_DASHED)},
		{"gvc.PenDotted", int64(gvc.PenDotted), int64(wasm.PEN_DOTTED)},
		{"gvc.PenSolid", int64(gvc.PenSolid), int64(wasm.PEN_SOLID)},
		{"gvc.RootGraphObjectType", int64(gvc.RootGraphObjectType), int64(wasm.ROOTGRAPH_OBJTYPE)},
		{"gvc.ClusterObjectType", int64(gvc.ClusterObjectType), int64(wasm.CLUSTER_OBJTYPE)},
		{"gvc.NodeObjectType", int64(gvc.NodeObjectType), int64(wasm.NODE_OBJTYPE)},
		{"gvc.EdgeObjectType", int64(gvc.EdgeObjectType), int64(wasm.EDGE_OBJTYPE)},
		{"gvc.ImageTypeNull", int64(gvc.ImageTypeNull), int64(wasm.IMAGE_TYPE_NULL)},
		{"gvc.ImageTypeBMP", int64(gvc.ImageTypeBMP), int64(wasm.IMAGE_TYPE_BMP)},
		{"gvc.ImageTypeGIF", int64(gvc.ImageTypeGIF), int64(wasm.IMAGE_TYPE_GIF)},
		{"gvc.ImageTypePNG", int64(gvc.ImageTypePNG), int64(wasm.IMAGE_TYPE_PNG)},
		{"gvc.ImageTypeJPEG", int64(gvc.ImageTypeJPEG), int64(wasm.IMAGE_TYPE_JPEG)},
		{"gvc.ImageTypePDF", int64(gvc.ImageTypePDF), int64(wasm.IMAGE_TYPE_PDF)},
		{"gvc.ImageTypePS", int64(gvc.ImageTypePS), int64(wasm.IMAGE_TYPE_PS)},
		{"gvc.ImageTypeEPS", int64(gvc.ImageTypeEPS), int64(wasm.IMAGE_TYPE_EPS)},
		{"gvc.ImageTypeSVG", int64(gvc.ImageTypeSVG), int64(wasm.IMAGE_TYPE_SVG)},
		{"gvc.ImageTypeXML", int64(gvc.ImageTypeXML), int64(wasm.IMAGE_TYPE_XML)},
		{"gvc.ImageTypeRIFF", int64(gvc.ImageTypeRIFF), int64(wasm.IMAGE_TYPE_RIFF)},
		{"gvc.ImageTypeWEBP", int64(gvc.ImageTypeWEBP), int64(wasm.IMAGE_TYPE_WEBP)},
		{"gvc.ImageTypeICO", int64(gvc.ImageTypeICO), int64(wasm.IMAGE_TYPE_ICO)},
		{"gvc.ImageTypeTIFF", int64(gvc.ImageTypeTIFF), int64(wasm.IMAGE_TYPE_TIFF)},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, module says %d", c.name, c.got, c.want)
		}
	}
}
