//! Benchmarks live in `benches/`; this library holds what they share: finding the
//! conformance corpus beside the repository (`../shared/corpus`), which the chart-sized
//! benchmarks use when it exists and skip otherwise.
#![allow(missing_docs)] // criterion_group!/criterion_main! generate undocumented items

use std::path::PathBuf;

/// The corpus directory (`<repo>/../shared/corpus`), if it exists.
pub fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// A corpus case's chart directory (`<corpus>/<case>/chart`), if the corpus has it.
pub fn corpus_chart(case: &str) -> Option<PathBuf> {
    let dir = corpus()?.join(case).join("chart");
    dir.is_dir().then_some(dir)
}

/// Every `.yaml` file under `dir` (recursively), sorted by path.
pub fn yaml_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
