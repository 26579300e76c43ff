package main

import "strings"

// isCobraUsage reports whether err is one of cobra's own usage errors
// (unknown command, wrong number of arguments), which cobra returns as plain
// errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires at most", "invalid argument", "flag needs an argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
