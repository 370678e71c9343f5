//! Helm's content cache (`pkg/downloader/cache.go`): chart archives stored by the sha256 of
//! their bytes as `<content-cache>/<first byte in hex>/<sha256>.chart`. `template` of a remote
//! chart reads it as Helm does; dependency downloads use it too when the index names the
//! archive's digest (Helm always downloads them again), and every hit is checked against that
//! digest before it is used.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sha256 of `data`, in hex.
pub fn sha256(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn path(root: &Path, digest: &str) -> Option<PathBuf> {
    let prefix = digest.get(..2)?;
    Some(root.join(prefix).join(format!("{digest}.chart")))
}

/// The cached archive with this digest, when present and intact.
pub fn get(root: &Path, digest: &str) -> Option<(PathBuf, Vec<u8>)> {
    let digest = digest.trim_start_matches("sha256:");
    let p = path(root, digest)?;
    let data = std::fs::read(&p).ok().filter(|d| !d.is_empty())?;
    (sha256(&data) == digest).then_some((p, data))
}

/// Stores an archive under its own digest; the file's path.
pub fn put(root: &Path, data: &[u8]) -> Result<PathBuf, String> {
    if root.as_os_str().is_empty() {
        return Err("content cache must be set".into());
    }
    let p = path(root, &sha256(data)).ok_or_else(|| "content cache must be set".to_string())?;
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("mkdir {}: {e}", dir.display()))?;
    }
    crate::manager::atomic_write(&p, data)?;
    Ok(p)
}
