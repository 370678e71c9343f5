//! `render check` over the wrapper layouts of real charts (../shared/corpus): values nested
//! once where the upstream chart reads them nested twice are reported, with the path the
//! chart reads, and the cases whose values are all read report nothing. That the reported
//! values change nothing Helm prints is proven by testdata/check/verify.py with real Helm.

#![allow(
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

use render_core::{CheckOptions, RenderOptions, check};
use std::path::PathBuf;

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(name)
}

/// The findings of a corpus case, as `render check` prints them (file names relative).
fn findings(chart: &str, release: &str, namespace: &str, files: &[&str]) -> Vec<String> {
    let dir = corpus(chart);
    let mut opts = RenderOptions::new(dir.join("chart"));
    opts.release_name = release.into();
    opts.namespace = namespace.into();
    opts.values.value_files = files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    let prefix = format!("{}/", dir.display());
    match check(&opts, &CheckOptions::default()) {
        Ok(checked) => checked
            .findings
            .iter()
            .map(|f| f.to_string().replace(&prefix, ""))
            .collect(),
        Err(e) => panic!("{chart}: {e}"),
    }
}

#[test]
fn ollama_wrong_nesting_is_reported_with_the_double_nesting() {
    assert_eq!(
        findings(
            "ollama-wrapper",
            "ollama",
            "ai",
            &["values/wrong-nesting.yaml"]
        ),
        [
            "values/wrong-nesting.yaml:5:3: ollama.gpu: no template reads this value; did you mean ollama.ollama.gpu?",
            "values/wrong-nesting.yaml:9:3: ollama.models: no template reads this value; did you mean ollama.ollama.models?",
        ]
    );
    assert!(findings("ollama-wrapper", "ollama", "ai", &[]).is_empty());
    assert!(findings("ollama-wrapper", "ollama", "ai", &["values/cpu-only.yaml"]).is_empty());
}

#[test]
fn librechat_wrong_nesting_is_reported_with_the_double_nesting() {
    assert_eq!(
        findings(
            "librechat-wrapper",
            "chat",
            "librechat",
            &["values/wrong-nesting.yaml"]
        ),
        [
            "values/wrong-nesting.yaml:4:3: librechat.configEnv: no template reads this value; did you mean librechat.librechat.configEnv?",
            "values/wrong-nesting.yaml:6:1: mongodb: no template reads this value; did you mean librechat.mongodb?",
        ]
    );
    assert!(
        findings(
            "librechat-wrapper",
            "chat",
            "librechat",
            &["values/rag-redis.yaml"]
        )
        .is_empty()
    );
}
