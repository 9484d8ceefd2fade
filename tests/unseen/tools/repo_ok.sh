#!/bin/bash
# repo_ok.sh OWNER/NAME: may a hunt use this repository? (prints OK or NO with the reason)
r=$1
if grep -qx "$r" /work/labels/CORPUS_REPOS.txt; then echo "NO: corpus repository"; exit 1; fi
if grep -qx "$r" /work/labels/COPY_OF_TEST_REPOS.txt; then echo "NO: holds a copy of a test document"; exit 1; fi
if grep -qx "$r" /work/labels/DEVONLY_REPOS.txt; then echo "OK: development-only repository"; exit 0; fi
if grep -qx "$r" /work/labels/USED_REPOS.txt; then echo "NO: holds test documents"; exit 1; fi
echo "OK: new repository"; exit 0
