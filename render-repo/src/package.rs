//! `file://` dependencies, packaged as Helm's `chartutil.Save` packages a loaded chart:
//! `NAME-VERSION.tgz` holding `NAME/Chart.yaml` (the metadata re-serialized), `values.yaml` as
//! written, the schema, templates, files, then each subchart under `NAME/charts/`. The archive
//! holds the same files as Helm's (so it renders the same); its bytes differ (Go's own
//! compressor and the files' modification times are not reproduced).

use crate::lock::Locked;
use flate2::Compression;
use flate2::GzBuilder;
use render_core::Chart;
use render_go::semver::{Constraints, Version};
use std::io::Write;
use std::path::Path;

/// Helm's gzip header extra field (`chartutil.headerBytes`).
const HEADER_BYTES: &[u8] = b"+aHR0cHM6Ly95b3V0dS5iZS96OXV6MWljandrTQo=";

/// `tarFromLocalDir`: packages the dependency's directory into `dest`; its version.
pub fn from_local_dir(chart_path: &Path, d: &Locked, dest: &Path) -> Result<String, String> {
    let dir = crate::manager::local_path(&d.repository, chart_path)?;
    let loaded = render_core::load_chart_v2(&dir).map_err(|e| e.to_string())?;
    let chart = &loaded.chart;
    let constraint = Constraints::parse(&d.version).map_err(|e| {
        format!(
            "dependency {} has an invalid version/constraint format: {e}",
            d.name
        )
    })?;
    let v = Version::parse(&chart.metadata.version)?;
    if !constraint.check(&v) {
        return Err(format!(
            "can't get a valid version for dependency {}",
            d.name
        ));
    }
    save(chart, dest)?;
    Ok(chart.metadata.version.clone())
}

/// `chartutil.Save`: writes `dest/NAME-VERSION.tgz`.
pub fn save(chart: &Chart, dest: &Path) -> Result<std::path::PathBuf, String> {
    let file = dest.join(format!(
        "{}-{}.tgz",
        chart.metadata.name, chart.metadata.version
    ));
    let mut tar = Vec::new();
    write_chart(&mut tar, chart, "")?;
    // Two zero blocks end the archive.
    tar.extend_from_slice(&[0u8; 1024]);
    let out = std::fs::File::create(&file).map_err(|e| format!("open {}: {e}", file.display()))?;
    let mut gz = GzBuilder::new()
        .extra(HEADER_BYTES)
        .comment("Helm")
        .write(out, Compression::default());
    gz.write_all(&tar)
        .and_then(|()| gz.finish().map(|_| ()))
        .map_err(|e| format!("write {}: {e}", file.display()))?;
    Ok(file)
}

fn write_chart(tar: &mut Vec<u8>, chart: &Chart, prefix: &str) -> Result<(), String> {
    let base = if prefix.is_empty() {
        chart.metadata.name.clone()
    } else {
        format!("{prefix}/{}", chart.metadata.name)
    };
    let mut md = chart.metadata.clone();
    if md.api_version == "v1" {
        md.dependencies.clear();
    }
    let chart_yaml = render_core::chart_yaml(&md).map_err(|e| e.to_string())?;
    entry(tar, &format!("{base}/Chart.yaml"), chart_yaml.as_bytes())?;
    for raw in &chart.raw_values {
        entry(tar, &format!("{base}/values.yaml"), raw)?;
    }
    if let Some(schema) = &chart.schema {
        entry(tar, &format!("{base}/values.schema.json"), schema)?;
    }
    for f in chart.templates.iter().chain(&chart.files) {
        entry(tar, &format!("{base}/{}", f.name), &f.data)?;
    }
    for sub in &chart.dependencies {
        write_chart(tar, sub, &format!("{base}/charts"))?;
    }
    Ok(())
}

/// One regular file in USTAR format (mode 0644), its name split into prefix and name when
/// longer than 100 bytes, or carried by a PAX record when it cannot be.
fn entry(tar: &mut Vec<u8>, name: &str, data: &[u8]) -> Result<(), String> {
    let mtime = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (prefix, short) = split_name(name);
    if short.len() > 100 || prefix.len() > 155 {
        let record = pax_record("path", name);
        header(tar, "././@PaxHeader", b'x', record.len() as u64, mtime, "")?;
        pad(tar, record.as_bytes());
        let truncated: String = name
            .chars()
            .rev()
            .take(99)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        header(tar, &truncated, b'0', data.len() as u64, mtime, "")?;
    } else {
        header(tar, short, b'0', data.len() as u64, mtime, prefix)?;
    }
    pad(tar, data);
    Ok(())
}

/// `NAME`'s USTAR split: the longest prefix up to a `/` that leaves a name of at most 100
/// bytes in a prefix of at most 155.
fn split_name(name: &str) -> (&str, &str) {
    if name.len() <= 100 {
        return ("", name);
    }
    for (i, _) in name.match_indices('/') {
        let (p, n) = (&name[..i], &name[i + 1..]);
        if p.len() <= 155 && n.len() <= 100 && !n.is_empty() {
            return (p, n);
        }
    }
    ("", name)
}

/// A PAX record: `LEN key=value\n`, LEN counting itself.
fn pax_record(key: &str, value: &str) -> String {
    let body = format!(" {key}={value}\n");
    let mut len = body.len() + 1;
    while format!("{len}").len() + body.len() != len {
        len += 1;
    }
    format!("{len}{body}")
}

fn header(
    tar: &mut Vec<u8>,
    name: &str,
    kind: u8,
    size: u64,
    mtime: u64,
    prefix: &str,
) -> Result<(), String> {
    let mut h = [0u8; 512];
    let put = |h: &mut [u8; 512], at: usize, len: usize, v: &[u8]| {
        for (d, s) in h.iter_mut().skip(at).take(len).zip(v) {
            *d = *s;
        }
    };
    put(&mut h, 0, 100, name.as_bytes());
    put(&mut h, 100, 8, b"0000644\0");
    put(&mut h, 108, 8, b"0000000\0");
    put(&mut h, 116, 8, b"0000000\0");
    if size >= 1 << 33 {
        return Err(format!("{name}: file too large for the archive"));
    }
    put(&mut h, 124, 12, format!("{size:011o}\0").as_bytes());
    put(
        &mut h,
        136,
        12,
        format!("{:011o}\0", mtime.min((1 << 33) - 1)).as_bytes(),
    );
    h[156] = kind;
    put(&mut h, 257, 8, b"ustar\x0000");
    put(&mut h, 345, 155, prefix.as_bytes());
    // The checksum is computed with its own field as spaces.
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    put(&mut h, 148, 8, format!("{sum:06o}\0 ").as_bytes());
    tar.extend_from_slice(&h);
    Ok(())
}

/// The data, padded with zeros to a whole 512-byte block.
fn pad(tar: &mut Vec<u8>, data: &[u8]) {
    tar.extend_from_slice(data);
    let rest = data.len() % 512;
    if rest != 0 {
        tar.extend(std::iter::repeat_n(0u8, 512 - rest));
    }
}
