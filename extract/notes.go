package extract

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"runtime"
	"slices"
)

// Notes extracts the knowledge graph of the note files and folders in paths.
// It returns an error only when extraction as a whole cannot run; problems
// with single files are Diagnostics in the Result.
func Notes(paths []string, opts Options) (Result, error) {
	ins, diags := collect(paths)
	if opts.Notes == NotesAuto && isVault(paths) {
		opts.Notes = NotesOn // vault hook: a marked vault is read as one
	}
	// Files are read in parallel (load is pure per file) and kept in the
	// order collect sorted them.
	type loaded struct {
		src   source
		diags []Diagnostic
		ok    bool
	}
	ls := make([]loaded, len(ins))
	eachFile(poolSize(len(ins)), len(ins), func(_, i int) {
		l := &ls[i]
		l.src, l.diags, l.ok = load(ins[i])
	})
	srcs := make([]source, 0, len(ins))
	files := make([]string, 0, len(ins))
	for i, in := range ins {
		diags = append(diags, ls[i].diags...)
		files = append(files, in.name)
		if ls[i].ok {
			srcs = append(srcs, ls[i].src)
		}
	}
	ls = nil
	var fc *fileCache
	var warn []Diagnostic
	if opts.CacheDir != "" {
		c, err := openCache(opts.CacheDir, paths, opts.Rules)
		fc = c
		if err != nil {
			warn = append(warn, Diagnostic{File: opts.CacheDir, Msg: fmt.Sprintf("cache not used: %v", err)})
		}
	}
	pass := vaultPass(srcs, opts)
	res := withVaultOf(sources(srcs, opts, !pass, fc), srcs, files, opts, pass) // vault hook: notes as nodes (extract/vault)
	res.Warnings = append(warn, res.Warnings...)
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
	pass := vaultPass(srcs, opts)
	res := withVaultOf(sources(srcs, opts, !pass, nil), srcs, files, opts, pass) // vault hook
	res.Diagnostics = append(res.Diagnostics, diags...)
	sortDiagnostics(res.Diagnostics)
	return res
}

// vaultPass reports whether withVaultOf runs the vault pass on srcs. With
// NotesOff there is no pass. In NotesAuto the pass decides from the
// [[wiki links]] that name other notes whether the notes are a vault;
// notes with no "[[" anywhere cannot be one, so the pass (a tenth of a
// cold run) is skipped. It is decided before the extraction, which may
// then drop the sources' texts once parsed.
func vaultPass(srcs []source, opts Options) bool {
	return opts.Notes != NotesOff && (opts.Notes != NotesAuto || slices.ContainsFunc(srcs, func(s source) bool { return bytes.Contains(s.Text, []byte("[[")) }))
}

// withVaultOf runs the vault pass (withVault) on an extraction, when pass
// (vaultPass) says so, and normalizes the result with its files. Without
// a pass the second Normalize is skipped too: build's graph is normalized
// already (Normalize is idempotent), and only Files is new.
func withVaultOf(res Result, srcs []source, files []string, opts Options, pass bool) Result {
	if !pass {
		res.Graph.Files = slices.Compact(slices.Sorted(slices.Values(files)))
		return res
	}
	res = withVault(res, srcs, files, opts)
	res.Graph.Files = files
	res.Graph.Normalize()
	return res
}

// collectAfterLines is the number of content lines from which sources
// collects garbage once pass 2 is done (about 5,000 notes): below it the
// collector's own pace costs less than a forced cycle.
const collectAfterLines = 200_000

// Sources runs the stages over cleaned sources: parse and segment every file
// (pass 1), then find names known from anywhere in the notes (pass 2), then
// resolve mentions into nodes.
func Sources(srcs []source, opts Options) Result { return sources(srcs, opts, false, nil) }

// parsedFile is the output of the per-file stages that need nothing from
// other files: parse (lines and front matter) and planFile (entry
// templates).
type parsedFile struct {
	lines []line
	meta  meta
	plan  filePlan
	// with a cache (cache.go): the file's key, its entry while its stages
	// may be reused, the parts of its new entry (a unit's), and the entry
	// the run writes
	key   [sha256.Size]byte
	u     *unit
	parts [3]string
	entry string
	how   cacheUse
}

// sources is Sources. The per-file stages (parse with the word counts,
// planFile, and walk, each file on an extractor of its own) run on a pool
// of GOMAXPROCS goroutines, each writing only its file's slot; the stages
// that need the corpus (the ordered merge of the walks, which carries
// talks, speakers and events from one file to the next, and resolve) read
// the slots in input order on one goroutine. Pass 2 reads lines on the
// pool too, and adds their mentions in line order (pass2.go). So the
// output is the same for any number of cores.
//
// Options.Progress counts three steps per file: parsed, walked, read
// again by pass 2. (Resolution, the last tenth, comes after.)
//
// dropText lets sources drop each source's Text once it is parsed (the
// caller reads it no more: no vault pass): parse's lines are substrings
// of a copy of their own, and the file system's copy was a second one of
// every note held to the end.
//
// fc, when set, is the run's cache (cache.go): a file whose entry still
// serves is read back instead of parsed, planned and walked.
func sources(srcs []source, opts Options, dropText bool, fc *fileCache) Result {
	x := newExtractor(opts.Rules)
	prog := &progress{f: opts.Progress}
	prog.grow(3 * len(srcs))
	ps := make([]parsedFile, len(srcs))
	workers := poolSize(len(srcs))
	// The word counts are sums, so each worker counts into its own map
	// and the maps are added after: no lock, and the same totals in any
	// order.
	counts := make([]*extractor, workers)
	for w := range counts {
		counts[w] = &extractor{counts: map[string]int{}}
	}
	eachFile(workers, len(srcs), func(w, i int) {
		p := &ps[i]
		if fc != nil && p.fromCache(fc, srcs[i]) {
			for _, c := range p.u.counts {
				counts[w].counts[c.word] += c.n
			}
			prog.step()
			return
		}
		p.lines, p.meta = parse(srcs[i])
		if dropText && fc == nil {
			srcs[i].Text = nil // with a cache, a stale entry parses the file again (parseAgain)
		}
		into := counts[w]
		if fc != nil {
			into = &extractor{counts: map[string]int{}} // the file's own, for its entry
		}
		for _, l := range p.lines {
			if l.Kind != kindCode {
				into.count(l.Text)
			}
		}
		if fc != nil {
			for word, n := range into.counts {
				counts[w].counts[word] += n
			}
			p.parts[2] = countsPart(into.counts)
		}
		prog.step()
	})
	x.counts = counts[0].counts
	for _, c := range counts[1:] {
		for k, n := range c.counts {
			x.counts[k] += n
		}
	}
	// planFile reads the rules and the counts, now complete, and writes
	// nothing of x: the pool may share x. (go test -race checks it.)
	eachFile(workers, len(srcs), func(_, i int) {
		p := &ps[i]
		if p.u != nil {
			if x.holds(p.u.planReads) {
				p.plan = p.u.plan
				return
			}
			p.parseAgain(srcs[i], cacheReplanned)
		}
		if fc == nil {
			p.plan = x.planFile(srcs[i].Name, p.lines, p.meta)
			return
		}
		// on a copy of x of its own, which records what it reads of the
		// counts
		px := *x
		px.logReads, px.reads = true, nil
		p.plan = px.planFile(srcs[i].Name, p.lines, p.meta)
		p.parts[0] = planPart(&p.plan, uniqueReads(px.reads))
	})
	plans := make([]filePlan, len(ps))
	for i := range ps {
		plans[i] = ps[i].plan
		ps[i].plan = filePlan{}
	}
	planFolders(plans)
	for i := range plans {
		x.plans[plans[i].file] = &plans[i]
	}
	// Each file is walked on its own (walkFile, on the pool), then joined
	// in input order (mergeWalk); a file the corpus would have walked
	// another way is walked again here, on x, as one extractor over all
	// files would have (walkmerge.go). The merge runs beside the walks,
	// taking each file as soon as it and those before it are walked: a
	// file's own result is dropped once merged, so the walks' results and
	// the corpus's copy of them are not all held at once.
	walked := make([]*extractor, len(ps))
	rewalked := 0
	inOrder(workers, len(srcs), func(_, i int) {
		switch {
		case mergeWalks && fc != nil:
			walked[i] = x.walkCached(srcs[i], &ps[i])
		case mergeWalks:
			walked[i] = x.walkFile(srcs[i].Name, ps[i].lines, ps[i].meta, false)
		}
		prog.step()
	}, func(i int) {
		c := len(x.ctxs)
		if fc != nil && ps[i].entry != "" {
			fc.put(ps[i].key, ps[i].entry)
			fc.stats[ps[i].how]++
			ps[i].entry, ps[i].u = "", nil
			if dropText {
				srcs[i].Text = nil
			}
		}
		if walked[i] == nil || rewalkFile != nil && rewalkFile(i) || !x.mergeWalk(walked[i]) {
			n, r := len(x.ms), len(x.rels)
			x.walk(srcs[i].Name, ps[i].lines, ps[i].meta)
			x.keepToExplicit(n, r, srcs[i].Name, ps[i].lines)
			rewalked++
		}
		walked[i] = nil
		if _, ok := x.explicitOnly[srcs[i].Name]; !ok {
			thinLines(x.ctxs[c:]) // the file's parsed lines are garbage now (pass2.go)
		}
		ps[i].lines = nil
	})
	x.plans = nil // the walks' templates: pass 2 and resolution read none (15 MB on 10k notes)
	// and the word counts, which only the walk's shape finders read
	x.counts = nil
	if opts.Logger != nil {
		opts.Logger.Debug("walk", "files", len(ps), "walked again", rewalked)
	}
	var cacheDiags []Diagnostic
	if fc != nil {
		cacheDiags = fc.finish()
		if cacheStatsHook != nil {
			cacheStatsHook(fc.stats)
		}
		if opts.Logger != nil {
			st := fc.stats
			opts.Logger.Debug("cache", "read back", st[cacheHit], "new", st[cacheMissed],
				"planned again", st[cacheReplanned], "walked again", st[cacheRewalked])
		}
	}
	pass1 := len(x.ms)
	x.pass2(prog) // on the pool, merged in line order (pass2.go)
	x.keepExplicit(pass1)
	prog.reach(3 * len(srcs)) // files with no content line, and the last
	x.titleTopics()
	// the lines and their contexts are read no more: let resolution and the
	// graph have their memory
	held := len(x.ctxs)
	x.ctxs, x.explicitOnly, ps = nil, nil, nil
	if held >= collectAfterLines {
		// Most of the heap just became garbage, but the collector would
		// let resolution grow it to twice what was live during pass 2
		// before collecting: on 100k notes that was the run's peak.
		// Collecting now starts resolution from what it needs.
		runtime.GC()
	}
	g := x.resolve()
	return Result{Graph: g, Warnings: cacheDiags}
}
