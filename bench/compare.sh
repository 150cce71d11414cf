#!/usr/bin/env bash
# Times postlint against its parse floor and its peers on one corpus.
#
#   bench/compare.sh CORPUS_DIR            all files of a corpus
#   bench/compare.sh --one-file SITE FILE  one file inside a large site
#   RUNS=7 bench/compare.sh CORPUS_DIR     more runs (default 5; the median is shown)
#
# Prints, for each tool, the median wall time, CPU time (user+sys) and peak
# memory (max RSS), then the ratios postlint/floor, rumdl/postlint and
# markdownlint-cli2/postlint. markdownlint-cli2 and rumdl are timed when
# installed (npm install markdownlint-cli2 rumdl, in bench/ or on PATH).
# Make corpora with: go run ./bench/gencorpus -copies 30 -from ../shared/corpora -out /tmp/c30
#
# postlint keeps a cache (the French dictionary's words and the answers for
# the words it was asked about) in its own folder here, never the user's:
# "postlint" is timed with that cache warm, as every run after the first
# finds it, and "postlint-cold" with an empty cache each run, as a first
# run on a new machine or after a dictionary upgrade.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
runs="${RUNS:-5}"

if [ ! -x /usr/bin/time ]; then
  echo "bench/compare.sh needs GNU time (Debian: apt-get install time)" >&2; exit 2
fi

mode=corpus
if [ "${1:-}" = "--one-file" ]; then
  mode=one; site="${2:?site folder}"; file="${3:?file inside the site}"
else
  corpus="${1:?usage: bench/compare.sh CORPUS_DIR | --one-file SITE FILE}"
fi

bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
(cd "$repo" && go build -o "$bin/postlint" ./cmd/postlint && go build -o "$bin/floor" ./bench/floor)

# measure NAME CMD...: runs CMD $runs times and records "wall cpu rss" lines.
declare -A wall cpu rss
measure() {
  local name="$1"; shift
  local samples=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$bin/t" "$@" >/dev/null 2>"$bin/err" || true
    samples+=("$(tail -n 1 "$bin/t")")
  done
  # Median of each column separately (runs is small; sort is fine).
  local n=${#samples[@]} mid=$(( ${#samples[@]} / 2 ))
  wall[$name]=$(printf '%s\n' "${samples[@]}" | awk '{print $1}' | sort -g | sed -n "$((mid+1))p")
  cpu[$name]=$(printf '%s\n' "${samples[@]}" | awk '{printf "%.2f\n", $2+$3}' | sort -g | sed -n "$((mid+1))p")
  rss[$name]=$(printf '%s\n' "${samples[@]}" | awk '{printf "%.1f\n", $4/1024}' | sort -g | sed -n "$((mid+1))p")
  printf '%-20s wall %7.3fs   cpu %7.2fs   peak %8.1f MiB   (%d runs)\n' "$name" "${wall[$name]}" "${cpu[$name]}" "${rss[$name]}" "$n"
}

find_tool() {
  if [ -x "$here/node_modules/.bin/$1" ]; then echo "$here/node_modules/.bin/$1"; elif command -v "$1" >/dev/null; then command -v "$1"; fi
}

# The cache of this script's runs; postlint-cold gets a new empty one per run.
export POSTLINT_CACHE_DIR="$bin/cache"
cold=(bash -c 'POSTLINT_CACHE_DIR="$(mktemp -d -p "$0")" exec "$@"' "$bin")
warm_up() { "$@" >/dev/null 2>&1 || true; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

if [ "$mode" = one ]; then
  echo "one file inside a site: $file (site $site, $(find "$site" -name '*.md' | wc -l) Markdown files)"
  warm_up "$bin/postlint" check --format json --fail-on never --site-root "$site" "$file"
  measure postlint "$bin/postlint" check --format json --fail-on never --site-root "$site" "$file"
  measure postlint-cold "${cold[@]}" "$bin/postlint" check --format json --fail-on never --site-root "$site" "$file"
  exit 0
fi

files=$(find "$corpus" \( -name node_modules -o -name .git -o -name _site -o -name public -o -name vendor \) -prune -o -type f \( -name '*.md' -o -name '*.markdown' \) -print | wc -l)
echo "corpus: $corpus ($files Markdown files), $(nproc) CPUs, median of $runs runs"
warm_up "$bin/postlint" check --format json --fail-on never "$corpus"
measure postlint "$bin/postlint" check --format json --fail-on never "$corpus"
measure postlint-cold "${cold[@]}" "$bin/postlint" check --format json --fail-on never "$corpus"
measure floor "$bin/floor" "$corpus"
echo "postlint/floor wall: $(ratio "${wall[postlint]}" "${wall[floor]}")   peak memory: ${rss[postlint]} MiB"
echo "postlint-cold/floor wall: $(ratio "${wall[postlint-cold]}" "${wall[floor]}")   peak memory: ${rss[postlint-cold]} MiB"

if rumdl="$(find_tool rumdl)" && [ -n "$rumdl" ]; then
  measure rumdl "$rumdl" check --no-cache "$corpus"
  echo "rumdl/postlint wall: $(ratio "${wall[rumdl]}" "${wall[postlint]}")"
else
  echo "rumdl: not installed (npm install rumdl)"
fi
if mdl="$(find_tool markdownlint-cli2)" && [ -n "$mdl" ]; then
  measure markdownlint-cli2 bash -c 'cd "$1" && "$2" "**/*.md" "#**/node_modules" "#**/_site"' _ "$corpus" "$mdl"
  echo "markdownlint-cli2/postlint wall: $(ratio "${wall[markdownlint-cli2]}" "${wall[postlint]}")"
else
  echo "markdownlint-cli2: not installed (npm install markdownlint-cli2)"
fi
