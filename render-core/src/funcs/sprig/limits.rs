//! Bounds on what one Sprig call may build. Go allocates whatever a template asks for
//! (`repeat 1000000000 "x"`, `until 1000000000`) until the process runs out of memory; we
//! stop earlier with a clear error instead. The bounds are far beyond anything a chart
//! needs: 1 GiB for a string (the engine's own default output limit) and 10 million
//! elements for a list.

use crate::template::CallError;

/// Largest string a function may return, in bytes.
pub const MAX_STRING_BYTES: usize = 1 << 30;

/// Largest list a function may return, in elements.
pub const MAX_LIST_LEN: usize = 10_000_000;

/// Fails when a string of `bytes` bytes would exceed [`MAX_STRING_BYTES`].
pub fn check_string(bytes: u128) -> Result<(), CallError> {
    if bytes > MAX_STRING_BYTES as u128 {
        return Err(CallError::msg(format!(
            "result of {bytes} bytes exceeds the limit of {MAX_STRING_BYTES} bytes"
        )));
    }
    Ok(())
}

/// Fails when a list of `len` elements would exceed [`MAX_LIST_LEN`].
pub fn check_list(len: u128) -> Result<(), CallError> {
    if len > MAX_LIST_LEN as u128 {
        return Err(CallError::msg(format!(
            "result of {len} elements exceeds the limit of {MAX_LIST_LEN} elements"
        )));
    }
    Ok(())
}
