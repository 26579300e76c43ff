package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/extract"
	"github.com/notegraph/notegraph/graph"
)

// extractFlags are the flags of every command that reads notes.
type extractFlags struct {
	rules  string
	strict bool
	notes  string
	cache  string
}

func (f *extractFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.rules, "rules", "", "rules `FILE` (YAML) that extends or overrides the built-in rules")
	cmd.Flags().BoolVar(&f.strict, "strict", false, "fail (exit 1) when any note cannot be read or understood")
	cmd.Flags().StringVar(&f.cache, "cache", "", "keep each note's extraction in `DIR` between runs, so a rerun reads again only the notes that changed (the output is the same); \"auto\" is the user's cache folder (~/.cache/notegraph on Linux); off when not given")
	cmd.Flags().StringVar(&f.notes, "notes", "auto", "make each note file a Note node, linked by its [[links]] and tagged: `auto` (when a folder is an Obsidian, Logseq or Foam vault, or a [[wiki link]] names another note), on, off")
}

// loadAnalyzedGraph is loadGraph followed by graph.Analyze when the graph
// carries no scores yet: what render and export want.
func loadAnalyzedGraph(inputs []string, f extractFlags) (graph.Graph, error) {
	g, err := loadGraph(inputs, f)
	if err != nil {
		return g, err
	}
	if !g.HasScores() {
		if err := graph.Analyze(&g, graph.AnalysisOptions{}); err != nil {
			return g, fmt.Errorf("analyze: %w", err)
		}
	}
	return g, nil
}

// loadGraph returns the graph of inputs: one graph.json file written by
// `notegraph extract`, or notes (files and folders) to extract now.
// Diagnostics are printed to stderr unless quiet.
func loadGraph(inputs []string, f extractFlags) (graph.Graph, error) {
	if len(inputs) == 1 && strings.HasSuffix(strings.ToLower(inputs[0]), ".json") {
		fh, err := os.Open(inputs[0])
		if err != nil {
			return graph.Graph{}, fmt.Errorf("read graph %s: %w", inputs[0], reason(err))
		}
		defer fh.Close()
		g, err := graph.ReadJSON(bufio.NewReader(fh))
		if err != nil {
			return graph.Graph{}, fmt.Errorf("read graph %s: %w", inputs[0], err)
		}
		return g, nil
	}
	mode, err := extract.ParseNotesMode(f.notes)
	if err != nil {
		return graph.Graph{}, usageError{err}
	}
	cache, err := cacheDir(f.cache)
	if err != nil {
		return graph.Graph{}, err
	}
	opts := extract.Options{Notes: mode, CacheDir: cache}
	if f.rules != "" {
		r, err := extract.LoadRules(f.rules)
		if err != nil {
			return graph.Graph{}, err
		}
		opts.Rules = r
	}
	// The bar appears only for folders of a few hundred notes and more:
	// smaller ones are extracted in a second or two, and a bar would only
	// flash. Extraction reports three steps per note (parsed, walked, read
	// again by pass 2), from several goroutines but one call at a time;
	// the bar counts notes.
	var bar *progressbar.ProgressBar
	if progressOn() {
		opts.Progress = func(done, total int) {
			if bar == nil {
				if total < 3*extractBarNotes {
					return
				}
				bar = newProgress(int64(total/3), "extracting")
			}
			bar.ChangeMax(total / 3)
			_ = bar.Set(done / 3)
		}
	}
	res, err := extract.Notes(inputs, opts)
	if bar != nil {
		_ = bar.Finish()
		_ = bar.Clear()
	}
	if err != nil {
		return graph.Graph{}, err
	}
	if !globals.quiet {
		for _, d := range res.Diagnostics {
			fmt.Fprintf(os.Stderr, "notegraph: %s\n", d)
		}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(os.Stderr, "notegraph: warning: %s\n", w) // even with -q: the run did less than asked
	}
	if f.strict && len(res.Diagnostics) > 0 {
		return graph.Graph{}, fmt.Errorf("%d problem(s) in the notes (--strict); first: %s", len(res.Diagnostics), res.Diagnostics[0])
	}
	return res.Graph, nil
}

// cacheDir is the folder --cache names: "auto" is notegraph's folder in
// the user's cache folder (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache
// on Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows).
func cacheDir(flag string) (string, error) {
	if flag != "auto" {
		return flag, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("--cache auto: %w", err)
	}
	return filepath.Join(dir, "notegraph"), nil
}

// writeOutput writes to path ("-" is stdout) through write. A file is written
// to a temporary name beside it and renamed, so a failed run leaves no
// half-written output.
func writeOutput(path string, write func(io.Writer) error) error {
	if path == "-" || path == "" {
		w := bufio.NewWriter(os.Stdout)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	}
	// Messages name path, never the temporary file: reason drops the
	// path an OS error carries.
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write %s: create folder %s: %w", path, dir, reason(err))
		}
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("write %s: is a folder", path)
	} else if err == nil && !info.Mode().IsRegular() {
		// A device or pipe (-o /dev/null, -o /dev/stderr): write to it;
		// a rename would replace it with a file.
		fh, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, reason(err))
		}
		return writeClose(fh, path, write)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, reason(err))
	}
	defer os.Remove(tmp.Name())
	if err := writeClose(tmp, path, write); err != nil {
		return err
	}
	// CreateTemp makes the file private; an output is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, reason(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, reason(err))
	}
	return nil
}

// writeClose writes to fh through write, buffered, and closes it; errors
// name path, what the user asked for.
func writeClose(fh *os.File, path string, write func(io.Writer) error) error {
	w := bufio.NewWriter(fh)
	if err := write(w); err != nil {
		fh.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return fmt.Errorf("write %s: %w", path, reason(err))
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, reason(err))
	}
	return nil
}

// extractBarNotes is the number of notes from which extraction shows a
// progress bar (about two seconds of work).
const extractBarNotes = 300

// progressOn reports whether progress is shown: stderr is a terminal and
// -q was not given.
func progressOn() bool { return !globals.quiet && isatty.IsTerminal(os.Stderr.Fd()) }

// newProgress returns a progress bar on stderr, or nil when stderr is not a
// terminal or -q was given. max -1 means unknown.
func newProgress(max int64, desc string) *progressbar.ProgressBar {
	if !progressOn() {
		return nil
	}
	return progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)
}
