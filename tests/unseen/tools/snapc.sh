#!/bin/bash
# snapc.sh TREE OUTDIR [unseen_eval args...]: dev snapshot of TREE (export its HEAD first if it is a git tree)
TREE=$1; OUT=$2; shift 2
mkdir -p "$OUT"; rm -rf "$OUT/claims"
if [ -d "$TREE/.git" ]; then SRC=$(mktemp -d /tmp/snaptree.XXXX); (cd "$TREE" && git archive HEAD | tar -x -C "$SRC"); (cd "$TREE" && git rev-parse --short HEAD) > "$OUT/commit"; else SRC=$TREE; fi
cd "$SRC" && PYTHONPATH="$SRC" python benchmarks/unseen_eval.py --split dev -v --keep "$OUT/claims" "$@" > "$OUT/summary.txt" 2> "$OUT/stderr.txt"
echo "snap done" >> "$OUT/summary.txt"
