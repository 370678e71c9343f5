//! `helm dependency list` (`pkg/action/dependency.go`): a table of Chart.yaml's dependencies and
//! the state of each in `charts/` (`ok`, `missing`, `wrong version`, `unpacked`...), laid out as
//! gosuri/uitable lays it out, then warnings for what `charts/` holds that Chart.yaml does not
//! name.

use render_core::{Chart, Dependency};
use render_go::semver::{Constraints, Version};
use std::io::Write;
use std::path::Path;

/// Prints the table for the chart at `chart_path` (a directory or an archive).
pub fn list(chart_path: &Path, max_col_width: usize, out: &mut dyn Write) -> Result<(), String> {
    let loaded = render_core::load_chart(chart_path).map_err(|e| e.to_string())?;
    let chart = &loaded.chart;
    let charts_dir = chart_path.join("charts");
    if !declares_dependencies(chart_path, chart) {
        let _ = writeln!(out, "WARNING: no dependencies at {}", charts_dir.display());
        return Ok(());
    }
    let mut rows = vec![[
        "NAME".to_string(),
        "VERSION".to_string(),
        "REPOSITORY".to_string(),
        "STATUS".to_string(),
    ]];
    for d in &chart.metadata.dependencies {
        rows.push([
            d.name.clone(),
            d.version.clone(),
            d.repository.clone(),
            status(chart_path, d, chart),
        ]);
    }
    let _ = writeln!(out, "{}", table(&rows, max_col_width));
    let _ = writeln!(out);
    for path in glob_charts(&charts_dir) {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_dir() && path.extension().is_none_or(|e| e != "tgz") {
            continue;
        }
        let shown = render_go::strconv::quote(&path.display().to_string());
        match render_core::load_chart(&path) {
            Err(_) => {
                let _ = writeln!(out, "WARNING: {shown} is not a chart.");
            }
            Ok(c) => {
                let name = &c.chart.metadata.name;
                if !chart.metadata.dependencies.iter().any(|d| &d.name == name) {
                    let _ = writeln!(out, "WARNING: {shown} is not in Chart.yaml.");
                }
            }
        }
    }
    Ok(())
}

/// Whether Chart.yaml has a `dependencies` key (a loaded chart cannot tell an absent list
/// from an empty one).
fn declares_dependencies(chart_path: &Path, chart: &Chart) -> bool {
    if !chart.metadata.dependencies.is_empty() {
        return true;
    }
    if !chart_path.is_dir() {
        return false;
    }
    std::fs::read(chart_path.join("Chart.yaml"))
        .ok()
        .and_then(|d| render_go::yaml::from_str(&render_go::value::rawbytes::encode(&d)).ok())
        .and_then(|doc| doc.as_map().map(|m| m.entries()))
        .is_some_and(|e| {
            e.iter()
                .any(|(k, v)| k.eq_ignore_ascii_case("dependencies") && !v.is_nil())
        })
}

/// The entries of `dir`, sorted (Go's `filepath.Glob("charts/*")`).
fn glob_charts(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

/// `dependencyStatus`.
fn status(chart_path: &Path, d: &Dependency, parent: &Chart) -> String {
    let prefix = format!("{}-", d.name);
    let archives: Vec<_> = glob_charts(&chart_path.join("charts"))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".tgz"))
        })
        .collect();
    let archive = match archives.len() {
        0 => None,
        1 => archives.first().cloned(),
        _ => {
            let found: Vec<_> = archives
                .iter()
                .filter(|a| {
                    let stem = a.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                    let version = stem.strip_prefix(&prefix).unwrap_or(stem);
                    strict_version(version)
                })
                .collect();
            match found.len() {
                1 => found.first().map(|p| (*p).clone()),
                0 => None,
                _ => return "too many matches".into(),
            }
        }
    };
    if let Some(a) = archive {
        return match render_core::load_chart(&a) {
            Err(_) => "corrupt".into(),
            Ok(c) if c.chart.metadata.name != d.name => "misnamed".into(),
            Ok(c) => {
                version_status(&c.chart.metadata.version, &d.version).unwrap_or_else(|| "ok".into())
            }
        };
    }
    let sub = parent
        .dependencies
        .iter()
        .rfind(|c| c.metadata.name == d.name);
    match sub {
        None => "missing".into(),
        Some(c) => {
            version_status(&c.metadata.version, &d.version).unwrap_or_else(|| "unpacked".into())
        }
    }
}

/// `invalid version` or `wrong version` when `have` does not satisfy `want`.
fn version_status(have: &str, want: &str) -> Option<String> {
    if have == want {
        return None;
    }
    let Ok(c) = Constraints::parse(want) else {
        return Some("invalid version".into());
    };
    let Ok(v) = Version::parse(have) else {
        return Some("invalid version".into());
    };
    (!c.check(&v)).then(|| "wrong version".into())
}

/// Masterminds' `StrictNewVersion` accepts it.
fn strict_version(s: &str) -> bool {
    let core = s.split(['-', '+']).next().unwrap_or(s);
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
        && Version::parse(s).is_ok()
}

/// gosuri/uitable: cells separated by a tab, each padded to its column's width (at most
/// `max` columns; longer cells end in `...`).
fn table(rows: &[[String; 4]], max: usize) -> String {
    let width = |s: &str| s.chars().count();
    let cut = |s: &str| -> String {
        if width(s) <= max {
            s.to_string()
        } else {
            let keep = max.saturating_sub(3);
            format!("{}...", s.chars().take(keep).collect::<String>())
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths = [0usize; 4];
    for r in &cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    cells
        .iter()
        .map(|r| {
            r.iter()
                .zip(widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(width(c)))))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
