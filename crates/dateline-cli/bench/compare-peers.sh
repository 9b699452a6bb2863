#!/usr/bin/env bash
# Times `dateline lint` (release build) against markdownlint-cli2 and
# proselint on the corpus (tests/corpus), in one run, and prints the ratios.
#
#   crates/dateline-cli/bench/compare-peers.sh [CORPUS_DIR]
#
# The peers are installed from npm and PyPI into a scratch folder (mktemp)
# that is removed afterwards. Uses hyperfine when installed
# (`apt-get install -y hyperfine`), else a timing loop.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="${1:-$root/tests/corpus}"
corpus="$(cd "$corpus" && pwd)"
runs="${RUNS:-10}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

files=("$corpus"/[0-9]*.md)
echo "corpus: $corpus (${#files[@]} drafts)"
echo "building dateline (release)..."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target-lint}"
(cd "$root" && cargo build --release -q -p dateline-cli)
dateline="$CARGO_TARGET_DIR/release/dateline"

echo "installing markdownlint-cli2 and proselint into $scratch..."
npm install --silent --no-audit --no-fund --prefix "$scratch/npm" markdownlint-cli2 >/dev/null
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet proselint
markdownlint="$scratch/npm/node_modules/.bin/markdownlint-cli2"
proselint="$scratch/venv/bin/proselint"

# Each tool lints all the drafts in one process, as a CI job would; findings
# make the tools exit non-zero, so the exit status is ignored.
cmd_dateline="$dateline lint ${files[*]} > /dev/null || true"
cmd_markdownlint="$markdownlint ${files[*]} > /dev/null 2>&1 || true"
cmd_proselint="$proselint check ${files[*]} > /dev/null 2>&1 || true"

median_of_loop() { # command -> median seconds over $runs runs
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        bash -c "$1"
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --export-json "$scratch/times.json" \
        -n dateline "$cmd_dateline" \
        -n markdownlint-cli2 "$cmd_markdownlint" \
        -n proselint "$cmd_proselint"
    python3 - "$scratch/times.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
base = results["dateline"]
print("\nmedian wall time on the corpus, and how many times slower than dateline:")
for name, t in results.items():
    print(f"  {name:18} {t * 1000:9.1f} ms  {t / base:7.1f}x")
PY
else
    d=$(median_of_loop "$cmd_dateline")
    m=$(median_of_loop "$cmd_markdownlint")
    p=$(median_of_loop "$cmd_proselint")
    echo "median wall time on the corpus, and how many times slower than dateline:"
    for pair in "dateline:$d" "markdownlint-cli2:$m" "proselint:$p"; do
        name="${pair%%:*}"; t="${pair#*:}"
        printf '  %-18s %9.1f ms  %7.1fx\n' "$name" "$(echo "$t * 1000" | bc)" "$(echo "$t / $d" | bc -l)"
    done
fi
