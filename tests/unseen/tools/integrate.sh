#!/bin/bash
# integrate.sh BATCH: copy a helper's batch into tests/unseen (docs, batch files, split rows)
set -e
B=$1; L=/work/labels/$B; U=${MAIN:-/work/main}/tests/unseen
for f in $L/docs/*.pdf; do cp "$f" $U/docs/; done
for k in sources tables relations; do cp $L/$B.$k.tsv $U/batches/; done
[ -f $L/$B.notes.md ] && cp $L/$B.notes.md $U/batches/
tail -n +2 $L/$B.sources.tsv | grep -a -v '^#' | awk -F'\t' 'NF>3{print $1"\t"$3}' >> $U/split.tsv
tail -n +2 $L/$B.sources.tsv | grep -a -v '^#' | awk -F'\t' 'NF>3{print $1"\t"$4"\t"$6"\t"$8}' >> /work/labels/USED_DOCS.tsv
cut -f2 /work/labels/USED_DOCS.tsv | sort -u > /work/labels/USED_REPOS.txt
grep -a "$B-" $U/split.tsv
