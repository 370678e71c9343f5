#!/usr/bin/env python3
"""Regenerates the expected snapshots of the conformance cases from real Helm.

    pip install helm-python-sdk==0.2.2
    python3 testdata/generate.py [SUITE ...]        # e.g. template funcs yaml charts show (default: all)
    python3 testdata/generate.py --check            # report cases whose snapshot is stale

A case is one file `testdata/<suite>/<group>/<name>.tpl`: the chart's values.yaml, a line
`---`, then the template text, verbatim to the end of the file. Each case is rendered by Helm
v4.2.3 (the Go engine inside helm-python-sdk, the same one `../shared/tools/helm-oracle` uses)
as chart `t` (version 0.1.0), template `templates/case.yaml`, release `release-name` in
namespace `default`. The raw output of that template (or Helm's error text) is written to
`render-core/tests/snapshots/<suite>/case@<group>__<name>.tpl.snap` (insta's name for it), which
`render-core/tests/conformance.rs` compares with our engine's output.

Snapshots are exact: insta trims trailing whitespace, so the content ends with an explicit
end marker line, and carriage returns are shown as U+240D.
"""
import os
import sys
import tempfile

try:
    import helm_python as helm
except ImportError:
    sys.exit("generate.py: needs `pip install helm-python-sdk==0.2.2`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(ROOT, "testdata")
SNAPSHOTS = os.path.join(ROOT, "render-core", "tests", "snapshots")
SUITES = ["template", "funcs", "yaml", "charts", "show"]
SHOW_SNAPSHOTS = os.path.join(ROOT, "render-cli", "tests", "snapshots", "show")
SHOW_PARTS = ["chart", "values", "readme", "crds", "all"]
END = "\u27e6end\u27e7"
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
    d = tempfile.mkdtemp(prefix="render-case-")
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


def encode(result):
    return result.replace("\r", "\u240d") + "\n" + END


def snapshot_text(rel, body):
    return "---\nsource: testdata/generate.py\ninput_file: testdata/%s\n---\n%s\n" % (rel, body)


def oracle():
    """The `helm template` emulation of ../shared/tools/helm-oracle (real Helm, in process)."""
    import importlib.machinery
    import importlib.util
    path = os.path.join(ROOT, "..", "shared", "tools", "helm-oracle")
    loader = importlib.machinery.SourceFileLoader("helm_oracle", path)
    spec = importlib.util.spec_from_loader("helm_oracle", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def chart_cases():
    """`testdata/charts/<chart>/cases.txt`: `<label> <release> <namespace> [args...]` per
    line, args being values files (relative to the chart) and `--set`/`--set-string` flags."""
    base = os.path.join(TESTDATA, "charts")
    for chart in sorted(os.listdir(base)):
        cases_file = os.path.join(base, chart, "cases.txt")
        if not os.path.exists(cases_file):
            continue
        for line in open(cases_file, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line:
                label, release, namespace, *args = line.split()
                yield chart, label, release, namespace, args


def render_chart(chart, release, namespace, args):
    import argparse
    o = oracle()
    p = argparse.ArgumentParser()
    p.add_argument("-f", "--values", action="append")
    p.add_argument("--set", action="append")
    p.add_argument("--set-string", action="append")
    values = [a for a in args if not a.startswith("-") and "=" not in a]
    rest = [a for a in args if a not in values]
    ns = p.parse_args(rest)
    ns.values = [os.path.join(TESTDATA, "charts", chart, v) for v in values] + (ns.values or [])
    ns.chart = os.path.join(TESTDATA, "charts", chart)
    ns.name = release
    ns.namespace = namespace
    ns.json = False
    # A local chart: no repository, no dependency update.
    ns.repo = ns.version = None
    ns.plain_http = ns.dependency_update = False
    import io
    import contextlib
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = o.template(ns)
    if code != 0:
        return "ERROR\n" + err.getvalue().strip()
    return "OUTPUT\n" + out.getvalue()


def show_cases():
    """`helm show PART` of every chart under testdata/show and testdata/charts."""
    for base in ("show", "charts"):
        top = os.path.join(TESTDATA, base)
        for chart in sorted(os.listdir(top)):
            if os.path.isdir(os.path.join(top, chart)):
                for part in SHOW_PARTS:
                    yield base, chart, part


def render_show(path, part):
    try:
        return "OUTPUT\n" + helm.show(path, output_format=part)
    except helm.HelmError as e:
        return "ERROR\n" + str(e)


def cases(suites):
    for suite in suites:
        if suite in ("charts", "show"):
            continue
        base = os.path.join(TESTDATA, suite)
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if name.endswith(".tpl"):
                    path = os.path.join(dirpath, name)
                    rel = os.path.relpath(path, base)
                    yield suite, rel, path


def snapshot_path(suite, rel):
    return os.path.join(SNAPSHOTS, suite, "case@" + rel.replace(os.sep, "__") + ".snap")


def main(argv):
    check = "--check" in argv
    suites = [a for a in argv if not a.startswith("--")] or SUITES
    stale = written = 0
    jobs = []
    for suite, rel, path in cases(suites):
        with open(path, encoding="utf-8", newline="") as f:
            values, template = split_case(f.read())
        jobs.append((snapshot_text(suite + "/" + rel, encode(render(values, template))),
                     snapshot_path(suite, rel)))
    if "charts" in suites:
        for chart, label, release, namespace, args in chart_cases():
            rel = "%s__%s" % (chart, label)
            text = snapshot_text("charts/%s/cases.txt (%s)" % (chart, label),
                                 encode(render_chart(chart, release, namespace, args)))
            jobs.append((text, os.path.join(SNAPSHOTS, "charts", "case@" + rel + ".snap")))
    if "show" in suites:
        for base, chart, part in show_cases():
            rel = "testdata/%s/%s" % (base, chart)
            text = snapshot_text("%s/%s (show %s)" % (base, chart, part),
                                 encode(render_show(os.path.join(ROOT, rel), part)))
            name = "case@%s__%s__%s.snap" % (base, chart, part)
            jobs.append((text, os.path.join(SHOW_SNAPSHOTS, name)))
    for text, out in jobs:
        old = open(out, encoding="utf-8", newline="").read() if os.path.exists(out) else None
        if old == text:
            continue
        if check:
            print("stale:", out)
            stale += 1
            continue
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        written += 1
    print("%d snapshots %s" % (stale if check else written, "stale" if check else "written"))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
