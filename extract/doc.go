// Package extract turns Markdown notes into a typed knowledge graph
// (graph.Graph) in which every node and edge carries the file and line that
// justify it.
//
// # Stages
//
// Extraction reads the structure of each document first and its words
// second. Each stage passes plain data to the next:
//
//	load      read files (folders are walked for *.md / *.markdown), decode,
//	          cap nesting, diagnose (load.go, nesting.go)
//	parse     goldmark AST → lines with block kind, heading level, list
//	          depth, links, code spans, emphasis; front matter (parse.go)
//	plan      the entry template, per file (talkplan.go): which sections
//	          are talks — the file itself when it holds one talk (its H1 or
//	          front-matter title), the sibling headings that repeat a talk's
//	          shape, an index page's items linking to talk files; a folder
//	          agrees on one-talk files (planFolders)
//	heads     the talk-head reader (talkhead.go): one head line → slots
//	          (title, speakers, affiliations, handle, kind)
//	walk      every line in its entry (segment.go, walkplan.go), each
//	          file on its own extractor on the pool, merged in file order
//	          (walkmerge.go), so the output is the same on any number of
//	          cores: in a
//	          planned file the plan alone opens talks and sub-headings are
//	          the talk's notes; other files are read by the line shapes of
//	          segment.go (fields, tables, "Name (Title)", prose talks)
//	mentions  names on a line (mentions.go, terms.go, concepts.go), by
//	          the finders of findMentions in their order: links and code
//	          first (their words are not names), then definitions and cue
//	          phrases, then the finders that read word shapes (short lines,
//	          technical terms, capitals, coined words, then the peers of a
//	          comma list of names); a finder claims its span with
//	          lineCtx.take, so no two finders name one span. What is never a
//	          name alone sits in rules.yaml (generic, work_words, stopwords),
//	          and a table's value columns (file, commit, licence) are not read
//	pass 2    every line again, for the names found anywhere in the notes
//	          (knownNames), then each talk's notes for the topics its title
//	          announces (titleTopics): read on the pool, their mentions
//	          added in line order (pass2.go)
//	relate    structure gives GAVE, WORKS_AT (a speaker slot's affiliation),
//	          AT (a talk and its event) and COVERS (everything in a talk's
//	          notes); cue phrases give CREATED, WORKS_AT, SIMILAR_TO, USES,
//	          RELATED_TO
//	resolve   one node per real thing (resolve.go): fold case, punctuation,
//	          plurals, acronyms and small typos; a talk's identity is its
//	          file ("file:NAME", shared by an index page's item); keep every
//	          surface form as an alias
//	vault     Note, Tag and attachment nodes, LINKS_TO and MENTIONED_IN, when
//	          the notes are a vault (extract/vault)
//
// A file that holds no talk keeps to what its notes make explicit (links,
// code, cue phrases, coined names): the shape finders' loose mentions are
// dropped there (keepToExplicit), since in a manual or a diary capitals and
// short lines are UI labels and imperatives, not names. A file's talks
// count only when its plan holds them or they head a fifth of its
// headings: a manual's "Setup with Docker" is no talk. Even explicit names
// are weighed there by how they are written (explicit.go, docNameRules, one
// line each on why): a code span that is an English word, a member, an
// identifier of the docs' own code or an option is no tool; a table of
// contents names sections; a cue phrase's object stays. A new class of
// junk in docs is one row of docNameRules and one TestManualNames row.
//
// # Adding a note shape
//
// A talk head written a new way ("Title ~ Speaker"): write one function
// func (x *extractor) headXxx(t string) (headSlots, bool) in talkhead.go,
// add it to headShapes where its surety puts it, and add a row to
// TestReadHead (an invented line → "title | speakers"). A new way of laying
// out a file's talks (a structure, not a line): extend planFile or
// templateTalks in talkplan.go and add a row to TestPlanFile (invented notes
// → the talks planned). A new kind of name inside notes: a finder in
// mentions.go or its own file, one line in findMentions saying why it runs
// where it does, and a TestPatterns row with want and deny. Words (section
// names, cue phrases, role words, term heads) go in rules.yaml, not in code.
// Never copy text from anyone's real notes into tests or rules: invent.
//
// # Speed
//
// Every line of every note passes through the finders, so the per-line
// path keeps to scans and lookups. A regexp there runs behind a guard that
// says cheaply when it cannot match (the first words of an anchored
// phrase regexp's phrases, rules.go anchored; a colon where a field needs
// one), or is written out as a scan (headmatch.go); a cue phrase is looked
// for only when its first word is on the line (cueMask). Each guard and
// scan is held to its regexp by a fuzz test (guard_test.go): a new one
// gets a row there.
//
// The strings functions that do more than a line needs have stand-ins in
// textscan.go, each held to the function it replaces by FuzzTextScan:
// indexAny for sets with a dash or a curly quote, cutsets made once for
// Trim, fieldCount and appendFields for Fields, and folded lookups that
// lower an ASCII word into a stack buffer instead of a new string. A small
// word set asked about every word of a line (suffix cues, term heads, the
// cue phrases' first words, the known names' first words) is looked up
// behind its keys' first bytes and lengths (keyShapes).
//
// Every content line of the notes is held until pass 2 has read it again:
// its context (lineCtx), its record (line), its text and the mentions and
// relations found on it. They are the live heap of a large run (about seven
// times the notes' size), so their small fields sit together, no wider
// than they need, types are two-byte codes (relType, nodeType), a line's
// rarer lists sit behind a pointer that the lines without them share
// (lineParts, noParts), and nothing is held that is read no more: what
// only the walk reads of a line is the extractor's while it reads it
// (extractor.words, contOf), a merged file's records keep only what pass 2
// reads (thinLines), a relation's evidence is one of its mentions'
// (evOf), and a line's text is the source's bytes when it can be
// (appendSource). The record sizes are tested (TestCodes,
// TestNoPartsStayEmpty): a field added to one changes its test.
//
// # Cache
//
// With Options.CacheDir, Notes keeps each file's per-file stages between
// runs (cache.go): its lines after the walk, its plan and its walk, keyed
// by a hash of its name and text, in one pack per set of inputs that names
// the program (a hash of its executable), the rules and the format. What a
// file's plan and walk read of other files is the corpus's word counts,
// and only as "written twice or more" (extractor.many); each stage keeps
// those answers, and is read back only while they, and the plan the walk
// read, are the same. Then the merge of the walks, pass 2, title topics
// and resolution run as without a cache, so the output is the same bytes
// (TestCacheSameOutput). Those corpus-wide stages are what a rerun still
// costs: about a third of a cold run on 10,000 notes.
//
// The words the stages look for (section names, cue phrases, stop-words,
// merges and vetoes) are Rules, with documented built-in defaults
// (rules.yaml) that a user extends with --rules FILE. The general-language
// lexicons (given names, dictionaries, verbs) and their licences are listed
// in data/README.md.
//
// Problems in the notes are Diagnostics, never errors: a file that cannot be
// read or decoded is reported with its path and the reason, and every other
// file is still extracted.
package extract
