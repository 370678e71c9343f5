//! The modules of `render-core` are Helm's pipeline in layers: each imports only the layers
//! below it, so a maintainer reads them bottom-up and no change can tie two of them in a
//! circle. This test reads every source file and fails on an import that points up or across.

use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may use `crate::X` only for an `X` in a lower layer.
const LAYERS: &[&[&str]] = &[
    &["error", "limits", "parallel"],
    &["chart"],
    &["values"],
    &["template"],
    &["funcs"],
    &["engine", "manifest"],
    &["render"],
    &["check", "diff", "environments"],
];

fn layer_of(module: &str) -> Option<usize> {
    // What the crate root re-exports counts as the module it comes from.
    let module = match module {
        "Error" | "ErrorKind" | "Result" => "error",
        "RenderOptions" | "Rendered" | "Crd" | "Hooks" | "LoadedChart" | "name_template" => {
            "render"
        }
        m => m,
    };
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`src/chart/dir.rs` -> `chart`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.trim_end_matches(".rs").to_string())
}

/// The modules a file names as `crate::X`.
fn imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "read only {} files", files.len());
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        if module == "lib" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is in no layer of tests/layers.rs",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for used in imports(&text) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(l) if l < own => {}
                _ => wrong.push(format!(
                    "{}: `{module}` uses `crate::{used}`, which is not below it",
                    file.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
