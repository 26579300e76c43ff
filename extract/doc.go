// Package extract turns Markdown notes into a typed knowledge graph
// (graph.Graph) in which every node and edge carries the file and line that
// justify it.
//
// Extraction runs in explicit stages over plain data:
//
//	load     read files (folders are walked for *.md / *.markdown), decode, diagnose
//	parse    goldmark AST → blocks with 1-based line numbers
//	segment  sections by heading, entries inside them (heading entries,
//	         list items, "Name (Title)" paragraphs, schedule table rows read
//	         by their header, "Title:"/"Speaker:"/"Company:" field lines,
//	         timed or emphasized-title list items, a paragraph of prose
//	         that says who gave which talk)
//	classify what each section and entry is: talk, tool, concept, …
//	mention  names inside an entry: heads, code spans, links, capitalized spans,
//	         acronym definitions, names known from elsewhere in the notes;
//	         and the concepts notes write in lower case (concepts.go): a
//	         title's phrases the notes take up again and its abstract nouns,
//	         quoted terms, a note's subject ("X is hard"), the object of a
//	         how-question, items explained in parentheses, link phrases
//	relate   structure gives GAVE and COVERS, cue phrases give CREATED,
//	         WORKS_AT, SIMILAR_TO, USES, RELATED_TO
//	resolve  one node per real thing: fold case, punctuation, plurals,
//	         acronyms and small typos; keep every surface form as an alias
//	vault    when the notes are a vault (Options.Notes, NotesMode): each
//	         note a node, its links, embeds, tags and front matter, and
//	         MENTIONED_IN from what was extracted (package extract/vault;
//	         the one hook is withVault, after Sources in Notes and Texts)
//
// The words the stages look for (section names, cue phrases, stop-words,
// merges and vetoes) are not in the code: they are Rules, with documented
// built-in defaults (rules.yaml) that a user extends with --rules FILE.
//
// Problems in the notes are Diagnostics, never errors: a file that cannot be
// read or decoded is reported with its path and the reason, and every other
// file is still extracted.
package extract
