//! Private keys as Sprig handles them: `genPrivateKey` (RSA 4096, DSA L2048N256, ECDSA
//! P-256, Ed25519), `parsePrivateKeyPEM` with its error texts, `pemBlockForKey` (PKCS#1
//! `RSA PRIVATE KEY`, SEC 1 `EC PRIVATE KEY`, `DSA PRIVATE KEY`, PKCS#8 `PRIVATE KEY`),
//! and what certificate signing needs: the public key as a SubjectPublicKeyInfo and a
//! signature with the algorithm Go's x509 picks for the key.
//!
//! Go's DER parse errors (`asn1: structure error: ...`) are only approximated.

use p256::elliptic_curve::sec1::ToEncodedPoint;
use super::super::entropy::Entropy;
use render_go::asn1 as der;
use render_go::pem;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
use rsa::signature::{SignatureEncoding, Signer};

/// OID of Ed25519 (1.3.101.112), DER contents.
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];
const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
const OID_SHA256_WITH_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
const OID_ECDSA_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
const OID_ECDSA_SHA384: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03];

/// A private key of a kind Sprig can meet.
#[derive(Clone)]
pub(super) enum PrivateKey {
    Rsa(Box<rsa::RsaPrivateKey>),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
    Ed25519(Box<ed25519_dalek::SigningKey>),
    /// DSA: kept as its DER (Go can neither sign certificates with it nor marshal its
    /// public key).
    Dsa(Vec<u8>),
}

/// Sprig's `generatePrivateKey`: the PEM text, or Sprig's message for an unknown type.
pub(super) fn generate_pem(kind: &str) -> String {
    let key = match kind {
        "" | "rsa" => generate_rsa(4096),
        "dsa" => generate_dsa(),
        "ecdsa" => Ok(PrivateKey::P256(p256::SecretKey::random(&mut Entropy))),
        "ed25519" => Ok(PrivateKey::Ed25519(Box::new(
            ed25519_dalek::SigningKey::generate(&mut Entropy),
        ))),
        _ => return format!("Unknown type {kind}"),
    };
    match key {
        Ok(k) => k.to_pem(),
        Err(e) => format!("failed to generate private key: {e}"),
    }
}

/// A new RSA key (`rsa.GenerateKey`).
pub(super) fn generate_rsa(bits: usize) -> Result<PrivateKey, String> {
    super::keygen::generate(bits).map(|k| PrivateKey::Rsa(Box::new(k)))
}

/// A new DSA key with fresh L2048N256 parameters, as `DSAKeyFormat` DER.
fn generate_dsa() -> Result<PrivateKey, String> {
    use dsa::{Components, KeySize, SigningKey};
    let components = Components::generate(&mut Entropy, KeySize::DSA_2048_256);
    let key = SigningKey::generate(&mut Entropy, components);
    let public = key.verifying_key();
    let c = public.components();
    let ints = [
        c.p().to_bytes_be(),
        c.q().to_bytes_be(),
        c.g().to_bytes_be(),
        public.y().to_bytes_be(),
        key.x().to_bytes_be(),
    ];
    let mut parts = vec![der::integer(&[0])];
    parts.extend(ints.iter().map(|b| der::integer(b)));
    Ok(PrivateKey::Dsa(der::seq(&parts)))
}

/// Sprig's `parsePrivateKeyPEM`.
pub(super) fn parse_pem(text: &str) -> Result<PrivateKey, String> {
    let block = pem::decode(text.as_bytes()).ok_or("no PEM data in input")?;
    let bytes = &block.bytes;
    if block.kind == "PRIVATE KEY" {
        return parse_pkcs8(bytes).map_err(|e| format!("decoding PEM as PKCS#8: {e}"));
    }
    let Some(kind) = block.kind.strip_suffix(" PRIVATE KEY") else {
        return Err(format!(
            "no private key data in PEM block of type {}",
            block.kind
        ));
    };
    match kind {
        "RSA" => parse_pkcs1(bytes).map_err(|e| format!("parsing RSA private key from PEM: {e}")),
        "EC" => parse_sec1(bytes).map_err(|e| format!("parsing EC private key from PEM: {e}")),
        "DSA" => parse_dsa(bytes).map_err(|e| format!("parsing DSA private key from PEM: {e}")),
        _ => Err(format!("invalid private key type {}", block.kind)),
    }
}

/// The text of Go's asn1 error for input that is not a complete DER structure.
const ASN1_TRUNCATED: &str = "asn1: syntax error: sequence truncated";

/// Go's asn1 error for DER that is not the expected SEQUENCE of at least `fields`
/// elements (only approximated past "sequence truncated").
fn asn1_error(bytes: &[u8], fields: usize) -> String {
    match der::parse_sequence(bytes) {
        Some(items) if items.len() >= fields => "asn1: structure error: tags don't match".into(),
        _ => ASN1_TRUNCATED.into(),
    }
}

/// Go's hint when a key is in another format than the parser's.
fn other_format_hint(bytes: &[u8], own: &str) -> String {
    if own != "EC" && parse_sec1(bytes).is_ok() {
        return "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)"
            .into();
    }
    if rsa::pkcs8::PrivateKeyInfo::try_from(bytes).is_ok() {
        return "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)"
            .into();
    }
    asn1_error(bytes, 9)
}

fn parse_pkcs1(bytes: &[u8]) -> Result<PrivateKey, String> {
    rsa::RsaPrivateKey::from_pkcs1_der(bytes)
        .map(|k| PrivateKey::Rsa(Box::new(k)))
        .map_err(|_| other_format_hint(bytes, "RSA"))
}

fn parse_sec1(bytes: &[u8]) -> Result<PrivateKey, String> {
    use p256::elliptic_curve::SecretKey;
    if let Ok(k) = SecretKey::<p256::NistP256>::from_sec1_der(bytes) {
        return Ok(PrivateKey::P256(k));
    }
    if let Ok(k) = SecretKey::<p384::NistP384>::from_sec1_der(bytes) {
        return Ok(PrivateKey::P384(k));
    }
    if rsa::pkcs8::PrivateKeyInfo::try_from(bytes).is_ok() {
        return Err(
            "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)"
                .into(),
        );
    }
    match der::parse_sequence(bytes) {
        Some(items) if items.len() >= 2 => Err("x509: unknown elliptic curve".into()),
        _ => Err(format!(
            "x509: failed to parse EC private key: {}",
            asn1_error(bytes, 2)
        )),
    }
}

fn parse_pkcs8(bytes: &[u8]) -> Result<PrivateKey, String> {
    let info = rsa::pkcs8::PrivateKeyInfo::try_from(bytes).map_err(|_| asn1_error(bytes, 3))?;
    let oid = info.algorithm.oid.as_bytes();
    if oid == OID_RSA {
        return rsa::RsaPrivateKey::from_pkcs8_der(bytes)
            .map(|k| PrivateKey::Rsa(Box::new(k)))
            .map_err(|e| format!("x509: failed to parse RSA private key embedded in PKCS#8: {e}"));
    }
    if oid == OID_EC_PUBLIC_KEY {
        if let Ok(k) = p256::SecretKey::from_pkcs8_der(bytes) {
            return Ok(PrivateKey::P256(k));
        }
        if let Ok(k) = p384::SecretKey::from_pkcs8_der(bytes) {
            return Ok(PrivateKey::P384(k));
        }
        return Err(
            "x509: failed to parse EC private key embedded in PKCS#8: x509: unknown elliptic curve"
                .into(),
        );
    }
    if oid == OID_ED25519 {
        // The private key is an OCTET STRING holding the 32-byte seed.
        let seed = der::parse_octet_string(info.private_key)
            .filter(|s| s.len() == 32)
            .ok_or("x509: invalid Ed25519 private key length")?;
        let mut b = [0u8; 32];
        b.copy_from_slice(seed);
        return Ok(PrivateKey::Ed25519(Box::new(
            ed25519_dalek::SigningKey::from_bytes(&b),
        )));
    }
    Err(format!(
        "x509: PKCS#8 wrapping contained private key with unknown algorithm: {}",
        info.algorithm.oid
    ))
}

fn parse_dsa(bytes: &[u8]) -> Result<PrivateKey, String> {
    let items = der::parse_sequence(bytes).ok_or(ASN1_TRUNCATED)?;
    if items.len() < 6 || items.iter().take(6).any(|(tag, _)| *tag != 0x02) {
        return Err(asn1_error(bytes, 6));
    }
    Ok(PrivateKey::Dsa(bytes.to_vec()))
}

/// `x509.MarshalECPrivateKey`: SEC 1 with the named curve and the public key.
fn ec_private_key_pem(secret: &[u8], curve: &[u8], public: &[u8]) -> String {
    let body = der::seq(&[
        der::integer(&[1]),
        der::octet_string(secret),
        der::tlv(0xa0, &der::oid(curve)),
        der::tlv(0xa1, &der::bit_string(public)),
    ]);
    pem::encode("EC PRIVATE KEY", &body)
}

impl PrivateKey {
    /// Sprig's `pemBlockForKey`, encoded.
    pub(super) fn to_pem(&self) -> String {
        match self {
            PrivateKey::Rsa(k) => match k.to_pkcs1_der() {
                Ok(d) => pem::encode("RSA PRIVATE KEY", d.as_bytes()),
                Err(_) => String::new(),
            },
            PrivateKey::P256(k) => {
                let point = k.public_key().to_encoded_point(false);
                ec_private_key_pem(&k.to_bytes(), OID_P256, point.as_bytes())
            }
            PrivateKey::P384(k) => {
                let point = k.public_key().to_encoded_point(false);
                ec_private_key_pem(&k.to_bytes(), OID_P384, point.as_bytes())
            }
            PrivateKey::Ed25519(k) => {
                // PKCS#8 v1 without the public key, as x509.MarshalPKCS8PrivateKey writes it.
                let alg = der::seq(&[der::oid(OID_ED25519)]);
                let inner = der::octet_string(k.as_bytes());
                let body = der::seq(&[der::integer(&[0]), alg, der::octet_string(&inner)]);
                pem::encode("PRIVATE KEY", &body)
            }
            PrivateKey::Dsa(d) => pem::encode("DSA PRIVATE KEY", d),
        }
    }

    /// The public key as a SubjectPublicKeyInfo (`marshalPublicKey`), or Go's error.
    pub(super) fn public_key_info(&self) -> Result<Vec<u8>, String> {
        let der = match self {
            PrivateKey::Rsa(k) => k.to_public_key().to_public_key_der().map(|d| d.to_vec()),
            PrivateKey::P256(k) => k.public_key().to_public_key_der().map(|d| d.to_vec()),
            PrivateKey::P384(k) => k.public_key().to_public_key_der().map(|d| d.to_vec()),
            PrivateKey::Ed25519(k) => {
                let alg = der::seq(&[der::oid(OID_ED25519)]);
                return Ok(der::seq(&[
                    alg,
                    der::bit_string(k.verifying_key().as_bytes()),
                ]));
            }
            PrivateKey::Dsa(_) => {
                return Err("x509: unsupported public key type: *dsa.PublicKey".into());
            }
        };
        der.map_err(|e| e.to_string())
    }

    /// The AlgorithmIdentifier DER of the signature Go's x509 makes with this key.
    pub(super) fn signature_algorithm(&self) -> Vec<u8> {
        match self {
            PrivateKey::Rsa(_) | PrivateKey::Dsa(_) => {
                der::seq(&[der::oid(OID_SHA256_WITH_RSA), der::null()])
            }
            PrivateKey::P256(_) => der::seq(&[der::oid(OID_ECDSA_SHA256)]),
            PrivateKey::P384(_) => der::seq(&[der::oid(OID_ECDSA_SHA384)]),
            PrivateKey::Ed25519(_) => der::seq(&[der::oid(OID_ED25519)]),
        }
    }

    /// Signs `tbs` as Go's x509 does for this key (PKCS#1 v1.5 with SHA-256, ECDSA with
    /// the curve's hash, Ed25519).
    pub(super) fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            PrivateKey::Rsa(k) => {
                let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new((**k).clone());
                let sig = signer.try_sign(tbs).map_err(|e| e.to_string())?;
                Ok(sig.to_vec())
            }
            PrivateKey::P256(k) => {
                let signer = p256::ecdsa::SigningKey::from(k);
                let sig: p256::ecdsa::Signature =
                    signer.try_sign(tbs).map_err(|e| e.to_string())?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::P384(k) => {
                let signer = p384::ecdsa::SigningKey::from(k);
                let sig: p384::ecdsa::Signature =
                    signer.try_sign(tbs).map_err(|e| e.to_string())?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ed25519(k) => Ok(k.sign(tbs).to_bytes().to_vec()),
            PrivateKey::Dsa(_) => {
                Err("x509: certificate private key does not implement crypto.Signer".into())
            }
        }
    }
}
