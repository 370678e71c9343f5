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

#[cfg(test)]
mod hostile_archive_tests {
    use super::*;
    use std::io::Write;

    /// A gzipped tar with raw entries (name, type, data, claimed size).
    fn archive(entries: &[(&str, tar::EntryType, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (name, kind, data) in entries {
            let mut h = tar::Header::new_gnu();
            // Write the raw name bytes: `set_path` refuses the hostile names under test.
            let raw = name.as_bytes();
            h.as_old_mut().name[..raw.len()].copy_from_slice(raw);
            h.set_entry_type(*kind);
            h.set_size(data.len() as u64);
            if kind.is_symlink() || kind.is_hard_link() {
                let _ = h.set_link_name("target");
            }
            h.set_cksum();
            let _ = builder.append(&h, *data);
        }
        let tar = builder.into_inner().unwrap_or_default();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(&tar);
        gz.finish().unwrap_or_default()
    }

    fn err(data: &[u8]) -> String {
        match load_archive_files(data) {
            Ok(files) => format!("loaded {} files", files.len()),
            Err(e) => e.to_string(),
        }
    }

    const FILE: tar::EntryType = tar::EntryType::Regular;

    #[test]
    fn reads_a_plain_archive() {
        let data = archive(&[
            ("c/Chart.yaml", FILE, b"name: c"),
            ("c/templates/a.yaml", FILE, b"a"),
        ]);
        let files = load_archive_files(&data).unwrap_or_default();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["Chart.yaml", "templates/a.yaml"]);
    }

    #[test]
    fn refuses_path_traversal() {
        let data = archive(&[("c/../../etc/passwd", FILE, b"x")]);
        assert_eq!(err(&data), "chart illegally references parent directory");
    }

    #[test]
    fn refuses_absolute_paths() {
        let data = archive(&[("c//etc/passwd", FILE, b"x")]);
        assert_eq!(err(&data), "chart illegally contains absolute paths");
    }

    #[test]
    fn refuses_links() {
        let data = archive(&[("c/link", tar::EntryType::Symlink, b"")]);
        assert!(err(&data).contains("contains a link"), "{}", err(&data));
        let data = archive(&[("c/hard", tar::EntryType::Link, b"")]);
        assert!(err(&data).contains("contains a link"), "{}", err(&data));
    }

    #[test]
    fn refuses_oversized_files() {
        let big = vec![b'a'; MAX_DECOMPRESSED_FILE_SIZE as usize + 1];
        let data = archive(&[("c/big.txt", FILE, &big)]);
        assert_eq!(
            err(&data),
            format!(
                "decompressed chart file \"c/big.txt\" is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}"
            )
        );
    }

    #[test]
    fn refuses_non_archives_and_empty_ones() {
        assert_eq!(err(b"apiVersion: v2\n"), "gzip: invalid header");
        assert_eq!(err(&archive(&[])), "no files in chart archive");
        // A top-level Chart.yaml cleans to "." first, as in Go.
        let data = archive(&[("Chart.yaml", FILE, b"name: c")]);
        assert_eq!(
            err(&data),
            "chart illegally contains content outside the base directory: \"Chart.yaml\""
        );
        let mut truncated = archive(&[("c/Chart.yaml", FILE, b"name: c")]);
        truncated.truncate(truncated.len() / 2);
        assert!(!err(&truncated).starts_with("loaded"));
    }
}
