//! The files of a git revision, for `render diff --from REV`: `git archive REV` unpacked
//! into a temporary directory, removed when the [`Tree`] is dropped.
//!
//! The `git` CLI rather than a git crate: it reads every repository the user's git reads
//! (worktrees, alternates, partial clones, its config), and `git archive` is one streamed
//! command. The archive is read with Go's tar reader (`render_go::tar`), bounded like a
//! chart archive; only regular files are written (links and other entries are skipped), and
//! only at paths inside the directory.

use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// The largest file unpacked from a revision.
const MAX_FILE: u64 = 1 << 30;

/// A revision's tree on disk.
pub struct Tree {
    /// The directory holding the repository's top level at the revision.
    pub root: PathBuf,
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The top directory of the git work tree holding `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, String> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--show-toplevel"])
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{}: not in a git work tree: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let top = String::from_utf8_lossy(&out.stdout).trim_end().to_string();
    Ok(PathBuf::from(top))
}

/// The files of `rev` in the repository at `top`.
pub fn tree_at(top: &Path, rev: &str) -> Result<Tree, String> {
    if rev.starts_with('-') || rev.is_empty() {
        return Err(format!("{rev:?}: not a git revision"));
    }
    let tree = Tree { root: fresh_dir()? };
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["archive", "--format=tar", rev])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let unpacked = match child.stdout.take() {
        Some(stdout) => unpack(Stream(stdout), &tree.root),
        None => Err("git archive: no output".into()),
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let status = child.wait().map_err(|e| format!("git archive: {e}"))?;
    if !status.success() {
        return Err(format!("git archive {rev}: {}", stderr.trim()));
    }
    unpacked.map_err(|e| format!("git archive {rev}: {e}"))?;
    Ok(tree)
}

/// A new empty directory under the system's temporary directory.
fn fresh_dir() -> Result<PathBuf, String> {
    let base = std::env::temp_dir();
    for n in 0..1000 {
        let dir = base.join(format!("render-diff-{}-{n}", std::process::id()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("{}: {e}", dir.display())),
        }
    }
    Err(format!(
        "{}: no free temporary directory name",
        base.display()
    ))
}

/// `git archive`'s output, as the tar reader's byte source.
struct Stream(std::process::ChildStdout);

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

impl render_go::tar::Source for Stream {
    fn go_error(&self, e: &std::io::Error) -> String {
        e.to_string()
    }
}

/// Writes the archive's regular files under `root`.
fn unpack(stream: Stream, root: &Path) -> Result<(), String> {
    let mut reader = render_go::tar::Reader::new(stream);
    while let Some(header) = reader.next_header().map_err(|e| e.to_string())? {
        // Regular files only ('0', or NUL in old archives).
        if !matches!(header.typeflag, b'0' | 0) {
            continue;
        }
        let name = String::from_utf8_lossy(&header.name).into_owned();
        let relative = Path::new(&name);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        {
            return Err(format!("{name}: a path outside the tree"));
        }
        let data = reader.read_data(MAX_FILE).map_err(|e| e.to_string())?;
        let path = root.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, data).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
