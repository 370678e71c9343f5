//! `render diff`: what changes, resource by resource, between two renders: two renders of
//! `render.yaml` by name, two rendered files (snapshots; a `--split` snapshot directory reads
//! as its files in order), or, with `--from REV`, each render of `render.yaml` at a git
//! revision against the working tree. The comparison is `render_core::diff_renders`'s; the
//! output is a unified diff with one file per resource (`a/<kind>/<namespace>/<name>`), so
//! that diff viewers and `git apply --stat` read it, or JSON for bots. Exit status 0 when the
//! renders are the same, 1 when they differ, 2 when one cannot be rendered or read.

use crate::Context;
use crate::snapshot::environments;
use render_core::{Environments, ResourceChange, diff_renders};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The differences of one pair of renders.
struct Compared {
    /// The `render.yaml` entry compared with its older self (`--from`).
    render: Option<String>,
    changes: Vec<ResourceChange>,
}

/// Runs `render diff`; returns the exit status (0: no difference, 1: differences).
pub fn run(cx: &mut Context) -> Result<u8, String> {
    let p = &cx.parsed;
    let json = match p.text("format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => return Err(format!("invalid format {other:?}: use text or json")),
    };
    let ignore = p.list("ignore").to_vec();
    let from = p.text("from").map(str::to_string);
    let args = p.args.clone();
    let compared = match from {
        Some(rev) => against_revision(cx, &rev, &ignore)?,
        None => {
            let [a, b] = args.as_slice() else {
                return Err(format!(
                    "accepts 2 arguments (renders of render.yaml or rendered files) without --from, received {}",
                    args.len()
                ));
            };
            let (a, b) = two_sides(cx, a, b)?;
            vec![Compared {
                render: None,
                changes: diff_renders(&a, &b, &ignore),
            }]
        }
    };
    let text = if json {
        as_json(&compared)?
    } else {
        compared.iter().map(as_text).collect()
    };
    cx.out
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())?;
    let changes: Vec<&ResourceChange> = compared.iter().flat_map(|c| &c.changes).collect();
    if changes.is_empty() {
        return Ok(0);
    }
    let count = |what: &str| changes.iter().filter(|c| c.change() == what).count();
    let _ = writeln!(
        cx.err,
        "{} resources differ: {} added, {} removed, {} changed",
        changes.len(),
        count("added"),
        count("removed"),
        count("changed")
    );
    Ok(1)
}

/// The two renders named by the arguments: each a file or directory of rendered YAML, or
/// else a render of the environments file.
fn two_sides(cx: &mut Context, a: &str, b: &str) -> Result<(String, String), String> {
    let is_file = |s: &str| Path::new(s).exists();
    let names: Vec<&str> = [a, b].into_iter().filter(|s| !is_file(s)).collect();
    let mut rendered = if names.is_empty() {
        Vec::new()
    } else {
        let envs = environments(cx)?;
        render_named(&envs, &names, "")?
    }
    .into_iter();
    let mut side = |s: &str| {
        if is_file(s) {
            read_rendered(Path::new(s))
        } else {
            rendered.next().ok_or_else(|| format!("{s}: not rendered"))
        }
    };
    Ok((side(a)?, side(b)?))
}

/// Every render of the environments file (or those named) at `rev` against the working tree.
fn against_revision(
    cx: &mut Context,
    rev: &str,
    ignore: &[String],
) -> Result<Vec<Compared>, String> {
    let new = environments(cx)?;
    let file =
        std::fs::canonicalize(&new.file).map_err(|e| format!("{}: {e}", new.file.display()))?;
    let top = crate::git::toplevel(file.parent().unwrap_or(Path::new(".")))?;
    let top = std::fs::canonicalize(&top).map_err(|e| format!("{}: {e}", top.display()))?;
    let relative = file.strip_prefix(&top).map_err(|_| {
        format!(
            "{}: outside the git work tree {}",
            file.display(),
            top.display()
        )
    })?;
    let tree = crate::git::tree_at(&top, rev)?;
    let old_file = tree.root.join(relative);
    // A file the revision does not have yet: everything it renders now is added.
    let old = if old_file.exists() {
        Some(crate::snapshot::load(cx, &old_file)?)
    } else {
        None
    };
    let mut names: Vec<String> = cx.parsed.args.clone();
    if names.is_empty() {
        names = new.entries.iter().map(|e| e.name.clone()).collect();
        for e in old.iter().flat_map(|o| &o.entries) {
            if !names.contains(&e.name) {
                names.push(e.name.clone());
            }
        }
    }
    let has = |envs: &Environments, name: &str| envs.entries.iter().any(|e| e.name == name);
    for name in &names {
        if !has(&new, name) && !old.as_ref().is_some_and(|o| has(o, name)) {
            return Err(format!(
                "{name}: no render of that name in {}",
                new.file.display()
            ));
        }
    }
    // Each side renders what it has, all in one go.
    let side = |envs: Option<&Environments>, label: &str| -> Result<Vec<String>, String> {
        let Some(envs) = envs else {
            return Ok(vec![String::new(); names.len()]);
        };
        let present: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| has(envs, n))
            .collect();
        let mut rendered = render_named(envs, &present, label)?.into_iter();
        Ok(names
            .iter()
            .map(|n| {
                if has(envs, n) {
                    rendered.next().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .collect())
    };
    let before = side(old.as_ref(), &format!(" at {rev}"))?;
    let after = side(Some(&new), "")?;
    drop(tree);
    Ok(names
        .into_iter()
        .zip(before.iter().zip(&after))
        .map(|(name, (a, b))| Compared {
            render: Some(name),
            changes: diff_renders(a, b, ignore),
        })
        .collect())
}

/// What `render template` prints for the named entries, in that order; a failed render is
/// an error naming the entry (and `label`: which side).
fn render_named(envs: &Environments, names: &[&str], label: &str) -> Result<Vec<String>, String> {
    let mut chosen = Vec::new();
    for name in names {
        let entry = envs
            .entries
            .iter()
            .find(|e| e.name == *name)
            .ok_or_else(|| {
                format!(
                    "{name}: neither a file nor a render of {}",
                    envs.file.display()
                )
            })?;
        chosen.push(entry.clone());
    }
    let subset = Environments {
        file: envs.file.clone(),
        entries: chosen,
    };
    subset
        .render_all_before_exit(&|_| {})
        .into_iter()
        .zip(names)
        .map(|(r, name)| r.map_err(|e| format!("{name}{label}: {e}")))
        .collect()
}

/// A rendered file, or a `--split` snapshot directory: its `*.yaml` files in name order.
fn read_rendered(path: &Path) -> Result<String, String> {
    let fail =
        |p: &Path, e: std::io::Error| format!("{}: {}", p.display(), render_go::os::io_error(&e));
    if !path.is_dir() {
        return std::fs::read_to_string(path).map_err(|e| fail(path, e));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| fail(path, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let mut all = String::new();
    for file in files {
        all.push_str(&std::fs::read_to_string(&file).map_err(|e| fail(&file, e))?);
    }
    Ok(all)
}

/// A change's name in the diff: `[render/]kind/[namespace/]name`.
fn label(render: Option<&str>, c: &ResourceChange) -> String {
    [
        render,
        Some(c.id.kind.as_str()),
        Some(c.id.namespace.as_str()),
        Some(c.id.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join("/")
}

/// The hunks of a change's unified diff (three lines of context).
fn hunks(c: &ResourceChange) -> String {
    let old = c.old.as_deref().unwrap_or("");
    let new = c.new.as_deref().unwrap_or("");
    let diff = similar::TextDiff::from_lines(old, new);
    let mut unified = diff.unified_diff();
    unified.context_radius(3);
    unified.iter_hunks().map(|h| h.to_string()).collect()
}

/// A comparison as a unified diff, one file per resource.
fn as_text(compared: &Compared) -> String {
    let mut out = String::new();
    for c in &compared.changes {
        let name = label(compared.render.as_deref(), c);
        let from = c
            .old
            .as_ref()
            .map_or("/dev/null".into(), |_| format!("a/{name}"));
        let to = c
            .new
            .as_ref()
            .map_or("/dev/null".into(), |_| format!("b/{name}"));
        out.push_str(&format!("--- {from}\n+++ {to}\n{}", hunks(c)));
    }
    out
}

/// Every change as `{render, change, kind, namespace, name, diff}`.
fn as_json(compared: &[Compared]) -> Result<String, String> {
    let items: Vec<serde_json::Value> = compared
        .iter()
        .flat_map(|cmp| {
            cmp.changes.iter().map(move |c| {
                serde_json::json!({
                    "render": cmp.render,
                    "change": c.change(),
                    "kind": c.id.kind,
                    "namespace": c.id.namespace,
                    "name": c.id.name,
                    "diff": hunks(c),
                })
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}
