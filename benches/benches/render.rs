//! Whole-chart benchmarks over the corpus's kube-prometheus-stack (skipped when
//! `../shared/corpus` is absent), phase by phase: loading the chart directory, parsing its
//! templates, sorting the rendered manifests (parsing every document's head), a render of a
//! chart already loaded and parsed (values and execution), and a full `render_core::render`
//! as `render template kps ./chart -n monitoring -f values/base.yaml` does it, and `render check` (the same render,
//! recording what templates read, and the analysis); and ten environments (ten `--set`
//! variations) rendered one by one with `render` against one `LoadedChart` rendering them all.

#![allow(missing_docs)] // criterion_group!/criterion_main! generate undocumented items

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use render_core::{RenderOptions, render};
use std::time::Duration;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn options() -> Option<RenderOptions> {
    let chart = render_benches::corpus_chart("kube-prometheus-stack")?;
    let mut opts = RenderOptions::new(&chart);
    opts.release_name = "kps".into();
    opts.namespace = "monitoring".into();
    let base = chart.join("../values/base.yaml");
    opts.values.value_files = vec![base.display().to_string()];
    Some(opts)
}

fn bench(c: &mut Criterion) {
    let Some(opts) = options() else {
        eprintln!("render benchmarks skipped: ../shared/corpus not found");
        return;
    };
    let mut g = c.benchmark_group("kps");
    g.bench_function("load-chart", |b| {
        b.iter(|| {
            render_core::chart::loader::load(black_box(&opts.chart))
                .map(|l| l.chart.templates.len())
        })
    });
    // Lexing and parsing every template file of the chart and its subcharts.
    if let Ok(loaded) = render_core::chart::loader::load(&opts.chart) {
        let mut texts = Vec::new();
        let mut charts = vec![&loaded.chart];
        while let Some(chart) = charts.pop() {
            for t in &chart.templates {
                texts.push((
                    t.name.clone(),
                    String::from_utf8_lossy(&t.data).into_owned(),
                ));
            }
            charts.extend(&chart.dependencies);
        }
        // Lexing alone: the items the parser reads.
        g.bench_function("lex-templates", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|(_, text)| {
                        let mut lexer = render_core::template::lex::Lexer::new(black_box(text));
                        std::iter::from_fn(|| {
                            let item = lexer.next_item();
                            use render_core::template::lex::ItemType::{Eof, Error};
                            (!matches!(item.typ, Eof | Error)).then_some(())
                        })
                        .count()
                    })
                    .sum::<usize>()
            })
        });
        let funcs = render_core::funcs::helm_funcs();
        g.bench_function("parse-templates", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|(name, text)| {
                        render_core::template::parse::parse(name, black_box(text), funcs)
                            .map_or(0, |trees| trees.len())
                    })
                    .sum::<usize>()
            })
        });
    }
    let Ok(rendered) = render(&opts) else {
        eprintln!("render benchmarks skipped: kube-prometheus-stack does not render");
        return;
    };
    g.bench_function("sort-manifests", |b| {
        b.iter(|| {
            render_core::manifest::sort_manifests(
                rendered
                    .templates
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str())),
                render_core::manifest::parse_head,
            )
            .map(|s| s.manifests.len())
        })
    });
    g.bench_function("render", |b| {
        b.iter(|| render(black_box(&opts)).map(|r| r.manifests.len()))
    });
    // What a render costs once the chart is loaded and its templates parsed: values,
    // execution, manifest sorting.
    if let Ok(chart) = render_core::LoadedChart::load(&opts.chart)
        && chart.render(&opts).is_ok()
    {
        g.bench_function("render-loaded", |b| {
            b.iter(|| chart.render(black_box(&opts)).map(|r| r.manifests.len()))
        });
    }
    // The same render recording what the templates read, and the analysis of `render check`
    // (what recording costs; `render` above records nothing).
    g.bench_function("check", |b| {
        let options = render_core::CheckOptions::default();
        b.iter(|| render_core::check(black_box(&opts), &options).map(|c| c.findings.len()))
    });
    let environments: Vec<RenderOptions> = (0..10)
        .map(|i| {
            let mut env = opts.clone();
            env.namespace = format!("env-{i}");
            env.values.values.push(format!("commonLabels.env=env-{i}"));
            env
        })
        .collect();
    g.bench_function("10-environments-render-each", |b| {
        b.iter(|| {
            environments
                .iter()
                .map(|env| render(black_box(env)).map(|r| r.manifests.len()))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("10-environments-loaded-once", |b| {
        b.iter(|| {
            let chart = render_core::LoadedChart::load(&opts.chart)?;
            environments
                .iter()
                .map(|env| chart.render(black_box(env)).map(|r| r.manifests.len()))
                .collect::<render_core::Result<Vec<_>>>()
        })
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench
}
criterion_main!(benches);
