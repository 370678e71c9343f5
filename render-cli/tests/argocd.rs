//! The Argo CD plugin (`deploy/argocd/`): `render argocd generate`, run with the environment
//! Argo CD gives a config management plugin, prints what `helm template` prints with the
//! flags Argo CD's repo-server passes for the same application (value files, then the inline
//! values, then parameters as `--set`/`--set-string` with commas escaped). The expected output
//! is real Helm's render of those flags (`testdata/charts/argocd-app/cases.txt`, label
//! `argocd`).

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

mod common;

use common::repo;
use std::path::Path;
use std::process::{Command, Output};

fn helm(name: &str) -> String {
    common::helm_chart_case(name).expect("Helm failed")
}

/// `render argocd generate` in the chart's directory, as argocd-cmp-server runs it: the
/// repository checked out somewhere, the application at `ARGOCD_APP_SOURCE_PATH`.
fn generate(app_dir: &Path, parameters: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_render"));
    cmd.args(["argocd", "generate"])
        .current_dir(app_dir)
        .env_clear()
        .env("HOME", "/nonexistent")
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("ARGOCD_APP_NAME", "argocd_app")
        .env("ARGOCD_APP_NAMESPACE", "apps")
        .env("ARGOCD_APP_SOURCE_PATH", "testdata/charts/argocd-app")
        .env("ARGOCD_APP_REVISION", "abc123")
        .env("KUBE_VERSION", "1.30.2")
        .env("KUBE_API_VERSIONS", "apps/v1,v1")
        .env("ARGOCD_APP_PARAMETERS", parameters);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("cannot run render")
}

const PARAMETERS: &str = r#"[
  {"name": "valueFiles", "array": ["values/common.yaml", "/testdata/charts/argocd-app/values/prod.yaml"]},
  {"name": "values", "string": "replicas: 3\nextra: inline\n"},
  {"name": "parameters", "map": {"image.tag": "2.0", "list": "{x,y}", "note": "a,b"}},
  {"name": "stringParameters", "map": {"port": "80"}}
]"#;

#[test]
fn generate_renders_as_argo_cds_helm_source() {
    let app = repo().join("testdata/charts/argocd-app");
    let o = generate(&app, PARAMETERS, &[]);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        helm("argocd-app__argocd")
    );
}

#[test]
fn generate_reads_the_environment_and_its_defaults() {
    let app = repo().join("testdata/charts/cli-flags");
    let app_env: &[(&str, &str)] = &[("ARGOCD_APP_SOURCE_PATH", "testdata/charts/cli-flags")];
    // The target cluster's version and API versions reach .Capabilities, CRDs are included.
    let o = generate(&app, "", app_env);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("---\n# Source: cli-flags/crds/widgets.yaml\n"),
        "{out}"
    );
    assert!(
        out.contains("name: app-settings\n  namespace: apps\n"),
        "{out}"
    );
    assert!(out.contains("kubeVersion: \"v1.30.2\""), "{out}");
    // Parameters win over the environment; `$ARGOCD_APP_*` is substituted.
    let params = r#"[{"name": "skipCrds", "string": "true"}, {"name": "releaseName", "string": "web"},
        {"name": "apiVersions", "array": ["example.com/v1"]},
        {"name": "parameters", "map": {"greeting": "rev-$ARGOCD_APP_REVISION-$HOME"}}]"#;
    let o = generate(&app, params, app_env);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("---\n# Source: cli-flags/templates/configmap.yaml\n"),
        "{out}"
    );
    assert!(out.contains("name: web-settings"), "{out}");
    assert!(out.contains("greeting: \"rev-abc123-\""), "{out}");
    assert!(out.contains("exampleApi: \"true\""), "{out}");
    // The same through the plugin's environment (`ARGOCD_ENV_*`).
    let env: Vec<(&str, &str)> = app_env
        .iter()
        .copied()
        .chain([
            ("ARGOCD_ENV_RELEASE_NAME", "envname"),
            ("ARGOCD_ENV_SKIP_TESTS", "true"),
        ])
        .collect();
    let o = generate(&app, "", &env);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("name: envname-settings"), "{out}");
    assert!(!out.contains("test-connection"), "{out}");
}

#[test]
fn generate_refuses_what_argo_cd_would_refuse() {
    let app = repo().join("testdata/charts/argocd-app");
    let escape = r#"[{"name": "valueFiles", "array": ["../../../../etc/passwd"]}]"#;
    let o = generate(&app, escape, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "Error: error resolving helm value files: file '../../../../etc/passwd' resolved to outside repository root\n"
    );
    let missing = r#"[{"name": "valueFiles", "array": ["values/nope.yaml"]}, {"name": "ignoreMissingValueFiles", "string": "true"}]"#;
    let o = generate(&app, missing, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = generate(&app, "{", &[]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn the_plugin_manifest_runs_generate() {
    let text =
        std::fs::read_to_string(repo().join("deploy/argocd/plugin.yaml")).unwrap_or_default();
    let doc = render_go::yaml::from_str(&text).unwrap_or_default();
    let spec = doc.get("spec").unwrap_or_default();
    let command = spec
        .get("generate")
        .and_then(|g| g.get("command"))
        .unwrap_or_default();
    let words: Vec<&str> = command
        .as_list()
        .unwrap_or_default()
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert_eq!(words, ["render", "argocd", "generate"]);
    let params = spec
        .get("parameters")
        .and_then(|p| p.get("static"))
        .unwrap_or_default();
    let names: Vec<String> = params
        .as_list()
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.get("name").and_then(|n| n.as_str().map(String::from)))
        .collect();
    for wanted in [
        "releaseName",
        "namespace",
        "kubeVersion",
        "apiVersions",
        "valueFiles",
        "ignoreMissingValueFiles",
        "values",
        "parameters",
        "stringParameters",
        "fileParameters",
        "skipCrds",
        "skipTests",
        "skipSchemaValidation",
    ] {
        assert!(
            names.iter().any(|n| n == wanted),
            "plugin.yaml lacks parameter {wanted}"
        );
    }
}
