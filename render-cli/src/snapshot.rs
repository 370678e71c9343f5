//! `render snapshot`: renders every entry of a `render.yaml` (see
//! `render_core::Environments`) and keeps what `render template` prints for each in
//! `snapshots/<name>.yaml` beside it. `--check` compares instead of writing (a unified diff
//! for each difference, exit status 1); `--update` rewrites only the snapshots that changed.
//! A snapshot is written whole or not at all (a temporary file renamed over it). Random
//! functions draw from a generator seeded with `--seed` (0) and `now` is `--now`
//! (2024-01-01T00:00:00Z), so that the same inputs give the same snapshot everywhere.

use crate::Context;
use render_core::Environments;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to do with the renders.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Update,
    Check,
}

/// Runs `render snapshot`; returns the exit status (1: a render failed, or `--check` found a
/// difference).
pub fn run(cx: &mut Context) -> Result<u8, String> {
    let p = &cx.parsed;
    let mode = match (p.bool_or("check", false), p.bool_or("update", false)) {
        (true, true) => return Err("--check and --update do not go together".into()),
        (true, false) => Mode::Check,
        (false, true) => Mode::Update,
        (false, false) => Mode::Write,
    };
    let file = PathBuf::from(p.text("file").unwrap_or("render.yaml"));
    let mut envs = Environments::load(&file).map_err(|e| e.to_string())?;
    // Random functions and `now` are seeded and fixed, so that snapshots do not churn.
    let fixed = crate::template::deterministic(
        p.text("seed").unwrap_or("0"),
        p.text("now").unwrap_or(crate::template::DEFAULT_NOW),
    )?;
    for entry in &mut envs.entries {
        entry.options.deterministic = Some(fixed);
    }
    let base = file.parent().unwrap_or(Path::new(""));
    let dir = base.join(p.text("dir").unwrap_or("snapshots"));
    let outputs = envs.render_all();
    let mut status = 0;
    for (entry, output) in envs.entries.iter().zip(outputs) {
        let path = dir.join(format!("{}.yaml", entry.name));
        let text = match output {
            Ok(text) => text,
            Err(e) => {
                let _ = writeln!(cx.err, "Error: {}: {e}", entry.name);
                status = 1;
                continue;
            }
        };
        let old = std::fs::read_to_string(&path).ok();
        let same = old.as_deref() == Some(text.as_str());
        match mode {
            Mode::Check if !same => {
                status = 1;
                let shown = path.display().to_string();
                let diff = similar::TextDiff::from_lines(old.as_deref().unwrap_or(""), &text);
                let unified = diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&shown, &format!("{shown} (rendered)"))
                    .to_string();
                cx.out
                    .write_all(unified.as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            Mode::Check | Mode::Update if same => {}
            _ => {
                write_whole(&path, &text)?;
                let verb = if old.is_some() { "updated" } else { "wrote" };
                let verb = if mode == Mode::Write { "wrote" } else { verb };
                writeln!(cx.out, "{verb} {}", path.display()).map_err(|e| e.to_string())?;
            }
        }
    }
    if mode == Mode::Check {
        for stale in stale_snapshots(&dir, &envs) {
            let _ = writeln!(
                cx.out,
                "{}: no render of that name in {}",
                stale.display(),
                file.display()
            );
            status = 1;
        }
    }
    Ok(status)
}

/// Writes `text` to `path` through a temporary file in the same directory, so that a
/// snapshot is never half-written.
fn write_whole(path: &Path, text: &str) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {}", path.display(), render_go::os::io_error(&e));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let temporary = path.with_extension("yaml.tmp");
    std::fs::write(&temporary, text).map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(fail)
}

/// The `*.yaml` files of the snapshot directory that no entry names.
fn stale_snapshots(dir: &Path, envs: &Environments) -> Vec<PathBuf> {
    let mut stale: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            !envs.entries.iter().any(|e| e.name == stem)
        })
        .collect();
    stale.sort();
    stale
}
