//! Helm's values: what `.Values` is made of and the methods templates call on it.
//!
//! * [`methods`]: `common.Values` template methods (`AsMap`, `Table`, `PathValue`).

pub mod methods;

pub use methods::{call_values_method, table, values_method};
