// Package graph is notegraph's model of a knowledge graph extracted from notes:
// typed nodes and edges, each carrying the evidence (file, line, text) that
// justifies it, plus the analysis (centrality, communities) computed on top of
// gonum.
//
// A Graph is plain data. It is written to and read from JSON without loss, and
// every later stage (export, viz) consumes it without recomputing anything.
//
// Invariants kept by Normalize, which every producer calls before handing a
// Graph on:
//   - node IDs are content-derived ("type:normalized-name", see ID) and unique;
//   - edges are unique by (Source, Type, Target) and both ends exist;
//   - nodes, edges, aliases and evidence are sorted, so output is byte-identical
//     across runs.
package graph
