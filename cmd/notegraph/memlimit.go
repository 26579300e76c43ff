package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
)

// A large vault's extraction holds every note's lines until its second pass
// (about ten times the notes' size on generated notes), and the Go
// collector by default lets the heap grow to twice what is live and keeps
// what it freed: 100,000 notes peaked at three times their live heap. A
// soft memory limit (runtime/debug.SetMemoryLimit) makes the collector
// work harder, and return memory sooner, as the heap nears it; a heap that
// needs more than the limit still gets it, at more CPU. By default the
// limit is a quarter of the machine's memory, as the JVM's default heap
// and Hugo's memory limit are: it never binds on a few thousand notes, and
// keeps a machine with little memory out of swap on a large vault.

// memoryLimitUsage is --memory-limit's help.
const memoryLimitUsage = `soft limit on the memory notegraph uses: a size ("4GiB", "512MB"), "off", or "auto" ` +
	`(a quarter of the machine's memory; GOMEMLIMIT, when set, instead); a heap that needs more still gets it, at more CPU`

// applyMemoryLimit sets the runtime's soft memory limit from --memory-limit
// (v), GOMEMLIMIT (env) and the memory the process may use (total, 0 when
// unknown).
func applyMemoryLimit(v, env string, total uint64) error {
	n, err := memoryLimit(v, env, total)
	if err == nil && n >= 0 {
		debug.SetMemoryLimit(n)
	}
	return err
}

// memoryLimit is the limit applyMemoryLimit sets, or -1 to leave the
// runtime's own (GOMEMLIMIT, or none).
func memoryLimit(v, env string, total uint64) (int64, error) {
	switch {
	case v == "auto" && (env != "" || total == 0):
		return -1, nil // the runtime has read GOMEMLIMIT already; or nothing to go by
	case v == "auto":
		return int64(total / 4), nil
	case v == "off":
		return math.MaxInt64, nil
	}
	n, err := parseSize(v)
	if err != nil {
		return 0, usagef("--memory-limit %q: %v", v, err)
	}
	return n, nil
}

// parseSize reads a size in bytes: a number with an optional unit, B, KB,
// MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), in
// any case; K, M, G, T are the binary units, as docker's --memory takes
// them.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.TrimSpace(t[i:])
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) {
		return 0, fmt.Errorf("want a size such as 4GiB, 512MB or 2G")
	}
	mult := map[string]float64{
		"": 1, "b": 1,
		"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
		"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40,
		"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
	}[strings.ToLower(unit)]
	if mult == 0 {
		return 0, fmt.Errorf("unknown unit %q: want B, KB, MB, GB, TB, KiB, MiB, GiB or TiB", unit)
	}
	b := f * mult
	if b >= math.MaxInt64 {
		return 0, fmt.Errorf("larger than any machine's memory")
	}
	return int64(b), nil
}
