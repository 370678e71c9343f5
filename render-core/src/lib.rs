//! `render-core`: Helm-compatible chart rendering.
//!
//! The output of a render is byte-identical to what `helm template` (Helm v4) prints.
//! Everything goes through one entry point, [`render`]: give it a chart (directory or `.tgz`)
//! and `helm template`'s options in [`RenderOptions`]; [`Rendered::helm_output`] is the text
//! Helm prints, and the other fields of [`Rendered`] hold each part (templates, sorted
//! manifests and hooks, CRDs, NOTES.txt, warnings).
//!
//! ```no_run
//! use render_core::{Hooks, RenderOptions, render};
//! let mut opts = RenderOptions::new("testdata/charts/hello");
//! opts.release_name = "demo".into();
//! opts.namespace = "apps".into();
//! match render(&opts) {
//!     Ok(out) => print!("{}", out.helm_output(Hooks::All)),
//!     Err(e) => eprintln!("Error: {e}"),
//! }
//! ```
//!
//! A chart loaded once renders many times ([`LoadedChart`]): several environments, several
//! threads, each template parsed once. [`check`] renders and reports the values the user
//! supplied that no template reads (`render check`), each with where it came from and what
//! was probably meant. [`show`] is `helm show`, [`load_chart_v2`] the loader
//! Helm's `show` and `dependency` commands use, [`execute_template`] a standalone Go template
//! (`--name-template`, `version --template`).
//!
//! Inside, the modules are Helm's pipeline, in the order a render runs it, each importing only
//! those before it (`tests/layers.rs` checks it): chart loading (`chart`), values and
//! dependency processing (`values`), Go's `text/template` (`template`), Sprig and Helm's
//! functions (`funcs`), Helm's rendering engine (`engine`) and manifest splitting and sorting
//! (`manifest`), then the render itself and, on top, `check`; `limits` bounds them all. They are public only with the `internals` feature,
//! for this crate's tests, the benchmarks and the fuzzers. Go's own behaviour that they build
//! on (values, `fmt`, YAML, JSON, semver, ...) is the `render-go` crate.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// Declares the pipeline's modules: public with the `internals` feature, private otherwise.
macro_rules! pipeline {
    ($($name:ident),* $(,)?) => {$(
        #[cfg(feature = "internals")]
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        mod $name;
    )*};
}

pipeline!(chart, engine, funcs, limits, manifest, template, values);
mod check;
mod diff;
mod environments;
mod error;
mod parallel;
mod render;

pub use chart::loader::Loaded;
pub use chart::show::{Part as ShowPart, chart_yaml, show};
pub use chart::{Chart, Dependency, File, Maintainer, Metadata};
pub use check::{CheckOptions, Checked, Finding, Origin, check};
pub use diff::{ResourceChange, ResourceId, diff_renders, resource_documents};
pub use engine::capabilities::KubeVersion;
pub use environments::{Entry, Environments, RemoteChart};
pub use error::{Error, ErrorKind, Location, Result};
pub use limits::Limits;
pub use manifest::{DocText, Document, Head, show_only};
pub use render::{
    Crd, Deterministic, Hooks, LoadedChart, RenderOptions, Rendered, TemplateFunctions,
    execute_template, load_chart, load_chart_v2, name_template, render,
};
pub use values::options::Options as ValueOptions;
