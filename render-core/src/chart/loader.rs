//! In-memory chart files → [`Chart`] (Helm's `LoadFiles`), and the entry points that load a
//! chart directory or archive from disk. Directory and archive loaders both reduce to
//! [`load_files`].

use super::archive::{ArchiveError, load_archive_files};
use super::chartfile::decode_metadata;
use super::dir::load_dir_files;
use super::model::{Chart, File, Metadata};
use crate::value::{Map, MapType, Value};
use std::collections::BTreeMap;
use std::path::Path;
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

fn text(f: &BufferedFile) -> String {
    String::from_utf8_lossy(&f.data).into_owned()
}

fn file(f: &BufferedFile) -> File {
    File {
        name: f.name.clone(),
        data: f.data.clone(),
    }
}

/// Helm's `LoadFiles`: sorts files into Chart.yaml, values, templates, subcharts and the rest,
/// loads subcharts recursively, and validates the metadata.
pub fn load_files(files: Vec<BufferedFile>, warnings: &mut Vec<String>) -> Result<Chart, String> {
    let mut chart = Chart::default();
    let mut metadata: Option<Metadata> = None;
    let mut nulls = super::chartfile::NullEntries::default();
    for f in &files {
        if f.name == "Chart.yaml" {
            let md = metadata.get_or_insert_with(Metadata::default);
            nulls = decode_metadata(&text(f), md)
                .map_err(|e| format!("cannot load Chart.yaml: {e}"))?;
            if md.api_version.is_empty() {
                md.api_version = "v1".into();
            }
        }
    }
    let mut subcharts: BTreeMap<String, Vec<BufferedFile>> = BTreeMap::new();
    for f in &files {
        let name = f.name.as_str();
        match name {
            "Chart.yaml" => {}
            "Chart.lock" => {
                crate::yaml::from_str(&text(f))
                    .map_err(|e| format!("cannot load Chart.lock: {}", e.message()))?;
            }
            "values.yaml" => {
                let values = crate::yaml::load_values(&text(f))
                    .map_err(|e| format!("cannot load values.yaml: {}", e.message()))?;
                chart.values = Value::Map(values);
            }
            "values.schema.json" => chart.schema = Some(f.data.clone()),
            "requirements.yaml" | "requirements.lock" => {
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
                    crate::yaml::from_str(&text(f))
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
            load_archive(&first.data, warnings)
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
            load_files(inner, warnings)
        };
        let sub = sub.map_err(|e| format!("error unpacking subchart {n} in {parent_name}: {e}"))?;
        chart.dependencies.push(sub);
    }
    Ok(chart)
}

/// Whether `Chart.yaml`'s apiVersion is one this loader handles (v1, v2 or unset).
fn check_api_version(chart_yaml: &str) -> Result<(), String> {
    let mut md = Metadata::default();
    decode_metadata(chart_yaml, &mut md).map_err(|e| format!("cannot load Chart.yaml: {e}"))?;
    match md.api_version.as_str() {
        "" | "v1" | "v2" => Ok(()),
        _ => Err("unsupported chart version".into()),
    }
}

/// Helm's `LoadArchive`: a chart from the bytes of a `.tgz`.
pub fn load_archive(data: &[u8], warnings: &mut Vec<String>) -> Result<Chart, String> {
    let files = load_archive_files(data).map_err(|e| match e {
        ArchiveError::NotGzip => {
            format!("stream does not appear to be a valid chart file (details: {e})")
        }
        ArchiveError::Other(m) => format!("unable to load chart archive: {m}"),
    })?;
    let Some(chart_yaml) = files.iter().find(|f| f.name == "Chart.yaml") else {
        return Err("unable to detect chart version, no Chart.yaml found".into());
    };
    check_api_version(&text(chart_yaml))?;
    load_files(files, warnings)
}

/// Loads a chart directory or `.tgz` archive from disk (Helm's `loader.Load`).
pub fn load(path: &Path) -> Result<Loaded, String> {
    let mut warnings = Vec::new();
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("stat {}: {}", path.display(), go_io_error(&e)))?;
    let chart = if meta.is_dir() {
        let chart_yaml = path.join("Chart.yaml");
        let data = std::fs::read(&chart_yaml).map_err(|e| {
            format!(
                "unable to detect chart at {}: open {}: {}",
                chart_yaml.display(),
                chart_yaml.display(),
                go_io_error(&e)
            )
        })?;
        check_api_version(&String::from_utf8_lossy(&data))?;
        load_files(load_dir_files(path)?, &mut warnings)?
    } else {
        let data = std::fs::read(path)
            .map_err(|e| format!("open {}: {}", path.display(), go_io_error(&e)))?;
        let name = path.display().to_string();
        let gzip = data.starts_with(&[0x1f, 0x8b, 0x08]);
        if !gzip {
            if name.ends_with(".yml") || name.ends_with(".yaml") {
                return Err(format!(
                    "file '{name}' seems to be a YAML file, but expected a gzipped archive"
                ));
            }
            return Err(format!(
                "file '{name}' does not appear to be a gzipped archive; got '{}'",
                detect_content_type(&data)
            ));
        }
        let files = load_archive_files(&data).map_err(|e| match e {
            ArchiveError::NotGzip => {
                format!("file '{name}' does not appear to be a valid chart file (details: {e})")
            }
            ArchiveError::Other(_) => "unable to load chart archive".to_string(),
        })?;
        let Some(chart_yaml) = files.iter().find(|f| f.name == "Chart.yaml") else {
            return Err("unable to detect chart version, no Chart.yaml found".into());
        };
        check_api_version(&text(chart_yaml))?;
        load_files(files, &mut warnings)?
    };
    Ok(Loaded { chart, warnings })
}

/// Go's text for common file errors (`no such file or directory`, ...).
pub fn go_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

/// The few answers of Go's `http.DetectContentType` a chart file can produce here.
fn detect_content_type(data: &[u8]) -> &'static str {
    let head = &data[..data.len().min(512)];
    if head.starts_with(b"PK\x03\x04") {
        return "application/zip";
    }
    if head.is_empty() {
        return "text/plain; charset=utf-8";
    }
    let binary = head.iter().any(|&b| {
        b <= 0x08 || b == 0x0b || (0x0e..=0x1a).contains(&b) || (0x1c..=0x1f).contains(&b)
    });
    if binary {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    }
}
