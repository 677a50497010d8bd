#!/usr/bin/env bash
# Prints the digest of a FreshRSS file tree: the sha256 of the sorted `sha256sum` lines of every
# file in it, paths relative to it. It names the files and their contents, not how they were packed
# (tar order, times, owners, gzip), so a download and ../shared's tarball of the same release agree.
set -euo pipefail
cd "$1"
if [ -n "$(find . -type l | head -1)" ]; then echo "tree-digest: symbolic links in $1" >&2; exit 1; fi
find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
