//! `render-repo`: chart repositories for `render` — what Helm does over the network, kept out
//! of `render-core` (a pure library) so tools can link the renderer without it.
//!
//! - [`update`] and [`build`]: `helm dependency update|build` (resolve Chart.yaml's
//!   dependencies against HTTP chart repositories, OCI registries and `file://` paths, download
//!   the archives into `charts/`, write `Chart.lock` with Helm's digest).
//! - [`list`]: `helm dependency list`.
//! - [`pull`]: a chart that is not a local path (`oci://host/path/chart`, `--repo URL name`,
//!   `repo/name` from `repositories.yaml`, an archive URL), downloaded into the content cache
//!   as `helm template` does.
//!
//! Helm's messages (`Saving 2 charts`, `Downloading x from repo y`...) go to the writer given;
//! errors are Helm's texts.
//!
//! ```no_run
//! let settings = render_repo::Settings::from_env();
//! let mut out = std::io::stdout();
//! render_repo::update(std::path::Path::new("my-wrapper-chart"), &settings, &mut out)?;
//! # Ok::<(), String>(())
//! ```
//!
//! Dependencies, and why: `oci-client` (the maintained successor of `oci-distribution`) speaks
//! the OCI distribution API (token and basic auth, manifests, blobs, tag lists); `reqwest`
//! with rustls is the HTTP client of both (one TLS stack, no system OpenSSL), `tokio` runs
//! their downloads concurrently, `sha2` computes Helm's digests and cache names, `flate2`
//! writes the archives of `file://` dependencies, `serde_json` reads registry error details,
//! `base64` Docker credentials. Versions, constraints, YAML and JSON are `render-core`'s (Go's
//! and Masterminds' rules exactly).

mod cache;
mod fetch;
mod index;
mod list;
mod lock;
mod manager;
mod oci;
mod package;
mod remote;
mod repofile;

pub use fetch::Tls;
pub use oci::RegistryOptions;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Where Helm keeps its files, and how to reach registries (Helm's global settings and the
/// flags of the dependency commands).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `repositories.yaml` (`--repository-config`, `HELM_REPOSITORY_CONFIG`).
    pub repository_config: PathBuf,
    /// Cached indexes (`--repository-cache`, `HELM_REPOSITORY_CACHE`).
    pub repository_cache: PathBuf,
    /// Downloaded charts by digest (`--content-cache`, `HELM_CONTENT_CACHE`).
    pub content_cache: PathBuf,
    /// `--skip-refresh`: use the cached indexes as they are.
    pub skip_refresh: bool,
    /// `--debug`.
    pub debug: bool,
    /// OCI registries.
    pub registry: RegistryOptions,
}

impl Settings {
    /// Helm's defaults for this environment (`HELM_*_HOME`, `XDG_*_HOME`, `$HOME`).
    pub fn from_env() -> Settings {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let home = std::env::var("HOME").unwrap_or_default();
        let base = |helm: &str, xdg: &str, dflt: &str| match var(helm) {
            Some(p) => PathBuf::from(p),
            None => match var(xdg) {
                Some(p) => PathBuf::from(p).join("helm"),
                None => PathBuf::from(&home).join(dflt).join("helm"),
            },
        };
        let config = base("HELM_CONFIG_HOME", "XDG_CONFIG_HOME", ".config");
        let cache = base("HELM_CACHE_HOME", "XDG_CACHE_HOME", ".cache");
        let or = |k: &str, d: PathBuf| std::env::var_os(k).map(PathBuf::from).unwrap_or(d);
        Settings {
            repository_config: or("HELM_REPOSITORY_CONFIG", config.join("repositories.yaml")),
            repository_cache: or("HELM_REPOSITORY_CACHE", cache.join("repository")),
            content_cache: or("HELM_CONTENT_CACHE", cache.join("content")),
            skip_refresh: false,
            debug: false,
            registry: RegistryOptions {
                registry_config: or("HELM_REGISTRY_CONFIG", config.join("registry/config.json")),
                ..RegistryOptions::default()
            },
        }
    }
}

/// What a command logged for stderr besides its output (Helm's warnings), and its result.
pub struct Outcome {
    /// Log records.
    pub warnings: Vec<String>,
    /// `Ok`, or Helm's error text.
    pub result: Result<(), String>,
}

/// `helm dependency update CHART`.
///
/// # Errors
/// Helm's error texts (unreachable repositories, unsatisfiable constraints, ...); `charts/` is
/// left as it was when a download fails.
pub fn update(chart: &Path, settings: &Settings, out: &mut dyn Write) -> Result<(), String> {
    let outcome = update_logged(chart, settings, out);
    outcome.result
}

/// [`update`], with the warnings it logged.
pub fn update_logged(chart: &Path, settings: &Settings, out: &mut dyn Write) -> Outcome {
    run(chart, settings, out, |m| m.update())
}

/// `helm dependency build CHART`: what Chart.lock says (an update when there is none).
///
/// # Errors
/// As [`update`], and `the lock file (Chart.lock) is out of sync ...` when Chart.yaml changed.
pub fn build(chart: &Path, settings: &Settings, out: &mut dyn Write) -> Result<(), String> {
    build_logged(chart, settings, out).result
}

/// [`build`], with the warnings it logged.
pub fn build_logged(chart: &Path, settings: &Settings, out: &mut dyn Write) -> Outcome {
    run(chart, settings, out, |m| m.build())
}

fn run(
    chart: &Path,
    settings: &Settings,
    out: &mut dyn Write,
    f: impl FnOnce(&mut manager::Manager) -> Result<(), String>,
) -> Outcome {
    match manager::Manager::new(chart, settings, out) {
        Ok(mut m) => {
            let result = f(&mut m);
            Outcome {
                warnings: std::mem::take(&mut m.warnings),
                result,
            }
        }
        Err(e) => Outcome {
            warnings: Vec::new(),
            result: Err(e),
        },
    }
}

/// `helm dependency list CHART`.
///
/// # Errors
/// The chart's loading error.
pub fn list(chart: &Path, max_col_width: usize, out: &mut dyn Write) -> Result<(), String> {
    list::list(chart, max_col_width, out)
}

pub use remote::{fetch_charts, pull};
