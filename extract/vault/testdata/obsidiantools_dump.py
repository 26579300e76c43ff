#!/usr/bin/env python3
"""Print what obsidiantools reads from a vault, as JSON, for vault_test.go.

usage: obsidiantools_dump.py VAULT

Output: {"notes": {name: relpath}, "links": [[from relpath, to name]],
         "embeds": {relpath: [file]}, "md_links": {relpath: [dest]},
         "tags": {relpath: [tag]}, "front_matter": {relpath: {key: value}},
         "nonexistent": [name]}

Notes are named as obsidiantools names them (file name without .md, the path
without .md for a name two notes share). A link's target is the name it
wrote; obsidiantools resolves it only when it is exactly such a name.
"""
import contextlib
import json
import sys
from pathlib import Path

import obsidiantools.api as otools


def main():
    with contextlib.redirect_stdout(sys.stderr):  # obsidiantools prints its warnings
        vault = otools.Vault(Path(sys.argv[1])).connect(show_nested_tags=True)
    by_name = {k: Path(v).as_posix() for k, v in vault.md_file_index.items()}
    links = []
    for name, targets in vault.wikilinks_index.items():
        for t in targets:
            links.append([by_name[name], t])
    def per_path(index):
        return {by_name[k]: v for k, v in index.items() if k in by_name}
    fm = {}
    for k, v in vault.front_matter_index.items():
        fm[by_name[k]] = {key: (val if isinstance(val, (str, int, float, bool, list)) or val is None else str(val))
                          for key, val in v.items()}
    json.dump({
        "notes": by_name,
        "links": links,
        "embeds": per_path(vault.embedded_files_index),
        "md_links": per_path(vault.md_links_index),
        "tags": per_path(vault.tags_index),
        "front_matter": fm,
        "nonexistent": sorted(vault.nonexistent_notes),
    }, sys.stdout, indent=1, sort_keys=True, default=str)


if __name__ == "__main__":
    main()
