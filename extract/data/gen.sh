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
# verbs.txt.gz: lemmas with more tagged verb senses than noun and adjective senses, and their irregular forms
(cd "$tmp" && apt-get download -q wordnet-base && dpkg-deb -x wordnet-base_*.deb W)
python3 - "$tmp/W/usr/share/wordnet" <<'PY' | gzip -9n > verbs.txt.gz
import collections, sys
d = sys.argv[1]
cnt = collections.defaultdict(collections.Counter)
syn = collections.defaultdict(collections.Counter)
for pos, fn in [("n", "index.noun"), ("v", "index.verb"), ("a", "index.adj")]:
    for line in open(f"{d}/{fn}"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, pc = f[0], int(f[3])
        if "_" in lemma or not lemma.isalpha():
            continue
        cnt[lemma][pos] += int(f[5 + pc])
        syn[lemma][pos] += int(f[2])
verbs = {w for w, c in cnt.items() if "v" in syn[w] and (c["v"] > c["n"] + c["a"] or
         c["v"] == c["n"] == c["a"] == 0 and syn[w]["v"] > syn[w]["n"] + syn[w]["a"])}
for line in open(f"{d}/verb.exc"):
    f = line.split()
    if len(f) >= 2 and f[1] in verbs and f[0].isalpha():
        verbs.add(f[0])
print("\n".join(sorted(verbs)))
PY
