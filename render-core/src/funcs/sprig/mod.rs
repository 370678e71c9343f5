//! Sprig v3.3.0, as Helm v4 registers it (less `env` and `expandenv`): one family per module.

mod casing;
pub mod conv;
mod decimal;
mod defaults;
mod dicts;
mod goerr;
mod goutils;
mod limits;
mod lists;
mod math;
mod merge;
mod paths;
mod reflection;
mod strings;
mod url;

use super::FuncTable;

/// Registers every Sprig function.
pub(crate) fn register(t: &mut FuncTable) {
    strings::register(t);
    lists::register(t);
    dicts::register(t);
    defaults::register(t);
    math::register(t);
    reflection::register(t);
    paths::register(t);
    url::register(t);
}
