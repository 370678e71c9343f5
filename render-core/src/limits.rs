//! Budgets: every bound on the time, memory and recursion of a render, in one place.
//!
//! Go bounds little: a template may loop a billion times, build a string of gigabytes or
//! nest until Go's 1 GB stack overflows, and Helm then hangs or dies. A renderer running in
//! CI and inside GitOps controllers on charts from the internet must end by itself, so every
//! render here runs within the budgets below and stops with an error naming the template
//! that exceeded one. Where Go has a limit of its own (`maxExecDepth`, Helm's 1000 nested
//! `include`s of one name, the JSON and YAML nesting limits), we use the same number and the
//! same error text, in the module that reproduces it.
//!
//! The defaults are far beyond what real charts use: of the 74 renders of the shared corpus,
//! the most any takes is 18 411 steps (kube-prometheus-stack) and 1.1 MB of function results
//! (opentelemetry-kube-stack), and no template prints more than a few MB. At the defaults a
//! render ends within about ten seconds and a few GB of memory whatever its templates do.

pub use render_go::limits::{MAX_LIST_LEN, MAX_STRING_BYTES, MAX_WALK_NODES};
use render_go::value::Value;

/// The budgets of one render, set through `RenderOptions::limits`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Limits {
    /// Steps (nodes walked, range iterations, template calls) one render may take: time.
    pub fuel: u64,
    /// Largest output one template (or one `include`/`tpl`) may produce, in bytes.
    pub max_output: usize,
    /// Bytes of strings and list elements that the functions of one render may return in
    /// total (each result counted once, when returned): memory, since nothing a template
    /// holds was made any other way.
    pub max_alloc: u64,
}

impl Limits {
    /// Budgets of `fuel` steps, `max_output` bytes per template output and `max_alloc` bytes
    /// of function results.
    pub fn new(fuel: u64, max_output: usize, max_alloc: u64) -> Limits {
        Limits {
            fuel,
            max_output,
            max_alloc,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            fuel: 100_000_000,
            max_output: MAX_STRING_BYTES,
            max_alloc: 2 << 30,
        }
    }
}

/// Nesting of `if`/`range`/`with`/`block` in one template text. Go has no limit and stops only
/// when its 1 GB stack is exhausted; a template file is at most 5 MiB, so ~350 000 levels, and
/// Helm renders that. Ours also covers text that `tpl` builds at run time.
pub(crate) const MAX_TEMPLATE_NESTING: usize = 400_000;

/// Templates running inside one another: `include`, `tpl` and `{{template}}` together. Go
/// limits `{{template}}` to 100 000 levels per execution (which this leaves room for, so that
/// Go's own error is the one reported) and Helm `include` to 1000 levels per name, so a ring
/// of names nests far deeper; Helm then runs out of memory building its error text (2.3 GB at
/// 5000 levels). Beyond this depth (about 400 MB of stack) we stop with an error of our own.
pub(crate) const MAX_TEMPLATE_CALL_DEPTH: usize = 110_000;

/// The bytes a function result newly holds, for [`Limits::max_alloc`]: strings and the
/// elements of lists and maps that nothing else holds yet (a value fetched from elsewhere is
/// not new memory).
pub(crate) fn new_bytes(v: &Value) -> u64 {
    const ELEMENT: u64 = std::mem::size_of::<Value>() as u64;
    match v {
        Value::Str(s) if std::sync::Arc::strong_count(s) == 1 => s.len() as u64,
        Value::Bytes(b) if std::sync::Arc::strong_count(b) == 1 => b.len() as u64,
        Value::List(l, _) if !l.is_shared() => l.len() as u64 * ELEMENT,
        Value::Map(m) if !m.is_shared() => m.len() as u64 * 2 * ELEMENT,
        _ => 0,
    }
}

/// Fails when a string of `bytes` bytes would exceed [`MAX_STRING_BYTES`].
pub(crate) fn check_string(bytes: u128) -> Result<(), String> {
    if bytes > MAX_STRING_BYTES as u128 {
        return Err(format!(
            "result of {bytes} bytes exceeds the limit of {MAX_STRING_BYTES} bytes"
        ));
    }
    Ok(())
}

/// Fails when a list of `len` elements would exceed [`MAX_LIST_LEN`].
pub(crate) fn check_list(len: u128) -> Result<(), String> {
    if len > MAX_LIST_LEN as u128 {
        return Err(format!(
            "result of {len} elements exceeds the limit of {MAX_LIST_LEN} elements"
        ));
    }
    Ok(())
}
