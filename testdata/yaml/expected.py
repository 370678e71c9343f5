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
import tempfile

try:
    import helm_python as helm
except ImportError:
    sys.exit("expected.py: needs `pip install helm-python-sdk==0.2.2`")

HERE = os.path.dirname(os.path.abspath(__file__))
CHART_YAML = "apiVersion: v2\nname: t\nversion: 0.1.0\n"


def split_case(text):
    """values, template: split at the first line that is exactly `---`."""
    if text.startswith("---\n"):
        return "", text[4:]
    i = text.find("\n---\n")
    if i < 0:
        raise ValueError("case has no `---` line")
    return text[: i + 1], text[i + 5:]


def render(values, template):
    d = tempfile.mkdtemp(prefix="render-yaml-case-")
    os.makedirs(os.path.join(d, "templates"))
    with open(os.path.join(d, "Chart.yaml"), "w") as f:
        f.write(CHART_YAML)
    with open(os.path.join(d, "values.yaml"), "w", encoding="utf-8", newline="") as f:
        f.write(values)
    with open(os.path.join(d, "templates", "case.yaml"), "w", encoding="utf-8", newline="") as f:
        f.write(template)
    try:
        out = helm.Chart.load(d).render(values={}, name="release-name", namespace="default",
                                        is_install=True, revision=1)
        return "OUTPUT\n" + out.get("t/templates/case.yaml", "")
    except helm.HelmError as e:
        return "ERROR\n" + str(e)


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
