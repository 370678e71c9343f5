//! Log records as Go's `slog` writes them, for the warnings and notices Helm logs to stderr
//! while loading and rendering (coalescing conflicts, dependency problems, symbolic links).

/// A record as Helm's command line logs it (`slog.TextHandler` without the time):
/// `level=LEVEL msg=MSG k=v`, a value quoted when it is empty or holds spaces, `=`, `"` or
/// unprintable characters.
pub fn record(level: &str, msg: &str, attrs: &[(&str, &str)]) -> String {
    let mut out = format!("level={level}");
    for (k, v) in std::iter::once(&("msg", msg)).chain(attrs) {
        let needs_quoting = v.is_empty()
            || v.chars()
                .any(|c| c == '=' || c == '"' || c.is_whitespace() || !crate::unicode::is_print(c));
        let v = if needs_quoting {
            crate::strconv::quote(v)
        } else {
            v.to_string()
        };
        out.push_str(&format!(" {k}={v}"));
    }
    out
}
