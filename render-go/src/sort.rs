//! Go's `sort.Sort`: pattern-defeating quicksort as Go 1.19+ runs it (insertion sort up to 12
//! elements, median-of-three or Tukey's ninther pivots, heapsort after too many bad pivots).
//!
//! Why not `slice::sort_by`: go-yaml orders map keys with `sort.Sort` and a `Less` that is not
//! a total order for some key mixes (letters against digit runs). Rust's sorts may panic when
//! they notice such an inconsistency; Go's algorithm accepts any `Less`. For those key sets Go
//! starts from the random order of a map iteration, so Helm's own output varies between runs;
//! for every consistent order the result is the one sorted order, as in Go.

/// Sorts `items` with `less` exactly as Go's `sort.Sort` would (not stable).
pub fn sort<T>(items: &mut [T], less: impl FnMut(&T, &T) -> bool) {
    let n = items.len();
    if n <= 1 {
        return;
    }
    // bits.Len(n): the number of bits needed for n.
    let limit = (usize::BITS - n.leading_zeros()) as usize;
    let mut s = Sorter { items, less };
    s.pdqsort(0, n, limit);
}

/// What the pivot sample said about the range's order.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

struct Sorter<'a, T, F> {
    items: &'a mut [T],
    less: F,
}

impl<T, F: FnMut(&T, &T) -> bool> Sorter<'_, T, F> {
    /// `Less(i, j)`. Like Go's `sort.Interface`, the algorithm works on indices, all of them
    /// inside `items`; a pair outside (which it never asks for) is not less.
    fn less(&mut self, i: usize, j: usize) -> bool {
        match (self.items.get(i), self.items.get(j)) {
            (Some(x), Some(y)) => (self.less)(x, y),
            _ => false,
        }
    }

    fn swap(&mut self, i: usize, j: usize) {
        self.items.swap(i, j);
    }

    /// Sorts `[a, b)`; `limit` bad pivots are allowed before falling back to heapsort.
    fn pdqsort(&mut self, mut a: usize, mut b: usize, mut limit: usize) {
        const MAX_INSERTION: usize = 12;
        let mut was_balanced = true;
        let mut was_partitioned = true;
        loop {
            let length = b - a;
            if length <= MAX_INSERTION {
                self.insertion_sort(a, b);
                return;
            }
            if limit == 0 {
                self.heap_sort(a, b);
                return;
            }
            if !was_balanced {
                self.break_patterns(a, b);
                limit -= 1;
            }
            let (mut pivot, mut hint) = self.choose_pivot(a, b);
            if hint == Hint::Decreasing {
                self.reverse(a, b);
                pivot = (b - 1) - (pivot - a);
                hint = Hint::Increasing;
            }
            if was_balanced
                && was_partitioned
                && hint == Hint::Increasing
                && self.partial_insertion_sort(a, b)
            {
                return;
            }
            // Many elements equal to the one before the range: split those off first.
            if a > 0 && !self.less(a - 1, pivot) {
                a = self.partition_equal(a, b, pivot);
                continue;
            }
            let (mid, already) = self.partition(a, b, pivot);
            was_partitioned = already;
            let (left, right) = (mid - a, b - mid);
            let threshold = length / 8;
            if left < right {
                was_balanced = left >= threshold;
                self.pdqsort(a, mid, limit);
                a = mid + 1;
            } else {
                was_balanced = right >= threshold;
                self.pdqsort(mid + 1, b, limit);
                b = mid;
            }
        }
    }

    fn insertion_sort(&mut self, a: usize, b: usize) {
        for i in a + 1..b {
            let mut j = i;
            while j > a && self.less(j, j - 1) {
                self.swap(j, j - 1);
                j -= 1;
            }
        }
    }

    /// Restores the max-heap property below `root` within `[0, hi)`, offset by `first`.
    fn sift_down(&mut self, mut root: usize, hi: usize, first: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= hi {
                return;
            }
            if child + 1 < hi && self.less(first + child, first + child + 1) {
                child += 1;
            }
            if !self.less(first + root, first + child) {
                return;
            }
            self.swap(first + root, first + child);
            root = child;
        }
    }

    fn heap_sort(&mut self, a: usize, b: usize) {
        let hi = b - a;
        for i in (0..=(hi - 1) / 2).rev() {
            self.sift_down(i, hi, a);
        }
        for i in (0..hi).rev() {
            self.swap(a, a + i);
            self.sift_down(0, i, a);
        }
    }

    /// One quicksort partition around `items[pivot]`: the new pivot index, and whether the
    /// range was already partitioned (no swap needed).
    fn partition(&mut self, a: usize, b: usize, pivot: usize) -> (usize, bool) {
        self.swap(a, pivot);
        let (mut i, mut j) = (a + 1, b - 1);
        let mut already = true;
        loop {
            while i <= j && self.less(i, a) {
                i += 1;
            }
            while i <= j && !self.less(j, a) {
                j -= 1;
            }
            if i > j {
                break;
            }
            already = false;
            self.swap(i, j);
            i += 1;
            j -= 1;
        }
        self.swap(j, a);
        (j, already)
    }

    /// Moves the elements equal to `items[pivot]` to the front of `[a, b)` (none is smaller)
    /// and returns where the greater ones start.
    fn partition_equal(&mut self, a: usize, b: usize, pivot: usize) -> usize {
        self.swap(a, pivot);
        let (mut i, mut j) = (a + 1, b - 1);
        loop {
            while i <= j && !self.less(a, i) {
                i += 1;
            }
            while i <= j && self.less(a, j) {
                j -= 1;
            }
            if i > j {
                return i;
            }
            self.swap(i, j);
            i += 1;
            j -= 1;
        }
    }

    /// Fixes up to five out-of-order neighbours; true when the range ends up sorted.
    fn partial_insertion_sort(&mut self, a: usize, b: usize) -> bool {
        const MAX_STEPS: usize = 5;
        const SHORTEST_SHIFTING: usize = 50;
        let mut i = a + 1;
        for _ in 0..MAX_STEPS {
            while i < b && !self.less(i, i - 1) {
                i += 1;
            }
            if i == b {
                return true;
            }
            if b - a < SHORTEST_SHIFTING {
                return false;
            }
            self.swap(i, i - 1);
            // Go shifts the smaller one left down to index 1, not to `a`.
            if i - a >= 2 {
                let mut j = i - 1;
                while j >= 1 && self.less(j, j - 1) {
                    self.swap(j, j - 1);
                    j -= 1;
                }
            }
            if b - i >= 2 {
                let mut j = i + 1;
                while j < b && self.less(j, j - 1) {
                    self.swap(j, j - 1);
                    j += 1;
                }
            }
        }
        false
    }

    /// Swaps three middle elements with pseudo-random ones (seeded by the length, so the
    /// same input always takes the same path).
    fn break_patterns(&mut self, a: usize, b: usize) {
        let length = b - a;
        if length < 8 {
            return;
        }
        let mut random = length as u64;
        let modulus = 1usize << (usize::BITS - length.leading_zeros());
        let mid = a + (length / 4) * 2;
        for idx in mid - 1..=mid + 1 {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            let mut other = (random as usize) & (modulus - 1);
            if other >= length {
                other -= length;
            }
            self.swap(idx, a + other);
        }
    }

    /// The pivot: fixed for short ranges, median of three, or Tukey's ninther from 50
    /// elements; the number of swaps the sampling needed hints at the range's order.
    fn choose_pivot(&mut self, a: usize, b: usize) -> (usize, Hint) {
        const SHORTEST_NINTHER: usize = 50;
        const MAX_SWAPS: usize = 4 * 3;
        let l = b - a;
        let mut swaps = 0;
        let (mut i, mut j, mut k) = (a + l / 4, a + l / 4 * 2, a + l / 4 * 3);
        if l >= 8 {
            if l >= SHORTEST_NINTHER {
                i = self.median(i - 1, i, i + 1, &mut swaps);
                j = self.median(j - 1, j, j + 1, &mut swaps);
                k = self.median(k - 1, k, k + 1, &mut swaps);
            }
            j = self.median(i, j, k, &mut swaps);
        }
        let hint = match swaps {
            0 => Hint::Increasing,
            MAX_SWAPS => Hint::Decreasing,
            _ => Hint::Unknown,
        };
        (j, hint)
    }

    /// The index of the median of three, counting the comparisons that found them reversed.
    fn median(&mut self, a: usize, b: usize, c: usize, swaps: &mut usize) -> usize {
        let mut order2 = |s: &mut Self, x: usize, y: usize| {
            if s.less(y, x) {
                *swaps += 1;
                (y, x)
            } else {
                (x, y)
            }
        };
        let (a, b) = order2(self, a, b);
        let (b, _) = order2(self, b, c);
        let (_, b) = order2(self, a, b);
        b
    }

    fn reverse(&mut self, a: usize, b: usize) {
        if let Some(run) = self.items.get_mut(a..b) {
            run.reverse();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_a_total_order_when_there_is_one() {
        for n in [0usize, 1, 2, 12, 13, 49, 50, 51, 200, 1000] {
            // A scrambled sequence with duplicates.
            let mut v: Vec<u64> = (0..n as u64).map(|i| (i * 7919) % 97).collect();
            let mut want = v.clone();
            want.sort();
            sort(&mut v, |a, b| a < b);
            assert_eq!(v, want, "n = {n}");
            let mut rev: Vec<u64> = (0..n as u64).rev().collect();
            sort(&mut rev, |a, b| a < b);
            assert!(rev.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn inconsistent_orders_never_panic() {
        let mut v: Vec<u32> = (0..500).collect();
        let mut state = 1u32;
        sort(&mut v, |_, _| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            state & 0x100 != 0
        });
        v.sort();
        assert_eq!(v, (0..500).collect::<Vec<_>>());
    }
}
