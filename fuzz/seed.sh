#!/usr/bin/env bash
# Seeds the fuzz corpora from the template conformance cases (their template parts).
# Usage: fuzz/seed.sh   then   RUSTC_BOOTSTRAP=1 cargo fuzz run parse_exec corpus/parse_exec
set -euo pipefail
cd "$(dirname "$0")"
for target in lex_parse parse_exec; do
  mkdir -p "corpus/$target"
  for f in ../testdata/template/*/*.tpl; do
    name="$(basename "$(dirname "$f")")-$(basename "$f" .tpl)"
    python3 -c 'import sys; t=open(sys.argv[1]).read(); i=t.find("\n---\n"); sys.stdout.write(t[i+5:] if i >= 0 else t[4:])' "$f" > "corpus/$target/$name"
  done
done
echo "seeded $(ls corpus/parse_exec | wc -l) inputs per target"
