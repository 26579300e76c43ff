//go:build !linux && !darwin

package main

// memTotal is unknown here: --memory-limit auto sets no limit.
func memTotal() uint64 { return 0 }
