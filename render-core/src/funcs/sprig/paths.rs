//! Sprig's path functions: Go's `path` package (`base dir clean ext isAbs`) and
//! `path/filepath` (`osBase osDir osClean osExt osIsAbs`), which on Linux, where Helm's
//! output is defined, behave the same.

use crate::template::{FuncTable, arg_str};
use render_go::value::{Method, Param, Value};

/// A `path` function, its `path/filepath` twin, and their shared implementation.
type PathFunc = (&'static str, &'static str, fn(&str) -> String);

pub(super) fn register(t: &mut FuncTable) {
    let funcs: [PathFunc; 4] = [
        ("base", "osBase", |p| base(p).to_string()),
        ("dir", "osDir", dir),
        ("clean", "osClean", clean),
        ("ext", "osExt", |p| ext(p).to_string()),
    ];
    for (name, os_name, f) in funcs {
        for n in [name, os_name] {
            t.add_pure(n, Method::fixed(&[Param::String]), move |a| {
                Ok(Value::string(f(arg_str(&a[0]))))
            });
        }
    }
    for n in ["isAbs", "osIsAbs"] {
        t.add_pure(n, Method::fixed(&[Param::String]), |a| {
            Ok(Value::Bool(arg_str(&a[0]).starts_with('/')))
        });
    }
}

/// Go's `path.Clean`: the shortest equivalent path, resolving `.` and `..` lexically.
pub fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let rooted = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    // Leading `..` elements of a relative path cannot be resolved and are kept.
    let mut fixed = 0;
    for elem in path.split('/') {
        match elem {
            "" | "." => {}
            ".." => {
                if out.len() > fixed {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                    fixed = out.len();
                }
            }
            e => out.push(e),
        }
    }
    let joined = out.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// Go's `path.Base`: the last element, trailing slashes ignored; `.` for "", `/` for slashes
/// only.
pub fn base(path: &str) -> &str {
    if path.is_empty() {
        return ".";
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/";
    }
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

/// Go's `path.Dir`: everything up to the last slash, cleaned.
pub fn dir(path: &str) -> String {
    let head = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    };
    clean(head)
}

/// Go's `path.Ext`: the suffix from the last dot of the last element.
pub fn ext(path: &str) -> &str {
    for (i, b) in path.bytes().enumerate().rev() {
        match b {
            b'/' => break,
            b'.' => return &path[i..],
            _ => {}
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_go() {
        assert_eq!(clean("a/../../b/./c//"), "../b/c");
        assert_eq!(clean("/../a/.."), "/");
        assert_eq!(clean(""), ".");
        assert_eq!(clean("a/.."), ".");
        assert_eq!(base("/a/b/"), "b");
        assert_eq!(base("///"), "/");
        assert_eq!(dir("a/b/c"), "a/b");
        assert_eq!(dir("abc"), ".");
        assert_eq!(dir("/abc"), "/");
        assert_eq!(ext("a/b.tar.gz"), ".gz");
        assert_eq!(ext("a.b/c"), "");
    }
}
