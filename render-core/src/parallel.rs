//! Independent pieces of one render (template files to parse, rendered documents to read
//! heads from) handled on a few threads when there is enough work, results kept in input
//! order so that the first error reported is the one Helm reports.

/// Below this much input, one thread is quicker than starting others.
pub(crate) const MIN_PARALLEL_BYTES: usize = 256 * 1024;

/// `items.iter().map(f).collect()`, on up to four threads when the items' total `size` is at
/// least [`MIN_PARALLEL_BYTES`].
pub(crate) fn map_ordered<T, R, F>(items: &[T], size: impl Fn(&T) -> usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let total: usize = items.iter().map(size).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || total < MIN_PARALLEL_BYTES {
        return items.iter().map(f).collect();
    }
    spread(items, threads, f)
}

/// `items.iter().map(f).collect()` on every core: for items each worth a thread (whole
/// renders of a `render.yaml`).
pub(crate) fn map_all<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    spread(items, threads.min(items.len()), f)
}

/// The items mapped on `threads` threads, results in input order.
fn spread<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
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
}
