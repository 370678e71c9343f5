//! In-memory chart files → [`Chart`] (Helm's `LoadFiles`), and the entry points that load a
//! chart directory or archive from disk. Directory and archive loaders both reduce to
//! [`load_files`].

use super::archive::{ArchiveError, load_archive_files};
use super::chartfile::decode_metadata;
use super::dir::load_dir_files;
use super::error::LoadError;
use super::model::{Chart, File, Metadata};
use render_go::value::{Map, MapType, Value, rawbytes};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file read from a chart directory or archive, named relative to the chart root.
#[derive(Clone, Debug)]
pub struct BufferedFile {
    /// Path relative to the chart root, `/`-separated.
    pub name: String,
    /// Contents (BOM stripped).
    pub data: Arc<[u8]>,
}

/// A loaded chart and the warnings Helm logs while loading it.
#[derive(Debug)]
pub struct Loaded {
    /// The chart.
    pub chart: Chart,
    /// Warnings (Helm writes them to stderr).
    pub warnings: Vec<String>,
}

/// A file's bytes as a Go string: bytes that are not UTF-8 are kept, so that the YAML reader
/// reports them as go-yaml does (`yaml: invalid leading UTF-8 octet`).
fn text(f: &BufferedFile) -> String {
    rawbytes::encode(&f.data).into_owned()
}

fn file(f: &BufferedFile) -> File {
    File {
        name: f.name.clone(),
        data: f.data.clone(),
    }
}

/// Which of Helm's two chart loaders reads a chart tree: the top chart's apiVersion picks
/// one, and its subcharts are read by the same one whatever their own apiVersion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Api {
    /// `pkg/chart/v2/loader` (apiVersion v1, v2 or none).
    V2,
    /// `internal/chart/v3/loader` (apiVersion v3): no `requirements.*` files.
    V3,
}

/// Helm's `LoadFiles`: sorts files into Chart.yaml, values, templates, subcharts and the rest,
/// loads subcharts recursively, and validates the metadata.
pub fn load_files(
    files: Vec<BufferedFile>,
    api: Api,
    warnings: &mut Vec<String>,
) -> Result<Chart, String> {
    let mut chart = Chart::default();
    let mut metadata: Option<Metadata> = None;
    let mut nulls = super::chartfile::NullEntries::default();
    for f in &files {
        if f.name == "Chart.yaml" {
            let md = metadata.get_or_insert_with(Metadata::default);
            nulls = decode_metadata(&text(f), md)
                .map_err(|e| format!("cannot load Chart.yaml: {e}"))?;
            if md.api_version.is_empty() {
                md.api_version = match api {
                    Api::V2 => "v1",
                    Api::V3 => "v3",
                }
                .into();
            }
        }
    }
    let mut subcharts: BTreeMap<String, Vec<BufferedFile>> = BTreeMap::new();
    for f in &files {
        let name = f.name.as_str();
        match name {
            "Chart.yaml" => {}
            "Chart.lock" => {
                render_go::yaml::from_str(&text(f))
                    .map_err(|e| format!("cannot load Chart.lock: {}", e.message()))?;
            }
            "values.yaml" => {
                let values = render_go::yaml::load_values(&text(f))
                    .map_err(|e| format!("cannot load values.yaml: {}", e.message()))?;
                chart.values = Value::Map(values);
                chart.raw_values.push(f.data.clone());
            }
            "values.schema.json" => chart.schema = Some(f.data.clone()),
            "requirements.yaml" | "requirements.lock" if api == Api::V2 => {
                let md = metadata.get_or_insert_with(Metadata::default);
                let is_v1 = md.api_version == "v1";
                if name == "requirements.yaml" {
                    if !is_v1 {
                        warnings.push("Warning: Dependencies are handled in Chart.yaml since apiVersion \"v2\". We recommend migrating dependencies to Chart.yaml.".into());
                    }
                    let n = decode_metadata(&text(f), md)
                        .map_err(|e| format!("cannot load requirements.yaml: {e}"))?;
                    nulls.dependency |= n.dependency;
                } else {
                    render_go::yaml::from_str(&text(f))
                        .map_err(|e| format!("cannot load requirements.lock: {}", e.message()))?;
                    if !is_v1 {
                        warnings.push("Warning: Dependency locking is handled in Chart.lock since apiVersion \"v2\". We recommend migrating to Chart.lock.".into());
                    }
                }
                if is_v1 {
                    chart.files.push(file(f));
                }
            }
            _ if name.starts_with("templates/") => chart.templates.push(file(f)),
            _ if name.starts_with("charts/") => {
                if name.ends_with(".prov") {
                    chart.files.push(file(f));
                    continue;
                }
                let fname = &name["charts/".len()..];
                let cname = fname.split('/').next().unwrap_or(fname);
                subcharts
                    .entry(cname.to_string())
                    .or_default()
                    .push(BufferedFile {
                        name: fname.to_string(),
                        data: f.data.clone(),
                    });
            }
            _ => chart.files.push(file(f)),
        }
    }
    let Some(mut md) = metadata else {
        return Err("Chart.yaml file is missing".into());
    };
    md.validate(nulls)?;
    if chart.values.is_nil() {
        chart.values = Value::Map(Map::new(MapType::Any));
    }
    let parent_name = md.name.clone();
    chart.metadata = md;
    for (n, files) in subcharts {
        if n.starts_with('_') || n.starts_with('.') {
            continue;
        }
        let sub = if n.ends_with(".tgz") {
            let Some(first) = files.first() else { continue };
            if first.name != n {
                return Err(format!(
                    "error unpacking subchart tar in {parent_name}: expected {n}, got {}",
                    first.name
                ));
            }
            load_archive(&first.data, api, warnings)
        } else {
            let inner: Vec<BufferedFile> = files
                .into_iter()
                .filter_map(|f| {
                    let (_, rest) = f.name.split_once('/')?;
                    Some(BufferedFile {
                        name: rest.to_string(),
                        data: f.data,
                    })
                })
                .collect();
            load_files(inner, api, warnings)
        };
        let sub = sub.map_err(|e| format!("error unpacking subchart {n} in {parent_name}: {e}"))?;
        chart.dependencies.push(sub);
    }
    Ok(chart)
}

/// The loader `Chart.yaml`'s apiVersion picks (Helm's `loader.Load`).
fn check_api_version(chart_yaml: &str) -> Result<Api, String> {
    let version = super::chartfile::decode_api_version(chart_yaml)
        .map_err(|e| format!("cannot load Chart.yaml: {e}"))?;
    match version.as_str() {
        "" | "v1" | "v2" => Ok(Api::V2),
        "v3" => Ok(Api::V3),
        _ => Err("unsupported chart version".into()),
    }
}

/// Helm's v2 `LoadArchive`, which loads a subchart's `.tgz`: the archive's errors as they
/// are, then the files as a chart.
fn load_archive(data: &[u8], api: Api, warnings: &mut Vec<String>) -> Result<Chart, String> {
    let files = load_archive_files(data).map_err(|e| e.to_string())?;
    load_files(files, api, warnings)
}

/// Go's `filepath.Abs`: the path joined to the working directory if relative, then cleaned
/// (Helm's errors name files by absolute path).
fn go_abs(path: &Path) -> PathBuf {
    let joined = match path.is_absolute() {
        true => path.to_path_buf(),
        false => std::env::current_dir().unwrap_or_default().join(path),
    };
    PathBuf::from(render_go::path::clean(&joined.to_string_lossy()))
}

/// Loads a chart directory or `.tgz` archive from disk (Helm's `loader.Load`).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_watching(path, &mut |_| {})
}

/// [`load`], showing `on_early` a chart directory's templates and values.schema.json files
/// (its own and its subcharts') as soon as they are read, before the other files are read
/// and all are made into a chart (a render starts parsing and compiling them then).
pub fn load_watching(
    path: &Path,
    on_early: &mut dyn FnMut(&[BufferedFile]),
) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    let path = &go_abs(path);
    let meta = stat(path)?;
    let chart = if meta.is_dir() {
        let chart_yaml = path.join("Chart.yaml");
        let data = std::fs::read(&chart_yaml).map_err(|e| {
            let message = format!(
                "unable to detect chart at {}: {}",
                chart_yaml.display(),
                render_go::os::path_error("open", &chart_yaml, &e)
            );
            LoadError::io(message, e)
        })?;
        let api = check_api_version(&rawbytes::encode(&data))?;
        let files = load_dir_files(path, &mut warnings, on_early)?;
        load_files(files, api, &mut warnings)?
    } else {
        return load_archive_bytes(&path.display().to_string(), &read(path)?);
    };
    Ok(Loaded { chart, warnings })
}

/// Loads a chart from the bytes of a `.tgz` archive, as [`load`] loads an archive file;
/// `name` stands for the file in errors.
pub fn load_archive_bytes(name: &str, data: &[u8]) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    ensure_archive(name, data)?;
    let files = load_archive_files(data).map_err(|e| match e {
        ArchiveError::NotGzip => {
            format!("file '{name}' does not appear to be a valid chart file (details: {e})")
        }
        ArchiveError::Other(_) => "unable to load chart archive".to_string(),
    })?;
    let Some(chart_yaml) = files.iter().find(|f| f.name == "Chart.yaml") else {
        return Err("unable to detect chart version, no Chart.yaml found".into());
    };
    let api = check_api_version(&text(chart_yaml))?;
    let chart = load_files(files, api, &mut warnings)?;
    Ok(Loaded { chart, warnings })
}

/// Loads a chart from files already in memory, named relative to the chart root (Helm's
/// `LoadFiles`: taken as they are, no `.helmignore`; subcharts as `charts/*.tgz` or under
/// `charts/<name>/`).
pub fn load_memory(files: Vec<BufferedFile>) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    let api = match files.iter().find(|f| f.name == "Chart.yaml") {
        Some(chart_yaml) => check_api_version(&text(chart_yaml))?,
        None => Api::V2,
    };
    let chart = load_files(files, api, &mut warnings)?;
    Ok(Loaded { chart, warnings })
}

/// Helm's `LocateChart` for a chart that has to be on disk: a missing path is an error in
/// Helm's words (a name that is not a path would be looked up in a chart repository).
pub fn locate(path: &Path) -> Result<(), LoadError> {
    if std::fs::metadata(path).is_ok() {
        return Ok(());
    }
    let shown = path.display().to_string();
    if path.is_absolute() || shown.starts_with('.') {
        return Err(LoadError::NotFound(format!(
            "path {} not found",
            render_go::strconv::quote(&shown)
        )));
    }
    Err(LoadError::NotFound(format!(
        "non-absolute URLs should be in form of repo_name/path_to_chart, got: {shown}"
    )))
}

/// Go's `os.Stat` with its error text.
fn stat(path: &Path) -> Result<std::fs::Metadata, LoadError> {
    std::fs::metadata(path)
        .map_err(|e| LoadError::io(render_go::os::path_error("stat", path, &e), e))
}

/// Go's `os.ReadFile` with its error text.
fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|e| LoadError::io(render_go::os::path_error("open", path, &e), e))
}

/// Helm's `pkg/chart/v2/loader.Load`, which `helm show` uses: any apiVersion is read as a
/// v2 chart, and archive errors are reported as they are.
pub fn load_v2(path: &Path) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    let path = &go_abs(path);
    let meta = stat(path)?;
    let files = if meta.is_dir() {
        load_dir_files(path, &mut warnings, &mut |_| {})?
    } else {
        let data = read(path)?;
        let name = path.display().to_string();
        ensure_archive(&name, &data)?;
        load_archive_files(&data).map_err(|e| match e {
            ArchiveError::NotGzip => {
                format!("file '{name}' does not appear to be a valid chart file (details: {e})")
            }
            ArchiveError::Other(_) => e.to_string(),
        })?
    };
    let chart = load_files(files, Api::V2, &mut warnings)?;
    Ok(Loaded { chart, warnings })
}

/// Helm's `ensureArchive`: a file to load as a chart must look like a gzip stream.
fn ensure_archive(name: &str, data: &[u8]) -> Result<(), String> {
    if data.starts_with(&[0x1f, 0x8b, 0x08]) {
        return Ok(());
    }
    if name.ends_with(".yml") || name.ends_with(".yaml") {
        return Err(format!(
            "file '{name}' seems to be a YAML file, but expected a gzipped archive"
        ));
    }
    Err(format!(
        "file '{name}' does not appear to be a gzipped archive; got '{}'",
        super::sniff::helm_sniff(data)
    ))
}
