#!/bin/bash
# firstlook.sh NAME DOC... : the code of the start of the round (START_TREE) on new docs, with main's labels; output in /work/firstlook
N=$1; shift; T=/tmp/fl_$N; rm -rf $T; mkdir -p $T
cp -r ${START_TREE:?an export of the start commit of the round}/. $T/; rm -rf $T/tests/unseen; cp -r ${MAIN:-/work/main}/tests/unseen $T/tests/unseen
args=(); for d in "$@"; do args+=(--doc $d); done
cd $T && PYTHONPATH=$T python benchmarks/unseen_eval.py --split all -v "${args[@]}" --keep /work/firstlook/$N > /work/firstlook/$N.txt 2>&1
echo "firstlook done" >> /work/firstlook/$N.txt
