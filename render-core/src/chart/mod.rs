//! Charts: the in-memory model (`model`), and how files become charts.

pub mod archive;
pub mod chartfile;
pub mod dir;
mod error;
pub mod ignore;
pub mod loader;
pub mod model;
pub mod show;
mod sniff;

pub use error::LoadError;
pub use model::{Chart, Dependency, File, Maintainer, Metadata};
