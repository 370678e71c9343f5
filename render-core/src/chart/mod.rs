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

/// Whether the template file at `path` is a partial (`_helpers.tpl`): parsed for its
/// `define`s, never executed nor split into documents, and the only kind of template a
/// library chart keeps.
pub(crate) fn is_partial(path: &str) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path);
    base.starts_with('_')
}
