//! Sprig's checksums (crypto.go): `sha1sum`, `sha256sum`, `sha512sum` as lowercase hex, and
//! `adler32sum` as a decimal number. Adler-32 is a few lines, so it is written here.

use crate::template::FuncTable;
use render_go::value::{Value, rawbytes};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use std::fmt::Write as _;

/// Lowercase hex of bytes (Go's `hex.EncodeToString`).
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Adler-32 (`hash/adler32.Checksum`).
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 is the largest run whose sums cannot overflow before the reduction.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

fn digest<D: Digest>(s: &str) -> Value {
    Value::string(hex(&D::digest(rawbytes::decode(s))))
}

pub(super) fn register(t: &mut FuncTable) {
    t.func("sha1sum", digest::<Sha1>);
    t.func("sha256sum", digest::<Sha256>);
    t.func("sha512sum", digest::<Sha512>);
    t.func("adler32sum", |s: &str| adler32(&rawbytes::decode(s)).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_matches_reference() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        let long = vec![0xffu8; 100_000];
        // Reference: zlib's adler32 of 100000 bytes of 0xff.
        let (mut a, mut b) = (1u64, 0u64);
        for &x in &long {
            a = (a + u64::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        assert_eq!(u64::from(adler32(&long)), (b << 16) | a);
    }
}
