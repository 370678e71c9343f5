//! `render check` over real layouts: wrapper charts whose values are nested under the wrong
//! key are reported with the path the chart reads.

use render_core::{CheckOptions, RenderOptions, check};
use std::path::PathBuf;

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(name)
}

#[test]
fn ollama_wrong_nesting() {
    let dir = corpus("ollama-wrapper");
    let mut opts = RenderOptions::new(dir.join("chart"));
    opts.release_name = "ollama".into();
    opts.namespace = "ai".into();
    opts.values.value_files = vec![dir.join("values/wrong-nesting.yaml").display().to_string()];
    let checked = check(&opts, &CheckOptions::default());
    match checked {
        Ok(c) => {
            for f in &c.findings {
                println!("{f}");
            }
        }
        Err(e) => println!("error {e}"),
    }
}
