// Package vault reads a folder of linked notes (an Obsidian vault, a Logseq
// graph, a Foam workspace) as one graph: a Note node per note file,
// LINKS_TO edges for its [[wiki links]], note embeds and Markdown links to
// other notes, Attachment nodes for the files it embeds, Tag nodes for its
// #tags and front-matter tags, and its front matter as properties and typed
// nodes.
//
// It runs in three stages over plain data:
//
//	scan      per note: front matter (YAML, or Logseq key:: value lines),
//	          the first H1, links, embeds and tags outside code and comments
//	index     every note by path, file name and alias, to resolve links as
//	          Obsidian does (index.go states the order)
//	build     nodes and edges; what each note is (identify); the merge with
//	          the graph extracted from the same notes (Options.Entities)
//
// Ids are content-derived: "note:folder/name" (the path without extension,
// each part folded as graph.Slug folds names), "tag:lang/go",
// "attachment:img/diagram-png". A link to a note that does not exist makes
// a Note with Props["missing"] = "true" and a Diagnostic with its file and
// line.
//
// A note is one node with the thing it is about: when its name (front-matter
// title, else first H1, else file name) or file name is the name of an
// extracted Person, Talk, Tool, Organization or Event, the note is that node
// (it gains the note's path and properties); when its front matter says
// what it is ("type: person") or names its speaker, it is a node of that
// type; otherwise it is a Note, and a Concept of the same name is merged
// into it.
package vault
