#!/usr/bin/env python3
"""Proves with real Helm that `render check` reports no value that matters.

For every case that renders with values files (the charts of testdata/charts and, when it
is there, ../shared/corpus), it runs `render check --format json`, then asks real Helm
(../shared/tools/helm-oracle) to render the case three times: with the values files as they
are, with every reported value deleted, and with every reported value changed. All three
outputs must be identical: a reported value has no effect on what `helm template` prints.
The wrapper layouts the check exists for must also report what EXPECTED lists.

    python3 testdata/check/verify.py target/release/render            # false positives: exit 1
    python3 testdata/check/verify.py target/release/render --recall   # also measure misses

With --recall it also changes and deletes each value that was not reported, one at a time,
and counts those Helm ignores both ways: values no template reads that check missed.
"""

import json
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
ORACLE = os.path.join(SHARED, "tools", "helm-oracle")
MUTATED = "render-check-mutated"

# The wrapper layouts the check exists for: what must be reported, with what suggestion.
EXPECTED = {
    "ollama-wrapper/wrong-nesting": [
        ("ollama.gpu", "ollama.ollama.gpu"),
        ("ollama.models", "ollama.ollama.models"),
    ],
    "ollama-wrapper/cpu-only": [],
    "librechat-wrapper/wrong-nesting": [
        ("librechat.configEnv", "librechat.librechat.configEnv"),
        ("mongodb", "librechat.mongodb"),
    ],
    "librechat-wrapper/rag-redis": [],
    "check-wrapper/wrong-nesting": [("app.gpu", "app.app.gpu")],
    "check-wrapper/clean": [],
}


def testdata_cases():
    base = os.path.join(ROOT, "testdata", "charts")
    for chart in sorted(os.listdir(base)):
        cases = os.path.join(base, chart, "cases.txt")
        if not os.path.exists(cases):
            continue
        for line in open(cases, encoding="utf-8"):
            words = line.split("#", 1)[0].split()
            if len(words) < 3:
                continue
            label, release, namespace, args = words[0], words[1], words[2], words[3:]
            # Values files are the positional arguments; a case with flags is left out (its
            # values cannot be edited in a file).
            if any(a.startswith("-") or "=" in a for a in args):
                continue
            files = [os.path.join(base, chart, a) for a in args]
            if files:
                yield ("%s/%s" % (chart, label), os.path.join(base, chart), release, namespace, files)


def corpus_cases():
    base = os.path.join(SHARED, "corpus")
    if not os.path.isdir(base):
        return
    for name in sorted(os.listdir(base)):
        cases = os.path.join(base, name, "cases.txt")
        if not os.path.exists(cases):
            continue
        for line in open(cases, encoding="utf-8"):
            words = line.split()
            if len(words) < 4:
                continue
            label, release, namespace, files = words[0], words[1], words[2], words[3:]
            files = [os.path.join(base, name, f) for f in files]
            yield ("%s/%s" % (name, label), os.path.join(base, name, "chart"), release, namespace, files)


def split_path(path):
    """`a.b\\.c` -> ["a", "b.c"]."""
    keys, key, escaped = [], "", False
    for c in path:
        if escaped:
            key += c
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == ".":
            keys.append(key)
            key = ""
        else:
            key += c
    keys.append(key)
    return keys


def load(path):
    docs = list(yaml.safe_load_all(open(path, encoding="utf-8")))
    docs = [d for d in docs if d is not None]
    if len(docs) > 1 or (docs and not isinstance(docs[0], dict)):
        return None
    return docs[0] if docs else {}


def leaves(tree, prefix=()):
    for key, value in tree.items():
        if not isinstance(key, str):
            # PyYAML reads `True:` as a boolean key, Helm as the string "true": leave it out.
            continue
        path = prefix + (key,)
        if isinstance(value, dict) and value:
            yield from leaves(value, path)
        else:
            yield path


def edit(tree, path, change):
    """Applies `change` ("delete" or "change") at `path` if it is there; True if it was."""
    node = tree
    for key in path[:-1]:
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    if not isinstance(node, dict) or path[-1] not in node:
        return False
    if change == "delete":
        del node[path[-1]]
    else:
        node[path[-1]] = changed(node[path[-1]])
    return True


def changed(value):
    """A different value of the same kind, so that a template that reads it must print
    something else (a flag flipped, a number moved, a string or list extended)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "-" + MUTATED
    if isinstance(value, list):
        return value + [MUTATED]
    if isinstance(value, dict):
        return {MUTATED: True} if not value else {}
    return MUTATED


def helm(chart, release, namespace, trees, workdir, tag):
    args = [sys.executable, ORACLE, "template", chart, release, "-n", namespace]
    for i, tree in enumerate(trees):
        path = os.path.join(workdir, "%s-%d.yaml" % (tag, i))
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(tree, f, sort_keys=False)
        args += ["-f", path]
    p = subprocess.run(args, capture_output=True, text=True)
    return p.returncode, p.stdout


def check(render, chart, release, namespace, files):
    args = [render, "check", release, chart, "-n", namespace, "--format", "json"]
    for f in files:
        args += ["-f", f]
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None
    return json.loads(p.stdout)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    render = os.path.abspath(sys.argv[1])
    recall = "--recall" in sys.argv
    checked = proven = false_positives = 0
    seen = set()
    reported_total = missed_total = 0
    for label, chart, release, namespace, files in list(testdata_cases()) + list(corpus_cases()):
        trees = [load(f) for f in files]
        if any(t is None for t in trees):
            continue
        findings = check(render, chart, release, namespace, files)
        if findings is None:
            continue
        checked += 1
        seen.add(label)
        if label in EXPECTED:
            got = [(f["path"], f["suggestion"]) for f in findings]
            if got != EXPECTED[label]:
                false_positives += 1
                print("UNEXPECTED %s: %s, wanted %s" % (label, got, EXPECTED[label]))
        reported = [split_path(f["path"]) for f in findings if f["file"] in files or os.path.isabs(f["file"])]
        reported = [tuple(p) for p in reported]
        with tempfile.TemporaryDirectory() as workdir:
            baseline = helm(chart, release, namespace, trees, workdir, "base")
            for change in ("delete", "change"):
                mutated = json.loads(json.dumps(trees))
                for path in reported:
                    for tree in mutated:
                        edit(tree, path, change)
                if reported and helm(chart, release, namespace, mutated, workdir, change) != baseline:
                    false_positives += 1
                    print("FALSE POSITIVE %s (%s): %s" % (label, change, ", ".join(".".join(p) for p in reported)))
            if reported:
                proven += 1
            reported_total += len({
                leaf for tree in trees for leaf in leaves(tree)
                if any(leaf[: len(p)] == p for p in reported)
            })
            if recall:
                covered = lambda leaf: any(leaf[: len(p)] == p for p in reported)
                visited = set()
                for tree in trees:
                    for leaf in leaves(tree):
                        if leaf in visited or covered(leaf):
                            continue
                        visited.add(leaf)
                        ignored = True
                        for change in ("change", "delete"):
                            mutated = json.loads(json.dumps(trees))
                            for t in mutated:
                                edit(t, leaf, change)
                            if helm(chart, release, namespace, mutated, workdir, "one") != baseline:
                                ignored = False
                                break
                        if ignored:
                            missed_total += 1
                            print("missed %s: %s" % (label, ".".join(leaf)))
        print("%s: %d reported" % (label, len(reported)), flush=True)
    for label in sorted(set(EXPECTED) - seen):
        print("NOT CHECKED %s" % label)
        false_positives += 1
    if checked == 0:
        print("no case checked")
        return 1
    print("%d cases checked, %d with findings proven unused by Helm, %d false positives" % (checked, proven, false_positives))
    if recall:
        unused = reported_total + missed_total
        share = 100.0 * reported_total / unused if unused else 100.0
        print("recall: %d of %d values Helm ignores were reported (%.1f%%)" % (reported_total, unused, share))
    return 1 if false_positives else 0


if __name__ == "__main__":
    sys.exit(main())
