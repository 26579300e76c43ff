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
//
// Analyze writes centrality scores (keys Score*: degree, pagerank,
// betweenness, closeness, harmonic, eigenvector, articulation, …) into
// Node.Scores, a community number into Node.Community and Scores["bridge"]
// into Edge.Scores. It runs on the undirected view of the graph
// (GonumUndirected): relations between two nodes form one link weighted by
// their number; self-links are ignored. Betweenness, closeness and harmonic
// closeness come from one parallel Brandes pass over flat arrays, exact or
// from seeded pivots above a size (AnalysisOptions.Pivots); communities come
// from gonum's community.Modularize up to GonumCommunityLimit nodes and from
// a flat-array Louvain above. Every score is defined as networkx defines it,
// and tests compare them with networkx's to 1e-6 (docs/analysis.md).
package graph
