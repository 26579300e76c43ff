package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// The cache (Options.CacheDir) keeps each file's per-file stages between
// runs: its word counts, its plan, its lines after the walk and its walk,
// keyed by a hash of the file's name and text. A rerun after editing one
// note of many reads the others' stages back instead of parsing, planning
// and walking them; the stages that read the whole corpus (the merge of
// the walks, pass 2, title topics, resolution) run as always, so the
// output is the same bytes with or without the cache
// (TestCacheSameOutput).
//
// A file's plan and walk read one thing of other files: the corpus's word
// counts, and only as "written twice or more" (extractor.many). Each
// cached stage keeps the answers it got (countRead) and is read back only
// while every answer is the same; the walk also only while the plan it
// read is the same (planFolders may change a file's plan from the other
// files' plans). Otherwise the file is parsed again and the stage made
// anew, as without a cache. The walk's reads of the talks, speakers and
// events of other files are the merge's business (walkmerge.go) and need
// nothing here: the merge decides again on a cached walk's log as on a
// fresh one.
//
// One pack file holds the entries of one set of inputs
// (DIR/<hash of the input paths>.ngcache), written whole after each run
// that changed anything (to a temporary file, then renamed), so entries
// of deleted or edited files go with the next run. A pack no run has used
// for 30 days is removed (prune). The pack's header names the program (a
// hash of the running executable), the rules and the format: a pack of
// another build or other rules is not read, and is replaced. Entries carry
// a checksum; a damaged entry is read as missing.

// cacheStatsHook, set in tests, receives what the cache did for a run's
// files, by cacheUse.
var cacheStatsHook func([4]int)

// cacheMagic starts a pack; its digit is the format's version.
const cacheMagic = "ngcache2"

// fileCache is one run's view of a pack: the entries the last run wrote
// and the pack this run writes (put, finish).
type fileCache struct {
	path string
	id   [sha256.Size]byte
	old  map[[sha256.Size]byte]string // entry by key, substrings of the pack
	keys [][sha256.Size]byte          // the old pack's keys, in order

	// written by put, in input order
	n     int  // entries put
	same  bool // every entry so far is the old pack's, in its order
	tmp   *os.File
	w     *bufio.Writer
	err   error
	stats [4]int // files by cacheUse (Options.Logger, tests)
}

// openCache opens the pack of inputs (the paths a run was given) under
// dir, for rules.
func openCache(dir string, inputs []string, rules *Rules) (*fileCache, error) {
	abs := make([]string, len(inputs))
	for i, p := range inputs {
		a, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("cache: %w", err)
		}
		abs[i] = a
	}
	slices.Sort(abs)
	h := sha256.New()
	for _, a := range abs {
		h.Write([]byte(a))
		h.Write([]byte{0})
	}
	name := hex.EncodeToString(h.Sum(nil)[:12]) + ".ngcache"
	id, err := cacheID(rules)
	if err != nil {
		return nil, err
	}
	c := &fileCache{path: filepath.Join(dir, name), id: id, old: map[[sha256.Size]byte]string{}, same: true}
	// A pack that cannot be read is none: the run writes a new one, or
	// says why it could not (finish).
	data, _ := os.ReadFile(c.path)
	c.read(data)
	return c, nil
}

var (
	exeOnce sync.Once
	exeSum  [sha256.Size]byte
	exeErr  error
)

// cacheID names what made a pack: the format, the running program (its
// executable's bytes: any rebuild is another program, whatever its version
// says) and the rules.
func cacheID(rules *Rules) ([sha256.Size]byte, error) {
	exeOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			exeErr = err
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			exeErr = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			exeErr = err
			return
		}
		h.Sum(exeSum[:0])
	})
	if exeErr != nil {
		return [sha256.Size]byte{}, fmt.Errorf("cache: the program's identity: %w", exeErr)
	}
	r, err := json.Marshal(rules) // encoding/json sorts map keys: the same rules give the same bytes
	if err != nil {
		return [sha256.Size]byte{}, fmt.Errorf("cache: rules: %w", err)
	}
	h := sha256.New()
	h.Write([]byte(cacheMagic))
	h.Write(exeSum[:])
	h.Write(r)
	var id [sha256.Size]byte
	h.Sum(id[:0])
	return id, nil
}

// cacheKey is a file's key: its name (evidence holds it, folder plans
// read its path) and its text.
func cacheKey(name string, text []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write(text)
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// read indexes a pack's entries. The pack is held as one string, which
// the decoded files' strings are substrings of; it is never written to.
// A damaged entry is skipped; reading stops where the framing is damaged.
func (c *fileCache) read(data []byte) {
	if len(data) < len(cacheMagic)+sha256.Size || string(data[:len(cacheMagic)]) != cacheMagic ||
		[sha256.Size]byte(data[len(cacheMagic):len(cacheMagic)+sha256.Size]) != c.id {
		return
	}
	s := unsafe.String(unsafe.SliceData(data), len(data))
	p := len(cacheMagic) + sha256.Size
	for p < len(s) {
		if len(s)-p < sha256.Size+4 {
			return
		}
		key := [sha256.Size]byte([]byte(s[p : p+sha256.Size]))
		sum := binary.LittleEndian.Uint32([]byte(s[p+sha256.Size : p+sha256.Size+4]))
		p += sha256.Size + 4
		n, k := binary.Uvarint([]byte(s[p:min(len(s), p+binary.MaxVarintLen64)]))
		if k <= 0 || n > uint64(len(s)-p-k) {
			return
		}
		p += k
		e := s[p : p+int(n)]
		p += int(n)
		if crc32.Checksum([]byte(e), castagnoli) != sum {
			continue // a damaged entry: the ones after it may be sound (theirs are checked too)
		}
		c.old[key] = e
		c.keys = append(c.keys, key)
	}
}

// put writes entry e of the run's i-th file, in input order. Nothing is
// written while the run's entries are the old pack's, in its order: a
// rerun with nothing changed writes no file.
func (c *fileCache) put(key [sha256.Size]byte, e string) {
	i := c.n
	c.n++
	if c.same {
		if i < len(c.keys) && c.keys[i] == key && c.old[key] == e {
			return
		}
		c.same = false
		if !c.start() {
			return
		}
		for _, k := range c.keys[:i] {
			c.write(k, c.old[k])
		}
	}
	c.write(key, e)
}

// start opens the new pack beside the old one.
func (c *fileCache) start() bool {
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		c.err = err
		return false
	}
	f, err := os.CreateTemp(filepath.Dir(c.path), ".ngcache-*")
	if err != nil {
		c.err = err
		return false
	}
	c.tmp = f
	c.w = bufio.NewWriterSize(f, 1<<20)
	c.w.WriteString(cacheMagic)
	c.w.Write(c.id[:])
	return true
}

func (c *fileCache) write(key [sha256.Size]byte, e string) {
	if c.w == nil {
		return
	}
	var head [sha256.Size + 4 + binary.MaxVarintLen64]byte
	copy(head[:], key[:])
	binary.LittleEndian.PutUint32(head[sha256.Size:], crc32.Checksum([]byte(e), castagnoli))
	n := sha256.Size + 4 + binary.PutUvarint(head[sha256.Size+4:], uint64(len(e)))
	c.w.Write(head[:n])
	c.w.WriteString(e)
}

// finish renames the new pack over the old one, if the run wrote one, and
// returns what went wrong as a diagnostic on the pack (the extraction
// itself stands).
func (c *fileCache) finish() []Diagnostic {
	if c.same && c.n < len(c.keys) && c.start() { // files were removed: the same prefix, fewer entries
		c.same = false
		for _, k := range c.keys[:c.n] {
			c.write(k, c.old[k])
		}
	}
	if c.tmp != nil {
		err := c.w.Flush()
		if cerr := c.tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(c.tmp.Name(), c.path)
		}
		if err != nil {
			os.Remove(c.tmp.Name())
			c.err = err
		}
	}
	if c.err != nil {
		return []Diagnostic{{File: c.path, Msg: fmt.Sprintf("cache not written: %v", c.err)}}
	}
	now := time.Now()
	if c.tmp == nil {
		os.Chtimes(c.path, now, now) // read and still current: in use (prune)
	}
	prune(filepath.Dir(c.path), now)
	return nil
}

// Packs of inputs no run has used for packAge are removed, and temporary
// packs a run left (it was killed while writing) after tmpAge.
const (
	packAge = 30 * 24 * time.Hour
	tmpAge  = time.Hour
)

// prune removes from dir the packs no run has used for packAge and the
// temporary ones older than tmpAge. It touches nothing else in dir.
func prune(dir string, now time.Time) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range es {
		name := e.Name()
		age := packAge
		switch {
		case strings.HasPrefix(name, ".ngcache-"):
			age = tmpAge
		case !strings.HasSuffix(name, ".ngcache"):
			continue
		}
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// unit is a file's cache entry: three parts, each a length and its bytes
// (the plan planFile made and the counts it read; the plan the walk read,
// which planFolders may have changed, and the counts the walk read; the
// file's word counts), then the file's lines and its walk (encodeFile).
type unit struct {
	plan      filePlan
	planReads []countRead
	walkPlan  string
	walkReads []countRead
	counts    []wordCount
	file      decodedFile
	walk      dec // the walk's bytes, decoded once the walk may be reused
	parts     [3]string
	whole     string // the entry
}

// caught, deferred by a decoder, turns a decoder's errBadCache panic
// (dec.fail) into its error; any other panic goes on.
func caught(err *error) {
	if r := recover(); r != nil {
		if r != errBadCache {
			panic(r)
		}
		*err = errBadCache
	}
}

// decodeUnit reads file's entry e up to the walk. On an error the unit is
// not to be read.
func decodeUnit(file, e string) (u *unit, err error) {
	defer caught(&err)
	d := &dec{s: e}
	u = &unit{}
	a, b, c := d.str(), d.str(), d.str()
	u.parts = [3]string{a, b, c}
	pd := &dec{s: a}
	u.plan = pd.plan()
	u.planReads = pd.reads()
	pd.end()
	wd := &dec{s: b}
	u.walkPlan = wd.str()
	u.walkReads = wd.reads()
	wd.end()
	cd := &dec{s: c}
	u.counts = cd.wordCounts()
	cd.end()
	u.file = d.file(file)
	u.walk = dec{s: e, p: d.p}
	return u, nil
}

// decodeWalk reads the unit's walk of file on x (dec.walk).
func (u *unit) decodeWalk(x *extractor, file string) (f *extractor, err error) {
	defer caught(&err)
	d := u.walk
	return d.walk(x, file, &u.file), nil
}

// planPart encodes a plan and the counts it read: a unit's first part.
func planPart(p *filePlan, reads []countRead) string {
	var e enc
	e.plan(p)
	e.reads(reads)
	return string(e.b)
}

// walkPart encodes the plan a walk read and the counts it read: a unit's
// second part.
func walkPart(walkPlan string, reads []countRead) string {
	var e enc
	e.str(walkPlan)
	e.reads(reads)
	return string(e.b)
}

// planKey encodes the plan a walk reads, to compare with a cached one.
func planKey(p *filePlan) string {
	if p == nil {
		return ""
	}
	var e enc
	e.plan(p)
	return string(e.b)
}

// encodeUnit writes a file's entry.
func encodeUnit(parts [3]string, file string, lines []line, m meta, f *extractor) string {
	var e enc
	for _, p := range parts {
		e.str(p)
	}
	encodeFile(&e, file, lines, m, f)
	return string(e.b)
}

// uniqueReads sorts a stage's count reads and keeps one of each word (a
// word's answer is the same on every read: the counts are complete
// before planFile runs).
func uniqueReads(rs []countRead) []countRead {
	slices.SortFunc(rs, func(a, b countRead) int { return strings.Compare(a.word, b.word) })
	return slices.CompactFunc(rs, func(a, b countRead) bool { return a.word == b.word })
}

// holds reports whether every read gives the same answer on x's counts.
func (x *extractor) holds(rs []countRead) bool {
	for _, r := range rs {
		if (x.counts[r.word] >= 2) != r.many {
			return false
		}
	}
	return true
}

// cacheUse is what the cache did for a file.
type cacheUse uint8

const (
	cacheMissed    cacheUse = iota // no entry: parsed, planned and walked
	cacheHit                       // lines, plan and walk read back
	cacheReplanned                 // the counts its plan read changed: parsed and planned again
	cacheRewalked                  // the plan or counts its walk read changed: parsed and walked again
)

// fromCache reads file src's lines from its cache entry, if there is one.
func (p *parsedFile) fromCache(fc *fileCache, src source) bool {
	p.key = cacheKey(src.Name, src.Text)
	e, ok := fc.old[p.key]
	if !ok {
		return false
	}
	u, err := decodeUnit(src.Name, e)
	if err != nil {
		return false
	}
	u.whole = e
	p.u, p.lines, p.meta, p.how, p.parts = u, u.file.lines, u.file.meta, cacheHit, u.parts
	return true
}

// parseAgain drops a cache entry that no longer serves: the file is parsed
// (the cached lines are the walk's, which rewrote some) and its stages
// made anew from how. Its word counts (parts[2]), and its plan when the
// walk is what changed, still serve.
func (p *parsedFile) parseAgain(src source, how cacheUse) {
	p.lines, p.meta = parse(src)
	p.u, p.how = nil, how
}

// walkCached walks file i on its own extractor (walkFile), or reads its
// walk back from the cache when what the walk read is the same, and makes
// the file's cache entry.
func (x *extractor) walkCached(src source, p *parsedFile) *extractor {
	plan := planKey(x.plans[src.Name])
	if u := p.u; u != nil {
		if u.walkPlan == plan && x.holds(u.walkReads) {
			if f, err := u.decodeWalk(x, src.Name); err == nil {
				p.entry = u.whole
				return f
			}
		}
		p.parseAgain(src, cacheRewalked)
	}
	f := x.walkFile(src.Name, p.lines, p.meta, true)
	p.parts[1] = walkPart(plan, uniqueReads(f.reads))
	p.entry = encodeUnit(p.parts, src.Name, p.lines, p.meta, f)
	f.reads, f.logReads = nil, false
	return f
}
