//! The entry point: [`render`] does what `helm template` does, in Helm's order (load the
//! chart, read the user's values, check and process dependencies, coalesce and validate
//! values, render every template, split and sort the output), and returns each part so the
//! CLI (or any caller) can print exactly what Helm prints.

use crate::chart::{self, Chart};
use crate::engine::{
    self, capabilities::Capabilities, capabilities::KubeVersion, scope, template_error,
};
use crate::error::{Error, ErrorKind, Result};
pub use crate::funcs::entropy::Deterministic;
use crate::manifest::{self, Document, parse_head};
use crate::template::Limits;
use crate::values::{self, Options as ValueOptions};
use render_go::value::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What to render and how: the arguments and flags of `helm template`. Start from
/// [`RenderOptions::new`] (or `default()`) and set what differs from Helm's defaults; new
/// flags may add fields.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RenderOptions {
    /// The chart: a directory or a `.tgz` archive.
    pub chart: PathBuf,
    /// `.Release.Name` (Helm's default for `template` is `release-name`).
    pub release_name: String,
    /// `.Release.Namespace` (`-n`; default `default`).
    pub namespace: String,
    /// `--is-upgrade`: `.Release.IsUpgrade` instead of `.Release.IsInstall`.
    pub is_upgrade: bool,
    /// `-f` and the `--set` family.
    pub values: ValueOptions,
    /// `--kube-version`.
    pub kube_version: Option<String>,
    /// `--api-versions`, added to Helm's defaults.
    pub api_versions: Vec<String>,
    /// `--include-crds`: print the files of every chart's `crds/` directory first.
    pub include_crds: bool,
    /// `--skip-schema-validation`.
    pub skip_schema_validation: bool,
    /// Budgets that stop runaway templates.
    pub limits: Limits,
    /// Random and clock functions seeded and fixed, for output that is the same on every
    /// run and machine (`render snapshot`); `None` (the default) is Helm's behaviour.
    pub deterministic: Option<Deterministic>,
}

impl RenderOptions {
    /// `helm template`'s defaults for the chart at `chart` (a directory or a `.tgz`).
    pub fn new(chart: impl Into<PathBuf>) -> RenderOptions {
        RenderOptions {
            chart: chart.into(),
            ..RenderOptions::default()
        }
    }
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            chart: PathBuf::new(),
            release_name: "release-name".into(),
            namespace: "default".into(),
            is_upgrade: false,
            values: ValueOptions::default(),
            kube_version: None,
            api_versions: Vec::new(),
            include_crds: false,
            skip_schema_validation: false,
            limits: Limits::default(),
            deterministic: None,
        }
    }
}

/// A file from a chart's `crds/` directory.
#[derive(Clone, Debug)]
pub struct Crd {
    /// Its path as Helm prints it (`chart/charts/sub/crds/x.yaml`).
    pub path: String,
    /// Its contents.
    pub content: String,
}

/// The result of a render.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// Each rendered template's output by path (partials and NOTES.txt excluded), shared
    /// with the documents split out of it. A template that wrote bytes which are not UTF-8
    /// (`.Files.Get` of a binary file) holds them as escapes:
    /// [`render_go::value::rawbytes::decode`] gives Go's bytes back.
    pub templates: BTreeMap<String, Arc<String>>,
    /// The root chart's rendered NOTES.txt (`helm template` never prints it).
    pub notes: String,
    /// CRD files, when `include_crds` was set.
    pub crds: Vec<Crd>,
    /// Manifests in install order.
    pub manifests: Vec<Document>,
    /// Hooks in install order.
    pub hooks: Vec<Document>,
    /// Warnings Helm would log to stderr.
    pub warnings: Vec<String>,
    /// The parse trees, values and chart of the render, freed with it. A process that
    /// exits after printing may `std::mem::forget` the result instead: freeing them costs
    /// a tenth of a large chart's render.
    #[allow(dead_code, reason = "held to be dropped with the result, never read")]
    leftovers: engine::Leftovers,
}

/// Which hooks go with the manifests (`--no-hooks`, `--skip-tests`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Hooks {
    /// Every hook, test hooks included (Helm's default).
    #[default]
    All,
    /// Every hook but the `helm.sh/hook: test` ones (`--skip-tests`).
    SkipTests,
    /// None (`--no-hooks`).
    None,
}

impl Hooks {
    fn keep(self, hook: &Document) -> bool {
        match self {
            Hooks::All => true,
            Hooks::SkipTests => !hook.is_test,
            Hooks::None => false,
        }
    }
}

impl Rendered {
    /// The release manifest: CRDs (if requested) then manifests, each as
    /// `---\n# Source: PATH\nDOC\n`.
    pub fn manifest(&self) -> String {
        let mut out = String::with_capacity(self.blocks_len(Hooks::None));
        self.push_manifest(&mut out);
        out
    }

    fn push_manifest(&self, out: &mut String) {
        for c in &self.crds {
            source_block(out, &c.path, &c.content);
        }
        for m in &self.manifests {
            source_block(out, &m.path, &m.content);
        }
    }

    /// The length of the manifest's blocks and of the hooks `hooks` keeps, so that the
    /// output is written into one allocation.
    fn blocks_len(&self, hooks: Hooks) -> usize {
        let block = |path: &str, content: &str| -> usize {
            block_pieces(path, content).iter().map(|p| p.len()).sum()
        };
        let crds = self.crds.iter().map(|c| block(&c.path, &c.content));
        let manifests = self.manifests.iter().map(|m| block(&m.path, &m.content));
        let kept = self.hooks.iter().filter(|h| hooks.keep(h));
        crds.chain(manifests)
            .chain(kept.map(|h| block(&h.path, &h.content)))
            .sum()
    }

    /// What `helm template` prints to stdout (before `--show-only` filtering): the manifest,
    /// trimmed, then a newline, then the hooks chosen.
    pub fn helm_output(&self, hooks: Hooks) -> String {
        let mut out = String::with_capacity(self.blocks_len(hooks) + 1);
        let _ = self.emit_helm_output(hooks, &mut |piece| {
            out.push_str(piece);
            Ok(())
        });
        out
    }

    /// Writes [`Rendered::helm_output`] to `w`, a block at a time, without making it whole
    /// in memory first.
    ///
    /// # Errors
    /// The first error `w` returned.
    pub fn write_helm_output(
        &self,
        hooks: Hooks,
        w: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        use std::io::Write;
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, w);
        self.emit_helm_output(hooks, &mut |piece| w.write_all(piece.as_bytes()))?;
        w.flush()
    }

    /// The pieces of [`Rendered::helm_output`], in order. The manifest is trimmed at both
    /// ends: it starts with `---` unless it is empty, and only its last block can end in
    /// space (every block starts with `---`), so that block alone is trimmed.
    fn emit_helm_output(
        &self,
        hooks: Hooks,
        emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let crds = self
            .crds
            .iter()
            .map(|c| (c.path.as_str(), c.content.as_str()));
        let manifests = self
            .manifests
            .iter()
            .map(|m| (m.path.as_str(), &*m.content));
        let blocks: Vec<(&str, &str)> = crds.chain(manifests).collect();
        if let Some(((path, content), before)) = blocks.split_last() {
            for (path, content) in before {
                emit_block(emit, path, content)?;
            }
            let mut last = String::with_capacity(path.len() + content.len() + 16);
            source_block(&mut last, path, content);
            emit(last.trim_end())?;
        }
        emit("\n")?;
        for h in self.hooks.iter().filter(|h| hooks.keep(h)) {
            emit_block(emit, &h.path, &h.content)?;
        }
        Ok(())
    }

    /// What `helm template --output-dir DIR` writes: each CRD, manifest and chosen hook
    /// appended to `DIR/PATH` (manifests and hooks under `DIR/<release_dir>/` when given, as
    /// `--release-name` does), in `---\n# Source:` blocks. A hook file that existed before
    /// is appended to, as Helm does. `wrote` hears of each file after it is written (Helm
    /// prints `wrote PATH`).
    ///
    /// # Errors
    /// [`ErrorKind::Io`] with Go's text for a directory or file that cannot be written, or
    /// the error `wrote` returned.
    pub fn write_to_dir(
        &self,
        dir: &std::path::Path,
        release_dir: Option<&str>,
        hooks: Hooks,
        wrote: &mut dyn FnMut(&std::path::Path) -> std::io::Result<()>,
    ) -> Result<()> {
        let release_dir = match release_dir {
            Some(release) => dir.join(release),
            None => dir.to_path_buf(),
        };
        let io = |e: std::io::Error| fail(ErrorKind::Io, e.to_string());
        let mut written = std::collections::HashSet::new();
        let mut write = |base: &std::path::Path, name: &str, data: &str, append_existing: bool| {
            let path = base.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    fail(
                        ErrorKind::Io,
                        format!(
                            "mkdir {}: {}",
                            parent.display(),
                            render_go::os::io_error(&e)
                        ),
                    )
                })?;
            }
            let append = written.contains(&path) || (append_existing && path.exists());
            let mut block = String::new();
            source_block(&mut block, name, data);
            std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .append(append)
                .truncate(!append)
                .open(&path)
                .and_then(|mut f| std::io::Write::write_all(&mut f, block.as_bytes()))
                .map_err(|e| {
                    let message =
                        format!("open {}: {}", path.display(), render_go::os::io_error(&e));
                    fail(ErrorKind::Io, message).caused_by(Arc::new(e))
                })?;
            wrote(&path).map_err(io)?;
            written.insert(path);
            Ok::<(), Error>(())
        };
        for c in &self.crds {
            write(dir, &c.path, &c.content, false)?;
        }
        for m in &self.manifests {
            write(&release_dir, &m.path, &m.content, false)?;
        }
        for h in self.hooks.iter().filter(|h| hooks.keep(h)) {
            write(&release_dir, &h.path, &h.content, true)?;
        }
        Ok(())
    }
}

/// One file of Helm's output, `---\n# Source: PATH\nDOC\n`, in pieces.
fn block_pieces<'a>(path: &'a str, content: &'a str) -> [&'a str; 5] {
    ["---\n# Source: ", path, "\n", content, "\n"]
}

/// [`block_pieces`], shown to `emit` one by one.
fn emit_block(
    emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
    path: &str,
    content: &str,
) -> std::io::Result<()> {
    block_pieces(path, content).into_iter().try_for_each(emit)
}

/// [`block_pieces`], appended to `out`.
fn source_block(out: &mut String, path: &str, content: &str) {
    for piece in block_pieces(path, content) {
        out.push_str(piece);
    }
}

/// Kubernetes release names: `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`,
/// at most 53 characters.
fn valid_release_name(name: &str) -> bool {
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b.first().is_some_and(|&c| c != b'-')
            && b.last().is_some_and(|&c| c != b'-')
    };
    name.len() <= 53 && name.split('.').all(label_ok)
}

fn fail(kind: ErrorKind, message: impl Into<String>) -> Error {
    Error::new(kind, message)
}

/// Helm's `CRDObjects`: the chart's and its (enabled) subcharts' `crds/*.{yaml,yml,json}`.
fn crd_objects(chart: &Chart, full_path: &str, out: &mut Vec<Crd>) {
    for f in &chart.files {
        let ext = f.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if f.name.starts_with("crds/") && matches!(ext.as_deref(), Some("yaml" | "yml" | "json")) {
            out.push(Crd {
                path: format!("{full_path}/{}", f.name),
                content: String::from_utf8_lossy(&f.data).into_owned(),
            });
        }
    }
    for d in &chart.dependencies {
        crd_objects(d, &format!("{full_path}/charts/{}", d.metadata.name), out);
    }
}

/// Which functions a standalone template may call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFunctions {
    /// Go's builtins only (Helm's `version --template`).
    GoBuiltins,
    /// Go's builtins, Sprig and Helm's functions (`--name-template`).
    Helm,
}

/// Parses `text` as the template `name` and executes it over `data`.
///
/// # Errors
/// [`ErrorKind::Parse`] or [`ErrorKind::Exec`], with the text Go prints.
pub fn execute_template(
    name: &str,
    text: &str,
    data: Value,
    functions: TemplateFunctions,
) -> Result<String> {
    let builtins;
    let funcs = match functions {
        TemplateFunctions::Helm => crate::funcs::helm_funcs(),
        TemplateFunctions::GoBuiltins => {
            builtins = crate::template::FuncTable::with_builtins();
            &builtins
        }
    };
    let mut set = crate::template::TemplateSet::new(name);
    set.parse(name, text, funcs)
        .map_err(|e| template_error(ErrorKind::Parse, e.to_string(), &e))?;
    crate::template::execute(&set, funcs, name, data)
        .map_err(|e| template_error(ErrorKind::Exec, e.to_string(), &e))
}

/// Helm's `TemplateName` (`--name-template`): a template over nil data with Sprig's functions.
///
/// # Errors
/// As [`execute_template`].
pub fn name_template(text: &str) -> Result<String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    execute_template("name-template", text, Value::Nil, TemplateFunctions::Helm)
}

/// Loads a chart directory or archive with Helm's `loader.Load` (its apiVersion picks the v2
/// or v3 loader), as `helm template` and `helm dependency list` do. Dependencies are not
/// processed.
///
/// # Errors
/// [`ErrorKind::Chart`]: Helm's text for a missing, unreadable or invalid chart.
pub fn load_chart(path: &std::path::Path) -> Result<chart::loader::Loaded> {
    chart::loader::load(path).map_err(Error::from)
}

/// Loads a chart directory or archive with Helm's `pkg/chart/v2/loader.Load`, which `helm
/// show` and `helm dependency` use: any apiVersion read as a v2 chart, archive errors as they
/// are. Dependencies are not processed.
///
/// # Errors
/// [`ErrorKind::Chart`]: Helm's text for a missing, unreadable or invalid chart.
pub fn load_chart_v2(path: &std::path::Path) -> Result<chart::loader::Loaded> {
    chart::loader::load_v2(path).map_err(Error::from)
}

/// Renders a chart as `helm template` does.
///
/// # Errors
/// Every failure Helm reports, with Helm's message: a missing chart, invalid Chart.yaml or
/// values, missing dependencies, schema violations, template parse and execution errors,
/// rendered YAML that does not parse.
///
/// # Examples
/// ```
/// use render_core::{Hooks, RenderOptions, render};
/// let dir = std::env::temp_dir().join(format!("render-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("templates")).unwrap();
/// std::fs::write(dir.join("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 1.0.0\n").unwrap();
/// std::fs::write(dir.join("values.yaml"), "greeting: hello\n").unwrap();
/// std::fs::write(
///     dir.join("templates/cm.yaml"),
///     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  msg: {{ .Values.greeting | quote }}\n",
/// ).unwrap();
/// let opts = RenderOptions::new(&dir);
/// let out = render(&opts).unwrap();
/// assert_eq!(
///     out.helm_output(Hooks::All),
///     "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: release-name\ndata:\n  msg: \"hello\"\n",
/// );
/// std::fs::remove_dir_all(dir).unwrap();
/// ```
pub fn render(opts: &RenderOptions) -> Result<Rendered> {
    // `helm template` reads --kube-version before anything else, then the values.
    let kube = kube_version(opts)?;
    let chart_path = &opts.chart;
    chart::loader::locate(chart_path)?;
    let user = user_values(opts)?;
    // Templates parse and schemas compile while the chart's values are read and merged.
    let schemas = (!opts.skip_schema_validation).then(values::schema::SchemaCache::default);
    let (loaded, ahead) = load_ahead(chart_path, schemas.as_ref())?;
    if let Some(schemas) = &schemas {
        schemas.compile_chart_ahead(&loaded.chart);
    }
    let mut rendered = render_chart(
        loaded.chart,
        loaded.warnings,
        user,
        kube,
        opts,
        Shared {
            parsed: ahead.as_ref(),
            heads: None,
            schemas: schemas.as_ref(),
        },
        None,
    )?;
    // The trees parsed ahead are freed with the render's other leftovers, if at all.
    rendered.leftovers.keep((ahead, schemas));
    Ok(rendered)
}

/// Loads a chart directory or archive; a directory's templates start parsing (the cache
/// returned) and its schemas compiling (into `schemas`, when given) as soon as they are read.
/// The caller starts those of subcharts found in archives
/// (`SchemaCache::compile_chart_ahead`).
fn load_ahead(
    path: &std::path::Path,
    schemas: Option<&values::schema::SchemaCache>,
) -> Result<(chart::loader::Loaded, Option<engine::ParseCache>)> {
    let mut parsed = None;
    let loaded = chart::loader::load_watching(path, &mut |files| {
        let templates = files
            .iter()
            .filter(|f| chart::dir::is_template_path(&f.name))
            .map(|f| (f.name.clone(), f.data.clone()))
            .collect();
        parsed = Some(engine::ParseCache::parsing_ahead(
            templates,
            crate::funcs::helm_funcs(),
        ));
        if let Some(schemas) = schemas {
            schemas.compile_ahead(
                files
                    .iter()
                    .filter(|f| chart::dir::is_schema_path(&f.name))
                    .map(|f| f.data.clone()),
            );
        }
    })?;
    Ok((loaded, parsed))
}

/// A chart loaded once, to render any number of times: with other values, releases or
/// Kubernetes versions, from several threads at once. Its files are read and its Chart.yaml
/// and values.yaml parsed once, and each template file is parsed by the first render that
/// needs it; later renders share the trees, and read the head of a large document (a CRD)
/// that an earlier render printed unchanged only once. Cloning it is cheap.
///
/// # Examples
/// Two environments of one in-memory chart, rendered on two threads:
/// ```
/// use render_core::{Hooks, LoadedChart, RenderOptions};
/// let chart = LoadedChart::from_files([
///     ("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n"),
///     ("values.yaml", "replicas: 1\n"),
///     ("templates/cm.yaml", "kind: ConfigMap\ndata:\n  replicas: {{ .Values.replicas | quote }}\n"),
/// ])
/// .unwrap();
/// let envs = [("dev", "replicas=1"), ("prod", "replicas=3")];
/// let outputs: Vec<String> = std::thread::scope(|s| {
///     let handles: Vec<_> = envs
///         .iter()
///         .map(|(namespace, set)| {
///             let chart = chart.clone();
///             s.spawn(move || {
///                 let mut opts = RenderOptions::default();
///                 opts.namespace = namespace.to_string();
///                 opts.values.values.push(set.to_string());
///                 chart.render(&opts).map(|r| r.helm_output(Hooks::All))
///             })
///         })
///         .collect();
///     handles.into_iter().map(|h| h.join().unwrap().unwrap()).collect()
/// });
/// assert!(outputs[1].ends_with("replicas: \"3\"\n"));
/// ```
#[derive(Clone)]
pub struct LoadedChart {
    inner: Arc<Loaded>,
}

struct Loaded {
    chart: Chart,
    warnings: Vec<String>,
    parsed: engine::ParseCache,
    heads: manifest::HeadsMemo,
    schemas: values::schema::SchemaCache,
}

/// What a render shares with other renders of the same loaded chart: the parse trees of its
/// templates and the heads of large documents printed before.
#[derive(Clone, Copy, Default)]
pub(crate) struct Shared<'a> {
    pub(crate) parsed: Option<&'a engine::ParseCache>,
    pub(crate) heads: Option<&'a manifest::HeadsMemo>,
    pub(crate) schemas: Option<&'a values::schema::SchemaCache>,
}

impl LoadedChart {
    /// Loads a chart directory or `.tgz` archive, as `helm template` does.
    ///
    /// # Errors
    /// Helm's errors for a missing chart, an unreadable or invalid archive, an invalid
    /// Chart.yaml or values.yaml.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<LoadedChart> {
        let path = path.as_ref();
        chart::loader::locate(path)?;
        // Its templates parse and its schemas compile on other threads from now on: the
        // first renders find them ready, or wait for one in progress rather than redo it.
        let schemas = values::schema::SchemaCache::default();
        let (loaded, parsed) = load_ahead(path, Some(&schemas))?;
        Ok(LoadedChart::new(
            loaded,
            parsed.unwrap_or_default(),
            schemas,
        ))
    }

    /// Loads a chart from the bytes of a `.tgz` archive.
    ///
    /// # Errors
    /// As [`LoadedChart::load`] for an archive.
    pub fn from_archive(bytes: &[u8]) -> Result<LoadedChart> {
        let loaded = chart::loader::load_archive_bytes("<archive>", bytes)?;
        Ok(LoadedChart::new(
            loaded,
            engine::ParseCache::default(),
            values::schema::SchemaCache::default(),
        ))
    }

    /// Loads a chart from files in memory, each named by its path in the chart
    /// (`Chart.yaml`, `templates/x.yaml`, `charts/sub-1.0.0.tgz`, ...), taken as they are (no
    /// `.helmignore`), as Helm's `loader.LoadFiles` does.
    ///
    /// # Errors
    /// As [`LoadedChart::load`] (`Chart.yaml file is missing`, ...).
    pub fn from_files<N, D>(files: impl IntoIterator<Item = (N, D)>) -> Result<LoadedChart>
    where
        N: Into<String>,
        D: AsRef<[u8]>,
    {
        let files = files
            .into_iter()
            .map(|(name, data)| chart::loader::BufferedFile {
                name: name.into(),
                data: Arc::from(data.as_ref()),
            })
            .collect();
        let loaded = chart::loader::load_memory(files)?;
        Ok(LoadedChart::new(
            loaded,
            engine::ParseCache::default(),
            values::schema::SchemaCache::default(),
        ))
    }

    /// The loaded chart, the schemas of its subcharts from archives compiling from now on.
    fn new(
        loaded: chart::loader::Loaded,
        parsed: engine::ParseCache,
        schemas: values::schema::SchemaCache,
    ) -> LoadedChart {
        schemas.compile_chart_ahead(&loaded.chart);
        LoadedChart {
            inner: Arc::new(Loaded {
                schemas,
                chart: loaded.chart,
                warnings: loaded.warnings,
                parsed,
                heads: manifest::HeadsMemo::default(),
            }),
        }
    }

    /// What a render of this chart starts from: the chart, the loader's warnings and the
    /// parse trees earlier renders left.
    pub(crate) fn parts(&self) -> (&Chart, &[String], &engine::ParseCache) {
        let inner = &*self.inner;
        (&inner.chart, &inner.warnings, &inner.parsed)
    }

    /// The chart as loaded (before its dependencies are processed for a render).
    pub fn chart(&self) -> &Chart {
        &self.inner.chart
    }

    /// Renders the chart as `helm template` does with `opts` (whose `chart` is not read).
    ///
    /// # Errors
    /// As [`render`], except those of loading.
    pub fn render(&self, opts: &RenderOptions) -> Result<Rendered> {
        let kube = kube_version(opts)?;
        let user = user_values(opts)?;
        let inner = &*self.inner;
        render_chart(
            inner.chart.clone(),
            inner.warnings.clone(),
            user,
            kube,
            opts,
            Shared {
                parsed: Some(&inner.parsed),
                heads: Some(&inner.heads),
                schemas: Some(&inner.schemas),
            },
            None,
        )
    }
}

/// `--kube-version`, parsed.
pub(crate) fn kube_version(opts: &RenderOptions) -> Result<Option<KubeVersion>> {
    match &opts.kube_version {
        Some(v) => KubeVersion::parse(v)
            .map(Some)
            .map_err(|e| fail(ErrorKind::Usage, format!("invalid kube version '{v}': {e}"))),
        None => Ok(None),
    }
}

/// The user's values: `-f` files and the `--set` family, merged.
fn user_values(opts: &RenderOptions) -> Result<render_go::value::Map> {
    opts.values
        .merge_values(&mut values::options::read_file)
        .map_err(Error::from)
}

/// What a render records for `render check`: the templates' reads, and the merged values
/// and processed chart (disabled subcharts gone, aliases applied) they were made on.
#[derive(Default)]
pub(crate) struct Recording {
    pub reads: crate::template::ReadLog,
    pub values: Option<render_go::value::Map>,
    pub chart: Option<Chart>,
}

/// Everything after loading: dependencies, values, templates, manifests; with `record`,
/// what the templates read.
pub(crate) fn render_chart(
    mut chart: Chart,
    mut warnings: Vec<String>,
    user: render_go::value::Map,
    kube: Option<KubeVersion>,
    opts: &RenderOptions,
    shared: Shared<'_>,
    record: Option<&mut Recording>,
) -> Result<Rendered> {
    if !matches!(chart.metadata.chart_type.as_str(), "" | "application") {
        return Err(fail(
            ErrorKind::Chart,
            format!("{} charts are not installable", chart.metadata.chart_type),
        ));
    }
    if chart.metadata.deprecated {
        warnings.push(render_go::slog::record(
            "WARN",
            "this chart is deprecated",
            &[],
        ));
    }
    if chart.metadata.api_version == "v3" {
        // Helm v4.2.3 loads v3 charts and checks their dependencies, then refuses to
        // install them.
        values::check_dependencies(&chart, true)?;
        return Err(fail(ErrorKind::Chart, "invalid chart apiVersion"));
    }
    if !chart.metadata.dependencies.is_empty() {
        values::check_dependencies(&chart, false)?;
    }
    if !valid_release_name(&opts.release_name) {
        let msg = if opts.release_name.is_empty() {
            "no name provided".to_string()
        } else {
            "invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53".to_string()
        };
        return Err(fail(
            ErrorKind::Usage,
            format!(
                "release name check failed: release name {:?}: {msg}",
                opts.release_name
            ),
        ));
    }
    values::process_dependencies(&mut chart, &user, &mut warnings)?;

    let caps = Capabilities::new(kube, &opts.api_versions);
    let kube_string = caps.kube_string();
    let kube_version = caps.kube_version_text();
    let coalesced = values::coalesce(&chart, &user, &mut warnings)?;
    let kube_fits = chart.metadata.kube_version.is_empty()
        || values::deps::is_compatible_range(&chart.metadata.kube_version, &kube_string);
    // Helm validates before it renders, and that error comes first. While the schemas
    // compile on another core, the render goes on; the values are checked after it, as they
    // were before it (a copy the templates cannot change), and that error still wins.
    let validate = !opts.skip_schema_validation;
    let after_render = validate
        && kube_fits
        && record.is_none()
        && values::schema::any_schema(&chart)
        && crate::parallel::threads_here() >= 2;
    let validating = after_render.then(|| coalesced.deep_copy());
    if validate && !after_render {
        values::validate_schema(&chart, &coalesced, shared.schemas)?;
    }
    let release = scope::Release {
        name: opts.release_name.clone(),
        namespace: opts.namespace.clone(),
        revision: 1,
        is_upgrade: opts.is_upgrade,
        is_install: !opts.is_upgrade,
    };
    let recorded_values = record.is_some().then(|| coalesced.clone());
    let top = scope::top_values(&chart, coalesced, &release, Value::Object(Arc::new(caps)));

    if !kube_fits {
        return Err(fail(
            ErrorKind::Chart,
            format!(
                "chart requires kubeVersion: {} which is incompatible with Kubernetes {}",
                chart.metadata.kube_version, kube_version
            ),
        ));
    }
    let templates = scope::all_templates(&chart, &top);
    let funcs = crate::funcs::helm_funcs();
    let mut reads = record.is_some().then(crate::template::ReadLog::default);
    let mut leftovers = engine::Leftovers::default();
    let queue = manifest::HeadsQueue::default();
    let read_head = |doc: &str| match shared.heads {
        Some(memo) => memo.head(doc),
        None => parse_head(doc),
    };
    let (files, read_heads) = std::thread::scope(|scope| {
        let mut heads = manifest::HeadsAhead::new(scope, &queue, &read_head);
        let files = crate::funcs::entropy::with(opts.deterministic.as_ref(), || {
            engine::render_cached(
                templates,
                funcs,
                &opts.limits,
                shared.parsed,
                reads.as_mut(),
                &mut leftovers,
                &mut |path, out| {
                    if !path.ends_with("NOTES.txt") {
                        heads.add(path, out);
                    }
                },
            )
        });
        (files, heads.finish())
    });
    if let Some(values) = &validating {
        values::validate_schema(&chart, values, shared.schemas)?;
    }
    let mut files = files?;
    let root_notes = format!("{}/templates/NOTES.txt", chart.metadata.name);
    let notes = files
        .get(&root_notes)
        .map(|notes| notes.to_string())
        .unwrap_or_default();
    files.retain(|k, _| !k.ends_with("NOTES.txt"));

    let sorted = manifest::sort_manifests_read(
        files.iter().map(|(k, v)| (k.as_str(), v)),
        read_heads,
        read_head,
    )
    .map_err(|e: manifest::ManifestError| {
        // Helm keeps every rendered file in the release manifest it shows with --debug.
        let mut all = String::new();
        for (name, content) in &files {
            if !content.trim().is_empty() {
                source_block(&mut all, name, content);
            }
        }
        let location = crate::error::Location::new(&e.path, None, None);
        fail(ErrorKind::ManifestYaml, e.to_string())
            .at(Some(location))
            .with_partial_output(all)
    })?;
    let mut crds = Vec::new();
    if opts.include_crds {
        crd_objects(&chart, &chart.metadata.name, &mut crds);
    }
    leftovers.keep(top);
    match record {
        Some(record) => {
            record.reads = reads.unwrap_or_default();
            record.values = recorded_values;
            record.chart = Some(chart);
        }
        None => leftovers.keep(chart),
    }
    Ok(Rendered {
        templates: files,
        notes,
        crds,
        manifests: sorted.manifests,
        hooks: sorted.hooks,
        warnings,
        leftovers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output made whole and trimmed, as `helm_output` first wrote it.
    fn whole(r: &Rendered, hooks: Hooks) -> String {
        let mut out = String::new();
        r.push_manifest(&mut out);
        let out = out.trim();
        let mut out = format!("{out}\n");
        for h in r.hooks.iter().filter(|h| hooks.keep(h)) {
            source_block(&mut out, &h.path, &h.content);
        }
        out
    }

    fn doc(path: &str, content: &str, is_test: bool) -> Document {
        Document {
            path: path.into(),
            content: content.into(),
            head: Default::default(),
            is_test,
        }
    }

    #[test]
    fn the_output_written_in_pieces_is_the_output_made_whole() {
        let contents = ["kind: A", "kind: B\n\n  ", " \n", "", "a: |\n  x  \n"];
        let mut cases = vec![Rendered::default()];
        for (i, last) in contents.iter().enumerate() {
            let r = Rendered {
                crds: (0..i % 2)
                    .map(|_| Crd {
                        path: "c/crds/x.yaml".into(),
                        content: "kind: CustomResourceDefinition".into(),
                    })
                    .collect(),
                manifests: contents
                    .iter()
                    .take(i)
                    .chain([last])
                    .map(|c| doc("c/templates/m.yaml", c, false))
                    .collect(),
                hooks: vec![
                    doc("c/templates/h.yaml", "kind: Job  \n", true),
                    doc("c/templates/g.yaml", "", false),
                ],
                ..Default::default()
            };
            cases.push(r);
        }
        cases.push(Rendered {
            hooks: vec![doc("c/templates/h.yaml", "kind: Pod", false)],
            ..Default::default()
        });
        for r in &cases {
            for hooks in [Hooks::All, Hooks::SkipTests, Hooks::None] {
                let mut written = Vec::new();
                r.write_helm_output(hooks, &mut written).expect("writes");
                assert_eq!(r.helm_output(hooks), whole(r, hooks));
                assert_eq!(String::from_utf8(written).expect("UTF-8"), whole(r, hooks));
            }
        }
    }
}
