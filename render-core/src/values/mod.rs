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
mod error;
pub mod methods;
pub mod options;
pub mod schema;
pub mod strvals;

pub use error::ValuesError;
pub use methods::{call_values_method, values_method};
pub use options::Options;

use crate::chart::Chart;
use render_go::value::Map;

// The module's boundary: what a render asks of values, with typed errors.

/// Checks that the chart's declared dependencies are vendored (`v3`: Helm's stricter check
/// for apiVersion v3 charts).
pub fn check_dependencies(chart: &Chart, v3: bool) -> Result<(), ValuesError> {
    let checked = match v3 {
        true => deps::check_dependencies_v3(chart),
        false => deps::check_dependencies(chart),
    };
    checked.map_err(ValuesError::Dependencies)
}

/// Helm's `ProcessDependencies`: drops disabled subcharts, applies aliases and imports.
pub fn process_dependencies(
    chart: &mut Chart,
    user: &Map,
    warnings: &mut coalesce::Warnings,
) -> Result<(), ValuesError> {
    deps::process_dependencies(chart, user, warnings).map_err(ValuesError::Dependencies)
}

/// Helm's `CoalesceValues`: the user's values over the chart's defaults.
pub fn coalesce(chart: &Chart, user: &Map, warnings: &mut coalesce::Warnings) -> Result<Map, ValuesError> {
    coalesce::coalesce_values(chart, user, warnings).map_err(ValuesError::Coalesce)
}

/// Validates the values against the chart's and its subcharts' `values.schema.json`, with the
/// schemas `cache` holds compiled.
pub(crate) fn validate_schema(
    chart: &Chart,
    values: &Map,
    cache: Option<&schema::SchemaCache>,
) -> Result<(), ValuesError> {
    schema::validate_with(chart, values, cache).map_err(ValuesError::Schema)
}
