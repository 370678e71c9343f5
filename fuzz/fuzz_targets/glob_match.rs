//! Glob patterns against names: `.Files.Glob` (gobwas) and `.helmignore`/`--show-only`
//! (`filepath.Match`). Every pattern must compile or be refused, and match in time linear in
//! the name (libFuzzer's timeout catches backtracking).
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_go::glob::{filepath, gobwas};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (pattern, name) = text.split_once('\n').unwrap_or((text, "a/b.txt"));
    // Long names make exponential matchers show.
    let name = name.repeat(8);
    if let Some(g) = gobwas::Glob::compile(pattern) {
        let _ = g.matches(&name);
    }
    let _ = filepath::path_match(pattern, &name);
});
