//! Charts that are not local paths, found as `helm template` finds them (`LocateChart`,
//! `ChartDownloader.DownloadToCache`): `--repo URL` and a chart name, `oci://` references,
//! `repo/name` through repositories.yaml and its cached index, or an archive URL. The archive
//! goes into Helm's content cache (`<content-cache>/<first byte>/<sha256>.chart`), which is what
//! gets rendered; a second run of a `repo/name` chart takes it from there without a download.

use crate::Settings;
use crate::cache;
use crate::fetch::{Auth, Http, Kind, Tls, resolve_reference};
use crate::index;
use crate::oci::{Registry, RegistryOptions};
use crate::repofile;
use render_core::{Environments, RemoteChart};
use render_go::semver::{Constraints, Version};
use std::io::Write;
use std::path::PathBuf;

/// Downloads the chart into the content cache; the cached archive's path. The registry
/// options are `settings`' but for those `r` carries (`plainHttp`, TLS, credentials). Helm's
/// registry messages (`Pulled:`, `Digest:`) go to `out`, warnings to `warnings`.
///
/// # Errors
/// Helm's texts (`chart "x" version "9" not found in URL repository`, `repo x not found`...).
pub fn pull(
    r: &RemoteChart,
    settings: &Settings,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<PathBuf, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the download runtime: {e}"))?;
    let name = r.reference.trim();
    let tls = Tls {
        ca_file: r.ca_file.clone(),
        cert_file: r.cert_file.clone(),
        key_file: r.key_file.clone(),
        insecure: r.insecure_skip_tls_verify,
    };
    let mut version = r.version.trim().to_string();
    if version.is_empty() && r.devel {
        version = ">0.0.0-0".into();
    }
    let http = Http::new();
    if !r.repo.is_empty() {
        let data = runtime.block_on(from_repo_url(&http, r, &tls, name, &version, warnings))?;
        return cache::put(&settings.content_cache, &data);
    }
    if let Some(reference) = name.strip_prefix("oci://") {
        let registry = Registry::new(&RegistryOptions {
            plain_http: r.plain_http,
            insecure: r.insecure_skip_tls_verify,
            ca_file: r.ca_file.clone(),
            username: r.username.clone(),
            password: r.password.clone(),
            registry_config: settings.registry.registry_config.clone(),
        })?;
        let (repository, tag) = runtime.block_on(oci_tag(&registry, reference, &version))?;
        let pulled = runtime.block_on(registry.pull(&repository, &tag))?;
        let _ = out.write_all(pulled.report().as_bytes());
        return cache::put(&settings.content_cache, &pulled.data);
    }
    if name.starts_with("http://") || name.starts_with("https://") {
        let data = runtime.block_on(http.get(name, Kind::Chart, &Auth::default(), &tls))?;
        return cache::put(&settings.content_cache, &data);
    }
    // repo/name, through repositories.yaml and the cached index.
    let Some((repo_name, chart)) = name.split_once('/') else {
        return Err(format!(
            "non-absolute URLs should be in form of repo_name/path_to_chart, got: {name}"
        ));
    };
    let repos = repofile::load(&settings.repository_config)?;
    let entry = repos
        .iter()
        .find(|e| e.name == repo_name)
        .ok_or_else(|| format!("repo {repo_name} not found"))?;
    let path = settings
        .repository_cache
        .join(format!("{repo_name}-index.yaml"));
    let data = std::fs::read(&path).map_err(|e| {
        format!(
            "no cached repo found. (try 'helm repo update'): open {}: {}",
            path.display(),
            render_go::os::io_error(&e)
        )
    })?;
    let idx = index::parse(&data, &path.display().to_string(), warnings).map_err(|e| {
        format!(
            "no cached repo found. (try 'helm repo update'): error loading {}: {e}",
            path.display()
        )
    })?;
    let cv = idx.get(chart, &version).map_err(|e| {
        let why = match e {
            index::GetError::NoChart => "no chart name found".to_string(),
            index::GetError::NoVersion => "no chart version found".to_string(),
            index::GetError::Constraint(c) | index::GetError::NotFound(c) => c,
        };
        format!(
            "chart {} matching {version} not found in {repo_name} index. (try 'helm repo update'): {why}",
            quote(chart)
        )
    })?;
    let first = cv
        .urls
        .first()
        .ok_or_else(|| format!("chart {} has no downloadable URLs", quote(name)))?;
    // A chart the cache has (by the index's digest) is not downloaded again.
    if let Some((hit, _)) = cache::get(&settings.content_cache, &cv.digest) {
        return Ok(hit);
    }
    let url = resolve_reference(&entry.url, first)?;
    let auth = entry.auth(&entry.url);
    let tls = entry.tls();
    let data = runtime.block_on(http.get(&url, Kind::Chart, &auth, &tls))?;
    cache::put(&settings.content_cache, &data)
}

/// Downloads the charts of a `render.yaml`'s entries that are in repositories (each
/// distinct one once, with [`pull`]) and points the entries at the archives, so that
/// [`Environments::render_all`] renders them. An error names the entry.
///
/// # Errors
/// The first failed download, as `NAME: REFERENCE: ...`.
pub fn fetch_charts(
    envs: &mut Environments,
    settings: &Settings,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    let mut pulled: Vec<(RemoteChart, PathBuf)> = Vec::new();
    for entry in &mut envs.entries {
        let Some(remote) = entry.remote.take() else {
            continue;
        };
        let path = match pulled.iter().find(|(r, _)| *r == remote) {
            Some((_, path)) => path.clone(),
            None => {
                let path = pull(&remote, settings, out, warnings)
                    .map_err(|e| format!("{}: {}: {e}", entry.name, remote.reference))?;
                pulled.push((remote, path.clone()));
                path
            }
        };
        entry.options.chart = path;
    }
    Ok(())
}

/// `--repo URL NAME --version V`: the index, then the archive (credentials go to another host
/// only with `--pass-credentials`).
async fn from_repo_url(
    http: &Http,
    r: &RemoteChart,
    tls: &Tls,
    name: &str,
    version: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, String> {
    let repo = r.repo.as_str();
    let unreachable = |e: String| {
        format!(
            "looks like {} is not a valid chart repository or cannot be reached: {e}",
            quote(repo)
        )
    };
    let index_url = resolve_reference(repo, "index.yaml").map_err(&unreachable)?;
    let auth = Auth {
        url: repo.to_string(),
        username: r.username.clone(),
        password: r.password.clone(),
        pass_all: true,
    };
    let data = http
        .get(&index_url, Kind::Index, &auth, tls)
        .await
        .map_err(unreachable)?;
    let idx = index::parse(&data, repo, warnings).map_err(unreachable)?;
    let cv = match idx.get(name, version) {
        Ok(cv) => cv,
        Err(index::GetError::NoChart | index::GetError::NoVersion) if version.is_empty() => {
            return Err(format!(
                "chart {} not found in {repo} repository",
                quote(name)
            ));
        }
        Err(_) if version.is_empty() => {
            return Err(format!(
                "chart {} not found in {repo} repository",
                quote(name)
            ));
        }
        Err(_) => {
            return Err(format!(
                "chart {} version {} not found in {repo} repository",
                quote(name),
                quote(version)
            ));
        }
    };
    if !version.is_empty() && cv.version != version && !is_range(version) {
        warnings.push(render_go::slog::record(
            "WARN",
            "unable to find exact version requested; falling back to closest available version",
            &[
                ("chart", name),
                ("requested", version),
                ("selected", &cv.version),
            ],
        ));
    }
    let first = cv
        .urls
        .first()
        .ok_or_else(|| format!("chart {} has no downloadable URLs", quote(name)))?;
    let url = resolve_reference(repo, first)?;
    let chart_auth = Auth {
        pass_all: r.pass_credentials,
        ..auth
    };
    http.get(&url, Kind::Chart, &chart_auth, tls).await
}

/// Helm's `isVersionRange`: the version has an operator in it.
fn is_range(v: &str) -> bool {
    v.contains([' ', ',', '<', '>', '=', '~', '^', '*', '|'])
}

/// `ValidateReference` for `host/path/chart[:tag]` and `--version`: the repository and tag.
async fn oci_tag(
    registry: &Registry,
    reference: &str,
    version: &str,
) -> Result<(String, String), String> {
    let (repository, tag) = match reference.rsplit_once(':') {
        Some((repo, tag)) if !tag.contains('/') => (repo.to_string(), tag.to_string()),
        _ => (reference.to_string(), String::new()),
    };
    if !tag.is_empty() && !version.is_empty() && tag != version {
        return Err(format!(
            "chart reference and version mismatch: {version} is not {tag}"
        ));
    }
    if !tag.is_empty() {
        if tag.contains('+') {
            return Err(format!("invalid reference: invalid tag {}", quote(&tag)));
        }
        return Ok((repository, tag.replace('_', "+")));
    }
    if !version.is_empty()
        && let Ok(v) = Version::parse(version)
        && v.original() == version
        && version.split('.').count() == 3
    {
        return Ok((repository, version.to_string()));
    }
    let tags = registry.tags(&repository).await?;
    if tags.is_empty() {
        return Err(format!(
            "unable to locate any tags in provided repository: oci://{repository}"
        ));
    }
    if let Some(exact) = tags.iter().find(|t| t.as_str() == version) {
        return Ok((repository, exact.clone()));
    }
    let constraint = Constraints::parse(if version.is_empty() { "*" } else { version })?;
    tags.iter()
        .find(|t| Version::parse(t).is_ok_and(|v| constraint.check(&v)))
        .map(|t| (repository.clone(), t.clone()))
        .ok_or_else(|| {
            format!("could not locate a version matching provided version string {version}")
        })
}

fn quote(s: &str) -> String {
    render_go::strconv::quote(s)
}
