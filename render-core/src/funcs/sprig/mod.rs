//! Sprig v3.3.0, as Helm v4 registers it (less `env` and `expandenv`): one family per module.

pub mod conv;
mod crypto;
mod date;
mod hash;
mod random;
mod regex;
mod semver;

use super::FuncTable;

/// Registers every Sprig function.
pub(crate) fn register(t: &mut FuncTable) {
    crypto::register(t);
    date::register(t);
    hash::register(t);
    random::register(t);
    regex::register(t);
    semver::register(t);
}
