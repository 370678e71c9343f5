//! Sprig's certificate functions (crypto.go): `genCA`, `genSelfSignedCert`,
//! `genSignedCert` and their `WithKey` forms, `buildCustomCert`, `genPrivateKey`, and the
//! `sprig.certificate` struct (`.Cert`, `.Key`) they return.
//!
//! Certificates are built as Go's `x509.CreateCertificate` builds them from Sprig's
//! template: v3, a random 128-bit serial, `CN` only, validity from now for `daysValid`
//! days (UTCTime or GeneralizedTime by year), then the extensions in Go's order: key usage
//! (critical), extended key usage (server and client auth), basic constraints (critical),
//! a subject key id for CAs (truncated SHA-256 of the public key), the CA's key id as
//! authority key id when issuer and subject differ, and the SANs (DNS names, then IPs).
//! Parsing existing certificates uses `x509-cert`.

use super::keys::{self, PrivateKey};
use crate::template::args::{GoType, Named};
use crate::template::{CallError, FuncTable};
use render_go::asn1 as der;
use render_go::base64;
use render_go::fmt as gofmt;
use render_go::pem;
use render_go::time::{Location, Time};
use render_go::value::{Map, MapType, Object, ObjectKind, Str, Value};
use sha2::{Digest, Sha256};
use std::any::Any;
use std::sync::Arc;
use x509_cert::der::{Decode, Encode};

/// Go's name of Sprig's certificate struct.
const CERT_TYPE: &str = "sprig.certificate";

/// Sprig's `certificate{Cert, Key string}`.
#[derive(Debug, Clone)]
pub struct Certificate {
    cert: String,
    key: String,
}

impl Certificate {
    fn value(cert: String, key: String) -> Value {
        Value::Object(Arc::new(Certificate { cert, key }))
    }
}

impl Object for Certificate {
    fn type_name(&self) -> &str {
        CERT_TYPE
    }

    fn kind(&self) -> ObjectKind {
        ObjectKind::Struct
    }

    fn field(&self, name: &str) -> Option<Value> {
        match name {
            "Cert" => Some(Value::str(&self.cert)),
            "Key" => Some(Value::str(&self.key)),
            _ => None,
        }
    }

    fn write_go(&self, out: &mut String, plus: bool) {
        if plus {
            out.push_str(&format!("{{Cert:{} Key:{}}}", self.cert, self.key));
        } else {
            out.push_str(&format!("{{{} {}}}", self.cert, self.key));
        }
    }

    fn to_plain(&self) -> Value {
        Value::Map(Map::from_entries(
            MapType::Any,
            self.json_fields().unwrap_or_default(),
        ))
    }

    fn json_fields(&self) -> Option<Vec<(Str, Value)>> {
        Some(vec![
            ("Cert".into(), Value::str(&self.cert)),
            ("Key".into(), Value::str(&self.key)),
        ])
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

const OID_COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
const OID_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
const OID_EXT_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x25];
const OID_BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
const OID_SUBJECT_KEY_ID: &[u8] = &[0x55, 0x1d, 0x0e];
const OID_AUTHORITY_KEY_ID: &[u8] = &[0x55, 0x1d, 0x23];
const OID_SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];
const OID_SERVER_AUTH: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01];
const OID_CLIENT_AUTH: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02];

/// Sprig's `getBaseCertTemplate`, with `IsCA` for `genCA`.
struct CertTemplate {
    cn: String,
    /// IP addresses as Go marshals them (4 bytes for IPv4).
    ips: Vec<Vec<u8>>,
    dns: Vec<String>,
    days: i64,
    is_ca: bool,
}

/// `%v` of a value, for Sprig's "is not a string" errors.
fn go_v(v: &Value) -> String {
    let mut s = String::new();
    gofmt::write_value_partial(&mut s, v);
    s
}

/// Go's `net.ParseIP`, as the bytes x509 writes.
fn parse_ip(s: &str) -> Option<Vec<u8>> {
    match s.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(v4) => Some(v4.octets().to_vec()),
        std::net::IpAddr::V6(v6) => Some(match v6.to_ipv4_mapped() {
            Some(v4) => v4.octets().to_vec(),
            None => v6.octets().to_vec(),
        }),
    }
}

/// A CA's template: a name and a validity.
fn ca_template(cn: &str, days: i64) -> CertTemplate {
    CertTemplate {
        cn: cn.to_string(),
        ips: Vec::new(),
        dns: Vec::new(),
        days,
        is_ca: true,
    }
}

/// A leaf certificate's template: Sprig's `getBaseCertTemplate` over its list arguments.
fn leaf_template(
    cn: &str,
    ip_list: &[Value],
    dns_list: &[Value],
    days: i64,
) -> Result<CertTemplate, String> {
    let (ips, dns) = {
        let mut ips = Vec::new();
        for ip in ip_list {
            let Value::Str(s) = ip else {
                return Err(format!("error parsing ip: {} is not a string", go_v(ip)));
            };
            ips.push(parse_ip(s).ok_or_else(|| format!("error parsing ip: {s}"))?);
        }
        let mut dns = Vec::new();
        for name in dns_list {
            let Value::Str(s) = name else {
                return Err(format!(
                    "error processing alternate dns name: {} is not a string",
                    go_v(name)
                ));
            };
            dns.push(s.to_string());
        }
        (ips, dns)
    };
    Ok(CertTemplate {
        cn: cn.to_string(),
        ips,
        dns,
        days,
        is_ca: false,
    })
}

/// Go's `asn1` PrintableString test (no `*` or `&`).
fn is_printable(s: &str) -> bool {
    s.bytes().all(|b| {
        b.is_ascii_alphanumeric()
            || (b'\''..=b')').contains(&b)
            || (b'+'..=b'/').contains(&b)
            || matches!(b, b' ' | b':' | b'=' | b'?')
    })
}

/// `pkix.Name{CommonName: cn}` as an RDNSequence (empty without a CN).
fn subject_name(cn: &str) -> Vec<u8> {
    if cn.is_empty() {
        return der::seq(&[]);
    }
    let tag = if is_printable(cn) { 0x13 } else { 0x0c };
    let atv = der::seq(&[der::oid(OID_COMMON_NAME), der::tlv(tag, cn.as_bytes())]);
    der::seq(&[der::set(&[atv])])
}

/// A validity time as Go's asn1 writes it.
fn asn1_time(t: &Time) -> Result<Vec<u8>, String> {
    let f = t.in_location(Location::Utc).fields();
    let clock = format!(
        "{:02}{:02}{:02}{:02}{:02}Z",
        f.month, f.day, f.hour, f.min, f.sec
    );
    if (1950..2050).contains(&f.year) {
        Ok(der::tlv(
            0x17,
            format!("{:02}{clock}", f.year % 100).as_bytes(),
        ))
    } else if (0..=9999).contains(&f.year) {
        Ok(der::tlv(0x18, format!("{:04}{clock}", f.year).as_bytes()))
    } else {
        Err("asn1: structure error: cannot represent time as GeneralizedTime".into())
    }
}

/// An extension: OID, criticality, value.
fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let mut parts = vec![der::oid(oid)];
    if critical {
        parts.push(der::boolean_true());
    }
    parts.push(der::octet_string(value));
    der::seq(&parts)
}

/// What the issuer contributes to a certificate.
struct Issuer<'k> {
    /// The issuer Name DER.
    name: Vec<u8>,
    /// The issuer's subject key id.
    key_id: Vec<u8>,
    /// The issuer's SubjectPublicKeyInfo DER, to check against the signing key.
    public_key: Option<Vec<u8>>,
    key: &'k PrivateKey,
}

/// Go's `x509.CreateCertificate` for Sprig's templates: the certificate DER.
fn create_certificate(
    t: &CertTemplate,
    signee: &PrivateKey,
    issuer: Option<&Issuer<'_>>,
) -> Result<Vec<u8>, String> {
    let signer = issuer.map_or(signee, |i| i.key);
    if matches!(signer, PrivateKey::Dsa(_)) {
        return Err("x509: certificate private key does not implement crypto.Signer".into());
    }
    let spki = signee.public_key_info()?;
    let subject = subject_name(&t.cn);
    let issuer_name = issuer.map_or_else(|| subject.clone(), |i| i.name.clone());
    let mut authority_key_id = Vec::new();
    if let Some(i) = issuer
        && issuer_name != subject
    {
        authority_key_id.clone_from(&i.key_id);
    }
    let mut subject_key_id = Vec::new();
    if t.is_ca {
        let bits = der::parse_sequence(&spki)
            .and_then(|s| s.get(1).map(|(_, b)| b.get(1..).unwrap_or(&[]).to_vec()))
            .unwrap_or_default();
        subject_key_id = Sha256::digest(&bits).iter().take(20).copied().collect();
    }
    if let Some(expected) = issuer.and_then(|i| i.public_key.as_ref())
        && signer.public_key_info()? != *expected
    {
        return Err("x509: provided PrivateKey doesn't match parent's PublicKey".into());
    }
    let mut exts = Vec::new();
    let (ku, unused) = if t.is_ca { (0xa4u8, 2u8) } else { (0xa0, 5) };
    exts.push(extension(
        OID_KEY_USAGE,
        true,
        &der::tlv(0x03, &[unused, ku]),
    ));
    exts.push(extension(
        OID_EXT_KEY_USAGE,
        false,
        &der::seq(&[der::oid(OID_SERVER_AUTH), der::oid(OID_CLIENT_AUTH)]),
    ));
    let bc = if t.is_ca {
        der::seq(&[der::boolean_true()])
    } else {
        der::seq(&[])
    };
    exts.push(extension(OID_BASIC_CONSTRAINTS, true, &bc));
    if !subject_key_id.is_empty() {
        exts.push(extension(
            OID_SUBJECT_KEY_ID,
            false,
            &der::octet_string(&subject_key_id),
        ));
    }
    if !authority_key_id.is_empty() {
        exts.push(extension(
            OID_AUTHORITY_KEY_ID,
            false,
            &der::seq(&[der::tlv(0x80, &authority_key_id)]),
        ));
    }
    if let Some(bad) = t.dns.iter().find(|d| !d.is_ascii()) {
        return Err(format!(
            "x509: {} cannot be encoded as an IA5String",
            render_go::strconv::quote(bad)
        ));
    }
    if !t.dns.is_empty() || !t.ips.is_empty() {
        let mut names: Vec<Vec<u8>> = t.dns.iter().map(|d| der::tlv(0x82, d.as_bytes())).collect();
        names.extend(t.ips.iter().map(|ip| der::tlv(0x87, ip)));
        exts.push(extension(
            OID_SUBJECT_ALT_NAME,
            t.cn.is_empty(),
            &der::seq(&names),
        ));
    }
    let not_before = super::super::entropy::now();
    let not_after = super::super::entropy::now().add(3_600_000_000_000i64.wrapping_mul(24).wrapping_mul(t.days));
    let validity = der::seq(&[asn1_time(&not_before)?, asn1_time(&not_after)?]);
    let serial = der::integer(&super::random::random_bytes(16));
    let alg = signer.signature_algorithm();
    let tbs = der::seq(&[
        der::tlv(0xa0, &der::integer(&[2])),
        serial,
        alg.clone(),
        issuer_name,
        validity,
        subject,
        spki,
        der::tlv(0xa3, &der::seq(&exts)),
    ]);
    let signature = signer.sign(&tbs)?;
    Ok(der::seq(&[tbs, alg, der::bit_string(&signature)]))
}

/// Go's `getCertAndKey`: the certificate and the signee key as PEM.
fn cert_and_key(
    t: &CertTemplate,
    signee: &PrivateKey,
    issuer: Option<&Issuer<'_>>,
) -> Result<Value, String> {
    let der = create_certificate(t, signee, issuer)
        .map_err(|e| format!("error creating certificate: {e}"))?;
    Ok(Certificate::value(
        pem::encode("CERTIFICATE", &der),
        signee.to_pem(),
    ))
}

/// What signing with a parsed certificate needs from it.
struct ParsedCert {
    /// The subject Name DER.
    name: Vec<u8>,
    /// The subject key id (empty if none).
    key_id: Vec<u8>,
    /// The SubjectPublicKeyInfo DER.
    public_key: Vec<u8>,
}

/// Go's `x509.ParseCertificate` (approximated by `x509-cert`), or Go's error text.
fn parse_certificate(der: &[u8]) -> Result<ParsedCert, String> {
    if der::parse_sequence(der).is_none() {
        return Err("x509: malformed certificate".into());
    }
    let cert = x509_cert::Certificate::from_der(der)
        .map_err(|_| "x509: malformed tbs certificate".to_string())?;
    let tbs = &cert.tbs_certificate;
    let name = tbs.subject.to_der().map_err(|e| e.to_string())?;
    let spki = tbs
        .subject_public_key_info
        .to_der()
        .map_err(|e| e.to_string())?;
    let key_id = tbs
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id.as_bytes() == OID_SUBJECT_KEY_ID)
        .and_then(|e| der::parse_octet_string(e.extn_value.as_bytes()).map(<[u8]>::to_vec))
        .unwrap_or_default();
    Ok(ParsedCert {
        name,
        key_id,
        public_key: spki,
    })
}

/// `genSignedCert`'s handling of the CA: its certificate and key.
fn signed_cert(t: &CertTemplate, ca: Named<CertType>, signee: &PrivateKey) -> Result<Value, String> {
    let ca = match ca.0 {
        Value::Object(o) => o.as_any().downcast_ref::<Certificate>(),
        _ => None,
    };
    let (ca_cert, ca_key) = ca.map_or(("", ""), |c| (c.cert.as_str(), c.key.as_str()));
    let block = pem::decode(ca_cert.as_bytes()).ok_or("unable to decode certificate")?;
    let parsed = parse_certificate(&block.bytes)
        .map_err(|e| format!("error parsing certificate: decodedSignerCert.Bytes: {e}"))?;
    let signer = keys::parse_pem(ca_key).map_err(|e| format!("error parsing private key: {e}"))?;
    let issuer = Issuer {
        name: parsed.name,
        key_id: parsed.key_id,
        public_key: Some(parsed.public_key),
        key: &signer,
    };
    cert_and_key(t, signee, Some(&issuer))
}

/// A fresh 2048-bit RSA key, as Sprig's non-`WithKey` functions make.
fn new_rsa_key() -> Result<PrivateKey, String> {
    keys::generate_rsa(2048).map_err(|e| format!("error generating rsa key: {e}"))
}

/// The key given to a `WithKey` function.
fn given_key(pem: &str) -> Result<PrivateKey, String> {
    keys::parse_pem(pem).map_err(|e| format!("parsing private key: {e}"))
}

/// Sprig's `buildCustomCertificate`.
fn build_custom(b64cert: &str, b64key: &str) -> Result<Value, String> {
    let cert = base64::base64_decode(b64cert).map_err(|_| "unable to decode base64 certificate")?;
    let key = base64::base64_decode(b64key).map_err(|_| "unable to decode base64 private key")?;
    let block = pem::decode(&cert).ok_or("unable to decode certificate")?;
    parse_certificate(&block.bytes)
        .map_err(|e| format!("error parsing certificate: decodedCert.Bytes: {e}"))?;
    let key = String::from_utf8_lossy(&key).into_owned();
    keys::parse_pem(&key).map_err(|e| format!("error parsing private key: {e}"))?;
    Ok(Certificate::value(
        String::from_utf8_lossy(&cert).into_owned(),
        key,
    ))
}

/// Sprig's certificate type, as `genSignedCert` takes it.
struct CertType;

impl GoType for CertType {
    const NAME: &'static str = CERT_TYPE;
}

type R = Result<Value, CallError>;

pub(super) fn register(t: &mut FuncTable) {
    t.func("genPrivateKey", keys::generate_pem);
    t.func("buildCustomCert", |cert: &str, key: &str| -> R {
        Ok(build_custom(cert, key)?)
    });
    t.func("genCA", |cn: &str, days: i64| -> R {
        let key = new_rsa_key()?;
        Ok(cert_and_key(&ca_template(cn, days), &key, None)?)
    });
    t.func("genCAWithKey", |cn: &str, days: i64, pem: &str| -> R {
        let key = given_key(pem)?;
        Ok(cert_and_key(&ca_template(cn, days), &key, None)?)
    });
    t.func("genSelfSignedCert", |cn: &str, ips: &[Value], dns: &[Value], days: i64| -> R {
        let key = new_rsa_key()?;
        let t = leaf_template(cn, ips, dns, days)?;
        Ok(cert_and_key(&t, &key, None)?)
    });
    t.func(
        "genSelfSignedCertWithKey",
        |cn: &str, ips: &[Value], dns: &[Value], days: i64, pem: &str| -> R {
            let key = given_key(pem)?;
            let t = leaf_template(cn, ips, dns, days)?;
            Ok(cert_and_key(&t, &key, None)?)
        },
    );
    t.func(
        "genSignedCert",
        |cn: &str, ips: &[Value], dns: &[Value], days: i64, ca: Named<CertType>| -> R {
            let key = new_rsa_key()?;
            let t = leaf_template(cn, ips, dns, days)?;
            Ok(signed_cert(&t, ca, &key)?)
        },
    );
    t.func(
        "genSignedCertWithKey",
        |cn: &str, ips: &[Value], dns: &[Value], days: i64, ca: Named<CertType>, pem: &str| -> R {
            let key = given_key(pem)?;
            let t = leaf_template(cn, ips, dns, days)?;
            Ok(signed_cert(&t, ca, &key)?)
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::Verifier;
    use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, SubjectAltName};

    fn ed_key() -> PrivateKey {
        PrivateKey::Ed25519(Box::new(ed25519_dalek::SigningKey::generate(
            &mut rand_core::OsRng,
        )))
    }

    fn template(cn: &str, days: i64, is_ca: bool) -> CertTemplate {
        CertTemplate {
            cn: cn.into(),
            ips: if is_ca {
                vec![]
            } else {
                vec![vec![10, 0, 0, 1]]
            },
            dns: if is_ca {
                vec![]
            } else {
                vec!["a.example".into()]
            },
            days,
            is_ca,
        }
    }

    fn parse(der: &[u8]) -> x509_cert::Certificate {
        x509_cert::Certificate::from_der(der).expect("certificate parses")
    }

    fn ext<'a, T: x509_cert::der::Decode<'a>>(
        c: &'a x509_cert::Certificate,
        oid: &[u8],
    ) -> Option<T> {
        c.tbs_certificate
            .extensions
            .iter()
            .flatten()
            .find(|e| e.extn_id.as_bytes() == oid)
            .map(|e| T::from_der(e.extn_value.as_bytes()).expect("extension parses"))
    }

    fn verify(cert: &x509_cert::Certificate, key: &PrivateKey) -> bool {
        let PrivateKey::Ed25519(k) = key else {
            return false;
        };
        let tbs = cert.tbs_certificate.to_der().unwrap();
        let sig = ed25519_dalek::Signature::from_slice(cert.signature.raw_bytes()).unwrap();
        k.verifying_key().verify(&tbs, &sig).is_ok()
    }

    #[test]
    fn ca_has_sprig_fields() {
        let key = ed_key();
        let der = create_certificate(&template("my-ca", 365, true), &key, None).unwrap();
        let c = parse(&der);
        let tbs = &c.tbs_certificate;
        assert_eq!(tbs.subject.to_string(), "CN=my-ca");
        assert_eq!(tbs.issuer, tbs.subject);
        let days = (tbs.validity.not_after.to_unix_duration().as_secs()
            - tbs.validity.not_before.to_unix_duration().as_secs())
            / 86_400;
        assert_eq!(days, 365);
        let bc: BasicConstraints = ext(&c, OID_BASIC_CONSTRAINTS).unwrap();
        assert!(bc.ca);
        let ku: KeyUsage = ext(&c, OID_KEY_USAGE).unwrap();
        assert!(ku.key_cert_sign() && ku.digital_signature() && ku.key_encipherment());
        assert!(ext::<SubjectAltName>(&c, OID_SUBJECT_ALT_NAME).is_none());
        assert!(verify(&c, &key));
        let skid = tbs
            .extensions
            .iter()
            .flatten()
            .find(|e| e.extn_id.as_bytes() == OID_SUBJECT_KEY_ID)
            .unwrap();
        let bits = tbs.subject_public_key_info.subject_public_key.raw_bytes();
        assert_eq!(
            der::parse_octet_string(skid.extn_value.as_bytes()).unwrap(),
            &Sha256::digest(bits)[..20]
        );
    }

    #[test]
    fn signed_cert_chains_to_ca() {
        let ca_key = ed_key();
        let ca_der = create_certificate(&template("ca", 10, true), &ca_key, None).unwrap();
        let parsed = parse_certificate(&ca_der).unwrap();
        let key_id = parsed.key_id.clone();
        let issuer = Issuer {
            name: parsed.name,
            key_id: parsed.key_id,
            public_key: Some(parsed.public_key),
            key: &ca_key,
        };
        let leaf_key = ed_key();
        let der =
            create_certificate(&template("leaf", 30, false), &leaf_key, Some(&issuer)).unwrap();
        let c = parse(&der);
        assert_eq!(c.tbs_certificate.issuer.to_string(), "CN=ca");
        assert!(verify(&c, &ca_key));
        let bc: BasicConstraints = ext(&c, OID_BASIC_CONSTRAINTS).unwrap();
        assert!(!bc.ca);
        let ku: KeyUsage = ext(&c, OID_KEY_USAGE).unwrap();
        assert!(!ku.key_cert_sign() && ku.digital_signature());
        let san: SubjectAltName = ext(&c, OID_SUBJECT_ALT_NAME).unwrap();
        assert_eq!(san.0.len(), 2);
        let akid: x509_cert::ext::pkix::AuthorityKeyIdentifier =
            ext(&c, OID_AUTHORITY_KEY_ID).unwrap();
        assert_eq!(akid.key_identifier.unwrap().as_bytes(), key_id.as_slice());
        // A key that is not the CA's is refused, as Go does.
        let other = ed_key();
        let wrong = Issuer {
            key: &other,
            ..issuer
        };
        assert_eq!(
            create_certificate(&template("leaf", 30, false), &leaf_key, Some(&wrong)).err(),
            Some("x509: provided PrivateKey doesn't match parent's PublicKey".into())
        );
    }

    #[test]
    fn rsa_certificates_round_trip_through_pem() {
        let key = keys::generate_rsa(1024).unwrap();
        let v = cert_and_key(&template("rsa", 1, true), &key, None).unwrap();
        let c = v.get("Cert");
        assert!(c.is_none(), "certificate is an object, not a map");
        let Value::Object(o) = v else { panic!() };
        let cert = o.field("Cert").unwrap();
        let block = pem::decode(cert.as_str().unwrap().as_bytes()).unwrap();
        assert_eq!(block.kind, "CERTIFICATE");
        assert!(parse_certificate(&block.bytes).is_ok());
        let pem = o.field("Key").unwrap();
        assert!(keys::parse_pem(pem.as_str().unwrap()).is_ok());
    }
}
