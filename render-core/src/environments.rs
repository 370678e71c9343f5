//! `render.yaml`: the renders a repository keeps (one entry per chart and environment), read
//! and checked with errors that name the file, line and column, and rendered together: the
//! entries of one chart share one loaded, parsed chart, and renders run on all cores with
//! the same output as one by one.
//!
//! ```yaml
//! renders:
//!   - name: prod                 # the snapshot's name: unique, [A-Za-z0-9._-]
//!     chart: ./chart             # a directory or a .tgz, relative to this file, or a
//!                                # remote chart: oci://..., repo/name, or a name with `repo`
//!     version: "^1.2"            # and repo, devel, plainHttp, insecureSkipTlsVerify,
//!                                # caFile, certFile, keyFile, username, password,
//!                                # passCredentials: where a remote chart comes from
//!     release: web               # default: release-name
//!     namespace: prod            # default: default
//!     values: [values/common.yaml, values/prod-*.yaml]   # in order; a glob's files sorted
//!     set: ["replicas=3"]        # also setString, setJSON, setFile, setLiteral
//!     kubeVersion: "1.30.0"      # and apiVersions, includeCrds, skipTests, noHooks,
//!                                # isUpgrade, skipSchemaValidation, showOnly
//! ```
//!
//! ```no_run
//! let envs = render_core::Environments::load("render.yaml".as_ref())?;
//! for (entry, output) in envs.entries.iter().zip(envs.render_all()) {
//!     println!("{}: {} bytes", entry.name, output?.len());
//! }
//! # Ok::<(), render_core::Error>(())
//! ```

use crate::error::{Error, ErrorKind, Location, Result};
use crate::render::{Hooks, LoadedChart, RenderOptions};
use render_go::value::{Map, Value};
use render_go::yaml::{Segment, key_positions};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The renders of a `render.yaml`.
#[derive(Clone, Debug)]
pub struct Environments {
    /// The file they were read from.
    pub file: PathBuf,
    /// The renders, in the file's order.
    pub entries: Vec<Entry>,
}

/// One render of a `render.yaml`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Entry {
    /// Its unique name (the snapshot's file name).
    pub name: String,
    /// `helm template`'s options for it (chart and values paths resolved).
    pub options: RenderOptions,
    /// Which hooks the output keeps (`skipTests`, `noHooks`).
    pub hooks: Hooks,
    /// `showOnly`: the templates whose manifests to print (all when empty).
    pub show_only: Vec<String>,
    /// Where the chart comes from when it is not a local path. This crate has no network
    /// code: whoever renders the entry downloads it first, points `options.chart` at the
    /// archive and clears this (`render_repo::fetch_charts` does all three).
    pub remote: Option<RemoteChart>,
}

/// A chart in a repository, as `helm template`'s chart argument and its repository flags
/// name it (Helm's `LocateChart`): `oci://host/path/name`, `repo/name` of the repositories
/// file, a name in the repository at `repo`, or an archive's URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemoteChart {
    /// The chart argument as written.
    pub reference: String,
    /// `version`: a version or a semver constraint (the newest when empty).
    pub version: String,
    /// `repo`: the repository's URL.
    pub repo: String,
    /// `devel`: pre-releases count when no version is given.
    pub devel: bool,
    /// `plainHttp`: the registry speaks HTTP.
    pub plain_http: bool,
    /// `insecureSkipTlsVerify`.
    pub insecure_skip_tls_verify: bool,
    /// `caFile`, `certFile`, `keyFile` (relative to the environments file).
    pub ca_file: String,
    /// See `ca_file`.
    pub cert_file: String,
    /// See `ca_file`.
    pub key_file: String,
    /// `username`.
    pub username: String,
    /// `password`.
    pub password: String,
    /// `passCredentials`: credentials go to every domain the repository links to.
    pub pass_credentials: bool,
}

/// The keys of an entry, for "unknown key" errors and their suggestions.
const KEYS: [&str; 29] = [
    "name",
    "chart",
    "version",
    "repo",
    "devel",
    "plainHttp",
    "insecureSkipTlsVerify",
    "caFile",
    "certFile",
    "keyFile",
    "username",
    "password",
    "passCredentials",
    "release",
    "namespace",
    "values",
    "set",
    "setString",
    "setJSON",
    "setFile",
    "setLiteral",
    "kubeVersion",
    "apiVersions",
    "includeCrds",
    "skipTests",
    "noHooks",
    "isUpgrade",
    "skipSchemaValidation",
    "showOnly",
];

impl Environments {
    /// Reads and checks a `render.yaml`.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when it cannot be read, [`ErrorKind::Usage`] (with the file, line
    /// and column) when it is not a valid environments file.
    pub fn load(path: &Path) -> Result<Environments> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                render_go::os::path_error("open", path, &e).to_string(),
            )
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        Environments::parse(&text, path, base)
    }

    /// Checks the text of a `render.yaml` read from `file`; relative paths in it are taken
    /// from `base`.
    ///
    /// # Errors
    /// As [`Environments::load`].
    pub fn parse(text: &str, file: &Path, base: &Path) -> Result<Environments> {
        let reader = Reader::new(text, file);
        let root = render_go::yaml::from_str(text)
            .map_err(|e| reader.error(&[], &format!("not valid YAML: {e}")))?;
        let Value::Map(root) = root else {
            return Err(reader.error(&[], "must be a map with a `renders` list"));
        };
        for key in root.keys() {
            if &*key != "renders" {
                return Err(reader.error(
                    &[Segment::Key(key.clone())],
                    "unknown key; the file holds `renders`",
                ));
            }
        }
        let Some(Value::List(items, _)) = root.get("renders") else {
            return Err(reader.error(&[], "must have a `renders` list"));
        };
        let mut entries: Vec<Entry> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = [Segment::Key("renders".into()), Segment::Index(i)];
            let Value::Map(fields) = item else {
                return Err(reader.error(&at, "a render must be a map"));
            };
            let entry = reader.entry(&at, fields, base)?;
            if entries.iter().any(|e| e.name == entry.name) {
                let name = [&at[..], &[Segment::Key("name".into())]].concat();
                return Err(
                    reader.error(&name, &format!("the name {:?} is used twice", entry.name))
                );
            }
            entries.push(entry);
        }
        if entries.is_empty() {
            return Err(reader.error(&[], "lists no render"));
        }
        Ok(Environments {
            file: file.to_path_buf(),
            entries,
        })
    }

    /// Renders every entry, as `render template` prints it, in the file's order. Each chart
    /// is loaded and parsed once; renders run in parallel.
    pub fn render_all(&self) -> Vec<Result<String>> {
        self.render_all_reporting(&|_| {})
    }

    /// [`Environments::render_all`], calling `done` with each entry as its render ends (in
    /// any order, from any thread): for a progress line.
    pub fn render_all_reporting(&self, done: &(dyn Fn(&Entry) + Sync)) -> Vec<Result<String>> {
        self.render_each(done).0
    }

    /// [`Environments::render_all_reporting`] for a process that exits once it has used the
    /// outputs: the loaded charts (parse trees, values, remembered heads) are left for the
    /// OS to reclaim, as compilers do. Freeing them took a twentieth of the CPU of a
    /// snapshot of 10 kube-prometheus-stack environments.
    pub fn render_all_before_exit(&self, done: &(dyn Fn(&Entry) + Sync)) -> Vec<Result<String>> {
        let (outputs, charts) = self.render_each(done);
        std::mem::forget(charts);
        outputs
    }

    /// Every entry's output, and the charts loaded for them.
    fn render_each(
        &self,
        done: &(dyn Fn(&Entry) + Sync),
    ) -> (Vec<Result<String>>, HashMap<&Path, Result<LoadedChart>>) {
        let mut charts: HashMap<&Path, Result<LoadedChart>> = HashMap::new();
        for entry in self.entries.iter().filter(|e| e.remote.is_none()) {
            let path = entry.options.chart.as_path();
            charts
                .entry(path)
                .or_insert_with(|| LoadedChart::load(path));
        }
        let render = |entry: &Entry| -> Result<String> {
            if let Some(remote) = &entry.remote {
                return Err(Error::new(
                    ErrorKind::Chart,
                    format!(
                        "{}: the chart is in a repository: download it and set the entry's chart path first",
                        remote.reference
                    ),
                ));
            }
            let chart = match charts.get(entry.options.chart.as_path()) {
                Some(Ok(chart)) => chart,
                Some(Err(e)) => return Err(e.clone()),
                None => {
                    return Err(Error::new(
                        ErrorKind::Chart,
                        "internal error: chart not loaded",
                    ));
                }
            };
            let rendered = chart.render(&entry.options)?;
            let text = rendered.helm_output(entry.hooks);
            if entry.show_only.is_empty() {
                Ok(text)
            } else {
                crate::manifest::show_only(&text, &entry.show_only)
            }
        };
        let outputs = crate::parallel::map_all(&self.entries, |entry| {
            let output = render(entry);
            done(entry);
            output
        });
        (outputs, charts)
    }
}

/// Reads entries, knowing where each key is for errors.
struct Reader<'t> {
    file: &'t Path,
    positions: Vec<(Vec<Segment>, usize, usize)>,
}

impl<'t> Reader<'t> {
    fn new(text: &str, file: &'t Path) -> Reader<'t> {
        let positions = key_positions(text)
            .into_iter()
            .map(|k| (k.path, k.line, k.column))
            .collect();
        Reader { file, positions }
    }

    /// An error at the key `path` (or the nearest one above it).
    fn error(&self, path: &[Segment], message: &str) -> Error {
        let found = (0..=path.len()).rev().find_map(|n| {
            let prefix = path.get(..n)?;
            self.positions
                .iter()
                .rev()
                .find(|(p, _, _)| p.as_slice() == prefix)
        });
        let (line, column) = found.map_or((None, None), |(_, l, c)| (Some(*l), Some(*c)));
        let location = Location::new(self.file.display().to_string(), line, column);
        let shown = path
            .iter()
            .map(|s| match s {
                Segment::Key(k) => format!(".{k}"),
                Segment::Index(i) => format!("[{i}]"),
            })
            .collect::<String>();
        let text = match shown.strip_prefix('.') {
            Some(path) => format!("{location}: {path}: {message}"),
            None => format!("{location}: {message}"),
        };
        Error::new(ErrorKind::Usage, text).at(Some(location))
    }

    fn entry(&self, at: &[Segment], fields: &Map, base: &Path) -> Result<Entry> {
        let key = |k: &str| [at, &[Segment::Key(k.into())]].concat();
        for name in fields.keys() {
            if !KEYS.contains(&&*name) {
                let close = KEYS.iter().find(|k| {
                    render_go::levenshtein::with_swaps(
                        &k.to_ascii_lowercase(),
                        &name.to_ascii_lowercase(),
                    ) <= 2
                });
                let hint = close.map_or(String::new(), |k| format!("; did you mean {k}?"));
                return Err(self.error(&key(&name), &format!("unknown key{hint}")));
            }
        }
        let text = |k: &str| -> Result<Option<String>> {
            match fields.get(k) {
                None | Some(Value::Nil) => Ok(None),
                Some(Value::Str(s)) => Ok(Some(s.to_string())),
                Some(Value::Int(..) | Value::Float(_)) if k == "kubeVersion" => {
                    Err(self.error(&key(k), "must be a string (quote it: \"1.30\")"))
                }
                Some(_) => Err(self.error(&key(k), "must be a string")),
            }
        };
        let list = |k: &str| -> Result<Vec<String>> {
            match fields.get(k) {
                None | Some(Value::Nil) => Ok(Vec::new()),
                Some(Value::List(items, _)) => items
                    .iter()
                    .map(|v| match v {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => Err(self.error(&key(k), "must be a list of strings")),
                    })
                    .collect(),
                Some(_) => Err(self.error(&key(k), "must be a list of strings")),
            }
        };
        let flag = |k: &str| -> Result<bool> {
            match fields.get(k) {
                None | Some(Value::Nil) => Ok(false),
                Some(Value::Bool(b)) => Ok(b),
                Some(_) => Err(self.error(&key(k), "must be true or false")),
            }
        };
        let name = text("name")?.ok_or_else(|| self.error(at, "has no name"))?;
        let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
        if name.is_empty() || !name.chars().all(valid) || name.starts_with('.') {
            return Err(self.error(&key("name"), "must be letters, digits, '.', '_' or '-'"));
        }
        let chart = text("chart")?.ok_or_else(|| self.error(at, "has no chart"))?;
        let text_or_empty = |k: &str| Ok::<_, Error>(text(k)?.unwrap_or_default());
        let relative = |k: &str| -> Result<String> {
            let file = text_or_empty(k)?;
            Ok(if file.is_empty() {
                file
            } else {
                base.join(file).display().to_string()
            })
        };
        let remote = RemoteChart {
            reference: chart.clone(),
            version: text_or_empty("version")?,
            repo: text_or_empty("repo")?,
            devel: flag("devel")?,
            plain_http: flag("plainHttp")?,
            insecure_skip_tls_verify: flag("insecureSkipTlsVerify")?,
            ca_file: relative("caFile")?,
            cert_file: relative("certFile")?,
            key_file: relative("keyFile")?,
            username: text_or_empty("username")?,
            password: text_or_empty("password")?,
            pass_credentials: flag("passCredentials")?,
        };
        // Helm's order: a repository URL makes the name remote; else a path that exists is
        // local, and so is one that names a path (its error is the loader's).
        let local = base.join(&chart);
        let is_remote = !remote.repo.is_empty()
            || !(local.exists() || chart.starts_with(['.', '/']) || chart.is_empty());
        let mut options = RenderOptions::new(local);
        if let Some(release) = text("release")? {
            options.release_name = release;
        }
        if let Some(namespace) = text("namespace")? {
            options.namespace = namespace;
        }
        options.kube_version = text("kubeVersion")?;
        options.api_versions = list("apiVersions")?;
        options.include_crds = flag("includeCrds")?;
        options.is_upgrade = flag("isUpgrade")?;
        options.skip_schema_validation = flag("skipSchemaValidation")?;
        let mut files = Vec::new();
        for pattern in list("values")? {
            let found = expand(base, &pattern).map_err(|m| self.error(&key("values"), &m))?;
            files.extend(found);
        }
        options.values.value_files = files;
        options.values.values = list("set")?;
        options.values.string_values = list("setString")?;
        options.values.json_values = list("setJSON")?;
        options.values.file_values = list("setFile")?;
        options.values.literal_values = list("setLiteral")?;
        let hooks = if flag("noHooks")? {
            Hooks::None
        } else if flag("skipTests")? {
            Hooks::SkipTests
        } else {
            Hooks::All
        };
        Ok(Entry {
            name,
            options,
            hooks,
            show_only: list("showOnly")?,
            remote: is_remote.then_some(remote),
        })
    }
}

/// A values path relative to `base`, or the files a glob in its last component matches
/// (sorted); a glob that matches nothing is an error.
fn expand(base: &Path, pattern: &str) -> std::result::Result<Vec<String>, String> {
    let path = base.join(pattern);
    let is_glob = pattern.contains(['*', '?', '[']);
    if !is_glob {
        return Ok(vec![path.display().to_string()]);
    }
    let (Some(dir), Some(file)) = (path.parent(), path.file_name().and_then(|f| f.to_str())) else {
        return Err(format!("{pattern}: not a file pattern"));
    };
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{pattern}: {}", render_go::os::io_error(&e)))?;
    let mut found: Vec<String> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        match render_go::glob::filepath::path_match(file, name) {
            Ok(true) => found.push(dir.join(name).display().to_string()),
            Ok(false) => {}
            Err(e) => return Err(format!("{pattern}: {e}")),
        }
    }
    if found.is_empty() {
        return Err(format!("{pattern}: no file matches"));
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries of `renders`, read as if the file were in `testdata/environments`.
    fn entries(renders: &str) -> Vec<Entry> {
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/environments");
        let text = format!("renders:\n{renders}");
        Environments::parse(&text, Path::new("render.yaml"), &base)
            .map(|e| e.entries)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn charts_that_are_not_local_paths_are_remote_as_helm_locates_them() {
        let found = entries(
            "  - {name: local, chart: ../charts/hello}\n\
             \x20 - {name: missing-path, chart: ./nowhere}\n\
             \x20 - {name: oci, chart: oci://example.com/charts/app, version: ~1.2, plainHttp: true}\n\
             \x20 - {name: named, chart: stable/app}\n\
             \x20 - {name: with-repo, chart: ../charts/hello, repo: https://example.com/charts, caFile: ca.pem}\n",
        );
        let remote: Vec<Option<&RemoteChart>> = found.iter().map(|e| e.remote.as_ref()).collect();
        assert_eq!(remote[..2], [None, None]);
        let oci = remote[2].expect("oci:// is remote");
        assert_eq!(
            (oci.reference.as_str(), oci.version.as_str(), oci.plain_http),
            ("oci://example.com/charts/app", "~1.2", true)
        );
        assert_eq!(remote[3].map(|r| r.reference.as_str()), Some("stable/app"));
        let with_repo = remote[4].expect("a repo URL makes the name remote");
        assert_eq!(with_repo.repo, "https://example.com/charts");
        assert!(with_repo.ca_file.ends_with("testdata/environments/ca.pem"));
    }

    #[test]
    fn a_remote_chart_not_yet_downloaded_is_an_error_not_a_missing_directory() {
        let envs = Environments {
            file: "render.yaml".into(),
            entries: entries("  - {name: oci, chart: oci://example.com/charts/app}\n"),
        };
        let outputs = envs.render_all();
        let message = match outputs.first() {
            Some(Err(e)) => e.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            message,
            "oci://example.com/charts/app: the chart is in a repository: download it and set the entry's chart path first"
        );
    }
}
