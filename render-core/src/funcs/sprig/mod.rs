//! Sprig v3.3.0, as Helm v4 registers it (less `env` and `expandenv`): one family per module.

mod cert;
pub mod conv;
mod crypto;
mod date;
mod der;
mod hash;
mod keys;
mod random;
mod regex;
mod semver;

use super::FuncTable;

/// Registers every Sprig function.
pub(crate) fn register(t: &mut FuncTable) {
    cert::register(t);
    crypto::register(t);
    date::register(t);
    hash::register(t);
    random::register(t);
    regex::register(t);
    semver::register(t);
}
