//! Charts: the in-memory model (`model`), and how files become charts.

pub mod archive;
pub mod chartfile;
pub mod dir;
pub mod ignore;
pub mod loader;
pub mod model;
pub mod show;
mod sniff;

pub use model::{Chart, Dependency, File, Maintainer, Metadata};
