//! Charts: the in-memory model (`model`), and how files become charts.

pub mod model;

pub use model::{Chart, Dependency, File, Maintainer, Metadata};
