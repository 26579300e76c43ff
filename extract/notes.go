package extract

// Notes extracts the knowledge graph of the note files and folders in paths.
// It returns an error only when extraction as a whole cannot run; problems
// with single files are Diagnostics in the Result.
func Notes(paths []string, opts Options) (Result, error) {
	ins, diags := collect(paths)
	if opts.Notes == NotesAuto && isVault(paths) {
		opts.Notes = NotesOn // vault hook: a marked vault is read as one
	}
	srcs := make([]source, 0, len(ins))
	var files []string
	for i, in := range ins {
		src, ds, ok := load(in)
		diags = append(diags, ds...)
		files = append(files, in.name)
		if ok {
			srcs = append(srcs, src)
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(ins))
		}
	}
	res := withVault(Sources(srcs, opts), srcs, files, opts) // vault hook: notes as nodes (extract/vault)
	res.Graph.Files = files
	res.Graph.Normalize()
	res.Diagnostics = append(res.Diagnostics, diags...)
	sortDiagnostics(res.Diagnostics)
	return res, nil
}

// Source is one note to extract from memory: its name (used in evidence)
// and its Markdown text.
type Source struct {
	Name string
	Text []byte
}

// Texts extracts the graph of notes held in memory. It is Notes without the
// file system; tests and fuzzing use it.
func Texts(notes []Source, opts Options) Result {
	var srcs []source
	var diags []Diagnostic
	var files []string
	for _, n := range notes {
		files = append(files, n.Name)
		src, ds, ok := clean(n.Name, n.Text)
		diags = append(diags, ds...)
		if ok {
			srcs = append(srcs, src)
		}
	}
	res := withVault(Sources(srcs, opts), srcs, files, opts) // vault hook
	res.Graph.Files = files
	res.Graph.Normalize()
	res.Diagnostics = append(res.Diagnostics, diags...)
	sortDiagnostics(res.Diagnostics)
	return res
}

// Sources runs the stages over cleaned sources: parse and segment every file
// (pass 1), then find names known from anywhere in the notes (pass 2), then
// resolve mentions into nodes.
func Sources(srcs []source, opts Options) Result {
	x := newExtractor(opts.Rules)
	type parsed struct {
		name  string
		lines []line
		meta  meta
	}
	ps := make([]parsed, 0, len(srcs))
	for _, s := range srcs {
		lines, m := parse(s)
		ps = append(ps, parsed{s.Name, lines, m})
		for _, l := range lines {
			if l.Kind != kindCode {
				x.count(l.Text)
			}
		}
	}
	plans := make([]filePlan, len(ps))
	for i, p := range ps {
		plans[i] = x.planFile(p.name, p.lines, p.meta)
	}
	planFolders(plans)
	for i := range plans {
		x.plans[plans[i].file] = &plans[i]
	}
	for _, p := range ps {
		n := len(x.ms)
		x.walk(p.name, p.lines, p.meta)
		x.keepToExplicit(n)
	}
	x.known = x.buildKnown()
	n := len(x.ctxs)
	for _, c := range x.ctxs[:n] {
		c.pass2 = true
		x.findMentions(c)
	}
	x.titleTopics()
	g := x.resolve()
	return Result{Graph: g}
}
