#!/usr/bin/env bash
# FreshRSS for the feed server tests and the demo on a machine without ../shared/servers/freshrss:
# downloads the pinned release (GitHub's archive of tag 1.24.3), keeps what ../shared's slim tarball
# keeps, checks that tree against the pinned digest and packs it where this folder's copy of
# start-freshrss.sh looks (vendor/). With ../shared there it does nothing.
#
# Why a digest of the tree and not a sha256 of the download: GitHub makes tag archives on request and
# does not promise their bytes stay the same (it changed its gzip once), while the files in them do.
# The pin was computed from ../shared's tarball and from git tag 1.24.3 itself (commit 4461784b8a51,
# `git archive`, less the folders below): both give it.
#
# Environment (for tests): FRESHRSS_SHARED (default ../shared/servers/freshrss), FRESHRSS_URL (the
# download; file:// works), FRESHRSS_VENDOR (default vendor/ here).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VERSION=1.24.3
URL=${FRESHRSS_URL:-https://github.com/FreshRSS/FreshRSS/archive/refs/tags/$VERSION.tar.gz}
SHARED=${FRESHRSS_SHARED:-$ROOT/../shared/servers/freshrss}
OUT=${FRESHRSS_VENDOR:-$HERE/vendor}/freshrss-$VERSION-slim.tgz
TREE_DIGEST=9251f18c0cf257cf1369c2fd18e275efe13ad64ad8863d952345599ca7c68418
# What the slim tarball leaves out of the release: development and packaging, not the app.
STRIP=(.devcontainer .github Docker docs tests)

if [ -f "$SHARED/start-freshrss.sh" ]; then
  echo "FreshRSS: ../shared has it ($SHARED)"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Unpacks a release or slim tarball into $tmp/FreshRSS (whatever its one top folder is called) and checks it.
checked_tree() {
  rm -rf "$tmp/x" "$tmp/FreshRSS" && mkdir "$tmp/x"
  tar -xzf "$1" -C "$tmp/x"
  local tops; tops=$(ls -A "$tmp/x")
  [ "$(wc -l <<<"$tops")" = 1 ] && [ -d "$tmp/x/$tops" ] || { echo "FreshRSS: $1 is not one folder" >&2; return 1; }
  mv "$tmp/x/$tops" "$tmp/FreshRSS"
  for d in "${STRIP[@]}"; do rm -rf "${tmp:?}/FreshRSS/$d"; done
  local got; got=$("$HERE/tree-digest.sh" "$tmp/FreshRSS")
  [ "$got" = "$TREE_DIGEST" ] || { echo "FreshRSS: $1 is not FreshRSS $VERSION as pinned (tree digest $got, pinned $TREE_DIGEST)" >&2; return 1; }
}

if [ -f "$OUT" ] && checked_tree "$OUT"; then
  echo "FreshRSS: $OUT is there and checked"
  exit 0
fi
echo "FreshRSS: downloading $VERSION from $URL ..."
curl -fsSL --retry 2 -o "$tmp/release.tgz" "$URL"
checked_tree "$tmp/release.tgz"
mkdir -p "$(dirname "$OUT")"
tar -czf "$OUT.part" -C "$tmp" FreshRSS
mv "$OUT.part" "$OUT"
echo "FreshRSS: $VERSION checked and packed into $OUT"
