//! `render template`: Helm's `template` command (`pkg/cmd/template.go` and the install
//! action it drives in client mode), from parsed flags to the printed manifests, in Helm's
//! order of checks: the dry-run strategy, name and chart, values, chart, labels, render.

use crate::Context;
use crate::pflag::Value;
use render_core::KubeVersion;
use render_core::{
    CheckOptions, Deterministic, ErrorKind, Finding, Hooks, Origin, RenderOptions, check, render,
};
use render_go::os::io_error;
use render_go::value::rawbytes;
use std::io::Write;
use std::path::Path;

/// Release labels Helm reserves (`--labels` may not set them).
const SYSTEM_LABELS: [&str; 6] = [
    "name",
    "owner",
    "status",
    "version",
    "createdAt",
    "modifiedAt",
];

/// What [`run`] does with the render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `render template`: print it.
    Template,
    /// `render check`: print the values it did not read.
    Check,
}

/// Runs `render template` or `render check` with the parsed command line; returns the exit
/// status (`check`: 1 when a value is unread).
pub fn run(cx: &mut Context, mode: Mode) -> Result<u8, String> {
    let p = &cx.parsed;
    if let Some(v) = p.text("kube-version").filter(|v| !v.is_empty()) {
        KubeVersion::parse(v).map_err(|e| format!("invalid kube version '{v}': {e}"))?;
    }
    registry_tls_files(p).map_err(|e| format!("missing registry client: {e}"))?;
    dry_run_strategy(p.text("dry-run"), cx.err)?;
    let debug = cx.debug();
    let version = p.text("version").unwrap_or_default();
    if debug {
        let _ = writeln!(
            cx.err,
            "{}",
            debug_record("Original chart version", &[("version", version)])
        );
        if version.is_empty() && p.bool_or("devel", false) {
            let _ = writeln!(
                cx.err,
                "{}",
                debug_record("setting version to >0.0.0-0", &[])
            );
        }
    }
    let (name, chart) = name_and_chart(
        &p.args,
        p.bool_or("generate-name", false),
        p.text("name-template"),
    )?;
    let chart_path = crate::remote::locate(cx, &chart)?;
    if debug {
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = crate::env::join(&cwd.to_string_lossy(), &chart_path.to_string_lossy());
        let _ = writeln!(cx.err, "{}", debug_record("Chart path", &[("path", &abs)]));
    }
    let p = &cx.parsed;
    let mut options = RenderOptions::new(chart_path.clone());
    options.release_name = name;
    options.namespace = cx.namespace();
    options.is_upgrade = p.bool_or("is-upgrade", false);
    options.kube_version = p.text("kube-version").map(String::from);
    options.api_versions = p.list("api-versions").to_vec();
    options.include_crds = p.bool_or("include-crds", false);
    options.skip_schema_validation = p.bool_or("skip-schema-validation", false);
    if p.text("seed").is_some() || p.text("now").is_some() {
        options.deterministic = Some(deterministic(
            p.text("seed").unwrap_or("0"),
            p.text("now").unwrap_or(DEFAULT_NOW),
        )?);
    }
    let v = &mut options.values;
    v.value_files = p.list("values").to_vec();
    v.values = p.list("set").to_vec();
    v.string_values = p.list("set-string").to_vec();
    v.file_values = p.list("set-file").to_vec();
    v.json_values = p.list("set-json").to_vec();
    v.literal_values = p.list("set-literal").to_vec();

    let labels_error = match p.get("labels") {
        Some(Value::Map(labels)) if labels.keys().any(|k| SYSTEM_LABELS.contains(&k.as_str())) => {
            Some(format!(
                "user supplied labels contains system reserved label name. System labels: [{}]",
                SYSTEM_LABELS.join(" ")
            ))
        }
        _ => None,
    };
    let find_unread = mode == Mode::Check || p.bool_or("warn-unused-values", false);
    let check_options = check_options(p)?;
    let mut findings = Vec::new();
    let mut render_it = |options: &RenderOptions| {
        if !find_unread {
            return render(options);
        }
        let checked = check(options, &check_options)?;
        findings = checked.findings;
        Ok(checked.rendered)
    };
    let mut result = render_it(&options);
    if let Err(e) = &result
        && p.bool_or("dependency-update", false)
        && e.to_string().contains("but missing in charts/ directory")
        && chart_path.is_dir()
    {
        // Helm downloads what is missing (its messages before the manifests), then renders.
        let settings = crate::remote::settings(cx);
        let outcome = render_repo::update_logged(&chart_path, &settings, cx.out);
        for w in &outcome.warnings {
            crate::print_warning(cx.err, w);
        }
        outcome.result?;
        result = render_it(&options);
    }
    let p = &cx.parsed;
    let rendered = match result {
        Ok(r) => r,
        Err(e) => {
            let after_release = matches!(
                e.kind(),
                ErrorKind::Parse | ErrorKind::Exec | ErrorKind::ManifestYaml
            );
            // Helm checks the labels once values are valid, before rendering.
            if let (true, Some(l)) = (after_release, labels_error) {
                return Err(l);
            }
            if after_release && debug {
                // Helm prints what it had of the release manifest, then the error.
                let partial = e.partial_output().unwrap_or("");
                // Go's bytes: a non-UTF-8 template output is printed as it was.
                cx.out
                    .write_all(&rawbytes::decode(partial.trim()))
                    .map_err(io)?;
                cx.out.write_all(b"\n").map_err(io)?;
                return Err(e.to_string());
            }
            if after_release {
                return Err(format!(
                    "{e}\n\nUse --debug flag to render out invalid YAML"
                ));
            }
            return Err(e.to_string());
        }
    };
    if let Some(l) = labels_error {
        return Err(l);
    }
    for w in &rendered.warnings {
        crate::print_warning(cx.err, w);
    }
    if mode == Mode::Check {
        return print_findings(cx, &findings);
    }
    for f in &findings {
        let _ = writeln!(cx.err, "WARNING: {f}");
    }
    let hooks = if p.bool_or("no-hooks", false) {
        Hooks::None
    } else if p.bool_or("skip-tests", false) {
        Hooks::SkipTests
    } else {
        Hooks::All
    };
    let show_only = p.list("show-only");
    let text = match p.text("output-dir").filter(|d| !d.is_empty()) {
        Some(dir) => {
            let release_dir = p
                .bool_or("release-name", false)
                .then_some(options.release_name.as_str());
            let out = &mut cx.out;
            rendered
                .write_to_dir(Path::new(dir), release_dir, hooks, &mut |path| {
                    writeln!(out, "wrote {}", path.display())
                })
                .map_err(|e| e.to_string())?;
            "\n".to_string()
        }
        None if show_only.is_empty() => {
            rendered.write_helm_output(hooks, &mut cx.out).map_err(io)?;
            // `render` exits after printing: its memory goes back whole, without freeing
            // the parse trees and values one by one (a tenth of a large chart's render).
            std::mem::forget(rendered);
            return Ok(0);
        }
        None => rendered.helm_output(hooks),
    };
    let text = if show_only.is_empty() {
        text
    } else {
        render_core::show_only(&text, show_only).map_err(|e| e.to_string())?
    };
    cx.out.write_all(text.as_bytes()).map_err(io)?;
    // `render` exits after printing: its memory goes back whole, without freeing the parse
    // trees and values one by one (a tenth of a large chart's render).
    std::mem::forget(rendered);
    std::mem::forget(text);
    Ok(0)
}

/// The instant `now` returns in a deterministic render unless told otherwise.
pub const DEFAULT_NOW: &str = "2024-01-01T00:00:00Z";

/// `--seed` and `--now` as a deterministic render's setting.
pub fn deterministic(seed: &str, now: &str) -> Result<Deterministic, String> {
    let seed = seed
        .parse::<u64>()
        .map_err(|_| format!("invalid --seed {seed:?}: want a whole number"))?;
    let layout = "2006-01-02T15:04:05Z07:00";
    let now = render_go::time::Time::parse_in_location(layout, now, render_go::time::Location::Utc)
        .map_err(|e| format!("invalid --now {now:?}: {e}"))?;
    Ok(Deterministic {
        seed,
        now_unix: now.unix_seconds(),
    })
}

/// `render check`'s options from its flags.
fn check_options(p: &crate::pflag::Parsed) -> Result<CheckOptions, String> {
    match p.text("format") {
        None | Some("text" | "json") => {}
        Some(other) => return Err(format!("invalid format {other:?}: use text or json")),
    }
    let mut options = CheckOptions::default();
    options.include_chart_defaults = p.bool_or("include-chart-defaults", false);
    Ok(options)
}

/// Prints the findings of `render check` in the format asked for; 1 when there are any.
fn print_findings(cx: &mut Context, findings: &[Finding]) -> Result<u8, String> {
    let text = if cx.parsed.text("format") == Some("json") {
        findings_json(findings)
    } else {
        findings.iter().map(|f| format!("{f}\n")).collect()
    };
    cx.out.write_all(text.as_bytes()).map_err(io)?;
    Ok(u8::from(!findings.is_empty()))
}

/// The findings as a JSON array of `{path, file, line, column, suggestion}`, keys in that
/// order.
fn findings_json(findings: &[Finding]) -> String {
    let string = |s: &str| render_go::strconv::quote(s);
    let number = |n: Option<usize>| n.map_or("null".to_string(), |n| n.to_string());
    let items: Vec<String> = findings
        .iter()
        .map(|f| {
            let (file, line, column) = match &f.origin {
                Origin::File { file, line, column } => (file.clone(), *line, *column),
                Origin::Flag { flag, .. } => (flag.to_string(), None, None),
                _ => (String::new(), None, None),
            };
            let suggestion = f.suggestion.as_deref().map_or("null".to_string(), string);
            format!(
                "  {{\"path\": {}, \"file\": {}, \"line\": {}, \"column\": {}, \"suggestion\": {}}}",
                string(&f.path),
                string(&file),
                number(line),
                number(column),
                suggestion
            )
        })
        .collect();
    if items.is_empty() {
        return "[]\n".to_string();
    }
    format!("[\n{}\n]\n", items.join(",\n"))
}

/// Helm builds its registry client before anything is located, reading the TLS files it was
/// given (`tlsutil.NewTLSConfig`), so a missing one fails even for a local chart.
fn registry_tls_files(p: &crate::pflag::Parsed) -> Result<(), String> {
    let text = |k: &str| p.text(k).unwrap_or_default();
    let (cert, key, ca) = (text("cert-file"), text("key-file"), text("ca-file"));
    let uses_tls = (!cert.is_empty() && !key.is_empty())
        || !ca.is_empty()
        || p.bool_or("insecure-skip-tls-verify", false);
    if !uses_tls {
        return Ok(());
    }
    let read = |path: &str, what: &str| {
        std::fs::read(path).map(|_| ()).map_err(|e| {
            let quoted = render_go::strconv::quote(path);
            format!("{what}: {quoted}: open {path}: {}", io_error(&e))
        })
    };
    let mut errors = Vec::new();
    if !cert.is_empty() || !key.is_empty() {
        if let Err(e) = read(cert, "unable to read cert file")
            .and_then(|()| read(key, "unable to read key file"))
        {
            errors.push(e);
        }
    }
    if !ca.is_empty()
        && let Err(e) = read(ca, "can't read CA file")
    {
        errors.push(e);
    }
    if errors.is_empty() {
        return Ok(());
    }
    Err(format!(
        "can't create TLS config for client: {}",
        errors.join(
            "
"
        )
    ))
}

fn io(e: std::io::Error) -> String {
    e.to_string()
}

fn needs_cluster(what: &str) -> String {
    format!("{what}: {}", crate::flags::NEEDS_CLUSTER)
}

/// Helm's `cmdGetDryRunFlagStrategy` for `template`: client mode, with Helm's warnings for
/// the deprecated spellings; server mode needs a cluster.
fn dry_run_strategy(value: Option<&str>, log: &mut dyn Write) -> Result<(), String> {
    let Some(v) = value else { return Ok(()) };
    let quoted = render_go::strconv::quote(v);
    match v {
        "client" => Ok(()),
        "unset" => {
            let _ = writeln!(
                log,
                "{}",
                slog_warn("--dry-run is deprecated and should be replaced with '--dry-run=client'")
            );
            Ok(())
        }
        "server" => Err(needs_cluster("--dry-run=server")),
        _ => match crate::pflag::parse_bool(v) {
            Some(true) => {
                let msg = format!(
                    "boolean '--dry-run={v}' flag is deprecated and must be replaced with '--dry-run=client'"
                );
                let _ = writeln!(log, "{}", slog_warn(&msg));
                Ok(())
            }
            Some(false) => Err(format!(
                "invalid dry-run value ({quoted}). Must be \"server\" or \"client\""
            )),
            None => Err(format!(
                "invalid dry-run value ({quoted}). Must be \"none\", \"server\", or \"client\""
            )),
        },
    }
}

/// A debug record as Helm's command line logs it with `--debug`.
fn debug_record(msg: &str, attrs: &[(&str, &str)]) -> String {
    render_go::slog::record("DEBUG", msg, attrs)
}

/// A warning as Helm's command line logs it.
pub fn slog_warn(msg: &str) -> String {
    render_go::slog::record("WARN", msg, &[])
}

/// Helm's `NameAndChart` as `helm template` runs it (the name defaults to `release-name`,
/// and `--generate-name` with a single argument changes nothing).
fn name_and_chart(
    args: &[String],
    generate_name: bool,
    name_template: Option<&str>,
) -> Result<(String, String), String> {
    match args {
        [chart] => match name_template {
            Some(tpl) => render_core::name_template(tpl)
                .map(|n| (n, chart.clone()))
                .map_err(|e| e.to_string()),
            None => Ok(("release-name".into(), chart.clone())),
        },
        [name, chart] => {
            if generate_name {
                return Err("cannot set --generate-name and also specify a name".into());
            }
            if name_template.is_some() {
                return Err("cannot set --name-template and also specify a name".into());
            }
            Ok((name.clone(), chart.clone()))
        }
        _ => Err(format!(
            "expected at most two arguments, unexpected arguments: {}",
            args.get(2..).unwrap_or_default().join(", ")
        )),
    }
}
