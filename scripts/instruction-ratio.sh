#!/usr/bin/env bash
# The analysis ratio (DESIGN §7: at most 2x pulldown-cmark) counted in instructions with
# callgrind, which gives the same counts from run to run on a noisy machine. A proxy for the
# time the `analysis` benchmark measures, not a replacement: see benches/instructions.rs.
#
# usage: scripts/instruction-ratio.sh [DOC ...]   (default: 10KB 100KB 1MB 10MB 1MB-draft)
# Needs valgrind. Not run in CI (the 10 MB doc takes a minute under callgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instruction-ratio: valgrind is not installed" >&2; exit 2; }
binary=$(cargo bench --bench instructions --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*/deps/instructions-[^"]*"' | tail -1 | cut -d'"' -f4 || true)
[ -x "$binary" ] || { echo "instruction-ratio: could not build benches/instructions.rs" >&2; exit 2; }

count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect='*counted_work*' \
        "$binary" "$1" "$2" 2>&1 | awk '/Collected :/ { print $4 }'
}

docs=("$@")
[ ${#docs[@]} -gt 0 ] || docs=(10KB 100KB 1MB 10MB 1MB-draft)
for doc in "${docs[@]}"; do
    case "$doc" in
        10KB | 100KB | 1MB | 10MB | 1MB-draft) ;;
        *) echo "instruction-ratio: unknown doc '$doc' (10KB, 100KB, 1MB, 10MB or 1MB-draft)" >&2; exit 2 ;;
    esac
done
printf '%-10s %16s %16s %16s %12s %12s\n' doc pulldown-cmark "model pass" analysis "model ratio" ratio
for doc in "${docs[@]}"; do
    pulldown=$(count pulldown "$doc")
    model=$(count model "$doc")
    analysis=$(count analysis "$doc")
    awk -v d="$doc" -v p="$pulldown" -v m="$model" -v a="$analysis" 'BEGIN {
        printf "%-10s %16.0f %16.0f %16.0f %11.2fx %11.2fx\n", d, p, m, a, m / p, a / p }'
done
