//! Sprig's password and cipher functions (crypto.go): `bcrypt`, `htpasswd`,
//! `derivePassword` (Master Password's algorithm over scrypt and HMAC-SHA256),
//! `encryptAES`/`decryptAES` (AES-256-CBC with a random IV and PKCS#7 padding, base64).
//!
//! `decryptAES` reproduces what Go does with bad input: its slice and cipher panics become
//! the call's error with Go's runtime texts.

use crate::template::{CallError, FuncTable};
use aes::Aes256;
use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit, generic_array::GenericArray};
use hmac::{Hmac, Mac};
use render_go::base64;
use sha2::Sha256;

/// Go's `bcrypt.GenerateFromPassword(input, bcrypt.DefaultCost)`, formatted `$2a$10$…`;
/// Sprig prints the error instead of failing.
fn bcrypt_hash(input: &str) -> String {
    if input.len() > 72 {
        return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
            .to_string();
    }
    let mut salt = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut super::super::entropy::Entropy, &mut salt);
    match bcrypt::hash_with_salt(input, 10, salt) {
        Ok(parts) => parts.format_for_version(bcrypt::Version::TwoA),
        Err(e) => format!("failed to encrypt string with bcrypt: {e}"),
    }
}

const MASTER_PASSWORD_SEED: &str = "com.lyndir.masterpassword";

/// Master Password's templates by password type.
fn password_templates(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "maximum" => &["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" => &[
            "CvcvnoCvcvCvcv",
            "CvcvCvcvnoCvcv",
            "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv",
            "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv",
            "CvcvCvccCvcvno",
            "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno",
            "CvccnoCvccCvcv",
            "CvccCvccnoCvcv",
            "CvccCvccCvcvno",
            "CvcvnoCvccCvcc",
            "CvcvCvccnoCvcc",
            "CvcvCvccCvccno",
            "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => &["CvcnoCvc", "CvcCvcno"],
        "short" => &["Cvcn"],
        "basic" => &["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => &["nnnn"],
        _ => return None,
    })
}

/// The characters each template letter draws from.
fn template_characters(c: u8) -> &'static [u8] {
    match c {
        b'V' => b"AEIOU",
        b'C' => b"BCDFGHJKLMNPQRSTVWXYZ",
        b'v' => b"aeiou",
        b'c' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        b'a' => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        b'n' => b"0123456789",
        b'o' => b"@&%?,=[]_:-+*$#!'^~;()/.",
        _ => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    }
}

/// Sprig's `derivePassword`.
fn derive_password(counter: u32, kind: &str, password: &str, user: &str, site: &str) -> String {
    let Some(templates) = password_templates(kind) else {
        return format!("cannot find password template {kind}");
    };
    let mut salt = MASTER_PASSWORD_SEED.as_bytes().to_vec();
    salt.extend_from_slice(&(user.len() as u32).to_be_bytes());
    salt.extend_from_slice(user.as_bytes());
    let mut key = [0u8; 64];
    let derived = scrypt::Params::new(15, 8, 2, 64)
        .map_err(|e| e.to_string())
        .and_then(|p| {
            scrypt::scrypt(password.as_bytes(), &salt, &p, &mut key).map_err(|e| e.to_string())
        });
    if let Err(e) = derived {
        return format!("failed to derive password: {e}");
    }
    let mut seed_input = MASTER_PASSWORD_SEED.as_bytes().to_vec();
    seed_input.extend_from_slice(&(site.len() as u32).to_be_bytes());
    seed_input.extend_from_slice(site.as_bytes());
    seed_input.extend_from_slice(&counter.to_be_bytes());
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&key) else {
        return "failed to derive password".to_string();
    };
    mac.update(&seed_input);
    let seed = mac.finalize().into_bytes();
    let pick = |list_len: usize, at: usize| {
        let s = seed.get(at).copied().unwrap_or(0);
        usize::from(s).checked_rem(list_len)
    };
    let Some(template) = pick(templates.len(), 0).and_then(|i| templates.get(i)) else {
        return format!("cannot find password template {kind}");
    };
    template
        .bytes()
        .enumerate()
        .filter_map(|(i, c)| {
            let chars = template_characters(c);
            pick(chars.len(), i + 1).and_then(|j| chars.get(j)).copied().map(char::from)
        })
        .collect()
}

/// The AES-256 key Sprig makes of a password: its first 32 bytes, zero-padded.
fn aes_key(password: &str) -> Aes256 {
    let mut key = [0u8; 32];
    for (k, p) in key.iter_mut().zip(password.as_bytes()) {
        *k = *p;
    }
    Aes256::new(&GenericArray::from(key))
}

/// Sprig's `encryptAES`.
fn encrypt_aes(password: &str, plaintext: &str) -> String {
    if plaintext.is_empty() {
        return String::new();
    }
    let cipher = aes_key(password);
    let mut content = plaintext.as_bytes().to_vec();
    let padding = 16 - content.len() % 16;
    content.extend(std::iter::repeat_n(padding as u8, padding));
    let mut out = super::random::random_bytes(16);
    let mut prev = [0u8; 16];
    prev.copy_from_slice(&out);
    for chunk in content.chunks(16) {
        let mut block = GenericArray::from(prev);
        for (b, c) in block.iter_mut().zip(chunk) {
            *b ^= c;
        }
        cipher.encrypt_block(&mut block);
        prev.copy_from_slice(&block);
        out.extend_from_slice(&block);
    }
    base64::base64_encode(&out)
}

/// Sprig's `decryptAES`, with Go's panics as errors.
fn decrypt_aes(password: &str, crypt64: &str) -> Result<Vec<u8>, String> {
    if crypt64.is_empty() {
        return Ok(Vec::new());
    }
    let crypt = base64::base64_decode(crypt64)?;
    let cipher = aes_key(password);
    if crypt.len() < 16 {
        return Err(format!(
            "runtime error: slice bounds out of range [:16] with capacity {}",
            crypt.len()
        ));
    }
    let (iv, body) = crypt.split_at(16);
    if body.len() % 16 != 0 {
        return Err("crypto/cipher: input not full blocks".to_string());
    }
    let mut prev: &[u8] = iv;
    let mut out = Vec::with_capacity(body.len());
    for chunk in body.chunks(16) {
        let mut block = GenericArray::clone_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        out.extend(block.iter().zip(prev).map(|(b, p)| b ^ p));
        prev = chunk;
    }
    let Some(&last) = out.last() else {
        return Err("runtime error: index out of range [-1]".to_string());
    };
    let end = out.len() as i64 - i64::from(last);
    if end < 0 {
        return Err(format!("runtime error: slice bounds out of range [:{end}]"));
    }
    out.truncate(end as usize);
    Ok(out)
}

pub(super) fn register(t: &mut FuncTable) {
    t.func("bcrypt", bcrypt_hash);
    t.func("htpasswd", |user: &str, password: &str| {
        if user.contains(':') {
            format!("invalid username: {user}")
        } else {
            format!("{user}:{}", bcrypt_hash(password))
        }
    });
    t.func("derivePassword", derive_password);
    t.func("encryptAES", encrypt_aes);
    t.func("decryptAES", |password: &str, crypt64: &str| {
        decrypt_aes(password, crypt64)
            .map(|b| super::conv::go_string(&b))
            .map_err(CallError::msg)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle
    #[test]
    fn bcrypt_hashes_verify_against_go() {
        let go_hash = "$2a$10$GcgfJlnSGVSqz6vk3ALnr.ufZH/qjrVzz0imP0DdT//kMxGFjKbLu";
        assert_eq!(bcrypt::verify("x", go_hash).ok(), Some(true));
        let ours = bcrypt_hash("x");
        assert!(ours.starts_with("$2a$10$") && ours.len() == 60);
        assert_eq!(bcrypt::verify("x", &ours).ok(), Some(true));
        assert_eq!(bcrypt::verify("y", &ours).ok(), Some(false));
    }

    #[test]
    fn aes_round_trips_and_reads_go_ciphertext() {
        let go = "/KAKqsJoUz+8gkymbS3n3pWAsf5LdrjlPBChitC6BD8=";
        assert_eq!(
            decrypt_aes("secret", go).as_deref(),
            Ok(&b"hello world"[..])
        );
        let ours = encrypt_aes("secret", "hello world");
        assert_eq!(
            decrypt_aes("secret", &ours).as_deref(),
            Ok(&b"hello world"[..])
        );
        assert_ne!(encrypt_aes("secret", "hello world"), ours);
        assert_eq!(
            decrypt_aes("k", "AAAA"),
            Err("runtime error: slice bounds out of range [:16] with capacity 3".into())
        );
    }

    #[test]
    fn derive_password_matches_go() {
        assert_eq!(
            derive_password(1, "long", "password", "user", "example.com"),
            "ZedaFaxcZaso9*"
        );
    }
}
