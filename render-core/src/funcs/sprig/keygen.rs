//! New RSA keys (`rsa.GenerateKey`, behind `genCA`, `genSelfSignedCert`, `genSignedCert` and
//! `genPrivateKey`), with a faster prime search than the `rsa` crate's own.
//!
//! Charts generate TLS keys on every render (most Bitnami charts do), and the crate's search
//! (num-bigint-dig's `gen_prime`: candidates sieved by the primes to 53, then a Miller-Rabin
//! round on a generic modular exponentiation each, 21 rounds and a Lucas test for the prime)
//! took ~45 ms per 1024-bit prime: such renders ran slower than Helm's. The search here draws exactly the
//! candidates `gen_prime` draws, in the same order, so that a seeded render (`render snapshot`,
//! `--seed`) keeps its keys byte for byte; it only rejects composites sooner: trial division by
//! the primes to [`TRIAL_LIMIT`], then Fermat's test to base 2 on Montgomery arithmetic sized
//! for the keys Sprig makes, then Miller-Rabin to base 2 and to [`EXTRA_ROUNDS`] more bases
//! (5 rounds: as many as Go's `crypto/rsa` runs on random candidates of 512 and 1024 bits,
//! one more than at 2048). A prime passes every test, so the candidate
//! accepted is the one `gen_prime` accepts unless a composite passes, which has a probability
//! far below 2^-100. Sizes without Montgomery arithmetic here keep `gen_prime`'s own test.
//!
//! With the operating system's randomness (no seed) two threads search at once where the
//! render may spread its work (not inside `render snapshot`'s renders, which take a core
//! each): a key takes half the time on two cores, and no render can tell which thread found
//! which prime.

use super::super::entropy::{self, Entropy};
use rand_core::{OsRng, RngCore, SeedableRng};
use rsa::{BigUint, RsaPrivateKey};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

/// The public exponent Go and the `rsa` crate use.
const EXPONENT: u32 = 65537;

/// `gen_prime`'s sieve: the odd primes to 53 and their product.
const SIEVE_PRIMES: [u64; 15] = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53];
const SIEVE_PRODUCT: u64 = 16_294_579_238_595_022_365;

/// Trial division goes on to the primes below this (~45% fewer exponentiations than the
/// sieve alone, for ~15 µs a candidate).
const TRIAL_LIMIT: usize = 4000;

/// Miller-Rabin bases beyond 2 for a candidate that passed every other test.
const EXTRA_ROUNDS: usize = 4;

/// Attempts at a key before giving up (each fails with probability ~1/32768: a prime `p`
/// with `p - 1` divisible by the exponent).
const MAX_KEY_ATTEMPTS: usize = 64;

/// A new RSA key of `bits` bits, from two primes as `rsa::RsaPrivateKey::new` picks them.
pub(super) fn generate(bits: usize) -> Result<RsaPrivateKey, String> {
    if bits < 64 {
        // The crate's own checks and messages for keys too small to have two such primes.
        return RsaPrivateKey::new(&mut Entropy, bits).map_err(|e| e.to_string());
    }
    let (p_bits, q_bits) = (bits / 2, bits - bits / 2);
    let mut last = String::from("too many attempts");
    for _ in 0..MAX_KEY_ATTEMPTS {
        let (p, q) = if entropy::is_seeded() || crate::parallel::threads_here() < 2 {
            let p = random_prime(&mut Entropy, p_bits, &AtomicBool::new(false));
            let q = random_prime(&mut Entropy, q_bits, &AtomicBool::new(false));
            (p, q)
        } else {
            search_pair(p_bits, q_bits)
        };
        let (Some(p), Some(q)) = (p, q) else {
            continue;
        };
        if p == q || (&p * &q).bits() != bits {
            continue;
        }
        match RsaPrivateKey::from_primes(vec![p, q], BigUint::from(EXPONENT)) {
            Ok(key) => return Ok(key),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

/// Two primes found by two threads at once from the operating system's randomness.
fn search_pair(p_bits: usize, q_bits: usize) -> (Option<BigUint>, Option<BigUint>) {
    let found: Mutex<Vec<BigUint>> = Mutex::new(Vec::with_capacity(2));
    let done = AtomicBool::new(false);
    let work = |bits: usize| {
        while !done.load(Ordering::Relaxed) {
            let Some(p) = random_prime(&mut OsRng, bits, &done) else {
                break;
            };
            let mut found = found.lock().unwrap_or_else(|e| e.into_inner());
            found.push(p);
            if found.len() >= 2 {
                done.store(true, Ordering::Relaxed);
            }
        }
    };
    if p_bits == q_bits {
        std::thread::scope(|s| {
            s.spawn(|| work(p_bits));
            work(p_bits);
        });
    } else {
        // Different sizes: one prime of each, each on its own thread.
        let one = |bits: usize| {
            let p = random_prime(&mut OsRng, bits, &AtomicBool::new(false));
            if let Some(p) = p {
                found.lock().unwrap_or_else(|e| e.into_inner()).push(p);
            }
        };
        std::thread::scope(|s| {
            s.spawn(|| one(q_bits));
            one(p_bits);
        });
    }
    let mut found = found.into_inner().unwrap_or_else(|e| e.into_inner());
    found.sort_by_key(|p| p.bits());
    let q = found.pop();
    (found.pop(), q)
}

/// `gen_prime`: random candidates of exactly `bits` bits, the top two and the lowest set,
/// moved up to the next number the sieve passes, until one is prime. `None` when `stop` is
/// set by another searcher.
fn random_prime(rng: &mut dyn RngCore, bits: usize, stop: &AtomicBool) -> Option<BigUint> {
    let top = match bits % 8 {
        0 => 8,
        b => b,
    };
    let mut bytes = vec![0u8; bits.div_ceil(8)];
    while !stop.load(Ordering::Relaxed) {
        rng.fill_bytes(&mut bytes);
        if let Some(first) = bytes.first_mut() {
            *first &= ((1u32 << top) - 1) as u8;
            if top >= 2 {
                *first |= 3u8 << (top - 2);
            } else {
                *first |= 1;
            }
        }
        if top < 2
            && let Some(second) = bytes.get_mut(1)
        {
            *second |= 0x80;
        }
        if let Some(last) = bytes.last_mut() {
            *last |= 1;
        }
        let mut p = be_limbs(&bytes);
        let rem = remainder(&p, SIEVE_PRODUCT);
        let sieved = (0..1u64 << 20).step_by(2).find(|delta| {
            let m = rem + delta;
            !SIEVE_PRIMES
                .iter()
                .any(|&q| m % q == 0 && (bits > 6 || m != q))
        });
        if let Some(delta) = sieved.filter(|&d| d > 0) {
            add_small(&mut p, delta);
        }
        if bit_len(&p) == bits && is_prime(&p, bits) {
            return Some(to_biguint(&p));
        }
    }
    None
}

/// Whether the odd candidate with limbs `l` and `bits` bits is prime (see the module's
/// comment).
fn is_prime(l: &[u64], bits: usize) -> bool {
    let gen_prime_test = || num_bigint_dig::prime::probably_prime(&to_biguint(l), 20);
    if bits < 64 {
        return gen_prime_test();
    }
    if trial_products()
        .iter()
        .any(|&m| gcd(remainder(l, m), m) != 1)
    {
        return false;
    }
    match l.len() {
        8 if bits == 512 => Montgomery::<8>::new(l).is_prime(),
        16 if bits == 1024 => Montgomery::<16>::new(l).is_prime(),
        32 if bits == 2048 => Montgomery::<32>::new(l).is_prime(),
        _ => gen_prime_test(),
    }
}

/// The primes from 59 to [`TRIAL_LIMIT`], multiplied together in groups that fit a `u64`.
fn trial_products() -> &'static [u64] {
    static PRODUCTS: OnceLock<Vec<u64>> = OnceLock::new();
    PRODUCTS.get_or_init(|| {
        let mut composite = vec![false; TRIAL_LIMIT];
        let mut out = Vec::new();
        let mut product = 1u64;
        for n in 2..TRIAL_LIMIT {
            if composite.get(n).copied().unwrap_or(true) {
                continue;
            }
            for multiple in (n * n..TRIAL_LIMIT).step_by(n) {
                if let Some(c) = composite.get_mut(multiple) {
                    *c = true;
                }
            }
            if n <= 53 {
                continue;
            }
            let n = n as u64;
            match product.checked_mul(n) {
                Some(p) => product = p,
                None => {
                    out.push(product);
                    product = n;
                }
            }
        }
        out.push(product);
        out
    })
}

/// The 64-bit limbs, least significant first, of the big-endian number `bytes`.
fn be_limbs(bytes: &[u8]) -> Vec<u64> {
    bytes
        .rchunks(8)
        .map(|c| c.iter().fold(0u64, |l, &b| (l << 8) | u64::from(b)))
        .collect()
}

fn to_biguint(l: &[u64]) -> BigUint {
    let bytes: Vec<u8> = l.iter().flat_map(|x| x.to_le_bytes()).collect();
    BigUint::from_bytes_le(&bytes)
}

/// `l += n`, growing by a limb on a carry out of the top.
fn add_small(l: &mut Vec<u64>, n: u64) {
    let mut carry = n;
    for x in l.iter_mut() {
        if carry == 0 {
            return;
        }
        let (sum, over) = x.overflowing_add(carry);
        *x = sum;
        carry = u64::from(over);
    }
    if carry != 0 {
        l.push(carry);
    }
}

/// The number of significant bits of the limbs `l`.
fn bit_len(l: &[u64]) -> usize {
    let top = l.iter().rposition(|&x| x != 0);
    top.and_then(|i| l.get(i).map(|x| 64 * i + 64 - x.leading_zeros() as usize))
        .unwrap_or(0)
}

/// The number with limbs `l` modulo `m` (not zero).
fn remainder(l: &[u64], m: u64) -> u64 {
    let m = u128::from(m);
    l.iter()
        .rev()
        .fold(0u128, |r, &x| ((r << 64) | u128::from(x)) % m) as u64
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Arithmetic modulo an odd `n` of exactly `64 * K` bits, in Montgomery form (`x·R mod n`,
/// `R = 2^(64K)`), on fixed-size limb arrays the compiler unrolls.
struct Montgomery<const K: usize> {
    n: [u64; K],
    /// `-n⁻¹ mod 2^64`.
    n0: u64,
    /// 1 in Montgomery form: `R mod n`, which is `R - n` as `n`'s top bit is set.
    one: [u64; K],
    /// 2 in Montgomery form.
    two: [u64; K],
}

impl<const K: usize> Montgomery<K> {
    fn new(limbs: &[u64]) -> Self {
        let mut n = [0u64; K];
        n.iter_mut().zip(limbs).for_each(|(d, s)| *d = *s);
        // Newton's iteration doubles the correct low bits of the inverse each step.
        let low = n.first().copied().unwrap_or(1);
        let mut inv = low;
        for _ in 0..6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(low.wrapping_mul(inv)));
        }
        let mut one = [0u64; K];
        sub_assign(&mut one, &n);
        let mut m = Montgomery {
            n,
            n0: inv.wrapping_neg(),
            one,
            two: [0; K],
        };
        m.two = m.double(&one);
        m
    }

    /// Fermat to base 2, then Miller-Rabin to base 2 and [`EXTRA_ROUNDS`] bases drawn from
    /// a generator seeded by `n` (as num-bigint-dig does: the render's randomness is not
    /// touched, so a seeded render draws the same candidates).
    fn is_prime(&self) -> bool {
        if self.pow(&self.two, &self.minus_one()) != self.one {
            return false;
        }
        if !self.miller_rabin(&self.two) {
            return false;
        }
        let seed = self.n.first().copied().unwrap_or(0);
        let mut bases = rand_chacha::ChaCha20Rng::seed_from_u64(seed);
        (0..EXTRA_ROUNDS).all(|_| {
            let mut a = [0u64; K];
            a.iter_mut().for_each(|l| *l = bases.next_u64());
            // A base below n (n's top bit is set): a's top bit cleared, and neither 0 nor 1.
            if let Some(top) = a.last_mut() {
                *top &= u64::MAX >> 1;
            }
            if let Some(low) = a.first_mut() {
                *low |= 2;
            }
            self.miller_rabin(&self.to_montgomery(&a))
        })
    }

    /// `n - 1` (`n` is odd).
    fn minus_one(&self) -> [u64; K] {
        let mut d = self.n;
        if let Some(low) = d.first_mut() {
            *low &= !1;
        }
        d
    }

    /// The strong probable-prime test to the base `a` (Montgomery form).
    fn miller_rabin(&self, a: &[u64; K]) -> bool {
        let mut d = self.minus_one();
        let mut minus_one = self.n;
        sub_assign(&mut minus_one, &self.one);
        let s = trailing_zeros(&d);
        shift_right(&mut d, s);
        let mut x = self.pow(a, &d);
        if x == self.one || x == minus_one {
            return true;
        }
        for _ in 1..s {
            x = self.mul(&x, &x);
            if x == minus_one {
                return true;
            }
            if x == self.one {
                return false;
            }
        }
        false
    }

    /// `a` (below `n`) in Montgomery form: `a` doubled 64K times modulo `n`.
    fn to_montgomery(&self, a: &[u64; K]) -> [u64; K] {
        (0..64 * K).fold(*a, |x, _| self.double(&x))
    }

    /// `base^e`, left to right; doubling instead of multiplying when the base is 2.
    fn pow(&self, base: &[u64; K], e: &[u64; K]) -> [u64; K] {
        let base_is_two = *base == self.two;
        let mut x = self.one;
        for &limb in e.iter().rev() {
            for bit in (0..64).rev() {
                x = self.mul(&x, &x);
                if (limb >> bit) & 1 == 1 {
                    x = match base_is_two {
                        true => self.double(&x),
                        false => self.mul(&x, base),
                    };
                }
            }
        }
        x
    }

    /// `2x mod n` for `x < n`.
    fn double(&self, x: &[u64; K]) -> [u64; K] {
        let mut out = *x;
        let mut carry = 0;
        for l in out.iter_mut() {
            let next = *l >> 63;
            *l = (*l << 1) | carry;
            carry = next;
        }
        if carry != 0 || !less(&out, &self.n) {
            sub_assign(&mut out, &self.n);
        }
        out
    }

    /// `a·b·R⁻¹ mod n` (CIOS: each row's product added, then one limb reduced away).
    ///
    /// Indexed loops: every index is below `K` by its loop's bounds, which the compiler sees
    /// (no check is left); the same loops written with iterators ran 25% slower.
    #[allow(clippy::indexing_slicing)]
    fn mul(&self, a: &[u64; K], b: &[u64; K]) -> [u64; K] {
        const { assert!(K > 0) };
        let (n, n0) = (&self.n, self.n0);
        let mut t = [0u64; K];
        let mut t_hi = 0u64;
        for &ai in a {
            let mut carry = 0u64;
            for j in 0..K {
                let s = u128::from(ai) * u128::from(b[j]) + u128::from(t[j]) + u128::from(carry);
                t[j] = s as u64;
                carry = (s >> 64) as u64;
            }
            let s = u128::from(t_hi) + u128::from(carry);
            let (t_k, t_k1) = (s as u64, (s >> 64) as u64);
            let m = t[0].wrapping_mul(n0);
            let s = u128::from(m) * u128::from(n[0]) + u128::from(t[0]);
            let mut carry = (s >> 64) as u64;
            for j in 1..K {
                let s = u128::from(m) * u128::from(n[j]) + u128::from(t[j]) + u128::from(carry);
                t[j - 1] = s as u64;
                carry = (s >> 64) as u64;
            }
            let s = u128::from(t_k) + u128::from(carry);
            t[K - 1] = s as u64;
            t_hi = t_k1 + (s >> 64) as u64;
        }
        if t_hi != 0 || !less(&t, n) {
            sub_assign(&mut t, n);
        }
        t
    }
}

/// `a < b`.
fn less<const K: usize>(a: &[u64; K], b: &[u64; K]) -> bool {
    a.iter().rev().cmp(b.iter().rev()).is_lt()
}

/// `a -= b` modulo `2^(64K)`.
fn sub_assign<const K: usize>(a: &mut [u64; K], b: &[u64; K]) {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d, b1) = x.overflowing_sub(y);
        let (d, b2) = d.overflowing_sub(u64::from(borrow));
        *x = d;
        borrow = b1 | b2;
    }
}

fn trailing_zeros<const K: usize>(a: &[u64; K]) -> usize {
    let mut n = 0;
    for &l in a {
        if l != 0 {
            return n + l.trailing_zeros() as usize;
        }
        n += 64;
    }
    n
}

/// `a >>= s` for `s < 64K`.
fn shift_right<const K: usize>(a: &mut [u64; K], s: usize) {
    let (words, bits) = (s / 64, s % 64);
    let source = *a;
    for (i, out) in a.iter_mut().enumerate() {
        let lo = source.get(i + words).copied().unwrap_or(0);
        let hi = source.get(i + words + 1).copied().unwrap_or(0);
        *out = match bits {
            0 => lo,
            b => (lo >> b) | (hi << (64 - b)),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;

    /// The search accepts the candidates num-bigint-dig's accepts: seeded keys are the
    /// `rsa` crate's, byte for byte, at every size with Montgomery arithmetic and without.
    #[test]
    fn seeded_keys_are_the_rsa_crates() {
        for (bits, seeds) in [(1024, 0..6u64), (2048, 6..8), (1000, 8..10), (96, 10..14)] {
            for seed in seeds {
                let theirs = RsaPrivateKey::new(&mut ChaCha20Rng::seed_from_u64(seed), bits)
                    .expect("the crate's key");
                let fixed = entropy::Deterministic {
                    seed,
                    now_unix: 0,
                };
                let ours = entropy::with(Some(&fixed), || generate(bits)).expect("our key");
                assert!(ours == theirs, "{bits} bits, seed {seed}");
            }
        }
    }

    /// Without a seed: valid keys of the size asked, from two threads.
    #[test]
    fn unseeded_keys_are_valid() {
        for bits in [1024, 2048, 1025] {
            let key = generate(bits).expect("a key");
            assert_eq!(rsa::traits::PublicKeyParts::n(&key).bits(), bits);
            key.validate().expect("a valid key");
        }
    }

    /// Montgomery's tests against num-bigint-dig's exponentiation, on primes, on composites
    /// (products of two primes, which trial division cannot reject) and on Carmichael-like
    /// numbers that fool Fermat but not Miller-Rabin.
    #[test]
    fn montgomery_agrees_with_modpow() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        for _ in 0..4 {
            let p = random_prime(&mut rng, 512, &AtomicBool::new(false)).expect("a prime");
            let q = random_prime(&mut rng, 512, &AtomicBool::new(false)).expect("a prime");
            let n = &p * &q;
            assert!(Montgomery::<8>::new(&be_limbs(&p.to_bytes_be())).is_prime());
            assert!(num_bigint_dig::prime::probably_prime(&p, 20));
            let m = Montgomery::<16>::new(&be_limbs(&n.to_bytes_be()));
            assert!(!m.is_prime());
            let e = m.minus_one();
            let two = BigUint::from(2u32);
            let expected = two.modpow(&(&n - 1u32), &n);
            // Out of Montgomery form: multiply by 1.
            let mut unit = [0u64; 16];
            unit[0] = 1;
            let got = m.mul(&m.pow(&m.two, &e), &unit);
            assert_eq!(got.to_vec(), be_limbs(&expected.to_bytes_be()), "2^(n-1) mod n");
        }
        // The 2048-bit primes of 4096-bit keys (`genPrivateKey "rsa"`).
        let p = random_prime(&mut rng, 2048, &AtomicBool::new(false)).expect("a prime");
        assert!(num_bigint_dig::prime::probably_prime(&p, 20));
        let q = random_prime(&mut rng, 1024, &AtomicBool::new(false)).expect("a prime");
        let r = random_prime(&mut rng, 1024, &AtomicBool::new(false)).expect("a prime");
        assert!(!Montgomery::<32>::new(&be_limbs(&(&q * &r).to_bytes_be())).is_prime());
    }
}
