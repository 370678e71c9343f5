//! Links `render` as a position-dependent executable on Linux: a position-independent one
//! spends its first milliseconds applying tens of thousands of relocations (function tables,
//! vtables), touching megabytes of pages, before `main`. `render` is started once per chart
//! and environment, so that start-up is a good part of a small chart's whole run.

fn main() {
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let gnu = std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    if linux && gnu {
        println!("cargo:rustc-link-arg-bin=render=-no-pie");
    }
}
