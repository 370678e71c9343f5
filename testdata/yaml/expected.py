#!/usr/bin/env python3
"""Asks real Helm for the expected output of every YAML conformance case.

    pip install helm-python-sdk==0.2.2
    python3 testdata/yaml/expected.py [--check] [CASE.tpl ...]

A case is `testdata/yaml/<group>/<name>.tpl`: the chart's values.yaml, a line `---`, then the
template (the house format of testdata/generate.py). Each is rendered by Helm v4.2.3 (the Go
engine inside helm-python-sdk, as `../shared/tools/helm-oracle` does) and the raw output of the
template is written next to the case as `<name>.expected`: a first line `OUTPUT` followed by the
output, or `ERROR` followed by Helm's error text. `render-core/src/yaml/tests.rs` compares our
implementation with these files. With `--check`, nothing is written and stale files are listed.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from generate import render, split_case  # noqa: E402  (the house renderer and case format)


def cases(paths):
    if paths:
        yield from paths
        return
    for dirpath, _, files in sorted(os.walk(HERE)):
        for name in sorted(files):
            if name.endswith(".tpl"):
                yield os.path.join(dirpath, name)


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    stale = 0
    for path in cases(paths):
        with open(path, encoding="utf-8", newline="") as f:
            values, template = split_case(f.read())
        want = render(values, template)
        out = path[: -len(".tpl")] + ".expected"
        have = None
        if os.path.exists(out):
            with open(out, encoding="utf-8", newline="") as f:
                have = f.read()
        if have != want:
            stale += 1
            if check:
                print("stale:", os.path.relpath(out, HERE))
            else:
                with open(out, "w", encoding="utf-8", newline="") as f:
                    f.write(want)
    if check and stale:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
