//! `render show chart|values|readme|crds|all CHART`: Helm's `show` commands, printed as
//! Helm prints them (the bytes of the chart's files, Chart.yaml re-serialized).

use crate::Context;
use crate::commands::ShowWhat;
use render_core::{ShowPart as Part, show};
use std::io::Write;
use std::path::Path;

/// Runs `render show WHAT CHART`.
pub fn run(cx: &mut Context, what: ShowWhat) -> Result<(), String> {
    let part = match what {
        ShowWhat::All => Part::All,
        ShowWhat::Chart => Part::Chart,
        ShowWhat::Values => Part::Values,
        ShowWhat::Readme => Part::Readme,
        ShowWhat::Crds => Part::Crds,
    };
    let chart = cx.parsed.args.first().cloned().unwrap_or_default();
    let path = crate::remote::locate(cx, &chart)?;
    let (bytes, warnings) = show(Path::new(&path), part).map_err(|e| e.to_string())?;
    for w in &warnings {
        crate::print_warning(cx.err, w);
    }
    cx.out.write_all(&bytes).map_err(|e| e.to_string())
}
