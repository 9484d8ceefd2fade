#!/bin/bash
# testeval.sh NAME: the test half with the start (${START_TREE:?an export of the start commit of the round}) and end (main HEAD) code, same labels;
# then end with --all-alarms. Summary lines only (-v is not used).
N=$1; O=/work/testeval; mkdir -p $O
S=/tmp/te_start; E=/tmp/te_end; rm -rf $S $E; mkdir -p $S $E
cp -r ${START_TREE:?an export of the start commit of the round}/. $S/; rm -rf $S/tests/unseen; cp -r ${MAIN:-/work/main}/tests/unseen $S/tests/unseen
(cd ${MAIN:-/work/main} && git archive HEAD | tar -x -C $E)
(cd $S && PYTHONPATH=$S python benchmarks/unseen_eval.py --split test --keep $O/$N.start.claims > $O/$N.start.txt 2>&1; echo done >> $O/$N.start.txt) &
(cd $E && PYTHONPATH=$E python benchmarks/unseen_eval.py --split test --keep $O/$N.end.claims > $O/$N.end.txt 2>&1; echo done >> $O/$N.end.txt) &
wait
(cd $E && PYTHONPATH=$E python benchmarks/unseen_eval.py --split test --all-alarms > $O/$N.all.txt 2>&1; echo done >> $O/$N.all.txt)
echo "testeval done" > $O/$N.done
