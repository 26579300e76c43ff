// Package export writes a graph.Graph to the places people analyse graphs:
// a live Neo4j (over Bolt), a re-runnable Cypher script, neo4j-admin import
// CSV, GraphML and JSON. Every format uses the same stable node IDs, so a live
// load, a script and a bulk import agree.
package export
