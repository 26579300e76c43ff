// Package viz draws a graph.Graph as a map: DOT, SVG and PNG through
// goccy/go-graphviz (Graphviz compiled to WebAssembly, no system Graphviz),
// and a self-contained interactive HTML page.
package viz
