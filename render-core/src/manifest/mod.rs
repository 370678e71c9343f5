//! From rendered templates to what `helm template` prints: documents split out of each file,
//! hooks told apart from manifests, install-order sorting, and the `---\n# Source:` layout.

mod ahead;
mod head;
mod memo;
mod plain;
mod show_only;
mod sort;
mod split;

pub(crate) use ahead::{HeadsAhead, HeadsQueue};
pub use head::parse_head;
pub(crate) use memo::HeadsMemo;
pub(crate) use sort::sort_manifests_read;
pub use show_only::show_only;
pub use sort::{DocText, Document, Head, ManifestError};
#[cfg_attr(not(feature = "internals"), allow(unused_imports))] // for the benchmarks
pub use sort::sort_manifests;
#[cfg_attr(not(feature = "internals"), allow(unused_imports))] // for the benchmarks
pub use split::split_manifests;
