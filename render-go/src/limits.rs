//! The bounds that Go's pieces keep whatever their input: the largest string an encoder
//! writes, the largest list a function builds, the most nodes one walk over a value visits.
//! `render-core`'s budgets (`render_core::limits`) build on them.

/// Largest string one function may return, in bytes (also what the encoders may write).
pub const MAX_STRING_BYTES: usize = 256 << 20;

/// Largest list one function may return, in elements.
pub const MAX_LIST_LEN: usize = 10_000_000;

/// Maps and lists one walk over a value may visit (an encoder, `printf`, `deepCopy`, a merge).
/// A value whose parts are shared has exponentially many paths (`$d = dict "a" $d "b" $d` a
/// hundred times), which Go walks until it runs out of memory; real values have thousands.
pub const MAX_WALK_NODES: usize = 1_000_000;
