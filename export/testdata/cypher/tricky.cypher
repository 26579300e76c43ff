// notegraph Cypher script: 9 nodes, 8 relationships from tricky.
// Re-runnable: constraints, then MERGE by id; a second run changes nothing.
// Run with: cypher-shell -a bolt://localhost:7687 -u neo4j -f graph.cypher

CREATE CONSTRAINT `notegraph_Notegraph_id` IF NOT EXISTS FOR (n:`Notegraph`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `notegraph_Concept_id` IF NOT EXISTS FOR (n:`Concept`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `notegraph_Odd``Type Label_id` IF NOT EXISTS FOR (n:`Odd``Type Label`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `notegraph_Person_id` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `notegraph_Tool_id` IF NOT EXISTS FOR (n:`Tool`) REQUIRE n.id IS UNIQUE;

UNWIND [
  {`ev`: [], `id`: 'concept:no-evidence', `keys`: ['evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`name`: 'No evidence'}}
] AS row
MERGE (x:`Notegraph`:`Concept` {id: row.id})
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 50, 'odd']], `id`: 'odd`type:x', `keys`: ['evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`name`: 'Odd'}}
] AS row
MERGE (x:`Notegraph`:`Odd``Type Label` {id: row.id})
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 5, 'text of Back`tick`` and ``` more'], ['b \'quoted\'.md', 104, 'Back`tick`` and ``` more\n…']], `id`: 'person:back-tick-and-more4', `keys`: ['aliases', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`aliases`: ['Back`tick`` and ``` more alias', 'Ω\'`\\'], `name`: 'Back`tick`` and ``` more'}},
  {`ev`: [['a.md', 7, 'text of Ctrl \u0001\u001F\u007F chars'], ['a.md', 106, 'Ctrl \u0001\u001F\u007F chars\n…']], `id`: 'person:ctrl-chars6', `keys`: ['aliases', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`aliases`: ['Ctrl \u0001\u001F\u007F chars alias', 'Ω\'`\\'], `name`: 'Ctrl \u0001\u001F\u007F chars'}},
  {`ev`: [['a.md', 3, 'text of Line one\nLine two\r\n\ttabbed'], ['c\\dir/ü.md', 102, 'Line one\nLine two\r\n\ttabbed\n…']], `id`: 'person:line-one-line-two-tabbed2', `keys`: ['aliases', 'betweenness', 'community', 'degree', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'pagerank', 'sources', 'url'], `props`: {`aliases`: ['Line one\nLine two\r\n\ttabbed alias', 'Ω\'`\\'], `betweenness`: 1e-09, `community`: 2, `degree`: 3.0, `name`: 'Line one\nLine two\r\n\ttabbed', `pagerank`: 0.125, `url`: 'https://example.org/?q=\'x\'&r="y"'}}
] AS row
MERGE (x:`Notegraph`:`Person` {id: row.id})
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 1, 'text of O\'Brien "Bob"'], ['a.md', 100, 'O\'Brien "Bob"\n…']], `id`: 'person:o-brien-bob0', `keys`: ['aliases', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`aliases`: ['O\'Brien "Bob" alias', 'Ω\'`\\'], `name`: 'O\'Brien "Bob"'}}
] AS row
MERGE (x:`Notegraph`:`Person` {id: row.id})
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 2, 'text of Back\\slash \\n not a newline'], ['b \'quoted\'.md', 101, 'Back\\slash \\n not a newline\n…']], `id`: 'tool:back-slash-n-not-a-newline1', `keys`: ['aliases', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`aliases`: ['Back\\slash \\n not a newline alias', 'Ω\'`\\'], `name`: 'Back\\slash \\n not a newline'}},
  {`ev`: [['a.md', 4, 'text of naïve Ünïcödé — 日本語 😀 \u00A0nbsp \u200Bzwsp \u2028ls'], ['a.md', 103, 'naïve Ünïcödé — 日本語 😀 \u00A0nbsp \u200Bzwsp \u2028ls\n…']], `id`: 'tool:naive-unicode-日本語-nbsp-zwsp-ls3', `keys`: ['aliases', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`aliases`: ['naïve Ünïcödé — 日本語 😀 \u00A0nbsp \u200Bzwsp \u2028ls alias', 'Ω\'`\\'], `name`: 'naïve Ünïcödé — 日本語 😀 \u00A0nbsp \u200Bzwsp \u2028ls'}},
  {`ev`: [['a.md', 6, 'text of semi; colon;\n// comment */ /* '], ['c\\dir/ü.md', 105, 'semi; colon;\n// comment */ /* \n…']], `id`: 'tool:semi-colon-comment5', `keys`: ['aliases', 'evidence_files', 'evidence_lines', 'evidence_texts', 'name', 'notegraph_keys', 'sources'], `props`: {`aliases`: ['semi; colon;\n// comment */ /*  alias', 'Ω\'`\\'], `name`: 'semi; colon;\n// comment */ /* '}}
] AS row
MERGE (x:`Notegraph`:`Tool` {id: row.id})
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 207, 'edge \'text\' \\ `x`'], ['c\\dir/ü.md', 307, 'more\nlines']], `props`: {}, `source`: 'odd`type:x', `target`: 'concept:no-evidence'},
  {`ev`: [['a.md', 204, 'edge \'text\' \\ `x`'], ['c\\dir/ü.md', 304, 'more\nlines']], `props`: {}, `source`: 'person:back-tick-and-more4', `target`: 'tool:semi-colon-comment5'},
  {`ev`: [['a.md', 202, 'edge \'text\' \\ `x`'], ['a.md', 302, 'more\nlines']], `props`: {}, `source`: 'person:line-one-line-two-tabbed2', `target`: 'tool:naive-unicode-日本語-nbsp-zwsp-ls3'}
] AS row
MATCH (a:`Notegraph` {id: row.source})
MATCH (b:`Notegraph` {id: row.target})
MERGE (a)-[x:`RELATED_TO`]->(b)
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 201, 'edge \'text\' \\ `x`'], ['c\\dir/ü.md', 301, 'more\nlines']], `props`: {}, `source`: 'tool:back-slash-n-not-a-newline1', `target`: 'person:line-one-line-two-tabbed2'},
  {`ev`: [['a.md', 205, 'edge \'text\' \\ `x`'], ['a.md', 305, 'more\nlines']], `props`: {}, `source`: 'tool:semi-colon-comment5', `target`: 'person:ctrl-chars6'}
] AS row
MATCH (a:`Notegraph` {id: row.source})
MATCH (b:`Notegraph` {id: row.target})
MERGE (a)-[x:`RELATED_TO`]->(b)
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;

UNWIND [
  {`ev`: [['a.md', 206, 'edge \'text\' \\ `x`'], ['b \'quoted\'.md', 306, 'more\nlines']], `props`: {}, `source`: 'person:ctrl-chars6', `target`: 'odd`type:x'},
  {`ev`: [['a.md', 200, 'edge \'text\' \\ `x`'], ['b \'quoted\'.md', 300, 'more\nlines']], `keys`: ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources', 'weight'], `props`: {`weight`: 2.5}, `source`: 'person:o-brien-bob0', `target`: 'tool:back-slash-n-not-a-newline1'},
  {`ev`: [['a.md', 203, 'edge \'text\' \\ `x`'], ['b \'quoted\'.md', 303, 'more\nlines']], `props`: {}, `source`: 'tool:naive-unicode-日本語-nbsp-zwsp-ls3', `target`: 'person:back-tick-and-more4'}
] AS row
MATCH (a:`Notegraph` {id: row.source})
MATCH (b:`Notegraph` {id: row.target})
MERGE (a)-[x:`REL``WITH space`]->(b)
WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN ['a.md', 'b \'quoted\'.md', 'c\\dir/ü.md'] | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources'])] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written;
