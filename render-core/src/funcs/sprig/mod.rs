//! Sprig v3.3.0, as Helm v4 registers it (less `env` and `expandenv`): one family per module.

#[cfg(feature = "crypto")]
mod cert;
pub mod conv;
#[cfg(feature = "crypto")]
mod crypto;
pub(crate) mod date;
mod defaults;
mod dicts;
mod goerr;
mod hash;
#[cfg(feature = "crypto")]
mod keygen;
#[cfg(feature = "crypto")]
mod keys;
mod lists;
mod math;
mod merge;
mod paths;
mod random;
mod reflection;
mod regex;
mod semver;
mod strings;
mod url;

use crate::template::FuncTable;

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
    #[cfg(feature = "crypto")]
    {
        cert::register(t);
        crypto::register(t);
    }
    date::register(t);
    hash::register(t);
    random::register(t);
    regex::register(t);
    semver::register(t);
}
