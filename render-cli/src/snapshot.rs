//! `render snapshot`: renders every entry of a `render.yaml` (see
//! `render_core::Environments`) and keeps what `render template` prints for each in
//! `snapshots/<name>.yaml` beside it, or with `--split` one file per resource in
//! `snapshots/<name>/<kind>-<namespace>-<name>.yaml`. `--check` compares instead of writing
//! (a unified diff for each difference, exit status 1); `--update` rewrites only the
//! snapshots that changed. A file is written whole or not at all (a temporary file renamed
//! over it); the files of an entry's other form, and split files of resources no longer
//! rendered, are removed (a `--check` reports them). Random functions draw from a generator
//! seeded with `--seed` (0) and `now` is `--now` (2024-01-01T00:00:00Z), so that the same
//! inputs give the same snapshot everywhere.

use crate::Context;
use crate::pflag::Parsed;
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

/// The environments file of `--file`, ready to render.
pub fn environments(cx: &mut Context) -> Result<Environments, String> {
    let file = PathBuf::from(cx.parsed.text("file").unwrap_or("render.yaml"));
    load(cx, &file)
}

/// The environments file at `file`: its renders seeded by `--seed` and `--now`, their charts
/// in repositories downloaded.
pub fn load(cx: &mut Context, file: &Path) -> Result<Environments, String> {
    let mut envs = Environments::load(file).map_err(|e| e.to_string())?;
    seed(&mut envs, &cx.parsed)?;
    crate::remote::fetch_charts(cx, &mut envs)?;
    Ok(envs)
}

/// Seeds the random functions and fixes `now` in every render, so that snapshots do not
/// churn.
fn seed(envs: &mut Environments, p: &Parsed) -> Result<(), String> {
    let fixed = crate::template::deterministic(
        p.text("seed").unwrap_or("0"),
        p.text("now").unwrap_or(crate::template::DEFAULT_NOW),
    )?;
    for entry in &mut envs.entries {
        entry.options.deterministic = Some(fixed);
    }
    Ok(())
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
    let split = p.bool_or("split", false);
    let dir = PathBuf::from(p.text("dir").unwrap_or("snapshots"));
    let envs = environments(cx)?;
    let dir = envs.file.parent().unwrap_or(Path::new("")).join(dir);
    let outputs = render_with_progress(&envs);
    let mut status = 0;
    for (entry, output) in envs.entries.iter().zip(outputs) {
        let text = match output {
            Ok(text) => text,
            Err(e) => {
                let _ = writeln!(cx.err, "Error: {}: {e}", entry.name);
                status = 1;
                continue;
            }
        };
        let files = if split {
            split_files(&dir.join(&entry.name), &text)
        } else {
            vec![(dir.join(format!("{}.yaml", entry.name)), text)]
        };
        for (path, text) in &files {
            let old = std::fs::read_to_string(path).ok();
            let same = old.as_deref() == Some(text.as_str());
            match mode {
                Mode::Check if !same => {
                    status = 1;
                    let shown = path.display().to_string();
                    let diff = similar::TextDiff::from_lines(old.as_deref().unwrap_or(""), text);
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
                    write_whole(path, text)?;
                    let verb = if old.is_some() { "updated" } else { "wrote" };
                    let verb = if mode == Mode::Write { "wrote" } else { verb };
                    writeln!(cx.out, "{verb} {}", path.display()).map_err(|e| e.to_string())?;
                }
            }
        }
        for leftover in leftovers(&dir, &entry.name, &files) {
            if mode == Mode::Check {
                status = 1;
                let _ = writeln!(cx.out, "{}: no longer rendered", leftover.display());
            } else {
                std::fs::remove_file(&leftover)
                    .map_err(|e| format!("{}: {}", leftover.display(), e))?;
                writeln!(cx.out, "removed {}", leftover.display()).map_err(|e| e.to_string())?;
            }
        }
    }
    if mode == Mode::Check {
        for stale in stale_snapshots(&dir, &envs) {
            let _ = writeln!(
                cx.out,
                "{}: no render of that name in {}",
                stale.display(),
                envs.file.display()
            );
            status = 1;
        }
    }
    Ok(status)
}

/// Renders every entry, with a progress line on stderr when it is a terminal.
fn render_with_progress(envs: &Environments) -> Vec<render_core::Result<String>> {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(envs.entries.len() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template("rendering {pos}/{len} {wide_bar}") {
        bar.set_style(style);
    }
    let outputs = envs.render_all_before_exit(&|_| bar.inc(1));
    bar.finish_and_clear();
    outputs
}

/// A render as one file per resource in `dir`: `<kind>-<namespace>-<name>.yaml` (lower case;
/// without the namespace when it names none; `document-N.yaml` for a document that is not a
/// resource), each holding the document as printed (from its `---` line). Names that would repeat get `-2`, `-3`...
fn split_files(dir: &Path, text: &str) -> Vec<(PathBuf, String)> {
    let mut used = std::collections::HashSet::new();
    let mut files = Vec::new();
    for (position, (id, doc)) in render_core::resource_documents(text)
        .into_iter()
        .enumerate()
    {
        let stem = if id.kind.is_empty() {
            format!("document-{}", position + 1)
        } else {
            [
                id.kind.to_lowercase(),
                id.namespace.clone(),
                id.name.clone(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-")
        };
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut name = format!("{stem}.yaml");
        let mut n = 1;
        while !used.insert(name.clone()) {
            n += 1;
            name = format!("{stem}-{n}.yaml");
        }
        files.push((dir.join(name), doc.to_string()));
    }
    files
}

/// An entry's files that its snapshot no longer has: its other form (`<name>.yaml` when
/// split, `<name>/` when not) and, when split, files of resources no longer rendered.
fn leftovers(dir: &Path, name: &str, files: &[(PathBuf, String)]) -> Vec<PathBuf> {
    let whole = dir.join(format!("{name}.yaml"));
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join(name))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .chain(std::iter::once(whole).filter(|w| w.is_file()))
        .filter(|p| !files.iter().any(|(f, _)| f == p))
        .collect();
    found.sort();
    found
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

/// The `*.yaml` files and the directories of the snapshot directory that no entry names.
fn stale_snapshots(dir: &Path, envs: &Environments) -> Vec<PathBuf> {
    let mut stale: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = if p.is_dir() {
                p.file_name()
            } else if p.extension().is_some_and(|x| x == "yaml") {
                p.file_stem()
            } else {
                None
            };
            name.and_then(|s| s.to_str())
                .is_some_and(|name| !envs.entries.iter().any(|e| e.name == name))
        })
        .collect();
    stale.sort();
    stale
}
