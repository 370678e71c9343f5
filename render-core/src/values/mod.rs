//! Helm's values: what `.Values` is made of and the methods templates call on it.
//!
//! * [`strvals`]: the `--set` family of flags.
//! * [`methods`]: `common.Values` template methods (`AsMap`, `Table`, `PathValue`).

pub mod methods;
pub mod strvals;

pub use methods::{call_values_method, table, values_method};
