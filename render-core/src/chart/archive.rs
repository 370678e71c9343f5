//! Chart archives (`.tgz`): gzip + tar → in-memory files, with Helm's checks
//! (`pkg/chart/loader/archive`) over Go's tar reader ([`render_go::tar`]). Archives are
//! untrusted: absolute paths, `..` components, drive letters and oversized content are
//! refused with Helm's errors, tar headers are bounded as Go bounds them, and a link is only
//! an empty file (its target is never followed).

use super::loader::BufferedFile;
use render_go::strconv::quote;
use render_go::tar as gotar;
use render_go::value::rawbytes;
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


fn is_drive_path(n: &str) -> bool {
    matches!(n.as_bytes(), [drive, b':', b'/', ..] if drive.is_ascii_alphabetic())
}

/// Bytes we decompress from one archive before giving up: ten times Helm's limit on the
/// files, for the headers and skipped entries around them. Helm has no such bound and
/// decompresses whatever a small gzip bomb expands to.
const MAX_DECOMPRESSED_STREAM: u64 = 10 * MAX_DECOMPRESSED_CHART_SIZE;

/// A gzip stream (all members, as Go's reader reads them) with Go's error texts.
struct Gzip<'a> {
    inner: flate2::bufread::MultiGzDecoder<&'a [u8]>,
    /// Length of the compressed data.
    len: usize,
    /// Bytes decompressed so far.
    read: u64,
}

impl Read for Gzip<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read > MAX_DECOMPRESSED_STREAM {
            return Err(std::io::Error::other(STREAM_TOO_BIG));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

const STREAM_TOO_BIG: &str = "the archive decompresses to more than 1 GiB";

impl gotar::Source for Gzip<'_> {
    fn go_error(&self, e: &std::io::Error) -> String {
        let text = e.to_string();
        match text.as_str() {
            "invalid gzip header" | "gzip header field too long" => GZIP_HEADER.into(),
            "corrupt gzip stream does not have a matching checksum" => {
                "gzip: invalid checksum".into()
            }
            STREAM_TOO_BIG => text,
            _ if e.kind() == std::io::ErrorKind::UnexpectedEof => "unexpected EOF".into(),
            // Go reports how far into the compressed stream the data went wrong.
            _ => format!(
                "flate: corrupt input before offset {}",
                self.len - self.inner.get_ref().len()
            ),
        }
    }
}

const GZIP_HEADER: &str = "gzip: invalid header";

/// Helm's `LoadArchiveFiles`: the files of a gzipped tar, with the top directory stripped.
/// Links, devices and the like load as empty files, as in Helm; directories and PAX
/// headers are skipped.
pub fn load_archive_files(data: &[u8]) -> Result<Vec<BufferedFile>, ArchiveError> {
    // gzip.NewReader reads the 10-byte header before looking at it.
    match data.len() {
        0 => return Err(ArchiveError::Other("EOF".into())),
        1..10 => return Err(ArchiveError::Other("unexpected EOF".into())),
        _ if !data.starts_with(&[0x1f, 0x8b, 0x08]) => return Err(ArchiveError::NotGzip),
        _ => {}
    }
    let mut tar = gotar::Reader::new(Gzip {
        inner: flate2::bufread::MultiGzDecoder::new(data),
        len: data.len(),
        read: 0,
    });
    let tar_error = |e: gotar::TarError| match e {
        gotar::TarError::Stream(s) if s == GZIP_HEADER => ArchiveError::NotGzip,
        e => ArchiveError::Other(e.to_string()),
    };
    let other = |m: String| ArchiveError::Other(m);
    let mut remaining = MAX_DECOMPRESSED_CHART_SIZE;
    let mut files = Vec::new();
    while let Some(header) = tar.next_header().map_err(tar_error)? {
        if header.is_dir()
            || header.typeflag == gotar::types::X_HEADER
            || header.typeflag == gotar::types::X_GLOBAL_HEADER
        {
            continue;
        }
        let raw_name = rawbytes::encode(&header.name).into_owned();
        let delimiter = if raw_name.contains('\\') { '\\' } else { '/' };
        let parts: Vec<&str> = raw_name.split(delimiter).collect();
        let joined = parts
            .get(1..)
            .unwrap_or_default()
            .join(&delimiter.to_string());
        let n = joined.replace(delimiter, "/");
        if n.starts_with('/') {
            return Err(other("chart illegally contains absolute paths".into()));
        }
        let n = render_go::path::clean(&n);
        if n == "." {
            return Err(other(format!(
                "chart illegally contains content outside the base directory: {}",
                quote(&raw_name)
            )));
        }
        if n.starts_with("..") {
            return Err(other("chart illegally references parent directory".into()));
        }
        if is_drive_path(&n) {
            return Err(other("chart contains illegally named files".into()));
        }
        if parts.first() == Some(&"Chart.yaml") {
            return Err(other("chart yaml not in base directory".into()));
        }
        let size = header.size;
        if size > remaining as i64 {
            return Err(other(format!(
                "decompressed chart is larger than the maximum size {MAX_DECOMPRESSED_CHART_SIZE}"
            )));
        }
        if size > MAX_DECOMPRESSED_FILE_SIZE as i64 {
            return Err(other(format!(
                "decompressed chart file {} is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}",
                quote(&raw_name)
            )));
        }
        let buf = tar.read_data(remaining).map_err(tar_error)?;
        let written = buf.len() as u64;
        remaining = remaining.saturating_sub(written);
        if (written as i64) < size || remaining == 0 {
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
    fn links_and_devices_load_as_empty_files() {
        // Helm reads no data for them (Go's header-only types) and keeps the name.
        let data = archive(&[
            ("c/Chart.yaml", FILE, b"name: c"),
            ("c/link", tar::EntryType::Symlink, b""),
            ("c/hard", tar::EntryType::Link, b""),
            ("c/fifo", tar::EntryType::Fifo, b""),
        ]);
        let files = load_archive_files(&data).unwrap_or_default();
        let got: Vec<(&str, usize)> = files
            .iter()
            .map(|f| (f.name.as_str(), f.data.len()))
            .collect();
        assert_eq!(
            got,
            vec![("Chart.yaml", 7), ("link", 0), ("hard", 0), ("fifo", 0)]
        );
    }

    /// One raw tar header block (GNU magic), with a checksum Go accepts.
    fn header(name: &[u8], size: u64, kind: u8) -> Vec<u8> {
        let mut b = vec![0u8; 512];
        b[..name.len()].copy_from_slice(name);
        b[100..108].copy_from_slice(b"0000644\0");
        b[124..136].copy_from_slice(format!("{size:011o}\0").as_bytes());
        b[156] = kind;
        b[257..265].copy_from_slice(b"ustar  \0");
        b[148..156].copy_from_slice(b"        ");
        let sum: u32 = b.iter().map(|&c| u32::from(c)).sum();
        b[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        b
    }

    fn gzip(raw: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(raw);
        gz.finish().unwrap_or_default()
    }

    #[test]
    fn header_bombs_stop_before_reading() {
        // GNU long name and PAX header claiming 3 GB: Go reads at most one byte past 1 MiB of
        // it, refused when that byte is there, and a stream cut before it is cut short
        // (expected texts from helm-oracle).
        for kind in [b'L', b'x'] {
            let mut raw = header(b"c/Chart.yaml", 7, b'0');
            raw.extend_from_slice(b"name: c");
            raw.resize(1024, 0);
            raw.extend(header(b"././@LongLink", 3 << 30, kind));
            let mut short = raw.clone();
            raw.extend(vec![b'x'; (1 << 20) + 4096]);
            assert_eq!(err(&gzip(&raw)), "archive/tar: header field too long");
            short.extend(vec![b'x'; 4096]);
            assert_eq!(err(&gzip(&short)), "unexpected EOF");
        }
    }

    #[test]
    fn go_reader_errors() {
        let mut bad_sum = header(b"c/Chart.yaml", 0, b'0');
        bad_sum[148] = b'1';
        assert_eq!(err(&gzip(&bad_sum)), "archive/tar: invalid tar header");
        let mut zero_then_data = header(b"c/Chart.yaml", 0, b'0');
        zero_then_data.extend(vec![0u8; 512]);
        zero_then_data.extend(header(b"c/x", 0, b'0'));
        assert_eq!(
            err(&gzip(&zero_then_data)),
            "archive/tar: invalid tar header"
        );
        let mut cut = header(b"c/Chart.yaml", 100, b'0');
        cut.extend_from_slice(b"name");
        assert_eq!(err(&gzip(&cut)), "unexpected EOF");
        assert_eq!(err(b""), "EOF");
        assert_eq!(err(b"\x1f"), "unexpected EOF");
        let whole = gzip(&header(b"c/Chart.yaml", 0, b'0'));
        assert_eq!(err(&whole[..whole.len() - 4]), "unexpected EOF");
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
