#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (AddressSanitizer + UBSan) and runs each for a
# bounded time on seeds from the sample content, the mini book, the layouts and the hostile
# corpus. A crash stops the script (exit 1) and names the input to keep as a regression test.
#
# Usage: fuzz/run.sh [content|layout|linebreak|csv|content_stream ...]   (default: all five)
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_BUILD    build folder (default build-fuzz); its fuzz-corpus/ grows from run to run
#   SHOKUHON      the program, for the csv seeds (default build/shokuhon; without it the csv
#                 target starts from the sheets kept in tests/corpus/fuzz/csv/ only)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(content layout linebreak csv content_stream)

CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSHOKUHON_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
ninja -C "$build" "${targets[@]/#/fuzz_}" >/dev/null

# seed DIR SELECTOR FILE...: each file, prefixed with the byte that picks which file it replaces.
seed() {
  local dir=$1 sel=$2
  shift 2
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    { printf "\\x$sel"; cat "$f"; } > "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
seeds=$build/fuzz-seeds
rm -rf "$seeds"
for d in content tests/data/mini; do
  seed "$seeds/content" 00 "$d/book.xml"
  seed "$seeds/content" 01 "$d/plan.xml"
  seed "$seeds/content" 02 "$d"/shops/*.xml
  seed "$seeds/content" 03 "$d/products.xml"
  seed "$seeds/content" 04 "$d/recommendations.xml"
  seed "$seeds/content" 05 "$d/spots.xml"
done
seed "$seeds/content" 02 tests/corpus/xml/*.xml
seed "$seeds/layout" 00 layouts/layout.xml tests/corpus/layouts/layout-*.xml
seed "$seeds/layout" 01 layouts/templates.xml tests/corpus/layouts/templates-*.xml
mkdir -p "$seeds/linebreak"
for f in content/shops/*.xml; do  # Japanese prose: CJK code points and punctuation
  head -c 2048 "$f" > "$seeds/linebreak/$(basename "$f")"
done
# The shop sheet: the sample shops as `export --csv` writes them (UTF-8 with BOM and CP932), in
# pieces of 8 shops with the header, and the sheets of the import tests (tests/corpus/fuzz/csv/).
mkdir -p "$seeds/csv"
program=${SHOKUHON:-build/shokuhon}
if [ -x "$program" ]; then
  for enc in utf-8 cp932; do
    sheet=$seeds/csv/export-$enc.csv
    "$program" export --csv --encoding $enc -o "$sheet" >/dev/null 2>&1 || continue
    tail -n +2 "$sheet" | split -l 8 - "$seeds/csv/piece-$enc-"
    for f in "$seeds/csv/piece-$enc-"*; do
      { printf '\x00'; head -n 1 "$sheet"; cat "$f"; } > "$f.csv"   # as exported
      { printf '\x03'; head -n 1 "$sheet"; cat "$f"; } > "$f-force-section.csv"
      rm "$f"
    done
    rm "$sheet"
  done
fi
# Content streams: the seeds kept in tests/corpus/fuzz/content_stream/ (text, paths, images,
# inline images, strings and arrays as Cairo and other producers write them).
mkdir -p "$seeds/content_stream"
for t in content layout linebreak csv content_stream; do cp tests/corpus/fuzz/$t/* "$seeds/$t/"; done

# Longer inputs only slow the search down: a content file of 32 KB holds a dozen shops, and
# 2 KB of line-breaker input is a paragraph of some 680 characters.
declare -A max_len=([content]=32768 [layout]=32768 [linebreak]=2048 [csv]=16384 [content_stream]=8192)
status=0
for t in "${targets[@]}"; do
  corpus=$build/fuzz-corpus/$t crashes=$build/fuzz-crashes/$t
  mkdir -p "$corpus" "$crashes"
  log=$build/fuzz-$t.log
  # -timeout: one input slower than 10 s is a finding too; the outer timeout is a last resort.
  if timeout -k 10 $((seconds + 120)) "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
      -max_len="${max_len[$t]}" -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeds/$t" \
      > "$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz: $t: $runs runs in ${seconds} s ($rate/s), no crash; corpus $(ls "$corpus" | wc -l) inputs"
  else
    status=1
    echo "fuzz: $t: FAILED (see $log)"
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5 || true
    echo "  keep the input as a regression test: cp $crashes/<file> tests/corpus/fuzz/$t/ and fix the cause"
  fi
done
exit $status
