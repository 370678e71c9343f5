//! Independent pieces of one render (template files to parse, rendered documents to read
//! heads from) handled on a few threads when there is enough work, results kept in input
//! order so that the first error reported is the one Helm reports.

use std::cell::Cell;

/// Below this much input, one thread is quicker than starting others.
pub(crate) const MIN_PARALLEL_BYTES: usize = 256 * 1024;

thread_local! {
    /// Set on the threads of [`map_all`]: each core has one already, so work they do is
    /// not spread any further.
    static ON_EVERY_CORE: Cell<bool> = const { Cell::new(false) };
}

/// How many threads this thread may spread work on: the cores, or one inside [`map_all`].
pub(crate) fn threads_here() -> usize {
    if ON_EVERY_CORE.get() {
        return 1;
    }
    cores()
}

/// The cores this process may use, asked once: the answer reads cgroup files.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `items.iter().map(f).collect()`, on up to four threads when the items' total `size` is at
/// least [`MIN_PARALLEL_BYTES`].
pub(crate) fn map_ordered<T, R, F>(items: &[T], size: impl Fn(&T) -> usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let total: usize = items.iter().map(size).sum();
    let threads = threads_here().min(4);
    if threads < 2 || total < MIN_PARALLEL_BYTES {
        return items.iter().map(f).collect();
    }
    spread(items, threads, false, f)
}

/// `items.iter().map(f).collect()` on every core: for items each worth a thread (whole
/// renders of a `render.yaml`).
pub(crate) fn map_all<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads_here();
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    spread(items, threads.min(items.len()), true, f)
}

/// The items mapped on `threads` threads, results in input order; `every_core`: the threads
/// take all cores (see [`threads_here`]).
fn spread<T, R, F>(items: &[T], threads: usize, every_core: bool, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let f = &f;
    // Worker w takes items w, w + threads, ...: sizes vary a lot, so interleave.
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|w| {
                scope.spawn(move || {
                    ON_EVERY_CORE.set(every_core);
                    items
                        .iter()
                        .enumerate()
                        .skip(w)
                        .step_by(threads)
                        .map(|(i, item)| (i, f(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(results) => results,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_on_every_path() {
        let small: Vec<usize> = (0..100).collect();
        assert_eq!(
            map_ordered(&small, |_| 1, |x| x * 2),
            (0..100).map(|x| x * 2).collect::<Vec<_>>()
        );
        let big: Vec<usize> = (0..1000).collect();
        let got = map_ordered(&big, |_| MIN_PARALLEL_BYTES, |x| x + 1);
        assert_eq!(got, (1..1001).collect::<Vec<_>>());
        assert_eq!(
            map_all(&big, |x| x * 3),
            (0..1000).map(|x| x * 3).collect::<Vec<_>>()
        );
    }

    #[test]
    fn work_inside_map_all_stays_on_its_thread() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(threads_here(), cores);
        let inside = map_all(&[0, 1, 2], |_| threads_here());
        let expected = if cores > 1 { 1 } else { cores };
        assert_eq!(inside, vec![expected; 3]);
        // Threads of map_ordered may spread again: they are not on every core.
        let big: Vec<usize> = (0..8).collect();
        let nested = map_ordered(&big, |_| MIN_PARALLEL_BYTES, |_| threads_here());
        assert_eq!(nested, vec![cores; 8]);
    }
}
