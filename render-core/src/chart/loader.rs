//! In-memory chart files → [`Chart`] (Helm's `LoadFiles`). Directory and archive loaders both
//! reduce to this.

use std::sync::Arc;

/// A file read from a chart directory or archive, named relative to the chart root.
#[derive(Clone, Debug)]
pub struct BufferedFile {
    /// Path relative to the chart root, `/`-separated.
    pub name: String,
    /// Contents (BOM stripped).
    pub data: Arc<[u8]>,
}
