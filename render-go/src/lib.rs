//! `render-go`: the parts of Go and of the Go libraries Helm links, reproduced in Rust so that
//! templates see exactly what they see in Helm: the same bytes out, the same values in, the
//! same error texts.
//!
//! Each module is named after the package it reproduces, and says in its documentation why it
//! is written here rather than taken from a crate (in short: templates print the library's
//! exact output and error texts, and no crate matches them).
//!
//! * Go's standard library: [`fmt`], [`strconv`], [`unicode`], [`time`], [`regexp`],
//!   [`sort`], [`base64`] (and base32), [`pem`], [`json`] (`encoding/json`), [`tar`]
//!   (`archive/tar`), [`glob`] (`path/filepath.Match`, and gobwas/glob), [`slog`], [`os`]'s
//!   error texts, [`path`], [`asn1`] (the DER that `crypto/x509` writes), [`url`] (`net/url`).
//! * Go libraries Helm links: [`yaml`] (go-yaml v2/v3 and `sigs.k8s.io/yaml`), [`toml`]
//!   (BurntSushi/toml), [`semver`] (Masterminds/semver), [`decimal`] (shopspring/decimal),
//!   [`goutils`] (Masterminds/goutils), [`xstrings`] (huandu/xstrings), [`levenshtein`]
//!   (cobra's edit distance).
//! * The model they share: [`value`], Go's dynamically typed values (`interface{}`) as Helm
//!   hands them to templates, and the bounds every walk over them keeps ([`limits`],
//!   [`recursion`]).
//!
//! Nothing here knows about charts or templates: `render-core` builds Helm's pipeline on it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ascii;
pub mod asn1;
pub mod base64;
pub mod decimal;
pub mod fmt;
pub mod glob;
pub mod goutils;
pub mod json;
pub mod levenshtein;
pub mod limits;
mod memo;
pub mod os;
pub mod path;
pub mod pem;
pub mod recursion;
pub mod regexp;
pub mod semver;
pub mod slog;
pub mod sort;
pub mod strconv;
pub mod tar;
pub mod time;
pub mod toml;
pub mod unicode;
pub mod url;
pub mod value;
pub mod xstrings;
pub mod yaml;
