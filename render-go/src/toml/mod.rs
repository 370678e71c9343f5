//! TOML as Helm's `toToml` and `fromToml` see it: BurntSushi/toml v1.6.0's encoder and its
//! `Unmarshal` into `map[string]interface{}` (TOML 1.1: newlines and trailing commas in inline
//! tables, `\e` and `\xHH` escapes, datetimes without seconds).
//!
//! Written here rather than with a TOML crate because templates print what this library does
//! byte for byte: its document layout and float format on the way out, and on the way in its Go
//! types (`int64`, `float64`, `time.Time` with TOML's local zones, `[]map[string]interface {}`
//! for arrays of tables), its leniencies (a dotted-key table may be reopened once by a header)
//! and its error texts (`toml: line 1 (last key "a"): unexpected EOF; expected value`), which
//! `fromToml` returns under an `Error` key.

mod datetime;
mod decode;
mod encode;

pub use datetime::{Datetime, Zone};
pub use decode::decode;
pub use encode::{EncodeError, encode};
