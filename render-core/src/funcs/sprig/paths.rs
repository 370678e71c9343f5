//! Sprig's path functions: Go's `path` package ([`render_go::path`]: `base dir clean ext
//! isAbs`) and
//! `path/filepath` (`osBase osDir osClean osExt osIsAbs`), which on Linux, where Helm's
//! output is defined, behave the same.

use crate::template::FuncTable;
use render_go::path::{base, clean, dir, ext};

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
            t.func(n, f);
        }
    }
    for n in ["isAbs", "osIsAbs"] {
        t.func(n, |p: &str| p.starts_with('/'));
    }
}
