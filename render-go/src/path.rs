//! Go's `path` package: slash-separated paths, as archives and URLs use them.

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
