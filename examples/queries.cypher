// Questions people ask of their notes, for a graph loaded with
//   notegraph export NOTES --to neo4j
// Each query starts with a "// name:" line and sets its parameters with
// :param lines, so the file runs as is in cypher-shell
// (cypher-shell -f examples/queries.cypher) and each query pastes into Neo4j
// Browser. With notegraph, pass the parameters as flags:
//   notegraph query 'MATCH (p:Person {name: $a}) RETURN p.pagerank' --param a='Kenneth Reitz'
// Nodes carry :Notegraph and their type (:Person, :Talk, :Tool, :Concept, …);
// lists that would be empty are absent, hence coalesce(…, []).

// name: most-central-people
// The five people with the highest PageRank (computed by notegraph analyze
// and stored on each node), with their talks.
MATCH (p:Person)
WITH p ORDER BY p.pagerank DESC, p.name LIMIT 5
OPTIONAL MATCH (p)-[:GAVE]->(t:Talk)
WITH p, collect(t.name) AS talks
RETURN p.name AS person, round(p.pagerank, 4) AS pagerank, p.degree AS degree, talks
ORDER BY p.pagerank DESC, person;

// name: who-covers
// Who covers a tool or concept, in a talk they gave or in their own entry.
// The name matches the canonical name or an alias, ignoring case.
:param thing => 'requests'
MATCH (x:Notegraph)
WHERE toLower(x.name) = toLower($thing) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($thing))
MATCH path = (p:Person)-[:GAVE|COVERS*1..2]->(x)
WHERE type(last(relationships(path))) = 'COVERS'
RETURN DISTINCT p.name AS person, [n IN nodes(path)[1..-1] | n.name] AS via
ORDER BY person, via;

// name: shared-by-two-speakers
// What two people both cover (directly or through their talks).
:param a => 'Kenneth Reitz'
:param b => 'Gary Bernhardt'
MATCH (a:Person {name: $a}), (b:Person {name: $b})
MATCH pa = (a)-[:GAVE|COVERS*1..2]->(x)
WHERE type(last(relationships(pa))) = 'COVERS'
MATCH pb = (b)-[:GAVE|COVERS*1..2]->(x)
WHERE type(last(relationships(pb))) = 'COVERS'
RETURN DISTINCT x.name AS shared, [l IN labels(x) WHERE l <> 'Notegraph'][0] AS type
ORDER BY shared;

// name: shortest-path
// How two people connect: every shortest path between them, any relation,
// any direction, with the relation types along it.
:param from => 'Avery Pennarun'
:param to => 'Kenneth Reitz'
MATCH (a:Person {name: $from}), (b:Person {name: $to})
MATCH path = allShortestPaths((a)-[*..12]-(b))
RETURN length(path) AS hops, [n IN nodes(path) | n.name] AS names, [r IN relationships(path) | type(r)] AS relations
ORDER BY names;

// name: community-members
// Everything in the same community as a person (Louvain, from notegraph
// analyze), most central first.
:param person => 'Kenneth Reitz'
MATCH (p:Person {name: $person})
MATCH (m:Notegraph {community: p.community})
RETURN m.community AS community, m.name AS member, [l IN labels(m) WHERE l <> 'Notegraph'][0] AS type
ORDER BY m.pagerank DESC, member;

// name: evidence
// Where the notes say something about a node: file, line and text.
:param name => 'requests'
MATCH (x:Notegraph {name: $name})
UNWIND range(0, size(coalesce(x.evidence_files, [])) - 1) AS i
RETURN x.evidence_files[i] AS file, x.evidence_lines[i] AS line, x.evidence_texts[i] AS text
ORDER BY file, line;
