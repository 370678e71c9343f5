//! `helm dependency update` and `build` (`pkg/downloader/manager.go`): resolve each dependency
//! of Chart.yaml against its repository, download the archives into a temporary directory
//! inside the chart, then move them into `charts/` (so a failure leaves `charts/` untouched),
//! delete outdated archives, and write `Chart.lock`. Helm's messages, in Helm's order, go to
//! `out`. Index downloads and chart downloads run concurrently; their results are reported in
//! the order Helm would report them.

use crate::Settings;
use crate::fetch::{Auth, Http, Kind, Tls, resolve_reference};
use crate::index::{self, IndexFile};
use crate::lock::{self, Lock, Locked};
use crate::oci::Registry;
use crate::repofile::{self, Entry, url_equal};
use render_core::Dependency;
use render_go::semver::{Constraints, Version};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The prefix of the cache names Helm gives repositories that are not in repositories.yaml.
const MANAGER_KEY_PREFIX: &str = "helm-manager-";

/// One run of `dependency update` or `build`.
pub struct Manager<'a> {
    chart_path: PathBuf,
    settings: &'a Settings,
    out: &'a mut dyn Write,
    /// Log records for stderr.
    pub warnings: Vec<String>,
    http: Arc<Http>,
    registry: Arc<Registry>,
    /// Indexes parsed in this run, by repository name: a large index is parsed once.
    indexes: HashMap<String, Arc<IndexFile>>,
    runtime: tokio::runtime::Runtime,
}

/// A chart directory as the manager sees it.
struct ChartDir {
    api_version: String,
    /// `dependencies`, or `None` when Chart.yaml has no such key.
    dependencies: Option<Vec<Dependency>>,
    lock: Option<Lock>,
}

impl<'a> Manager<'a> {
    /// A manager for the chart at `chart_path`.
    pub fn new(
        chart_path: &Path,
        settings: &'a Settings,
        out: &'a mut dyn Write,
    ) -> Result<Manager<'a>, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the download runtime: {e}"))?;
        Ok(Manager {
            chart_path: chart_path.to_path_buf(),
            settings,
            out,
            warnings: Vec::new(),
            http: Arc::new(Http::new()),
            registry: Arc::new(Registry::new(&settings.registry)?),
            indexes: HashMap::new(),
            runtime,
        })
    }

    fn say(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
    }

    /// `loadChartDir`.
    fn load_chart_dir(&mut self) -> Result<ChartDir, String> {
        let p = &self.chart_path;
        let meta = std::fs::metadata(p).map_err(|e| {
            format!(
                "could not find {}: stat {}: {}",
                p.display(),
                p.display(),
                render_go::os::io_error(&e)
            )
        })?;
        if !meta.is_dir() {
            return Err("only unpacked charts can be updated".into());
        }
        let loaded = render_core::load_chart_v2(p).map_err(|e| e.to_string())?;
        self.warnings.extend(loaded.warnings);
        let md = &loaded.chart.metadata;
        let v1 = md.api_version == "v1";
        let declared = dependencies_declared(p, v1);
        let lock_name = if v1 {
            "requirements.lock"
        } else {
            "Chart.lock"
        };
        let lock = match std::fs::read(p.join(lock_name)) {
            Ok(data) => Some(lock::parse(&render_go::value::rawbytes::encode(&data))?),
            Err(_) => None,
        };
        Ok(ChartDir {
            api_version: md.api_version.clone(),
            dependencies: declared.then(|| md.dependencies.clone()),
            lock,
        })
    }

    /// `Manager.Update`.
    pub fn update(&mut self) -> Result<(), String> {
        let chart = self.load_chart_dir()?;
        let Some(mut req) = chart.dependencies else {
            return Ok(());
        };
        let repos = repofile::load(&self.settings.repository_config)?;
        let mut repo_names = self.resolve_repo_names(&mut req, &repos)?;
        self.ensure_missing_repos(&mut repo_names, &req)?;
        if !self.settings.skip_refresh {
            self.update_repositories(&repos)?;
        }
        let mut locked = self.resolve(&req, &repo_names)?;
        self.download_all(&mut locked, &repos)?;
        let digest = lock::digest(&req, &locked)?;
        if chart.lock.as_ref().is_some_and(|l| l.digest == digest) {
            return Ok(());
        }
        let lock = Lock {
            dependencies: locked,
            digest,
        };
        self.write_lock(&lock, chart.api_version == "v1")
    }

    /// `Manager.Build`.
    pub fn build(&mut self) -> Result<(), String> {
        let chart = self.load_chart_dir()?;
        let Some(lock) = chart.lock else {
            return self.update();
        };
        let mut req = chart.dependencies.unwrap_or_default();
        let repos = repofile::load(&self.settings.repository_config)?;
        self.resolve_repo_names(&mut req, &repos)?;
        if lock::digest(&req, &lock.dependencies)? != lock.digest {
            return Err(if chart.api_version == "v1" {
                "the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies".into()
            } else {
                "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies with 'helm dependency update'".into()
            });
        }
        let missing: Vec<&str> = lock
            .dependencies
            .iter()
            .filter(|d| {
                !d.repository.is_empty()
                    && !d.repository.starts_with("file://")
                    && !d.repository.starts_with("oci://")
                    && !repos
                        .iter()
                        .any(|r| url_equal(&r.url, d.repository.trim_end_matches('/')))
            })
            .map(|d| d.repository.as_str())
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "no repository definition for {}. Please add the missing repos via 'helm repo add'",
                missing.join(", ")
            ));
        }
        if !self.settings.skip_refresh {
            self.update_repositories(&repos)?;
        }
        let mut locked = lock.dependencies;
        self.download_all(&mut locked, &repos)
    }

    /// `resolveRepoNames`: `@name` replaced by the repository's URL, and the repository name
    /// each dependency's index is cached under.
    fn resolve_repo_names(
        &mut self,
        req: &mut [Dependency],
        repos: &[Entry],
    ) -> Result<HashMap<String, String>, String> {
        let mut names = HashMap::new();
        let mut missing = Vec::new();
        for d in req.iter_mut() {
            if d.repository.is_empty() {
                continue;
            }
            if d.repository.starts_with("file://") {
                local_path(&d.repository, &self.chart_path)?;
                if self.settings.debug {
                    let line = format!("Repository from local path: {}\n", d.repository);
                    self.say(&line);
                }
                names.insert(d.name.clone(), d.repository.clone());
                continue;
            }
            if d.repository.starts_with("oci://") {
                names.insert(d.name.clone(), d.repository.clone());
                continue;
            }
            let named = d
                .repository
                .strip_prefix('@')
                .or_else(|| d.repository.strip_prefix("alias:"));
            let found = repos.iter().find(|r| match named {
                Some(n) => r.name == n,
                None => url_equal(&r.url, &d.repository),
            });
            match (found, named) {
                (Some(r), Some(_)) => {
                    d.repository = r.url.clone();
                    names.insert(d.name.clone(), r.name.clone());
                }
                (Some(r), None) => {
                    names.insert(d.name.clone(), r.name.clone());
                }
                (None, _) if parses_as_request_uri(&d.repository) => {
                    names.insert(d.repository.clone(), d.repository.clone());
                }
                (None, _) => missing.push(d.repository.clone()),
            }
        }
        if !missing.is_empty() {
            let mut msg = format!(
                "no repository definition for {}. Please add them via 'helm repo add'",
                missing.join(", ")
            );
            if missing
                .iter()
                .any(|r| !r.contains("//") && !r.starts_with('@') && !r.starts_with("alias:"))
            {
                msg.push_str(
                    "\nNote that repositories must be URLs or aliases. For example, to refer to the \"example\"\n\
                     repository, use \"https://charts.example.com/\" or \"@example\" instead of\n\
                     \"example\". Don't forget to add the repo, too ('helm repo add').",
                );
            }
            return Err(msg);
        }
        Ok(names)
    }

    /// `ensureMissingRepos`: repositories named only by URL are cached as
    /// `helm-manager-<sha256 of the URL>`, and refreshed.
    fn ensure_missing_repos(
        &mut self,
        names: &mut HashMap<String, String>,
        req: &[Dependency],
    ) -> Result<(), String> {
        let mut unmanaged = Vec::new();
        for d in req {
            if d.repository.is_empty() || names.contains_key(&d.name) {
                continue;
            }
            let name = format!(
                "{MANAGER_KEY_PREFIX}{}",
                crate::cache::sha256(d.repository.as_bytes())
            );
            names.insert(d.name.clone(), name.clone());
            unmanaged.push(Entry {
                name,
                url: d.repository.clone(),
                ..Entry::default()
            });
        }
        if !self.settings.skip_refresh && !unmanaged.is_empty() {
            self.say("Getting updates for unmanaged Helm repositories...\n");
            self.parallel_repo_update(&unmanaged)?;
        }
        Ok(())
    }

    /// `UpdateRepositories`: every repository of repositories.yaml.
    fn update_repositories(&mut self, repos: &[Entry]) -> Result<(), String> {
        if repos.is_empty() {
            return Ok(());
        }
        self.say("Hang tight while we grab the latest from your chart repositories...\n");
        self.parallel_repo_update(repos)?;
        self.say("Update Complete. ⎈Happy Helming!⎈\n");
        Ok(())
    }

    /// `parallelRepoUpdate`: downloads the indexes concurrently; failures are only printed.
    fn parallel_repo_update(&mut self, repos: &[Entry]) -> Result<(), String> {
        // One per URL (a trailing slash does not count), the last one winning.
        let mut unique: Vec<Entry> = Vec::new();
        for r in repos {
            let key = r.url.trim_end_matches('/');
            unique.retain(|u| u.url.trim_end_matches('/') != key);
            unique.push(r.clone());
        }
        for r in &unique {
            let scheme = r.url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
            match scheme.as_deref() {
                Some("http" | "https") => {}
                other => {
                    return Err(format!(
                        "could not find protocol handler for: {}",
                        other.unwrap_or_else(|| r.url.split(':').next().unwrap_or(""))
                    ));
                }
            }
        }
        let http = self.http.clone();
        let results = self.runtime.block_on(async {
            let downloads = unique.iter().map(|r| fetch_index(&http, r));
            futures_util::future::join_all(downloads).await
        });
        for (r, result) in unique.iter().zip(results) {
            let shown = if r.name.starts_with(MANAGER_KEY_PREFIX) {
                quote(&r.url)
            } else {
                quote(&r.name)
            };
            match result.and_then(|data| {
                let mut warnings = Vec::new();
                let parsed = index::parse(&data, &r.url, &mut warnings)?;
                self.warnings.extend(warnings);
                self.store_index(&r.name, &data, &parsed)?;
                self.indexes.insert(r.name.clone(), Arc::new(parsed));
                Ok(())
            }) {
                Ok(()) => {
                    let line = format!(
                        "...Successfully got an update from the {shown} chart repository\n"
                    );
                    self.say(&line);
                }
                Err(e) if r.name.starts_with(MANAGER_KEY_PREFIX) => {
                    let line = format!(
                        "...Unable to get an update from the {shown} chart repository:\n\t{e}\n"
                    );
                    self.say(&line);
                }
                Err(e) => {
                    let line = format!(
                        "...Unable to get an update from the {shown} chart repository ({}):\n\t{e}\n",
                        r.url
                    );
                    self.say(&line);
                }
            }
        }
        Ok(())
    }

    /// Writes `<cache>/<name>-index.yaml` (the bytes as served) and `<name>-charts.txt`.
    fn store_index(&self, name: &str, data: &[u8], parsed: &IndexFile) -> Result<(), String> {
        let dir = &self.settings.repository_cache;
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let charts: String = parsed.entries.keys().map(|k| format!("{k}\n")).collect();
        atomic_write(&dir.join(format!("{name}-charts.txt")), charts.as_bytes())?;
        atomic_write(&dir.join(format!("{name}-index.yaml")), data)
    }

    /// The cached index of a repository (`LoadIndexFile(<cache>/<name>-index.yaml)`).
    fn cached_index(&mut self, name: &str) -> Result<Arc<IndexFile>, String> {
        if let Some(i) = self.indexes.get(name) {
            return Ok(i.clone());
        }
        let path = self
            .settings
            .repository_cache
            .join(format!("{name}-index.yaml"));
        let data = std::fs::read(&path)
            .map_err(|e| format!("open {}: {}", path.display(), render_go::os::io_error(&e)))?;
        let mut warnings = Vec::new();
        let parsed = index::parse(&data, &path.display().to_string(), &mut warnings)
            .map_err(|e| format!("error loading {}: {e}", path.display()))?;
        self.warnings.extend(warnings);
        let parsed = Arc::new(parsed);
        self.indexes.insert(name.to_string(), parsed.clone());
        Ok(parsed)
    }

    /// `resolver.Resolve`: the version each dependency is locked to.
    fn resolve(
        &mut self,
        req: &[Dependency],
        names: &HashMap<String, String>,
    ) -> Result<Vec<Locked>, String> {
        let mut locked = Vec::with_capacity(req.len());
        let mut missing = Vec::new();
        for d in req {
            let constraint = Constraints::parse(&d.version).map_err(|e| {
                format!(
                    "dependency {} has an invalid version/constraint format: {e}",
                    quote(&d.name)
                )
            })?;
            let lock = |version: &str| Locked {
                name: d.name.clone(),
                repository: d.repository.clone(),
                version: version.to_string(),
            };
            let missing_entry = || {
                format!(
                    "{} (repository {}, version {})",
                    quote(&d.name),
                    quote(&d.repository),
                    quote(&d.version)
                )
            };
            if d.repository.is_empty() {
                local_path(&format!("charts/{}", d.name), &self.chart_path)?;
                locked.push(lock(&d.version));
                continue;
            }
            if d.repository.starts_with("file://") {
                let dir = local_path(&d.repository, &self.chart_path)?;
                let sub = render_core::load_chart_v2(&dir).map_err(|e| e.to_string())?;
                let Ok(v) = Version::parse(&sub.chart.metadata.version) else {
                    continue;
                };
                if !constraint.check(&v) {
                    missing.push(missing_entry());
                    continue;
                }
                locked.push(lock(&sub.chart.metadata.version));
                continue;
            }
            let repo_name = names.get(&d.name).cloned().unwrap_or_default();
            if repo_name.is_empty() {
                locked.push(lock(&d.version));
                continue;
            }
            if d.repository.starts_with("oci://") {
                // An exact version is used as the tag as it is; otherwise the newest tag that
                // satisfies the constraint (and when none does, the download fails).
                let mut chosen = d.version.clone();
                if Version::parse(&d.version).is_err() {
                    let repository =
                        format!("{}/{}", d.repository.trim_start_matches("oci://"), d.name);
                    let registry = self.registry.clone();
                    let tags = self
                        .runtime
                        .block_on(registry.tags(&repository))
                        .map_err(|e| {
                            format!(
                                "could not retrieve list of tags for repository {}: {e}",
                                d.repository
                            )
                        })?;
                    if let Some(t) = tags
                        .iter()
                        .find(|t| Version::parse(t).is_ok_and(|v| constraint.check(&v)))
                    {
                        chosen = t.clone();
                    }
                } else if let Ok(v) = Version::parse(&d.version)
                    && constraint.check(&v)
                {
                    chosen = v.original().to_string();
                }
                locked.push(lock(&chosen));
                continue;
            }
            let index = self.cached_index(&repo_name).map_err(|e| {
                format!("no cached repository for {repo_name} found. (try 'helm repo update'): {e}")
            })?;
            let Some(versions) = index.entries.get(&d.name) else {
                return Err(format!(
                    "{} chart not found in repo {}",
                    d.name, d.repository
                ));
            };
            let found = versions.iter().find_map(|cv| {
                let v = Version::parse(&cv.version).ok()?;
                (!cv.urls.is_empty() && constraint.check(&v)).then(|| v.original().to_string())
            });
            match found {
                Some(v) => locked.push(lock(&v)),
                None => {
                    missing.push(missing_entry());
                    locked.push(lock(""));
                }
            }
        }
        if !missing.is_empty() {
            return Err(format!(
                "can't get a valid version for {} subchart(s): {}. Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml",
                missing.len(),
                missing.join(", ")
            ));
        }
        Ok(locked)
    }

    /// `downloadAll`: every dependency into `tmpcharts-<pid>`, then moved into `charts/`.
    fn download_all(&mut self, deps: &mut [Locked], repos: &[Entry]) -> Result<(), String> {
        // Every configured repository's cached index must load.
        for r in repos {
            self.cached_index(&r.name)?;
        }
        let dest = self.chart_path.join("charts");
        match std::fs::metadata(&dest) {
            Ok(m) if !m.is_dir() => {
                return Err(format!(
                    "{} is not a directory",
                    quote(&dest.display().to_string())
                ));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&dest)
                    .map_err(|e| format!("mkdir {}: {e}", dest.display()))?;
            }
            Err(e) => {
                return Err(format!(
                    "unable to retrieve file info for '{}': {e}",
                    dest.display()
                ));
            }
        }
        let tmp = TempDir::create(
            &self
                .chart_path
                .join(format!("tmpcharts-{}", std::process::id())),
        )?;
        let line = format!("Saving {} charts\n", deps.len());
        self.say(&line);
        // Where each remote dependency comes from, then all downloads at once.
        let mut plans = Vec::with_capacity(deps.len());
        for d in deps.iter() {
            plans.push(
                if d.repository.is_empty() || d.repository.starts_with("file://") {
                    None
                } else {
                    Some(self.chart_source(d, repos))
                },
            );
        }
        self.locate_in_url_repositories(&mut plans);
        let fetched = self.fetch_all(&plans);
        let mut fetched = fetched.into_iter();
        let mut seen: Vec<String> = Vec::new();
        let mut error = None;
        for (d, plan) in deps.iter_mut().zip(&plans) {
            let result = fetched.next().flatten();
            if d.repository.is_empty() {
                let line = format!(
                    "Dependency {} did not declare a repository. Assuming it exists in the charts directory\n",
                    d.name
                );
                self.say(&line);
                if let Err(e) = check_local(&dest.join(&d.name), d) {
                    match e {
                        LocalCheck::Fatal(e) => return Err(e),
                        LocalCheck::Unsatisfied(e) => {
                            error = Some(e);
                            break;
                        }
                    }
                }
                continue;
            }
            if d.repository.starts_with("file://") {
                if self.settings.debug {
                    let line = format!("Archiving {} from repo {}\n", d.name, d.repository);
                    self.say(&line);
                }
                match crate::package::from_local_dir(&self.chart_path, d, tmp.path()) {
                    Ok(version) => d.version = version,
                    Err(e) => {
                        error = Some(e);
                        break;
                    }
                }
                continue;
            }
            let Some(plan) = plan else { continue };
            if let Err((url, e)) = plan {
                error = Some(format!("could not find {url}: {e}"));
                break;
            }
            let oci = d.repository.starts_with("oci://");
            let (url, outcome) = match result {
                Some(Fetched::Found(url, outcome)) => (url, outcome),
                Some(Fetched::NotFound(e)) => {
                    error = Some(format!("could not find : {e}"));
                    break;
                }
                None => continue,
            };
            if seen.contains(&url) && !oci {
                let line = format!("Already downloaded {} from repo {}\n", d.name, d.repository);
                self.say(&line);
                continue;
            }
            let line = format!("Downloading {} from repo {}\n", d.name, d.repository);
            self.say(&line);
            match outcome {
                Ok(download) => {
                    if let Some(report) = &download.pulled {
                        self.say(report);
                    }
                    self.warnings.extend(download.warning.clone());
                    let file = tmp.path().join(&download.file_name);
                    std::fs::write(&file, &download.data)
                        .map_err(|e| format!("{}: {e}", file.display()))?;
                }
                Err(e) => {
                    let shown = if oci {
                        format!("{}/{}", d.repository, d.name)
                    } else {
                        url.clone()
                    };
                    error = Some(format!("could not download {shown}: {e}"));
                    break;
                }
            }
            seen.push(url);
        }
        if let Some(e) = error {
            let line = format!("Save error occurred:  {e}\n");
            self.say(&line);
            return Err(e);
        }
        self.safe_move_deps(deps, tmp.path(), &dest)
    }

    /// `findChartURL`: where a locked dependency's archive is.
    fn chart_source(&mut self, d: &Locked, repos: &[Entry]) -> Result<Source, (String, String)> {
        if let Some(path) = d.repository.strip_prefix("oci://") {
            let repository = format!("{path}/{}", d.name);
            return Ok(Source {
                url: format!("{}/{}:{}", d.repository, d.name, d.version),
                oci: true,
                oci_repository: repository,
                oci_tag: d.version.clone(),
                auth: Auth::default(),
                tls: Tls::default(),
                digest: String::new(),
                fetch_index: None,
                located: None,
            });
        }
        for r in repos {
            if !url_equal(&d.repository, &r.url) {
                continue;
            }
            let index = self.cached_index(&r.name).map_err(|e| (String::new(), e))?;
            let Some(versions) = index.entries.get(&d.name) else {
                return Err((String::new(), "entry not found".into()));
            };
            let Some(cv) = versions
                .iter()
                .find(|cv| !cv.urls.is_empty() && version_equals(&d.version, &cv.version))
            else {
                return Err((String::new(), "no matching version".into()));
            };
            let first = cv.urls.first().cloned().unwrap_or_default();
            let url = resolve_reference(&d.repository, &first).map_err(|e| (String::new(), e))?;
            let mut source = Source::http(url, r.auth(&d.repository), r.tls());
            source.digest = cv.digest.clone();
            return Ok(source);
        }
        // A repository named only by URL: its index is read again (`FindChartInRepoURL`).
        Ok(Source {
            fetch_index: Some((d.repository.clone(), d.name.clone(), d.version.clone())),
            ..Source::http(String::new(), Auth::default(), Tls::default())
        })
    }

    /// For dependencies on repositories named only by URL, Helm reads the repository's index
    /// again for each one (`FindChartInRepoURL`); here each index is read once, from this run's
    /// refresh when it has it, and every such dependency gets its archive's URL from it.
    fn locate_in_url_repositories(
        &mut self,
        plans: &mut [Option<Result<Source, (String, String)>>],
    ) {
        let mut wanted: Vec<String> = Vec::new();
        for plan in plans.iter().flatten().flatten() {
            if let Some((repo, _, _)) = &plan.fetch_index
                && !wanted.contains(repo)
            {
                wanted.push(repo.clone());
            }
        }
        let mut indexes: HashMap<String, Result<Arc<IndexFile>, String>> = HashMap::new();
        let mut to_fetch = Vec::new();
        for repo in wanted {
            let key = format!(
                "{MANAGER_KEY_PREFIX}{}",
                crate::cache::sha256(repo.as_bytes())
            );
            match self.indexes.get(&key) {
                Some(i) => {
                    indexes.insert(repo, Ok(i.clone()));
                }
                None => to_fetch.push(repo),
            }
        }
        let http = self.http.clone();
        let fetched = self.runtime.block_on(async {
            let jobs = to_fetch.iter().map(|repo| fetch_repo_index(&http, repo));
            futures_util::future::join_all(jobs).await
        });
        for (repo, result) in to_fetch.into_iter().zip(fetched) {
            indexes.insert(repo, result.map(Arc::new));
        }
        for plan in plans.iter_mut().flatten().flatten() {
            let Some((repo, name, version)) = plan.fetch_index.take() else {
                continue;
            };
            plan.located = Some(match indexes.get(&repo) {
                Some(Ok(index)) => chart_in_index(index, &repo, &name, &version),
                Some(Err(e)) => Err(format!(
                    "chart {name} not found in {repo}: looks like {} is not a valid chart repository or cannot be reached: {e}",
                    quote(&repo)
                )),
                None => Err(format!("chart {name} not found in {repo}")),
            });
        }
    }

    /// Runs every download concurrently; `None` where a dependency needs none.
    fn fetch_all(
        &mut self,
        plans: &[Option<Result<Source, (String, String)>>],
    ) -> Vec<Option<Fetched>> {
        let http = self.http.clone();
        let registry = self.registry.clone();
        let cache = self.settings.content_cache.clone();
        self.runtime.block_on(async {
            let jobs = plans.iter().map(|plan| {
                let http = http.clone();
                let registry = registry.clone();
                let cache = cache.clone();
                async move {
                    let source = match plan {
                        Some(Ok(s)) => s,
                        _ => return None,
                    };
                    Some(download(&http, &registry, &cache, source).await)
                }
            });
            futures_util::future::join_all(jobs).await
        })
    }

    /// `safeMoveDeps`.
    fn safe_move_deps(
        &mut self,
        deps: &[Locked],
        source: &Path,
        dest: &Path,
    ) -> Result<(), String> {
        let list = |dir: &Path| -> Result<Vec<(String, bool)>, String> {
            let mut names: Vec<(String, bool)> = std::fs::read_dir(dir)
                .map_err(|e| format!("open {}: {e}", dir.display()))?
                .filter_map(|e| e.ok())
                .map(|e| {
                    let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                    (e.file_name().to_string_lossy().into_owned(), is_dir)
                })
                .collect();
            names.sort();
            Ok(names)
        };
        let source_files = list(source)?;
        let dest_files = list(dest)?;
        let local: Vec<&str> = deps
            .iter()
            .filter(|d| d.repository.is_empty())
            .map(|d| d.name.as_str())
            .collect();
        let mut moved = Vec::new();
        for (name, is_dir) in &source_files {
            if *is_dir {
                continue;
            }
            let from = source.join(name);
            moved.push(name.clone());
            if let Err(e) = render_core::load_chart_v2(&from) {
                let line = format!(
                    "Could not verify {} for moving: {e} (Skipping)",
                    from.display()
                );
                self.say(&line);
                continue;
            }
            if let Err(e) = std::fs::rename(&from, dest.join(name)) {
                let line = format!(
                    "Unable to move {} to charts dir {e} (Skipping)",
                    from.display()
                );
                self.say(&line);
            }
        }
        self.say("Deleting outdated charts\n");
        for (name, is_dir) in &dest_files {
            if *is_dir || moved.contains(name) {
                continue;
            }
            let path = dest.join(name);
            match render_core::load_chart_v2(&path) {
                Err(e) => {
                    let line = format!(
                        "Could not verify {} for deletion: {e} (Skipping)\n",
                        path.display()
                    );
                    self.say(&line);
                }
                Ok(c) if local.contains(&c.chart.metadata.name.as_str()) => {}
                Ok(_) => {
                    if let Err(e) = std::fs::remove_file(&path) {
                        let line = format!("Could not delete {}: {e} (Skipping)", path.display());
                        self.say(&line);
                    }
                }
            }
        }
        Ok(())
    }

    /// `writeLock`.
    fn write_lock(&mut self, lock: &Lock, legacy: bool) -> Result<(), String> {
        let name = if legacy {
            "requirements.lock"
        } else {
            "Chart.lock"
        };
        let dest = self.chart_path.join(name);
        if let Ok(meta) = std::fs::symlink_metadata(&dest)
            && meta.file_type().is_symlink()
        {
            let target = std::fs::read_link(&dest).unwrap_or_default();
            return Err(format!(
                "the {name} file is a symlink to {}",
                quote(&target.display().to_string())
            ));
        }
        let text = lock::to_yaml(lock, &lock::now_rfc3339())?;
        std::fs::write(&dest, text).map_err(|e| format!("open {}: {e}", dest.display()))
    }
}

/// Where a dependency's archive comes from.
struct Source {
    /// The archive URL (HTTP), or `oci://host/path/name:tag`.
    url: String,
    oci: bool,
    oci_repository: String,
    oci_tag: String,
    auth: Auth,
    tls: Tls,
    /// The archive's sha256 as the index gives it (empty when unknown).
    digest: String,
    /// For a repository named only by URL: (repository URL, chart, version) to look up first.
    fetch_index: Option<(String, String, String)>,
    /// What that look-up found: the archive's URL and digest.
    located: Option<Result<(String, String), String>>,
}

impl Source {
    fn http(url: String, auth: Auth, tls: Tls) -> Source {
        Source {
            url,
            oci: false,
            oci_repository: String::new(),
            oci_tag: String::new(),
            auth,
            tls,
            digest: String::new(),
            fetch_index: None,
            located: None,
        }
    }
}

/// Where a dependency's archive was looked for, and what came of it.
enum Fetched {
    /// The archive URL, and the download.
    Found(String, Result<Download, String>),
    /// The archive URL could not be found (a repository named only by URL).
    NotFound(String),
}

/// A downloaded archive.
struct Download {
    data: Vec<u8>,
    file_name: String,
    /// For OCI: what the registry client printed.
    pulled: Option<String>,
    /// A log record for stderr (an archive that does not match its index digest).
    warning: Option<String>,
}

async fn download(http: &Http, registry: &Registry, cache: &Path, source: &Source) -> Fetched {
    if source.oci {
        let outcome = registry
            .pull(&source.oci_repository, &source.oci_tag)
            .await
            .map(|pulled| {
                let name = source.oci_repository.rsplit('/').next().unwrap_or("");
                Download {
                    file_name: format!("{name}-{}.tgz", source.oci_tag),
                    pulled: Some(pulled.report()),
                    data: pulled.data,
                    warning: None,
                }
            });
        return Fetched::Found(source.url.clone(), outcome);
    }
    let (url, digest) = match &source.located {
        Some(Ok(found)) => found.clone(),
        Some(Err(e)) => return Fetched::NotFound(e.clone()),
        None => (source.url.clone(), source.digest.clone()),
    };
    let path = reqwest::Url::parse(&url)
        .map(|u| u.path().to_string())
        .unwrap_or_default();
    let file_name = match path.rsplit('/').next().unwrap_or("") {
        "" => ".".to_string(),
        n => n.to_string(),
    };
    let digest = digest.trim_start_matches("sha256:").to_string();
    // The content cache has it when the index names its digest and the bytes still match.
    if !digest.is_empty()
        && let Some((_, data)) = crate::cache::get(cache, &digest)
    {
        let download = Download {
            data,
            file_name,
            pulled: None,
            warning: None,
        };
        return Fetched::Found(url, Ok(download));
    }
    let outcome = http
        .get(&url, Kind::Chart, &source.auth, &source.tls)
        .await
        .map(|data| {
            let actual = crate::cache::sha256(&data);
            let warning = (!digest.is_empty() && actual != digest).then(|| {
                render_go::slog::record(
                    "WARN",
                    "the archive's digest is not the one in the repository index",
                    &[("url", &url), ("index", &digest), ("archive", &actual)],
                )
            });
            if warning.is_none() {
                // A failure to cache only costs a download next time.
                let _ = crate::cache::put(cache, &data);
            }
            Download {
                data,
                file_name,
                pulled: None,
                warning,
            }
        });
    Fetched::Found(url, outcome)
}

/// A repository's index, by its URL (the index download of `repo.FindChartInRepoURL`).
async fn fetch_repo_index(http: &Http, repo: &str) -> Result<IndexFile, String> {
    let index_url = resolve_reference(repo, "index.yaml")?;
    let data = http
        .get(&index_url, Kind::Index, &Auth::default(), &Tls::default())
        .await?;
    let mut warnings = Vec::new();
    index::parse(&data, repo, &mut warnings)
}

/// The rest of `repo.FindChartInRepoURL`: the archive of `name` at `version` in `index`.
fn chart_in_index(
    index: &IndexFile,
    repo: &str,
    name: &str,
    version: &str,
) -> Result<(String, String), String> {
    let cv = index.get(name, version).map_err(|e| {
        let why = match e {
            index::GetError::NoChart | index::GetError::NoVersion => {
                format!("chart {} not found in {repo} repository", quote(name))
            }
            _ => format!(
                "chart {} version {} not found in {repo} repository",
                quote(name),
                quote(version)
            ),
        };
        format!("chart {name} not found in {repo}: {why}")
    })?;
    let first = cv
        .urls
        .first()
        .ok_or_else(|| format!("chart {} has no downloadable URLs", quote(name)))?;
    Ok((resolve_reference(repo, first)?, cv.digest.clone()))
}

async fn fetch_index(http: &Http, r: &Entry) -> Result<Vec<u8>, String> {
    let url = resolve_reference(&r.url, "index.yaml")?;
    let auth = r.auth(&r.url);
    let tls = r.tls();
    http.get(&url, Kind::Index, &auth, &tls).await
}

enum LocalCheck {
    Fatal(String),
    Unsatisfied(String),
}

/// A `repository: ""` dependency: `charts/<name>` must be a chart satisfying the constraint.
fn check_local(dir: &Path, d: &Locked) -> Result<(), LocalCheck> {
    let loaded = render_core::load_chart_v2(dir)
        .map_err(|e| LocalCheck::Fatal(format!("unable to load chart '{}': {e}", dir.display())))?;
    let constraint = Constraints::parse(&d.version).map_err(|e| {
        LocalCheck::Fatal(format!(
            "dependency {} has an invalid version/constraint format: {e}",
            d.name
        ))
    })?;
    let version = &loaded.chart.metadata.version;
    let v = Version::parse(version).map_err(|e| {
        LocalCheck::Fatal(format!(
            "invalid version {} for dependency {}: {e}",
            d.version, d.name
        ))
    })?;
    if !constraint.check(&v) {
        return Err(LocalCheck::Unsatisfied(format!(
            "dependency {} at version {version} does not satisfy the constraint {}",
            d.name, d.version
        )));
    }
    Ok(())
}

/// `resolver.GetLocalPath`: `file://` paths are relative to the chart, or absolute.
pub fn local_path(repository: &str, chart_path: &Path) -> Result<PathBuf, String> {
    let p = repository.strip_prefix("file://").unwrap_or(repository);
    let dir = if p.starts_with('/') {
        PathBuf::from(render_go::path::clean(p))
    } else {
        PathBuf::from(render_go::path::clean(
            &chart_path.join(p).to_string_lossy(),
        ))
    };
    match std::fs::metadata(&dir) {
        Ok(_) => Ok(dir),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("directory {} not found", dir.display()))
        }
        Err(e) => Err(format!(
            "stat {}: {}",
            dir.display(),
            render_go::os::io_error(&e)
        )),
    }
}

/// `versionEquals`: semver equality (build metadata ignored), else string equality.
fn version_equals(a: &str, b: &str) -> bool {
    match Version::parse(a) {
        Ok(x) => Version::parse(b).is_ok_and(|y| x.compare(&y) == std::cmp::Ordering::Equal),
        Err(_) => a == b,
    }
}

/// Go's `url.ParseRequestURI` succeeds: an absolute URL or an absolute path.
fn parses_as_request_uri(s: &str) -> bool {
    if s.starts_with('/') {
        return true;
    }
    match s.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Whether Chart.yaml (or a v1 chart's requirements.yaml) has a `dependencies` key: Helm
/// does nothing for a chart without one, but runs for `dependencies: []`.
fn dependencies_declared(chart: &Path, v1: bool) -> bool {
    let mut files = vec![chart.join("Chart.yaml")];
    if v1 {
        files.push(chart.join("requirements.yaml"));
    }
    files.iter().any(|f| {
        let Ok(data) = std::fs::read(f) else {
            return false;
        };
        let text = render_go::value::rawbytes::encode(&data);
        match render_go::yaml::from_str(&text) {
            Ok(doc) => doc.as_map().is_some_and(|m| {
                m.entries()
                    .iter()
                    .any(|(k, v)| k.eq_ignore_ascii_case("dependencies") && !v.is_nil())
            }),
            Err(_) => false,
        }
    })
}

fn quote(s: &str) -> String {
    render_go::strconv::quote(s)
}

/// Writes through a temporary file and a rename, as Helm's `AtomicWriteFile`.
pub fn atomic_write(path: &Path, data: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, data).map_err(|e| format!("open {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("rename {}: {e}", path.display()))
}

/// A directory removed when dropped (Helm's `defer os.RemoveAll(tmpPath)`).
struct TempDir(PathBuf);

impl TempDir {
    fn create(path: &Path) -> Result<TempDir, String> {
        std::fs::create_dir_all(path).map_err(|e| format!("mkdir {}: {e}", path.display()))?;
        Ok(TempDir(path.to_path_buf()))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
