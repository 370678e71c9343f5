//! Sprig v3.3.0, as Helm v4 registers it (less `env` and `expandenv`): one family per module.

pub mod conv;
mod hash;
mod regex;
mod semver;

use super::FuncTable;

/// Registers every Sprig function.
pub(crate) fn register(t: &mut FuncTable) {
    hash::register(t);
    regex::register(t);
    semver::register(t);
}
