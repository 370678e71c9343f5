//! `render-core`: Helm-compatible chart rendering.
//!
//! The output of a render is byte-identical to what `helm template` (Helm v4) prints.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod baseenc;
pub mod chart;
pub mod engine;
mod error;
pub mod funcs;
pub mod gopem;
pub mod goregex;
pub mod gotime;
pub mod json;
pub mod manifest;
mod render;
pub mod semver;
pub mod template;
pub mod toml;
pub mod value;
pub mod values;
pub mod yaml;

pub use error::{Error, ErrorKind, Result};
pub use render::{Crd, RenderOptions, Rendered, name_template, render};
