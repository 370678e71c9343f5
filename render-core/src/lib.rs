//! `render-core`: Helm-compatible chart rendering.
//!
//! The output of a render is byte-identical to what `helm template` (Helm v4) prints.
//! Everything goes through one entry point, [`render`]: give it a chart (directory or `.tgz`)
//! and `helm template`'s options in [`RenderOptions`]; [`Rendered::helm_output`] is the text
//! Helm prints, and the other fields of [`Rendered`] hold each part (templates, sorted
//! manifests and hooks, CRDs, NOTES.txt, warnings).
//!
//! ```no_run
//! use render_core::{RenderOptions, render};
//! let opts = RenderOptions {
//!     chart: "testdata/charts/hello".into(),
//!     release_name: "demo".into(),
//!     namespace: "apps".into(),
//!     ..RenderOptions::default()
//! };
//! match render(&opts) {
//!     Ok(out) => print!("{}", out.helm_output(false, false)),
//!     Err(e) => eprintln!("Error: {e}"),
//! }
//! ```
//!
//! The modules below it are Go's and Helm's pieces, each exact to its Go original: the
//! `text/template` engine ([`template`]), Sprig and Helm's functions ([`funcs`]), Go values
//! and `fmt` ([`value`]), goyaml ([`yaml`]), `encoding/json` ([`json`]), chart loading
//! ([`chart`]), values ([`values`]), the rendering engine ([`engine`]) and manifest splitting
//! and sorting ([`manifest`]).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod baseenc;
pub mod chart;
pub mod engine;
mod error;
pub mod funcs;
// Exposed to the fuzzers (feature `internals`), private otherwise.
#[cfg(feature = "internals")]
pub mod glob;
#[cfg(not(feature = "internals"))]
mod glob;
pub mod gopem;
pub mod goregex;
pub mod gosort;
mod gotar;
pub mod gotime;
pub mod json;
pub mod limits;
pub mod manifest;
mod parallel;
mod recursion;
mod render;
pub mod semver;
pub mod slog;
pub mod template;
pub mod toml;
pub mod value;
pub mod values;
pub mod yaml;

pub use error::{Error, ErrorKind, Result};
pub use render::{Crd, RenderOptions, Rendered, name_template, render};
