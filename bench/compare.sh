#!/usr/bin/env bash
# Times postlint against its parse floor and its peers on one corpus.
#
#   bench/compare.sh CORPUS_DIR            all files of a corpus
#   bench/compare.sh --one-file SITE FILE  one file inside a large site
#   RUNS=7 bench/compare.sh CORPUS_DIR     more runs (default 5; the median is shown)
#
# Prints, for each tool, the median wall time, CPU time (user+sys) and peak
# memory (max RSS), then the ratios postlint/floor, rumdl/postlint and
# markdownlint-cli2/postlint: the median of each round's ratio, every tool
# running once per round, then the ratio of each round. markdownlint-cli2 and rumdl are timed when
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

# Tools are timed in rounds, each round running every tool once, so that a
# slow spell of a shared machine weighs on all of them alike; the ratios
# are the medians of each round's ratio.
# add_tool NAME CMD...: registers a tool to time.
declare -a names=()
declare -A command samples wall cpu rss
add_tool() {
  local name="$1"; shift
  names+=("$name")
  command[$name]="$(printf '%q ' "$@")"
  samples[$name]=""
}

# run_rounds: runs every tool $runs times, round by round, then prints the
# median wall time, CPU time (user+sys) and peak memory of each.
run_rounds() {
  local name cmd
  for _ in $(seq "$runs"); do
    for name in "${names[@]}"; do
      eval "cmd=(${command[$name]})"
      /usr/bin/time -f "%e %U %S %M" -o "$bin/t" "${cmd[@]}" >/dev/null 2>"$bin/err" || true
      samples[$name]+="$(tail -n 1 "$bin/t")"$'\n'
    done
  done
  local mid=$(( runs / 2 + 1 ))
  for name in "${names[@]}"; do
    wall[$name]=$(printf '%s' "${samples[$name]}" | awk '{print $1}' | sort -g | sed -n "${mid}p")
    cpu[$name]=$(printf '%s' "${samples[$name]}" | awk '{printf "%.2f\n", $2+$3}' | sort -g | sed -n "${mid}p")
    rss[$name]=$(printf '%s' "${samples[$name]}" | awk '{printf "%.1f\n", $4/1024}' | sort -g | sed -n "${mid}p")
    printf '%-20s wall %7.3fs   cpu %7.2fs   peak %8.1f MiB   (%d runs)\n' "$name" "${wall[$name]}" "${cpu[$name]}" "${rss[$name]}" "$runs"
  done
}

# ratio A B: the median over the rounds of A's wall time over B's, and
# each round's ratio.
ratio() {
  paste -d ' ' <(printf '%s' "${samples[$1]}") <(printf '%s' "${samples[$2]}") |
    awk '$5 > 0 { r = $1 / $5; all = all sprintf(" %.2f", r); print r } END { print "rounds:" all > "/dev/stderr" }' 2>"$bin/rounds" |
    sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int(NR / 2) + 1]; else print "n/a" }'
  printf '   (%s)' "$(cat "$bin/rounds")"
}

find_tool() {
  if [ -x "$here/node_modules/.bin/$1" ]; then echo "$here/node_modules/.bin/$1"; elif command -v "$1" >/dev/null; then command -v "$1"; fi
}

# The cache of this script's runs; postlint-cold gets a new empty one per run.
export POSTLINT_CACHE_DIR="$bin/cache"
cold=(bash -c 'POSTLINT_CACHE_DIR="$(mktemp -d -p "$0")" exec "$@"' "$bin")
warm_up() { "$@" >/dev/null 2>&1 || true; }

if [ "$mode" = one ]; then
  echo "one file inside a site: $file (site $site, $(find "$site" -name '*.md' | wc -l) Markdown files)"
  warm_up "$bin/postlint" check --format json --fail-on never --site-root "$site" "$file"
  add_tool postlint "$bin/postlint" check --format json --fail-on never --site-root "$site" "$file"
  add_tool postlint-cold "${cold[@]}" "$bin/postlint" check --format json --fail-on never --site-root "$site" "$file"
  run_rounds
  exit 0
fi

files=$(find "$corpus" \( -name node_modules -o -name .git -o -name _site -o -name public -o -name vendor \) -prune -o -type f \( -name '*.md' -o -name '*.markdown' \) -print | wc -l)
echo "corpus: $corpus ($files Markdown files), $(nproc) CPUs, median of $runs runs"
warm_up "$bin/postlint" check --format json --fail-on never "$corpus"
add_tool postlint "$bin/postlint" check --format json --fail-on never "$corpus"
add_tool postlint-cold "${cold[@]}" "$bin/postlint" check --format json --fail-on never "$corpus"
add_tool floor "$bin/floor" "$corpus"
if rumdl="$(find_tool rumdl)" && [ -n "$rumdl" ]; then
  add_tool rumdl "$rumdl" check --no-cache "$corpus"
else
  echo "rumdl: not installed (npm install rumdl)"
fi
if mdl="$(find_tool markdownlint-cli2)" && [ -n "$mdl" ]; then
  add_tool markdownlint-cli2 bash -c 'cd "$1" && "$2" "**/*.md" "#**/node_modules" "#**/_site"' _ "$corpus" "$mdl"
else
  echo "markdownlint-cli2: not installed (npm install markdownlint-cli2)"
fi
run_rounds
echo "postlint/floor wall: $(ratio postlint floor)   peak memory: ${rss[postlint]} MiB"
echo "postlint-cold/floor wall: $(ratio postlint-cold floor)   peak memory: ${rss[postlint-cold]} MiB"
if [ -n "${samples[rumdl]+set}" ]; then
  echo "rumdl/postlint wall: $(ratio rumdl postlint)"
fi
if [ -n "${samples[markdownlint-cli2]+set}" ]; then
  echo "markdownlint-cli2/postlint wall: $(ratio markdownlint-cli2 postlint)"
fi
