#!/bin/bash
# snapcmp.sh OLD NEW: summaries, listing diff and claim-file diffs of two snapshots
A=$1; B=$2
while ! grep -q "snap done" "$B/summary.txt" 2>/dev/null; do sleep 10; done
while ! grep -q "snap done" "$A/summary.txt" 2>/dev/null; do sleep 10; done
echo "== $A"; grep -v "^  " "$A/summary.txt" | head -30
echo "== $B"; grep -v "^  " "$B/summary.txt" | head -30
echo "== listing diff"; diff <(grep -v "snap done" "$A/summary.txt") <(grep -v "snap done" "$B/summary.txt") | head -150
echo "== claim files differing"; diff -rq -x '.*' -I '^  source: ' -I 'sha256' "$A/claims" "$B/claims" | head -40
