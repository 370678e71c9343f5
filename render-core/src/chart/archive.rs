//! Chart archives (`.tgz`): gzip + tar → in-memory files, with Helm's checks
//! (`pkg/chart/loader/archive`). Archives are untrusted: absolute paths, `..` components,
//! drive letters, links and oversized content are rejected with a clear error.

use super::loader::BufferedFile;
use std::io::Read;

/// Largest total decompressed size Helm accepts (100 MiB).
pub const MAX_DECOMPRESSED_CHART_SIZE: u64 = 100 * 1024 * 1024;
/// Largest single file Helm accepts (5 MiB).
pub const MAX_DECOMPRESSED_FILE_SIZE: u64 = 5 * 1024 * 1024;

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Why an archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not gzip data (Go's `gzip: invalid header`).
    NotGzip,
    /// Anything else, with Helm's message.
    Other(String),
}

impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArchiveError::NotGzip => f.write_str("gzip: invalid header"),
            ArchiveError::Other(m) => f.write_str(m),
        }
    }
}

/// Go's `path.Clean` for `/`-separated paths.
pub fn clean_path(p: &str) -> String {
    if p.is_empty() {
        return ".".to_string();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

fn is_drive_path(n: &str) -> bool {
    let b = n.as_bytes();
    b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/'
}

/// Helm's `LoadArchiveFiles`: the files of a gzipped tar, with the top directory stripped.
pub fn load_archive_files(data: &[u8]) -> Result<Vec<BufferedFile>, ArchiveError> {
    if data.len() < 2 || data[0] != 0x1f || data[1] != 0x8b {
        return Err(ArchiveError::NotGzip);
    }
    let gz = flate2::read::GzDecoder::new(data);
    let mut tar = tar::Archive::new(gz);
    let other = |m: String| ArchiveError::Other(m);
    let mut remaining = MAX_DECOMPRESSED_CHART_SIZE;
    let mut files = Vec::new();
    let entries = tar.entries().map_err(|e| other(e.to_string()))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| other(e.to_string()))?;
        let header = entry.header();
        let kind = header.entry_type();
        if kind.is_dir() || kind.is_pax_global_extensions() || kind.is_pax_local_extensions() {
            continue;
        }
        let raw_name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        if kind.is_symlink() || kind.is_hard_link() {
            return Err(other(format!(
                "chart archive contains a link, which is not allowed: {raw_name:?}"
            )));
        }
        if !(kind.is_file() || kind.is_gnu_sparse() || kind == tar::EntryType::Continuous) {
            return Err(other(format!(
                "chart archive contains an unsupported entry type: {raw_name:?}"
            )));
        }
        let delimiter = if raw_name.contains('\\') { '\\' } else { '/' };
        let parts: Vec<&str> = raw_name.split(delimiter).collect();
        let joined = parts[1..].join(&delimiter.to_string());
        let n = joined.replace(delimiter, "/");
        if n.starts_with('/') {
            return Err(other("chart illegally contains absolute paths".into()));
        }
        let n = clean_path(&n);
        if n == "." {
            return Err(other(format!(
                "chart illegally contains content outside the base directory: {raw_name:?}"
            )));
        }
        if n.starts_with("..") {
            return Err(other("chart illegally references parent directory".into()));
        }
        if is_drive_path(&n) {
            return Err(other("chart contains illegally named files".into()));
        }
        if parts[0] == "Chart.yaml" {
            return Err(other("chart yaml not in base directory".into()));
        }
        let size = entry.size();
        if size > remaining {
            return Err(other(format!(
                "decompressed chart is larger than the maximum size {MAX_DECOMPRESSED_CHART_SIZE}"
            )));
        }
        if size > MAX_DECOMPRESSED_FILE_SIZE {
            return Err(other(format!(
                "decompressed chart file {raw_name:?} is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}"
            )));
        }
        let mut buf = Vec::with_capacity(size as usize);
        (&mut entry)
            .take(remaining)
            .read_to_end(&mut buf)
            .map_err(|e| other(e.to_string()))?;
        let written = buf.len() as u64;
        remaining = remaining.saturating_sub(written);
        if written < size || remaining == 0 {
            return Err(other(format!(
                "decompressed chart is larger than the maximum size {MAX_DECOMPRESSED_CHART_SIZE}"
            )));
        }
        let data = buf
            .strip_prefix(UTF8_BOM)
            .map(<[u8]>::to_vec)
            .unwrap_or(buf);
        files.push(BufferedFile {
            name: n,
            data: data.into(),
        });
    }
    if files.is_empty() {
        return Err(other("no files in chart archive".into()));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_path_clean() {
        assert_eq!(clean_path("a/./b/../c"), "a/c");
        assert_eq!(clean_path("../x"), "../x");
        assert_eq!(clean_path(""), ".");
        assert_eq!(clean_path("a/.."), ".");
        assert_eq!(clean_path("/../a"), "/a");
    }
}
