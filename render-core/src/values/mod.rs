//! Helm's values: how the user's values are read and laid over the charts' defaults, and the
//! methods templates call on `.Values`.
//!
//! * [`options`]: the user's values from `-f` files and the `--set` flags (`MergeValues`).
//! * [`strvals`]: the `--set` family of flags.
//! * [`coalesce`]: `CoalesceValues` / `MergeValues` (user values over chart defaults).
//! * [`deps`]: dependency processing before a render: which subcharts stay (conditions, tags),
//!   aliases, `import-values` (chartutil keeps it with coalescing, which it needs).
//! * [`schema`]: values.schema.json validation of a chart and its subcharts.
//! * [`methods`]: `common.Values` template methods (`AsMap`, `Table`, `PathValue`, `YAML`).

pub mod coalesce;
pub mod deps;
pub mod methods;
pub mod options;
pub mod schema;
pub mod strvals;

pub use methods::{call_values_method, values_method};
pub use options::Options;
