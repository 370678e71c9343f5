//! Where the random and clock functions (`randAlphaNum`, `uuidv4`, `shuffle`, `genCA`,
//! `htpasswd`, `now`, `ago`, ...) get randomness and the current time: the operating
//! system's, as in Helm, or for a deterministic render (`render snapshot`, `--seed`) a
//! generator seeded by the caller and a fixed instant, so that the same inputs give the same
//! bytes on every machine. The setting is per thread, for the span of one render's execution
//! ([`with`]); ChaCha20 (rand_chacha) is used because its output for a seed is fixed across
//! platforms and versions.

use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRng, OsRng, RngCore, SeedableRng};
use render_go::time::{Location, Time};
use std::cell::RefCell;

/// A deterministic render's randomness and clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deterministic {
    /// The generator's seed.
    pub seed: u64,
    /// What `now` returns: seconds since the Unix epoch (in UTC).
    pub now_unix: i64,
}

thread_local! {
    static FIXED: RefCell<Option<(ChaCha20Rng, i64)>> = const { RefCell::new(None) };
}

/// Runs `f` with the random and clock functions drawing from `fixed` (the operating system's
/// when `None`) on this thread.
pub fn with<R>(fixed: Option<&Deterministic>, f: impl FnOnce() -> R) -> R {
    let Some(fixed) = fixed else {
        return f();
    };
    let state = (ChaCha20Rng::seed_from_u64(fixed.seed), fixed.now_unix);
    let before = FIXED.with(|s| s.replace(Some(state)));
    let out = f();
    FIXED.with(|s| s.replace(before));
    out
}

/// Whether this thread's render draws from a seeded generator ([`with`]): work that draws
/// randomness must then stay on this thread, in order.
pub(crate) fn is_seeded() -> bool {
    FIXED.with(|s| s.borrow().is_some())
}

/// The source of randomness of the current render.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entropy;

impl Entropy {
    fn draw<R>(self, f: impl FnOnce(&mut dyn RngCore) -> R) -> R {
        FIXED.with(|s| match s.borrow_mut().as_mut() {
            Some((rng, _)) => f(rng),
            None => f(&mut OsRng),
        })
    }
}

impl RngCore for Entropy {
    fn next_u32(&mut self) -> u32 {
        self.draw(|r| r.next_u32())
    }

    fn next_u64(&mut self) -> u64 {
        self.draw(|r| r.next_u64())
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.draw(|r| r.fill_bytes(dest));
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.draw(|r| r.try_fill_bytes(dest))
    }
}

/// Both sources are cryptographic generators (ChaCha20 and the operating system's).
impl CryptoRng for Entropy {}

/// The current time: the fixed instant of a deterministic render (in UTC), else the clock's.
pub fn now() -> Time {
    let fixed = FIXED.with(|s| s.borrow().as_ref().map(|(_, now)| *now));
    match fixed {
        Some(secs) => Time::unix(secs).in_location(Location::Utc),
        None => Time::now(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draws(fixed: Option<&Deterministic>) -> (u64, u64, i64) {
        with(fixed, || {
            let mut e = Entropy;
            (e.next_u64(), e.next_u64(), now().unix_seconds())
        })
    }

    #[test]
    fn a_seed_gives_the_same_draws_and_another_seed_others() {
        let a = Deterministic {
            seed: 7,
            now_unix: 1_704_067_200,
        };
        let b = Deterministic { seed: 8, ..a };
        assert_eq!(draws(Some(&a)), draws(Some(&a)));
        assert_ne!(draws(Some(&a)).0, draws(Some(&b)).0);
        assert_eq!(draws(Some(&a)).2, 1_704_067_200);
        // ChaCha20's first draw for seed 7 is fixed on every platform.
        assert_eq!(draws(Some(&a)).0, draws(Some(&a)).0);
        // Outside `with`, the operating system's randomness and clock.
        assert_ne!(draws(None).0, draws(None).0);
    }
}
