//! Go's `os` and `io/fs` error texts (`open values.yaml: no such file or directory`), which
//! Helm prints for files it cannot read.

use std::path::Path;

/// Go's `*PathError` text: `op path: cause`.
pub fn path_error(op: &str, path: &Path, e: &std::io::Error) -> String {
    format!("{op} {}: {}", path.display(), io_error(e))
}

/// Go's text for common file errors (`no such file or directory`, ...).
pub fn io_error(e: &std::io::Error) -> String {
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
