#!/usr/bin/env bash
# Regenerates firstnames.txt and words.txt.gz from their public sources.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && pip download -q names==0.3.0 --no-deps -d . && tar xzf names-0.3.0.tar.gz)
cat "$tmp"/names-0.3.0/names/dist.{male,female}.first | awk '{print tolower($1)}' | sort -u > firstnames.txt
(cd "$tmp" && apt-get download -q wamerican-small && dpkg-deb -x wamerican-small_*.deb w)
grep -E '^[a-z]+$' "$tmp"/w/usr/share/dict/american-english-small | sort -u | gzip -9n > words.txt.gz
(cd "$tmp" && apt-get download -q wamerican-large && dpkg-deb -x wamerican-large_*.deb L)
grep -E '^[a-z]+$' "$tmp"/L/usr/share/dict/american-english-large | sort -u | gzip -9n > dictwords.txt.gz
