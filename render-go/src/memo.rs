//! Results kept by the string they were computed from, process-wide: regular expressions a
//! template compiles in a loop, semver constraints every render checks. Bounded: a memo
//! that fills up starts over.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Up to `max` results by key.
pub(crate) struct Memo<T> {
    results: OnceLock<Mutex<HashMap<String, T>>>,
    max: usize,
}

impl<T: Clone> Memo<T> {
    /// An empty memo that keeps up to `max` results.
    pub(crate) const fn new(max: usize) -> Memo<T> {
        Memo {
            results: OnceLock::new(),
            max,
        }
    }

    /// The result for `key`, computed by `compute` unless it is kept already.
    pub(crate) fn get_or(&self, key: &str, compute: impl FnOnce(&str) -> T) -> T {
        let results = self.results.get_or_init(Mutex::default);
        if let Some(known) = results.lock().get(key) {
            return known.clone();
        }
        let result = compute(key);
        let mut results = results.lock();
        if results.len() >= self.max {
            results.clear();
        }
        results.insert(key.to_string(), result.clone());
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_and_starts_over_when_full() {
        let memo: Memo<usize> = Memo::new(2);
        let calls = std::cell::Cell::new(0);
        let len = |k: &str| {
            calls.set(calls.get() + 1);
            k.len()
        };
        assert_eq!(memo.get_or("ab", len), 2);
        assert_eq!(memo.get_or("ab", len), 2);
        assert_eq!(calls.get(), 1);
        memo.get_or("abc", len);
        memo.get_or("abcd", len);
        assert_eq!(memo.get_or("ab", len), 2);
        assert_eq!(calls.get(), 4);
    }
}
