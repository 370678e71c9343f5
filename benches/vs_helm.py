#!/usr/bin/env python3
"""Speed and memory against real Helm, in one run.

Helm is Helm v4.2.3's own Go engine in-process (helm-python-sdk): chart load + values + render,
no process start counted. Ours is a whole `render` process each time (start, load, render,
sort, print), every case timed before Helm renders anything in this process. Each figure is
the best of N runs.

    pip install helm-python-sdk==0.2.2
    cargo build --release -p render-cli
    python3 benches/vs_helm.py [--runs 5] [--corpus] [CASE_SUBSTRING ...]

Cases (the charts of the corpus in ../shared/corpus, the others generated in a temporary
directory):
  kube-prometheus-stack, argo-cd   corpus charts with their values
  umbrella-10x-kps                 an umbrella of 10 aliased kube-prometheus-stack
  tpl-heavy                        3000 defines, 1000 `tpl` calls
  10-envs-kube-prometheus-stack    kube-prometheus-stack with 10 value sets: Helm renders them
                                   one by one; ours is one `render snapshot` process over a
                                   render.yaml of the 10 (the library's load-once API)
  10-envs-argo-cd                  the same for argo-cd, whose environments share its CRDs
  10-envs-bitnami-nginx            the same for bitnami-nginx, whose environments each make
                                   a TLS certificate (two RSA keys)
--corpus adds every other render of the corpus.

Columns: Helm's and our time in ms and their ratio; our peak RSS and Helm's, in MiB, and
their ratio. Helm's peak RSS is that of a fresh Python process that imports the SDK and
renders once, minus the peak of a bare Python interpreter: the Go runtime, Helm's code and
its heap, as a Go-only `helm` process would have them. Ours is the `render` process's peak
(GNU time). `floor` is reading every file of the chart and writing the output (our lower
bound for a first render), in ms. The last lines print the minimum ratios and the cost of
the umbrella against 10 single renders.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import helm_python as helm
except ImportError:
    sys.exit("vs_helm.py: needs `pip install helm-python-sdk==0.2.2`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
RENDER = os.path.join(ROOT, "target", "release", "render")
KPS = os.path.join(CORPUS, "kube-prometheus-stack")


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load_values(paths):
    values = {}
    for f in paths:
        with open(f, encoding="utf-8") as fh:
            values = merge(values, helm.values_from_yaml(fh.read()) or {})
    return values


class Case:
    """One comparison: Helm renders `renders` (chart, values, release, namespace) in-process;
    ours runs `command`."""

    def __init__(self, label, chart, renders, command):
        self.label, self.chart, self.renders, self.command = label, chart, renders, command


def corpus_cases(filters, everything):
    wanted = {"kube-prometheus-stack/default", "argo-cd/default"}
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name, "cases.txt")
        if not os.path.isfile(path):
            continue
        for line in open(path):
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            label = f"{name}/{words[0]}"
            if not everything and label not in wanted:
                continue
            case_dir = os.path.join(CORPUS, name)
            chart = os.path.join(case_dir, "chart")
            release, namespace = words[1], words[2]
            files = [os.path.join(case_dir, f) for f in words[3:]]
            try:
                values = load_values(files)
            except helm.HelmError:
                continue  # values Helm cannot load: an error case
            cmd = [RENDER, "template", release, chart, "-n", namespace]
            for f in files:
                cmd += ["-f", f]
            yield Case(label, chart, [(chart, values, release, namespace)], cmd)


def umbrella_case(tmp):
    """An umbrella chart with kube-prometheus-stack 10 times under aliases."""
    chart = os.path.join(tmp, "umbrella")
    sub = os.path.join(chart, "charts", "kube-prometheus-stack")
    shutil.copytree(os.path.join(KPS, "chart"), sub, symlinks=True)
    version = next(
        line.split(":", 1)[1].strip().strip('"')
        for line in open(os.path.join(sub, "Chart.yaml"))
        if line.startswith("version:")
    )
    deps = "".join(
        f"  - name: kube-prometheus-stack\n    alias: kps{i}\n    version: \"{version}\"\n"
        for i in range(10)
    )
    with open(os.path.join(chart, "Chart.yaml"), "w") as f:
        f.write(f"apiVersion: v2\nname: umbrella\nversion: 1.0.0\ndependencies:\n{deps}")
    base = open(os.path.join(KPS, "values", "base.yaml")).read()
    indented = "".join("  " + line if line.strip() else line for line in base.splitlines(True))
    with open(os.path.join(chart, "values.yaml"), "w") as f:
        for i in range(10):
            f.write(f"kps{i}:\n{indented}\n")
    cmd = [RENDER, "template", "kps", chart, "-n", "monitoring"]
    return Case("umbrella-10x-kps", chart, [(chart, {}, "kps", "monitoring")], cmd)


def tpl_case(tmp):
    """3000 defines, 1000 `tpl` calls that include them."""
    chart = os.path.join(tmp, "tpl-heavy")
    os.makedirs(os.path.join(chart, "templates"))
    with open(os.path.join(chart, "Chart.yaml"), "w") as f:
        f.write("apiVersion: v2\nname: tpl-heavy\nversion: 1.0.0\n")
    with open(os.path.join(chart, "values.yaml"), "w") as f:
        f.write("greeting: hello\n")
    with open(os.path.join(chart, "templates", "_defs.tpl"), "w") as f:
        for i in range(3000):
            f.write(f'{{{{- define "d{i}" -}}}}{{{{ .Values.greeting }}}}-{i}{{{{- end -}}}}\n')
    with open(os.path.join(chart, "templates", "cm.yaml"), "w") as f:
        f.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tpl\ndata:\n")
        f.write("{{- range $i := until 1000 }}\n")
        f.write('  k{{ $i }}: {{ tpl (printf "{{ include \\"d%d\\" . }}" (mul $i 3)) $ | quote }}\n')
        f.write("{{- end }}\n")
    cmd = [RENDER, "template", "tpl", chart]
    return Case("tpl-heavy", chart, [(chart, {}, "tpl", "default")], cmd)


def envs_case(tmp, name, release, base, env_values):
    """Chart `name` of the corpus with 10 value sets: `base` (a values file or None) plus
    `env_values(i)` (YAML text) each, namespace env<i>."""
    chart = os.path.join(CORPUS, name, "chart")
    env_dir = os.path.join(tmp, f"envs-{name}")
    os.makedirs(env_dir)
    renders = []
    lines = ["renders:"]
    for i in range(10):
        values_file = os.path.join(env_dir, f"env{i}.yaml")
        with open(values_file, "w") as f:
            f.write(env_values(i))
        files = [base, values_file] if base else [values_file]
        renders.append((chart, load_values(files), release, f"env{i}"))
        lines += [
            f"  - name: env{i}",
            f"    chart: {chart}",
            f"    release: {release}",
            f"    namespace: env{i}",
            f"    values: [{', '.join(files)}]",
        ]
    render_yaml = os.path.join(env_dir, "render.yaml")
    with open(render_yaml, "w") as f:
        f.write("\n".join(lines) + "\n")
    cmd = [RENDER, "snapshot", "--file", render_yaml, "--dir", os.path.join(env_dir, "out")]
    return Case(f"10-envs-{name}", chart, renders, cmd)


def kps_envs_case(tmp):
    """kube-prometheus-stack: every environment labels every resource its own way."""
    base = os.path.join(KPS, "values", "base.yaml")
    return envs_case(tmp, "kube-prometheus-stack", "kps", base,
                     lambda i: f"commonLabels:\n  environment: env{i}\n")


def argo_envs_case(tmp):
    """argo-cd: environments differ in labels and namespace, and print the same CRDs."""
    return envs_case(tmp, "argo-cd", "argo", None,
                     lambda i: f"global:\n  additionalLabels:\n    environment: env{i}\n")


def nginx_envs_case(tmp):
    """bitnami-nginx: each environment generates its TLS certificate and keys (genCA,
    genSignedCert: two 2048-bit RSA keys), from a seed in `render snapshot`."""
    base = os.path.join(CORPUS, "bitnami-nginx", "values", "base.yaml")
    return envs_case(tmp, "bitnami-nginx", "web", base,
                     lambda i: f"commonLabels:\n  environment: env{i}\n")


def best(runs, fn):
    times, ok = [], True
    for _ in range(runs):
        start = time.perf_counter()
        ok = fn() and ok
        times.append(time.perf_counter() - start)
    return min(times) * 1000, ok


def helm_render(renders):
    try:
        for chart, values, release, namespace in renders:
            helm.Chart.load(chart).render(values=values, name=release, namespace=namespace,
                                          is_install=True, revision=1)
        return True
    except helm.HelmError:
        return False


def run_ours(cmd):
    """Runs `cmd`; whether it succeeded, and its output's size."""
    with tempfile.TemporaryFile() as out:
        ok = subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL).returncode == 0
        return ok, out.tell()


def peak_mib(cmd, stdin_text=""):
    """The peak RSS of `cmd` in MiB, measured by GNU time: a process forked from this one
    would count this interpreter's pages, which a fresh exec keeps in its peak."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + cmd,
                       input=stdin_text, text=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        return int(report.read().split()[-1]) / 1024


HELM_RSS = """
import json, sys
import helm_python as helm
for chart, values, release, namespace in json.load(sys.stdin):
    helm.Chart.load(chart).render(values=values, name=release, namespace=namespace,
                                  is_install=True, revision=1)
"""


def helm_rss(renders):
    """Helm's peak RSS in MiB: a fresh interpreter rendering, minus a bare interpreter."""
    import json
    bare = peak_mib([sys.executable, "-c", "import json, sys; json.load(sys.stdin)"], "[]")
    return peak_mib([sys.executable, "-c", HELM_RSS], json.dumps(renders)) - bare


def floor_ms(chart, output_size, runs):
    """Reading every file of the chart and writing `output_size` bytes, best of `runs`."""
    files = [os.path.join(d, f) for d, _, fs in os.walk(chart) for f in fs]

    def once():
        for path in files:
            with open(path, "rb") as fh:
                fh.read()
        with open(os.devnull, "wb") as fh:
            fh.write(b"x" * output_size)
        return True

    return best(runs, once)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", action="store_true", help="also every other corpus render")
    ap.add_argument("--render", help="the render binary to time (default: target/release/render)")
    ap.add_argument("filters", nargs="*")
    args = ap.parse_args()
    if args.render:
        global RENDER
        RENDER = os.path.abspath(args.render)
    tmp = tempfile.mkdtemp(prefix="vs-helm-")
    try:
        cases = list(corpus_cases(args.filters, args.corpus))
        cases += [umbrella_case(tmp), tpl_case(tmp), kps_envs_case(tmp), argo_envs_case(tmp),
                  nginx_envs_case(tmp)]
        cases = [c for c in cases if not args.filters or any(f in c.label for f in args.filters)]
        print(f"{'case':34} {'helm ms':>8} {'ours ms':>8} {'ratio':>6}   "
              f"{'helm MiB':>8} {'ours MiB':>8} {'ratio':>6}   {'floor ms':>8}")
        ratios, rss_ratios, times = {}, {}, {}
        # Ours first, all of them: after a render, Go's runtime in this process goes on
        # collecting and returning memory on other threads for seconds, which takes a core
        # from a process timed meanwhile (argo-cd: 11 ms before any Helm render, 13-45 ms
        # after).
        ours_best = {case.label: best(args.runs, lambda: run_ours(case.command)[0])
                     for case in cases}
        for case in cases:
            helm_ms, helm_ok = best(args.runs, lambda: helm_render(case.renders))
            ours_ms, ours_ok = ours_best[case.label]
            if not helm_ok or not ours_ok:
                continue  # error cases say nothing about speed
            _, size = run_ours(case.command)
            ours_mib = peak_mib(case.command)
            helm_mib = helm_rss(case.renders)
            floor = floor_ms(case.chart, size, args.runs)
            ratios[case.label] = helm_ms / ours_ms
            rss_ratios[case.label] = helm_mib / ours_mib
            times[case.label] = ours_ms
            print(f"{case.label:34} {helm_ms:8.1f} {ours_ms:8.1f} {helm_ms / ours_ms:5.1f}x   "
                  f"{helm_mib:8.1f} {ours_mib:8.1f} {helm_mib / ours_mib:5.1f}x   {floor:8.1f}",
                  flush=True)
        if ratios:
            worst = min(ratios, key=ratios.get)
            print(f"minimum time ratio: {ratios[worst]:.1f}x ({worst})")
            worst = min(rss_ratios, key=rss_ratios.get)
            print(f"minimum memory ratio: {rss_ratios[worst]:.1f}x ({worst})")
        if "umbrella-10x-kps" in times and "kube-prometheus-stack/default" in times:
            cost = times["umbrella-10x-kps"] / times["kube-prometheus-stack/default"]
            print(f"umbrella of 10 / one kube-prometheus-stack: {cost:.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
