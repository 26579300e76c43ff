package main

import (
	"errors"
	"math"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	const gib = 1 << 30
	tests := []struct {
		v, env string
		total  uint64
		want   int64 // -1: the runtime's own
		usage  bool
	}{
		{"auto", "", 16 * gib, 4 * gib, false},
		{"auto", "", 0, -1, false},                 // memory unknown: no limit
		{"auto", "3GiB", 16 * gib, -1, false},      // GOMEMLIMIT, which the runtime read
		{"2GiB", "3GiB", 16 * gib, 2 * gib, false}, // the flag, given, over GOMEMLIMIT
		{"off", "3GiB", 16 * gib, math.MaxInt64, false},
		{"512MiB", "", 0, 512 << 20, false},
		{"512MB", "", 0, 512e6, false},
		{"1.5G", "", 0, 3 << 29, false},
		{"4gib", "", 0, 4 * gib, false},
		{"4 GiB", "", 0, 4 * gib, false},
		{"1000", "", 0, 1000, false},
		{"4x", "", 0, 0, true},
		{"GiB", "", 0, 0, true},
		{"-1GiB", "", 0, 0, true},
		{"0", "", 0, 0, true},
		{"1e30TiB", "", 0, 0, true},
		{"", "", 0, 0, true},
	}
	for _, tt := range tests {
		got, err := memoryLimit(tt.v, tt.env, tt.total)
		var u usageError
		if tt.usage {
			if !errors.As(err, &u) {
				t.Errorf("memoryLimit(%q): err %v, want a usage error", tt.v, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("memoryLimit(%q, GOMEMLIMIT=%q, %d) = %d, %v; want %d", tt.v, tt.env, tt.total, got, err, tt.want)
		}
	}
}
