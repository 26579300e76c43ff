package main

import "golang.org/x/sys/unix"

// memTotal returns the machine's memory, 0 when unknown.
func memTotal() uint64 {
	n, err := unix.SysctlUint64("hw.memsize")
	if err != nil {
		return 0
	}
	return n
}
