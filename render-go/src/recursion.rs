//! Deep recursion without stack overflows, and the limits that bound it.
//!
//! Go runs every goroutine on a stack that grows to 1 GB, so Helm parses a template nested
//! 300 000 levels deep, prints a map nested 100 000 levels deep and walks charts hundreds of
//! directories deep. A Rust thread has a fixed stack (8 MiB for `main`, 2 MiB for workers),
//! so every recursive path here — parser, executor, printers, encoders, comparisons, chart
//! walks — calls [`grow`] at each level: when less than `RED_ZONE` of the stack is left, the
//! rest of the recursion continues on a fresh heap-allocated segment. Memory then grows with
//! the nesting, which [`crate::limits`] bounds.

/// Stack kept free below each checkpoint: enough for the deepest chain of frames between two
/// calls of [`grow`] (the executor's, with an inlined function call, is the largest).
const RED_ZONE: usize = 256 * 1024;

/// Size of each new stack segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `f`, first moving to a new stack segment when the current one is nearly used up.
#[inline]
pub fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}

/// Runs `f` on a fresh stack of `bytes`, for code that recurses without calling [`grow`] (a
/// library's validator): the caller sizes the stack from the depth of its input.
pub fn with_stack<R>(bytes: usize, f: impl FnOnce() -> R) -> R {
    stacker::grow(bytes, f)
}
