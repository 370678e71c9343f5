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
//! let opts = RenderOptions {
//!     chart: "testdata/charts/hello".into(),
//!     release_name: "demo".into(),
//!     namespace: "apps".into(),
//!     ..RenderOptions::default()
//! };
//! match render(&opts) {
//!     Ok(out) => print!("{}", out.helm_output(Hooks::All)),
//!     Err(e) => eprintln!("Error: {e}"),
//! }
//! ```
//!
//! The modules are Helm's pipeline, in the order a render runs it, each importing only those
//! before it: chart loading ([`chart`]), values and dependency processing ([`values`]), Go's
//! `text/template` ([`template`]), Sprig and Helm's functions ([`funcs`]), Helm's rendering
//! engine ([`engine`]) and manifest splitting and sorting ([`manifest`]); [`limits`] bounds
//! them all. Go's own behaviour that they build on (values, `fmt`, YAML, JSON, semver, ...)
//! is the `render-go` crate.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod chart;
pub mod engine;
mod error;
pub mod funcs;
pub mod limits;
pub mod manifest;
mod parallel;
mod render;
pub mod template;
pub mod values;

pub use error::{Error, ErrorKind, Result};
pub use render::{Crd, Hooks, LoadedChart, RenderOptions, Rendered, name_template, render};
