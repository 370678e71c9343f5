//! YAML benchmarks: parsing (`sigs.k8s.io/yaml.Unmarshal`), emitting (`toYaml`,
//! `toYamlPretty`) and reading manifest heads (Helm's sort step), over real chart files from
//! the corpus (kube-prometheus-stack's CRDs, values files and rendered output) when it exists,
//! and over a synthetic document otherwise.

#![allow(missing_docs)] // criterion_group!/criterion_main! generate undocumented items

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use render_go::value::Value;
use std::time::Duration;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A values-like document of about `n` top-level sections.
fn synthetic(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "section{i}:\n  enabled: true\n  replicas: {i}\n  image:\n    repository: registry.example.com/app/{i}\n    tag: \"v1.{i}.0\"\n  # a comment\n  args:\n    - --flag={i}\n    - --other\n  description: >-\n    folded text that goes\n    on for two lines\n  script: |\n    #!/bin/sh\n    echo {i}\n  labels: {{a: b, c: '{i}'}}\n"
        ));
    }
    s
}

/// The documents the YAML benchmarks read: (name, text).
fn inputs() -> Vec<(String, String)> {
    let Some(chart) = render_bench_corpus() else {
        return vec![("synthetic".into(), synthetic(2000))];
    };
    let crds = render_benches::yaml_files(&chart.join("charts/crds/crds"))
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n---\n");
    let values = std::fs::read_to_string(chart.join("values.yaml")).unwrap_or_default();
    vec![("kps-crds".into(), crds), ("kps-values".into(), values)]
}

fn render_bench_corpus() -> Option<std::path::PathBuf> {
    render_benches::corpus_chart("kube-prometheus-stack")
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("yaml-parse");
    for (name, text) in inputs() {
        // Each `---` piece on its own, as Helm reads values and manifests.
        let docs = render_go::yaml::split_documents(&text).unwrap_or_default();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(&name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| render_go::yaml::from_str(black_box(d)).is_ok() as usize)
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

fn emit(c: &mut Criterion) {
    let mut g = c.benchmark_group("yaml-emit");
    for (name, text) in inputs() {
        let docs = render_go::yaml::split_documents(&text).unwrap_or_default();
        let values: Vec<Value> = docs
            .iter()
            .filter_map(|d| render_go::yaml::from_str(d).ok())
            .collect();
        let bytes: usize = values
            .iter()
            .filter_map(|v| render_go::yaml::to_yaml(v).ok())
            .map(|s| s.len())
            .sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("toYaml/{name}"), |b| {
            b.iter(|| {
                values
                    .iter()
                    .filter_map(|v| render_go::yaml::to_yaml(black_box(v)).ok())
                    .map(|s| s.len())
                    .sum::<usize>()
            })
        });
        g.bench_function(format!("toYamlPretty/{name}"), |b| {
            b.iter(|| {
                values
                    .iter()
                    .filter_map(|v| render_go::yaml::to_yaml_pretty(black_box(v)).ok())
                    .map(|s| s.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

fn heads(c: &mut Criterion) {
    let Some(corpus) = render_benches::corpus() else {
        return;
    };
    let mut g = c.benchmark_group("manifest");
    // kube-prometheus-stack: many small documents; argo-cd: most of its bytes in two CRDs.
    for chart in ["kube-prometheus-stack", "argo-cd"] {
        let Ok(text) = std::fs::read_to_string(corpus.join(chart).join("expected/default.yaml"))
        else {
            continue;
        };
        let docs = render_core::manifest::split_manifests(&text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("heads/{chart}-default"), |b| {
            b.iter(|| {
                docs.iter()
                    .filter_map(|d| render_core::manifest::parse_head(black_box(d)).ok())
                    .map(|h| h.kind.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, emit, heads
}
criterion_main!(benches);
