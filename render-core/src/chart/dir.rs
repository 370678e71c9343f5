//! Chart directories → in-memory files (Helm's `LoadDir` over its `sympath.Walk`): a walk in
//! lexical order that follows symbolic links, applies the top chart's `.helmignore` (plus
//! Helm's default rule), strips a UTF-8 BOM, and refuses irregular and oversized files, with
//! Go's error texts (`lstat PATH: no such file or directory`).
//!
//! Like Helm's, the walk has no depth limit: a directory nests as deep as the system lets a
//! path grow, and a symbolic link to a parent directory is followed until the path is too
//! long for the system (`file name too long`), which ends it. Links that fan out (two links
//! to a parent) would make that take for ever, so the walk stops after
//! `MAX_WALK_ENTRIES` entries.

use super::archive::MAX_DECOMPRESSED_FILE_SIZE;
use super::ignore::Rules;
use super::loader::BufferedFile;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Entries one chart directory walk may visit (real charts have a few thousand at most).
const MAX_WALK_ENTRIES: usize = 200_000;

/// Reads every file of the chart directory `dir` (absolute) that `.helmignore` does not
/// exclude: the walk first, then the files. The templates and schemas (see
/// [`is_template_path`], [`is_schema_path`]) are read first, on several threads when they
/// are large, and shown to `on_early`, so that they can start parsing and compiling while the
/// rest is read.
pub fn load_dir_files(
    dir: &Path,
    warnings: &mut Vec<String>,
    on_early: &mut dyn FnMut(&[BufferedFile]),
) -> Result<Vec<BufferedFile>, String> {
    let mut rules = match fs::read(dir.join(".helmignore")) {
        Ok(data) => Rules::parse(&String::from_utf8_lossy(&data))?,
        Err(_) => Rules::default(),
    };
    rules.add_defaults();
    let mut walk = Walk {
        rules,
        found: Vec::new(),
        visited: 0,
        warnings,
    };
    // Go's Walk calls the walk function on the root too; Helm skips it by its empty name.
    let walked = match fs::symlink_metadata(dir) {
        Ok(meta) => walk.entry(dir.to_path_buf(), String::new(), meta),
        Err(_) => Ok(()),
    };
    // Helm reads each file as its walk reaches it; reading them in two groups, the first in
    // parallel, gives the same files and, in walk order, the same first error.
    let early = |name: &str| is_template_path(name) || is_schema_path(name);
    let (early_found, others): (Vec<&Found>, Vec<&Found>) =
        walk.found.iter().partition(|f| early(&f.1));
    let size = |(_, _, len): &&Found| usize::try_from(*len).unwrap_or(usize::MAX);
    let early_read =
        crate::parallel::map_ordered(&early_found, size, |(path, rel, len)| read(path, rel, *len));
    if let Ok(files) = early_read.iter().cloned().collect::<Result<Vec<_>, _>>() {
        on_early(&files);
    }
    // The other files are read on this thread: the cores are busy parsing what `on_early`
    // was shown, and threads started now only wait for them (and each touches fresh memory
    // of its own).
    let others_read: Vec<_> = others
        .iter()
        .map(|(path, rel, len)| read(path, rel, *len))
        .collect();
    // Back in walk order: the two lists are each in walk order.
    let mut files = Vec::with_capacity(walk.found.len());
    let (mut early_read, mut others_read) = (early_read.into_iter(), others_read.into_iter());
    for f in &walk.found {
        let next = match early(&f.1) {
            true => early_read.next(),
            false => others_read.next(),
        };
        if let Some(read) = next {
            files.push(read?);
        }
    }
    walked.map(|()| files)
}

/// Whether a file of a chart directory is a template of the chart or of a subchart in it
/// (`templates/...`, `charts/<name>/templates/...`, and so on down).
pub(crate) fn is_template_path(name: &str) -> bool {
    chart_relative(name).any(|n| n.starts_with("templates/"))
}

/// Whether a file of a chart directory is the values.schema.json of the chart or of a
/// subchart in it.
pub(crate) fn is_schema_path(name: &str) -> bool {
    chart_relative(name).any(|n| n == "values.schema.json")
}

/// `name`, then the same path relative to each subchart directory it is in
/// (`charts/a/templates/x` gives itself and `templates/x`).
fn chart_relative(name: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(name), |n| {
        n.strip_prefix("charts/")
            .and_then(|rest| rest.split_once('/'))
            .map(|(_, rest)| rest)
    })
}

/// A file of the chart, its UTF-8 byte order mark stripped; `len` is its size when walked.
fn read(path: &Path, rel: &str, len: u64) -> Result<BufferedFile, String> {
    let data = read_shared(path, len).map_err(|e| {
        format!(
            "error reading {rel}: {}",
            render_go::os::path_error("open", path, &e)
        )
    })?;
    let data = match data.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => Arc::from(rest),
        None => data,
    };
    Ok(BufferedFile {
        name: rel.to_string(),
        data,
    })
}

/// The file's bytes, read straight into the shared buffer the chart keeps (a `Vec` would be
/// copied into one: every byte of the chart twice, on fresh pages). The walk's size is a
/// hint: a file that changed size since is read again, whole.
fn read_shared(path: &Path, len: u64) -> std::io::Result<Arc<[u8]>> {
    let mut file = fs::File::open(path)?;
    let len = usize::try_from(len).unwrap_or(0);
    let mut data: Arc<[u8]> = std::iter::repeat_n(0u8, len).collect();
    let Some(buf) = Arc::get_mut(&mut data) else {
        return fs::read(path).map(Arc::from);
    };
    let mut filled = 0;
    while let Some(rest) = buf.get_mut(filled..).filter(|rest| !rest.is_empty()) {
        match file.read(rest) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let mut probe = [0u8; 1];
    let at_end = loop {
        match file.read(&mut probe) {
            Ok(n) => break n == 0,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    };
    if filled == len && at_end {
        return Ok(data);
    }
    fs::read(path).map(Arc::from)
}

/// A file the walk found to read: path, name in the chart, size.
type Found = (PathBuf, String, u64);

struct Walk<'w> {
    rules: Rules,
    /// The files to read, in walk order.
    found: Vec<Found>,
    visited: usize,
    /// Helm's log records (symbolic links followed).
    warnings: &'w mut Vec<String>,
}

/// What the walk does after visiting an entry.
enum Next {
    Descend,
    Skip,
}

impl Walk<'_> {
    /// Go's `symwalk`: `path` with its `lstat` metadata; `rel` is its `/`-separated name in
    /// the chart.
    fn entry(&mut self, path: PathBuf, rel: String, meta: fs::Metadata) -> Result<(), String> {
        self.visited += 1;
        if self.visited > MAX_WALK_ENTRIES {
            return Err(format!(
                "chart directory has more than {MAX_WALK_ENTRIES} entries (symbolic links that \
                 loop?)"
            ));
        }
        let meta = if meta.file_type().is_symlink() {
            // The link is walked under its own name, with what it points to.
            let resolved = resolve_symlink(&path)?;
            self.warnings.push(render_go::slog::record(
                "INFO",
                "found symbolic link in path. Contents of linked file included and used",
                &[
                    ("path", &path.to_string_lossy()),
                    ("resolved", &resolved.to_string_lossy()),
                ],
            ));
            fs::symlink_metadata(&resolved)
                .map_err(|e| render_go::os::path_error("lstat", &resolved, &e))?
        } else {
            meta
        };
        if let Next::Skip = self.visit(&path, &rel, &meta)? {
            return Ok(());
        }
        if !meta.is_dir() {
            return Ok(());
        }
        let mut entries: Vec<fs::DirEntry> = fs::read_dir(&path)
            .map_err(|e| render_go::os::path_error("open", &path, &e))?
            .collect::<Result<_, _>>()
            .map_err(|e| render_go::os::path_error("readdirent", &path, &e))?;
        entries.sort_by(|a, b| {
            a.file_name()
                .as_encoded_bytes()
                .cmp(b.file_name().as_encoded_bytes())
        });
        for entry in entries {
            let name = entry.file_name();
            let child = entry.path();
            let child_rel = match rel.as_str() {
                "" => name.to_string_lossy().into_owned(),
                r => format!("{r}/{}", name.to_string_lossy()),
            };
            // Go's lstat, relative to the open directory (no walk of the whole path again).
            let child_meta = entry
                .metadata()
                .map_err(|e| render_go::os::path_error("lstat", &child, &e))?;
            render_go::recursion::grow(|| self.entry(child, child_rel, child_meta))?;
        }
        Ok(())
    }

    /// Helm's walk function for one entry (`meta` is the link target's for a link).
    fn visit(&mut self, path: &Path, rel: &str, meta: &fs::Metadata) -> Result<Next, String> {
        if rel.is_empty() {
            return Ok(Next::Descend);
        }
        if meta.is_dir() {
            return Ok(match self.rules.ignore(rel, true) {
                true => Next::Skip,
                false => Next::Descend,
            });
        }
        if self.rules.ignore(rel, false) {
            return Ok(Next::Skip);
        }
        if !meta.is_file() {
            return Err(format!(
                "cannot load irregular file {} as it has file mode type bits set",
                path.display()
            ));
        }
        if meta.len() > MAX_DECOMPRESSED_FILE_SIZE {
            let base = path.file_name().unwrap_or_default().to_string_lossy();
            return Err(format!(
                "chart file {} is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}",
                render_go::strconv::quote(&base)
            ));
        }
        self.found
            .push((path.to_path_buf(), rel.to_string(), meta.len()));
        Ok(Next::Skip)
    }
}

/// Go's `filepath.EvalSymlinks` (its component-by-component walk, with its limit of 255
/// links and its error texts), prefixed as Helm reports a failure.
fn resolve_symlink(path: &Path) -> Result<PathBuf, String> {
    eval_symlinks(path.as_os_str().as_encoded_bytes())
        .map(|p| PathBuf::from(String::from_utf8_lossy(&p).into_owned()))
        .map_err(|cause| format!("error evaluating symlink {}: {cause}", path.display()))
}

fn eval_symlinks(path: &[u8]) -> Result<Vec<u8>, String> {
    let os_path = |b: &[u8]| PathBuf::from(String::from_utf8_lossy(b).into_owned());
    let mut path = path.to_vec();
    let mut vol_len = usize::from(path.first() == Some(&b'/'));
    let mut dest: Vec<u8> = path.get(..vol_len).unwrap_or_default().to_vec();
    let mut links = 0;
    let mut end = vol_len;
    while end < path.len() {
        let mut start = end;
        while path.get(start) == Some(&b'/') {
            start += 1;
        }
        let comp = path.get(start..).unwrap_or_default();
        let comp = comp.split(|&b| b == b'/').next().unwrap_or_default();
        end = start + comp.len();
        if comp.is_empty() {
            break;
        }
        if comp == b"." {
            continue;
        }
        if comp == b".." {
            let slash = dest
                .get(vol_len..)
                .unwrap_or_default()
                .iter()
                .rposition(|&b| b == b'/')
                .map(|i| i + vol_len);
            match slash {
                Some(r) if dest.get(r + 1..) != Some(b"..") => dest.truncate(r),
                _ => {
                    if dest.len() > vol_len {
                        dest.push(b'/');
                    }
                    dest.extend_from_slice(b"..");
                }
            }
            continue;
        }
        if dest.len() > vol_len && dest.last() != Some(&b'/') {
            dest.push(b'/');
        }
        dest.extend_from_slice(comp);
        let meta = fs::symlink_metadata(os_path(&dest))
            .map_err(|e| render_go::os::path_error("lstat", &os_path(&dest), &e))?;
        if !meta.file_type().is_symlink() {
            if !meta.is_dir() && end < path.len() {
                return Err("not a directory".into());
            }
            continue;
        }
        links += 1;
        if links > 255 {
            return Err("EvalSymlinks: too many links".into());
        }
        let link = fs::read_link(os_path(&dest))
            .map_err(|e| render_go::os::path_error("readlink", &os_path(&dest), &e))?;
        let link = link.as_os_str().as_encoded_bytes().to_vec();
        let mut rest = link.clone();
        rest.extend_from_slice(path.get(end..).unwrap_or_default());
        path = rest;
        if link.first() == Some(&b'/') {
            dest = b"/".to_vec();
            vol_len = 1;
            end = 1;
        } else {
            match dest
                .get(vol_len..)
                .unwrap_or_default()
                .iter()
                .rposition(|&b| b == b'/')
            {
                Some(r) => dest.truncate(r + vol_len),
                None => dest.truncate(vol_len),
            }
            end = 0;
        }
    }
    Ok(render_go::path::clean(&String::from_utf8_lossy(&dest)).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_shown_first_and_files_come_back_in_walk_order() {
        let dir = std::env::temp_dir().join(format!("render-walk-{}", std::process::id()));
        let files = [
            "Chart.yaml",
            "charts/sub/Chart.yaml",
            "charts/sub/templates/a.yaml",
            "charts/sub/values.schema.json",
            "files/templates/not.yaml",
            "templates/_h.tpl",
            "templates/b.yaml",
            "values.yaml",
        ];
        for name in files {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
            fs::write(&path, name).expect("write");
        }
        let mut shown = Vec::new();
        let read = load_dir_files(&dir, &mut Vec::new(), &mut |templates| {
            shown = templates.iter().map(|f| f.name.clone()).collect();
        })
        .expect("load");
        let names: Vec<&str> = read.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, files);
        assert!(read.iter().all(|f| *f.data == *f.name.as_bytes()));
        assert_eq!(
            shown,
            [
                "charts/sub/templates/a.yaml",
                "charts/sub/values.schema.json",
                "templates/_h.tpl",
                "templates/b.yaml"
            ]
        );
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn files_are_read_whole_whatever_size_the_walk_saw() {
        let dir = std::env::temp_dir().join(format!("render-read-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("f.yaml");
        fs::write(&path, "\u{feff}a: 1\n").expect("write");
        // The size the walk saw, one that grew since, one that shrank since.
        for len in [9, 3, 20, 0] {
            let f = read(&path, "f.yaml", len).expect("read");
            assert_eq!(&*f.data, b"a: 1\n", "walked size {len}");
        }
        assert!(read(&dir.join("gone"), "gone", 1).is_err());
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn template_paths() {
        assert!(is_template_path("templates/a.yaml"));
        assert!(is_template_path("charts/sub/templates/_h.tpl"));
        assert!(is_template_path("charts/a/charts/b/templates/x/y.yaml"));
        assert!(!is_template_path("files/templates/a.yaml"));
        assert!(!is_template_path("charts/sub/values.yaml"));
        assert!(!is_template_path("charts/templates/a.yaml"));
        assert!(!is_template_path("Chart.yaml"));
    }

    #[test]
    fn schema_paths() {
        assert!(is_schema_path("values.schema.json"));
        assert!(is_schema_path("charts/sub/values.schema.json"));
        assert!(is_schema_path("charts/a/charts/b/values.schema.json"));
        assert!(!is_schema_path("files/values.schema.json"));
        assert!(!is_schema_path("charts/values.schema.json"));
        assert!(!is_schema_path("templates/values.schema.json"));
    }
}
