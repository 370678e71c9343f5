//! Every flag of `render template` and every global flag, with pflag's syntax: one or more
//! cases per flag, and a test that fails when a flag of the table has none.
//!
//! Expected outputs are real Helm's renders of `testdata/charts/cli-flags` (its `cases.txt`,
//! snapshots written by `testdata/generate.py charts`); expected errors and notices are the
//! texts Helm v4.2.3, cobra and pflag print (quoted from their sources), or for flags render
//! refuses, the reason render gives.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

use render_cli::flags::{CHART_PATH, Effect, Flag, GLOBAL, TEMPLATE};
mod common;

use common::repo;
use std::process::{Command, Output};

const CHART: &str = "testdata/charts/cli-flags";

fn render(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_render"));
    cmd.args(args).current_dir(repo());
    for var in [
        "HELM_NAMESPACE",
        "HELM_DEBUG",
        "HELM_KUBECONTEXT",
        "KUBECONFIG",
        "HELM_COLOR",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    // Nor the pod it may run in.
    for var in [
        "KUBERNETES_SERVICE_HOST",
        "KUBERNETES_SERVICE_PORT",
        "POD_NAMESPACE",
    ] {
        cmd.env_remove(var);
    }
    // No kubeconfig of the machine running the tests.
    cmd.env("HOME", repo().join("target/cli-flags-home"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("cannot run render")
}

/// Real Helm's output, or its error as printed (`Error: ...`), for a `cases.txt` label of the
/// chart.
fn helm(label: &str) -> String {
    match common::helm_chart_case(&format!("cli-flags__{label}")) {
        Ok(out) => out,
        Err(e) => format!("Error: {e}\n"),
    }
}

/// What a case expects.
enum Expect {
    /// Helm's output for this `cases.txt` label, nothing on stderr.
    Helm(&'static str),
    /// Helm's output for the label, and this on stderr (deprecation notices, warnings).
    HelmWithNotice(&'static str, &'static str),
    /// Helm's error for the label (exit status 1, nothing on stdout).
    HelmError(&'static str),
    /// Exit status 1 and exactly `Error: TEXT` on stderr.
    Error(&'static str),
    /// Exit status 1 and this notice, then `Error: TEXT`, on stderr.
    ErrorAfter(&'static str, &'static str),
    /// Success, and stdout contains each text.
    Contains(&'static [&'static str]),
    /// Success, and stdout contains none of the texts.
    Lacks(&'static [&'static str]),
}

/// A case: the flag it is about, the arguments after `template` (`CHART` is the test
/// chart), environment variables, and the expectation.
struct Case(
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    Expect,
);

use Expect::*;

const NO_ENV: &[(&str, &str)] = &[];

const SYSTEM_LABELS: &str = "user supplied labels contains system reserved label name. System labels: [name owner status version createdAt modifiedAt]";

const CASES: &[Case] = &[
    // --- flags that change the output
    Case(
        "values",
        &[
            "CHART",
            "-f",
            "testdata/charts/cli-flags/values/a.yaml,testdata/charts/cli-flags/values/b.yaml",
        ],
        NO_ENV,
        Helm("files"),
    ),
    Case(
        "values",
        &[
            "--values=testdata/charts/cli-flags/values/a.yaml",
            "CHART",
            "-ftestdata/charts/cli-flags/values/b.yaml",
        ],
        NO_ENV,
        Helm("files"),
    ),
    Case(
        "values",
        &["CHART", "-f", "a\"b"],
        NO_ENV,
        Error(
            "invalid argument \"a\\\"b\" for \"-f, --values\" flag: parse error on line 1, column 2: bare \" in non-quoted-field",
        ),
    ),
    Case(
        "values",
        &["CHART", "--values"],
        NO_ENV,
        Error("flag needs an argument: --values"),
    ),
    Case(
        "values",
        &["CHART", "-f"],
        NO_ENV,
        Error("flag needs an argument: 'f' in -f"),
    ),
    Case(
        "set",
        &[
            "CHART",
            "--set",
            "greeting=hi,port=1",
            "--set-string",
            "tags=x",
        ],
        NO_ENV,
        Helm("set"),
    ),
    Case(
        "set-string",
        &["--set-string=tags=x", "CHART", "--set=greeting=hi,port=1"],
        NO_ENV,
        Helm("set"),
    ),
    Case(
        "set-file",
        &[
            "CHART",
            "--set-file",
            "greeting=testdata/charts/cli-flags/values/greeting.txt",
        ],
        NO_ENV,
        Contains(&["greeting: \"from-file\""]),
    ),
    Case(
        "set-json",
        &["CHART", "--set-json", "tags=[1,2]"],
        NO_ENV,
        Contains(&["tags: \"[1,2]\""]),
    ),
    Case(
        "set-literal",
        &["CHART", "--set-literal", "greeting=a,b"],
        NO_ENV,
        Contains(&["greeting: \"a,b\""]),
    ),
    Case(
        "namespace",
        &["web", "CHART", "-n", "prod", "--name-template", "ignored"],
        NO_ENV,
        Error("cannot set --name-template and also specify a name"),
    ),
    Case(
        "namespace",
        &["web", "CHART", "-nprod"],
        NO_ENV,
        Helm("named"),
    ),
    Case(
        "namespace",
        &["-n", "prod", "web", "CHART"],
        NO_ENV,
        Helm("named"),
    ),
    Case(
        "namespace",
        &["web", "CHART"],
        &[("HELM_NAMESPACE", "prod")],
        Helm("named"),
    ),
    Case(
        "namespace",
        &["web", "CHART", "--namespace=prod"],
        &[("HELM_NAMESPACE", "other")],
        Helm("named"),
    ),
    Case(
        "name-template",
        &["CHART", "--name-template", "{{ \"web\" }}", "-n", "prod"],
        NO_ENV,
        Helm("named"),
    ),
    Case(
        "name-template",
        &["web", "CHART", "--name-template", "x"],
        NO_ENV,
        Error("cannot set --name-template and also specify a name"),
    ),
    Case("generate-name", &["CHART", "-g"], NO_ENV, Helm("default")),
    // Ours (hidden): findings on stderr, stdout stays Helm's.
    Case(
        "warn-unused-values",
        &["CHART", "--warn-unused-values"],
        NO_ENV,
        Helm("default"),
    ),
    // Ours (hidden): deterministic random functions; a chart without any prints Helm's.
    Case("seed", &["CHART", "--seed", "3"], NO_ENV, Helm("default")),
    Case(
        "now",
        &["CHART", "--now", "2024-01-01T00:00:00Z"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "generate-name",
        &["web", "CHART", "--generate-name"],
        NO_ENV,
        Error("cannot set --generate-name and also specify a name"),
    ),
    Case(
        "generate-name",
        &["CHART", "-g=maybe"],
        NO_ENV,
        Error(
            "invalid argument \"maybe\" for \"-g, --generate-name\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax",
        ),
    ),
    Case(
        "kube-version",
        &["CHART", "--kube-version", "v1.30.2"],
        NO_ENV,
        Contains(&["kubeVersion: \"v1.30.2\""]),
    ),
    Case(
        "kube-version",
        &["CHART", "--kube-version", "1"],
        NO_ENV,
        Error("invalid kube version '1': illegal version string \"1\""),
    ),
    Case(
        "api-versions",
        &["CHART", "-a", "example.com/v1,other/v1"],
        NO_ENV,
        Contains(&["exampleApi: \"true\""]),
    ),
    Case(
        "api-versions",
        &["CHART", "--api-versions=example.com/v1"],
        NO_ENV,
        Contains(&["exampleApi: \"true\""]),
    ),
    Case(
        "is-upgrade",
        &["CHART", "--is-upgrade"],
        NO_ENV,
        Contains(&["install: \"false\"", "upgrade: \"true\""]),
    ),
    Case(
        "include-crds",
        &["CHART", "--include-crds"],
        NO_ENV,
        Contains(&[
            "---\n# Source: cli-flags/crds/widgets.yaml\napiVersion: apiextensions.k8s.io/v1\n",
        ]),
    ),
    Case(
        "include-crds",
        &["web", "CHART", "--include-crds", "false"],
        NO_ENV,
        Error("expected at most two arguments, unexpected arguments: false"),
    ),
    Case(
        "include-crds",
        &["CHART", "--include-crds=false"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "no-hooks",
        &["CHART", "--no-hooks"],
        NO_ENV,
        Lacks(&["# Source: cli-flags/templates/hook.yaml", "test-connection"]),
    ),
    Case(
        "skip-tests",
        &["CHART", "--skip-tests"],
        NO_ENV,
        Lacks(&["test-connection"]),
    ),
    Case(
        "show-only",
        &["CHART", "-s", "templates/hook.yaml"],
        NO_ENV,
        Lacks(&["kind: Pod", "settings"]),
    ),
    Case(
        "show-only",
        &["CHART", "--show-only", "templates/nope.yaml"],
        NO_ENV,
        Error("could not find template templates/nope.yaml in chart"),
    ),
    Case(
        "output-dir",
        &["CHART", "--output-dir", "target/cli-flags-out"],
        NO_ENV,
        Contains(&["wrote target/cli-flags-out/cli-flags/templates/configmap.yaml\n"]),
    ),
    Case(
        "release-name",
        &[
            "web",
            "CHART",
            "--output-dir",
            "target/cli-flags-out2",
            "--release-name",
        ],
        NO_ENV,
        Contains(&["wrote target/cli-flags-out2/web/cli-flags/templates/configmap.yaml\n"]),
    ),
    Case(
        "skip-schema-validation",
        &["CHART", "--set", "greeting=1"],
        NO_ENV,
        HelmError("schema-violation"),
    ),
    Case(
        "skip-schema-validation",
        &["CHART", "--set", "greeting=1", "--skip-schema-validation"],
        NO_ENV,
        Contains(&["greeting: \"1\""]),
    ),
    Case(
        "debug",
        &["CHART", "--debug"],
        NO_ENV,
        Contains(&["name: release-name-settings"]),
    ),
    Case(
        "debug",
        &["CHART"],
        &[("HELM_DEBUG", "true")],
        Contains(&["name: release-name-settings"]),
    ),
    Case(
        "dry-run",
        &["CHART", "--dry-run=client"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "dry-run",
        &["CHART", "--dry-run"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "level=WARN msg=\"--dry-run is deprecated and should be replaced with '--dry-run=client'\"\n",
        ),
    ),
    Case(
        "dry-run",
        &["CHART", "--dry-run=true"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "level=WARN msg=\"boolean '--dry-run=true' flag is deprecated and must be replaced with '--dry-run=client'\"\n",
        ),
    ),
    Case(
        "dry-run",
        &["CHART", "--dry-run=false"],
        NO_ENV,
        Error("invalid dry-run value (\"false\"). Must be \"server\" or \"client\""),
    ),
    Case(
        "dry-run",
        &["CHART", "--dry-run=none"],
        NO_ENV,
        Error("invalid dry-run value (\"none\"). Must be \"none\", \"server\", or \"client\""),
    ),
    Case(
        "dry-run",
        &["CHART", "--dry-run=server"],
        NO_ENV,
        Error("--dry-run=server: needs a cluster: not supported by render"),
    ),
    Case(
        "labels",
        &["CHART", "-l", "team=web,tier=front"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "labels",
        &["CHART", "--labels", "owner=me"],
        NO_ENV,
        Error(SYSTEM_LABELS),
    ),
    Case(
        "labels",
        &["CHART", "-l", "team"],
        NO_ENV,
        Error(
            "invalid argument \"team\" for \"-l, --labels\" flag: team must be formatted as key=value",
        ),
    ),
    // --- flags that need what render does not do
    Case(
        "validate",
        &["CHART", "--validate"],
        NO_ENV,
        ErrorAfter(
            "Flag --validate has been deprecated, use '--dry-run=server' instead\n",
            "--validate: needs a cluster: not supported by render",
        ),
    ),
    Case(
        "validate",
        &["CHART", "--validate", "--dry-run=client"],
        NO_ENV,
        Error(
            "if any flags in the group [validate dry-run] are set none of the others can be; [dry-run validate] were all set",
        ),
    ),
    Case(
        "enable-dns",
        &["CHART", "--enable-dns"],
        NO_ENV,
        Error("--enable-dns: DNS lookups while rendering are not supported by render"),
    ),
    Case(
        "enable-dns",
        &["CHART", "--enable-dns=false"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "verify",
        &["CHART", "--verify"],
        NO_ENV,
        Error("--verify: verifying chart provenance is not supported by render yet"),
    ),
    // With --repo, even a local directory of that name is looked up in the repository.
    Case(
        "repo",
        &["CHART", "--repo", "http://127.0.0.1:1"],
        NO_ENV,
        Error(
            "looks like \"http://127.0.0.1:1\" is not a valid chart repository or cannot be reached: Get \"http://127.0.0.1:1/index.yaml\": dial tcp 127.0.0.1:1: connect: connection refused",
        ),
    ),
    Case(
        "post-renderer",
        &["CHART", "--post-renderer", "kustomize"],
        NO_ENV,
        Error("--post-renderer: post-renderer plugins are not supported by render"),
    ),
    Case(
        "post-renderer",
        &["CHART", "--post-renderer", "a", "--post-renderer", "b"],
        NO_ENV,
        Error(
            "invalid argument \"b\" for \"--post-renderer\" flag: cannot specify --post-renderer flag more than once",
        ),
    ),
    Case(
        "post-renderer-args",
        &["CHART", "--post-renderer-args", "--x"],
        NO_ENV,
        Helm("default"),
    ),
    // --- install flags `helm template` accepts and ignores
    Case(
        "create-namespace",
        &["CHART", "--create-namespace"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "force-replace",
        &["CHART", "--force-replace"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "force",
        &["CHART", "--force"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "Flag --force has been deprecated, use --force-replace instead\n",
        ),
    ),
    Case(
        "force-conflicts",
        &["CHART", "--force-conflicts"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "force-conflicts",
        &["CHART", "--force-conflicts", "--force-replace"],
        NO_ENV,
        Error(
            "if any flags in the group [force-replace force-conflicts] are set none of the others can be; [force-conflicts force-replace] were all set",
        ),
    ),
    Case(
        "server-side",
        &["CHART", "--server-side=false"],
        NO_ENV,
        Helm("default"),
    ),
    Case("replace", &["CHART", "--replace"], NO_ENV, Helm("default")),
    Case(
        "timeout",
        &["CHART", "--timeout", "10m30s"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "timeout",
        &["CHART", "--timeout", "5"],
        NO_ENV,
        Error(
            "invalid argument \"5\" for \"--timeout\" flag: time: missing unit in duration \"5\"",
        ),
    ),
    Case(
        "wait-for-jobs",
        &["CHART", "--wait-for-jobs"],
        NO_ENV,
        Helm("default"),
    ),
    Case("wait", &["CHART", "--wait"], NO_ENV, Helm("default")),
    Case("wait", &["CHART", "--wait=legacy"], NO_ENV, Helm("default")),
    Case(
        "wait",
        &["CHART", "--wait=true"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "level=WARN msg=\"--wait=true is deprecated (boolean value) and can be replaced with --wait=watcher\"\n",
        ),
    ),
    Case(
        "wait",
        &["CHART", "--wait=soon"],
        NO_ENV,
        Error(
            "invalid argument \"soon\" for \"--wait\" flag: invalid wait input \"soon\". Valid inputs are watcher, hookOnly, and legacy",
        ),
    ),
    Case(
        "description",
        &["CHART", "--description", "first install"],
        NO_ENV,
        Helm("default"),
    ),
    Case("devel", &["CHART", "--devel"], NO_ENV, Helm("default")),
    Case(
        "dependency-update",
        &["CHART", "--dependency-update"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "disable-openapi-validation",
        &["CHART", "--disable-openapi-validation"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "rollback-on-failure",
        &["CHART", "--rollback-on-failure"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "atomic",
        &["CHART", "--atomic"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "Flag --atomic has been deprecated, use --rollback-on-failure instead\n",
        ),
    ),
    Case(
        "skip-crds",
        &["CHART", "--skip-crds"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "render-subchart-notes",
        &["CHART", "--render-subchart-notes"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "Flag --render-subchart-notes has been deprecated, this flag has no effect for 'helm template' and will be removed in Helm 5\n",
        ),
    ),
    Case(
        "hide-notes",
        &["CHART", "--hide-notes"],
        NO_ENV,
        HelmWithNotice(
            "default",
            "Flag --hide-notes has been deprecated, this flag has no effect for 'helm template' and will be removed in Helm 5\n",
        ),
    ),
    Case(
        "take-ownership",
        &["CHART", "--take-ownership"],
        NO_ENV,
        Helm("default"),
    ),
    // --- chart download flags: no effect on a local chart, but TLS files are read
    Case(
        "version",
        &["CHART", "--version", "^1.0.0"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "keyring",
        &["CHART", "--keyring", "/nonexistent/pubring.gpg"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "username",
        &["CHART", "--username", "me"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "password",
        &["CHART", "--password", "secret"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "cert-file",
        &["CHART", "--cert-file", "/nonexistent/cert.pem"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "key-file",
        &[
            "CHART",
            "--cert-file",
            "/nonexistent/c.pem",
            "--key-file",
            "/nonexistent/k.pem",
        ],
        NO_ENV,
        Error(
            "missing registry client: can't create TLS config for client: unable to read cert file: \"/nonexistent/c.pem\": open /nonexistent/c.pem: no such file or directory",
        ),
    ),
    Case(
        "ca-file",
        &["CHART", "--ca-file", "/nonexistent/ca.pem"],
        NO_ENV,
        Error(
            "missing registry client: can't create TLS config for client: can't read CA file: \"/nonexistent/ca.pem\": open /nonexistent/ca.pem: no such file or directory",
        ),
    ),
    Case(
        "insecure-skip-tls-verify",
        &["CHART", "--insecure-skip-tls-verify"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "plain-http",
        &["CHART", "--plain-http"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "pass-credentials",
        &["CHART", "--pass-credentials"],
        NO_ENV,
        Helm("default"),
    ),
    // --- global flags
    Case(
        "kubeconfig",
        &["CHART", "--kubeconfig", "testdata/cli/kubeconfig.yaml"],
        NO_ENV,
        Contains(&["namespace: from-kubeconfig\n"]),
    ),
    Case(
        "kube-context",
        &[
            "CHART",
            "--kubeconfig",
            "testdata/cli/kubeconfig.yaml",
            "--kube-context",
            "other",
        ],
        NO_ENV,
        Contains(&["namespace: other-ns\n"]),
    ),
    Case(
        "kube-context",
        &["CHART"],
        &[
            ("KUBECONFIG", "testdata/cli/kubeconfig.yaml"),
            ("HELM_KUBECONTEXT", "other"),
        ],
        Contains(&["namespace: other-ns\n"]),
    ),
    Case(
        "kube-context",
        &["CHART", "--kube-context", "missing"],
        &[("KUBECONFIG", "testdata/cli/kubeconfig.yaml")],
        Helm("default"),
    ),
    Case(
        "kube-token",
        &["CHART", "--kube-token", "t0ken"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "kube-as-user",
        &["CHART", "--kube-as-user", "me"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "kube-as-group",
        &["CHART", "--kube-as-group", "a", "--kube-as-group", "b"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "kube-apiserver",
        &["CHART", "--kube-apiserver", "https://127.0.0.1:6443"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "kube-ca-file",
        &["CHART", "--kube-ca-file", "/nonexistent"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "kube-tls-server-name",
        &["CHART", "--kube-tls-server-name", "k8s"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "kube-insecure-skip-tls-verify",
        &["CHART", "--kube-insecure-skip-tls-verify"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "registry-config",
        &["CHART", "--registry-config", "/nonexistent/config.json"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "repository-config",
        &[
            "CHART",
            "--repository-config",
            "/nonexistent/repositories.yaml",
        ],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "repository-cache",
        &["CHART", "--repository-cache", "/nonexistent"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "content-cache",
        &["CHART", "--content-cache", "/nonexistent"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "burst-limit",
        &["CHART", "--burst-limit", "0x20"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "burst-limit",
        &["CHART", "--burst-limit", "lots"],
        NO_ENV,
        Error(
            "invalid argument \"lots\" for \"--burst-limit\" flag: strconv.ParseInt: parsing \"lots\": invalid syntax",
        ),
    ),
    Case("qps", &["CHART", "--qps", "2.5"], NO_ENV, Helm("default")),
    Case(
        "qps",
        &["CHART", "--qps", "1e39"],
        NO_ENV,
        Error(
            "invalid argument \"1e39\" for \"--qps\" flag: strconv.ParseFloat: parsing \"1e39\": value out of range",
        ),
    ),
    Case(
        "color",
        &["CHART", "--color", "never"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "colour",
        &["CHART", "--colour=always"],
        NO_ENV,
        Helm("default"),
    ),
    // klog's hidden flags
    Case("v", &["CHART", "-v", "3"], NO_ENV, Helm("default")),
    Case(
        "v",
        &["CHART", "-v"],
        NO_ENV,
        Error("flag needs an argument: 'v' in -v"),
    ),
    Case(
        "log-dir",
        &["CHART", "--log-dir", "/tmp"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "log-file",
        &["CHART", "--log-file", "/tmp/x.log"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "log-file-max-size",
        &["CHART", "--log-file-max-size", "x"],
        NO_ENV,
        Error("invalid argument \"x\" for \"--log-file-max-size\" flag: parse error"),
    ),
    Case(
        "logtostderr",
        &["CHART", "--logtostderr=false"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "alsologtostderr",
        &["CHART", "--alsologtostderr=maybe"],
        NO_ENV,
        Error("invalid argument \"maybe\" for \"--alsologtostderr\" flag: parse error"),
    ),
    Case(
        "legacy-stderr-threshold-behavior",
        &["CHART", "--legacy-stderr-threshold-behavior=false"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "add-dir-header",
        &["CHART", "--add-dir-header"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "skip-headers",
        &["CHART", "--skip-headers"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "one-output",
        &["CHART", "--one-output"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "skip-log-headers",
        &["CHART", "--skip-log-headers"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "stderrthreshold",
        &["CHART", "--stderrthreshold", "WARNING"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "alsologtostderrthreshold",
        &["CHART", "--alsologtostderrthreshold", "x"],
        NO_ENV,
        Error(
            "invalid argument \"x\" for \"--alsologtostderrthreshold\" flag: strconv.ParseInt: parsing \"x\": invalid syntax",
        ),
    ),
    Case(
        "vmodule",
        &["CHART", "--vmodule", "gopher*=3"],
        NO_ENV,
        Helm("default"),
    ),
    Case(
        "vmodule",
        &["CHART", "--vmodule", "gopher"],
        NO_ENV,
        Error(
            "invalid argument \"gopher\" for \"--vmodule\" flag: syntax error: expect comma-separated list of filename=N",
        ),
    ),
    Case(
        "log-backtrace-at",
        &["CHART", "--log-backtrace-at", "main.go:0"],
        NO_ENV,
        Error(
            "invalid argument \"main.go:0\" for \"--log-backtrace-at\" flag: negative or zero value for level",
        ),
    ),
];

/// pflag's and cobra's general rules, on any flag.
const SYNTAX: &[Case] = &[
    Case(
        "--",
        &["web", "CHART", "--", "-n"],
        NO_ENV,
        Error("expected at most two arguments, unexpected arguments: -n"),
    ),
    Case(
        "unknown",
        &["CHART", "--nope"],
        NO_ENV,
        Error("unknown flag: --nope"),
    ),
    Case(
        "unknown",
        &["CHART", "--nope=1"],
        NO_ENV,
        Error("unknown flag: --nope"),
    ),
    Case(
        "unknown",
        &["CHART", "-gx"],
        NO_ENV,
        Error("unknown shorthand flag: 'x' in -x"),
    ),
    Case(
        "unknown",
        &["CHART", "-xg"],
        NO_ENV,
        Error("unknown shorthand flag: 'x' in -xg"),
    ),
    Case(
        "syntax",
        &["CHART", "---x"],
        NO_ENV,
        Error("bad flag syntax: ---x"),
    ),
    Case(
        "group",
        &["-gnprod", "CHART", "--name-template", "web"],
        NO_ENV,
        Helm("named"),
    ),
    Case(
        "hide-secret",
        &["CHART", "--hide-secret"],
        NO_ENV,
        Error("unknown flag: --hide-secret"),
    ),
    Case(
        "no-args",
        &[],
        NO_ENV,
        Error(
            "\"render template\" requires at least 1 argument\n\nUsage:  render template [NAME] [CHART] [flags]",
        ),
    ),
];

fn run_case(Case(flag, args, env, expect): &Case) -> Result<(), String> {
    let mut argv = vec!["template"];
    argv.extend(args.iter().map(|a| if *a == "CHART" { CHART } else { a }));
    let o = render(&argv, env);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    let code = o.status.code();
    let fail = |what: String| {
        Err(format!(
            "--{flag} {args:?} {env:?}: {what}\nstdout: {out}\nstderr: {err}"
        ))
    };
    match expect {
        Helm(label) | HelmWithNotice(label, _) => {
            let notice = match expect {
                HelmWithNotice(_, n) => n,
                _ => "",
            };
            if code != Some(0) || out != helm(label) || err != notice {
                return fail(format!(
                    "want Helm's `{label}` output and stderr {notice:?}"
                ));
            }
        }
        HelmError(label) => {
            // The snapshot holds Helm's message without its trailing newlines.
            if code != Some(1) || !out.is_empty() || err.trim_end() != helm(label).trim_end() {
                return fail(format!("want Helm's `{label}` error"));
            }
        }
        Error(text) | ErrorAfter(_, text) => {
            let notice = match expect {
                ErrorAfter(n, _) => n,
                _ => "",
            };
            if code != Some(1) || !out.is_empty() || err != format!("{notice}Error: {text}\n") {
                return fail(format!("want {notice:?} then `Error: {text}`"));
            }
        }
        Contains(texts) => {
            if code != Some(0) || texts.iter().any(|t| !out.contains(t)) {
                return fail(format!("want success with {texts:?}"));
            }
        }
        Lacks(texts) => {
            if code != Some(0) || out.is_empty() || texts.iter().any(|t| out.contains(t)) {
                return fail(format!("want success without {texts:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn every_flag_has_a_case() {
    let all = || TEMPLATE.iter().chain(CHART_PATH).chain(GLOBAL);
    let missing: Vec<&str> = all()
        .map(|f: &Flag| f.long)
        .filter(|long| !CASES.iter().any(|c| c.0 == *long))
        .collect();
    assert!(missing.is_empty(), "flags without a test case: {missing:?}");
    // A refused flag must have a case that shows the refusal.
    for f in all() {
        if let Effect::Refused(why) = f.effect {
            assert!(
                CASES.iter().any(|c| c.0 == f.long
                    && matches!(c.3, Error(t) | ErrorAfter(_, t) if t.contains(why))),
                "--{} is refused but no case shows it",
                f.long
            );
        }
    }
}

#[test]
fn every_flag_behaves_like_helm() {
    let failures: Vec<String> = CASES
        .iter()
        .chain(SYNTAX.iter())
        .filter_map(|c| run_case(c).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn invalid_color_fails_before_anything_else() {
    let o = render(&["template", CHART, "--color", "pink", "--help"], NO_ENV);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "level=WARN msg=\"command failed\" error=\"invalid color mode \\\"pink\\\": must be one of: never, auto, always\"\n"
    );
    // An invalid HELM_COLOR is ignored, and --help before --color wins.
    let o = render(&["template", CHART], &[("HELM_COLOR", "pink")]);
    assert_eq!(o.status.code(), Some(0));
    let o = render(&["template", "--help", "--color", "pink"], NO_ENV);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn global_flags_may_precede_the_command() {
    let o = render(&["-n", "prod", "--debug", "template", "web", CHART], NO_ENV);
    assert_eq!(String::from_utf8_lossy(&o.stdout), helm("named"));
    // As in Helm, a template-only bool before the command swallows the next word.
    let o = render(&["--include-crds", "template", "web", CHART], NO_ENV);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "Error: unknown command \"web\" for \"render\"\nRun 'render --help' for usage.\n"
    );
}

#[test]
fn debug_logs_like_helm() {
    let o = render(&["template", CHART, "--debug", "--devel"], NO_ENV);
    let chart = std::fs::canonicalize(repo().join(CHART)).unwrap_or_default();
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "level=DEBUG msg=\"Original chart version\" version=\"\"\n\
             level=DEBUG msg=\"setting version to >0.0.0-0\"\n\
             level=DEBUG msg=\"Chart path\" path={}\n",
            chart.display()
        )
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), helm("default"));
    let o = render(&["template", CHART], &[("HELM_DEBUG", "1")]);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .starts_with("level=DEBUG msg=\"Original chart version\"")
    );
    let o = render(
        &["template", CHART, "--debug=false"],
        &[("HELM_DEBUG", "1")],
    );
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}
