//! What reaches chart repositories, through `render_repo`: `render dependency build|list|
//! update`, and the charts `template` and `show` are given that are not local paths
//! (`oci://...`, `--repo URL name`, `repo/name`), as Helm's `LocateChart` finds them.

use crate::Context;
use render_core::{Environments, RemoteChart};
use render_repo::{RegistryOptions, Settings};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Helm's settings for this command line: the global paths (flags, else `HELM_*`), the
/// registry flags of the command.
pub fn settings(cx: &Context) -> Settings {
    let p = &cx.parsed;
    let text = |k: &str| p.text(k).unwrap_or_default().to_string();
    Settings {
        repository_config: PathBuf::from(cx.global("repository-config")),
        repository_cache: PathBuf::from(cx.global("repository-cache")),
        content_cache: PathBuf::from(cx.global("content-cache")),
        skip_refresh: p.bool_or("skip-refresh", false),
        debug: cx.debug(),
        registry: RegistryOptions {
            plain_http: p.bool_or("plain-http", false),
            insecure: p.bool_or("insecure-skip-tls-verify", false),
            ca_file: text("ca-file"),
            username: text("username"),
            password: text("password"),
            registry_config: PathBuf::from(cx.global("registry-config")),
        },
    }
}

/// `render dependency build|update [CHART]`.
pub fn dependency(cx: &mut Context, build: bool) -> Result<(), String> {
    let chart = chart_dir(&cx.parsed.args);
    let settings = settings(cx);
    let outcome = if build {
        render_repo::build_logged(&chart, &settings, cx.out)
    } else {
        render_repo::update_logged(&chart, &settings, cx.out)
    };
    for w in &outcome.warnings {
        crate::print_warning(cx.err, w);
    }
    outcome.result
}

/// `render dependency list [CHART]`.
pub fn list(cx: &mut Context) -> Result<(), String> {
    let chart = chart_dir(&cx.parsed.args);
    let width = cx
        .parsed
        .text("max-col-width")
        .and_then(|w| render_go::strconv::parse_uint(w, 0).ok())
        .map_or(80, |w| usize::try_from(w).unwrap_or(usize::MAX));
    render_repo::list(&chart, width, cx.out)
}

/// The chart argument of the dependency commands: `.` by default, cleaned.
fn chart_dir(args: &[String]) -> PathBuf {
    match args.first() {
        Some(a) => PathBuf::from(crate::env::clean(a)),
        None => PathBuf::from("."),
    }
}

/// `LocateChart`: a local path as it is (its errors are the loader's), else the chart
/// downloaded into the content cache.
pub fn locate(cx: &mut Context, chart: &str) -> Result<PathBuf, String> {
    let p = &cx.parsed;
    let name = chart.trim();
    let repo_url = p.text("repo").unwrap_or_default().to_string();
    if repo_url.is_empty() && Path::new(name).exists() {
        return Ok(PathBuf::from(name));
    }
    if name.starts_with('/') || name.starts_with('.') {
        return Err(format!(
            "path {} not found",
            render_go::strconv::quote(name)
        ));
    }
    let text = |k: &str| p.text(k).unwrap_or_default().to_string();
    let flag = |k: &str| p.bool_or(k, false);
    let mut remote = RemoteChart::default();
    remote.reference = name.to_string();
    remote.version = text("version");
    remote.repo = repo_url;
    remote.devel = flag("devel");
    remote.plain_http = flag("plain-http");
    remote.insecure_skip_tls_verify = flag("insecure-skip-tls-verify");
    remote.ca_file = text("ca-file");
    remote.cert_file = text("cert-file");
    remote.key_file = text("key-file");
    remote.username = text("username");
    remote.password = text("password");
    remote.pass_credentials = flag("pass-credentials");
    let settings = settings(cx);
    let mut warnings = Vec::new();
    // Helm's registry client prints `Pulled:` and `Digest:` on standard output.
    let found = render_repo::pull(&remote, &settings, cx.out, &mut warnings);
    let _ = cx.out.flush();
    for w in &warnings {
        crate::print_warning(cx.err, w);
    }
    found
}

/// Downloads the charts of a `render.yaml`'s entries that are in repositories and points
/// the entries at them. The registry's messages go to standard error: standard output is
/// the command's.
pub fn fetch_charts(cx: &mut Context, envs: &mut Environments) -> Result<(), String> {
    let settings = settings(cx);
    let mut warnings = Vec::new();
    let fetched = render_repo::fetch_charts(envs, &settings, cx.err, &mut warnings);
    for w in &warnings {
        crate::print_warning(cx.err, w);
    }
    fetched
}
