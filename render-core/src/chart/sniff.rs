//! Go's `net/http.DetectContentType`, which Helm uses to say what a file given as a chart
//! archive looks like (`does not appear to be a gzipped archive; got 'text/html; ...'`).
//!
//! Helm sniffs a 512-byte buffer filled from the file's start and never trimmed, so a file
//! shorter than that is followed by zero bytes, which make most short texts binary.

/// What Go's `DetectContentType` says of a file starting with `head`, sniffed as Helm's
/// `EnsureArchive` does (a 512-byte buffer, zero-filled past the file's end).
pub(crate) fn helm_sniff(head: &[u8]) -> &'static str {
    let mut buf = [0u8; 512];
    for (b, h) in buf.iter_mut().zip(head) {
        *b = *h;
    }
    detect_content_type(&buf)
}

/// Go's `http.DetectContentType` (the WHATWG sniffing algorithm, in Go's order).
fn detect_content_type(data: &[u8]) -> &'static str {
    let data = data.get(..512).unwrap_or(data);
    let first_non_ws = data
        .iter()
        .position(|b| !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' '))
        .unwrap_or(data.len());
    let trimmed = data.get(first_non_ws..).unwrap_or_default();
    for tag in HTML_TAGS {
        if html_match(trimmed, tag) {
            return "text/html; charset=utf-8";
        }
    }
    for sig in SIGNATURES {
        let d = if sig.skip_ws { trimmed } else { data };
        if sig.matches(d) {
            return sig.content_type;
        }
        // Go tests MP4 right after WAVE.
        if sig.content_type == "audio/wave" && is_mp4(data) {
            return "video/mp4";
        }
    }
    let binary = trimmed.iter().any(|&b| {
        b <= 0x08 || b == 0x0B || (0x0E..=0x1A).contains(&b) || (0x1C..=0x1F).contains(&b)
    });
    if binary {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    }
}

const HTML_TAGS: &[&[u8]] = &[
    b"<!DOCTYPE HTML",
    b"<HTML",
    b"<HEAD",
    b"<SCRIPT",
    b"<IFRAME",
    b"<H1",
    b"<DIV",
    b"<FONT",
    b"<TABLE",
    b"<A",
    b"<STYLE",
    b"<TITLE",
    b"<B",
    b"<BODY",
    b"<BR",
    b"<P",
    b"<!--",
];

/// Go's `htmlSig`: the tag, letters in any case, then a space or `>`.
fn html_match(data: &[u8], tag: &[u8]) -> bool {
    let Some((head, after)) = data.split_at_checked(tag.len()) else {
        return false;
    };
    let same = tag.iter().zip(head).all(|(&t, &d)| {
        let d = if t.is_ascii_uppercase() { d & 0xDF } else { d };
        t == d
    });
    same && matches!(after.first(), Some(b' ' | b'>'))
}

/// A signature: the bytes under a mask (all ones when `mask` is empty) equal `pattern`.
struct Sig {
    pattern: &'static [u8],
    mask: &'static [u8],
    skip_ws: bool,
    content_type: &'static str,
}

impl Sig {
    fn matches(&self, data: &[u8]) -> bool {
        data.len() >= self.pattern.len()
            && self
                .pattern
                .iter()
                .zip(data)
                .enumerate()
                .all(|(i, (&p, &d))| d & self.mask.get(i).copied().unwrap_or(0xFF) == p)
    }
}

const fn exact(pattern: &'static [u8], content_type: &'static str) -> Sig {
    Sig {
        pattern,
        mask: &[],
        skip_ws: false,
        content_type,
    }
}

const fn masked(pattern: &'static [u8], mask: &'static [u8], content_type: &'static str) -> Sig {
    Sig {
        pattern,
        mask,
        skip_ws: false,
        content_type,
    }
}

const RIFF_MASK: &[u8] = b"\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF";

/// Go's `sniffSignatures` after the HTML tags, in order (MP4 is checked after WAVE).
const SIGNATURES: &[Sig] = &[
    Sig {
        pattern: b"<?xml",
        mask: &[],
        skip_ws: true,
        content_type: "text/xml; charset=utf-8",
    },
    exact(b"%PDF-", "application/pdf"),
    exact(b"%!PS-Adobe-", "application/postscript"),
    masked(
        b"\xFE\xFF\x00\x00",
        b"\xFF\xFF\x00\x00",
        "text/plain; charset=utf-16be",
    ),
    masked(
        b"\xFF\xFE\x00\x00",
        b"\xFF\xFF\x00\x00",
        "text/plain; charset=utf-16le",
    ),
    exact(b"\xEF\xBB\xBF", "text/plain; charset=utf-8"),
    exact(b"\x00\x00\x01\x00", "image/x-icon"),
    exact(b"\x00\x00\x02\x00", "image/x-icon"),
    exact(b"BM", "image/bmp"),
    exact(b"GIF87a", "image/gif"),
    exact(b"GIF89a", "image/gif"),
    masked(
        b"RIFF\x00\x00\x00\x00WEBPVP",
        b"\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF\xFF\xFF",
        "image/webp",
    ),
    exact(b"\x89PNG\x0D\x0A\x1A\x0A", "image/png"),
    exact(b"\xFF\xD8\xFF", "image/jpeg"),
    masked(b"FORM\x00\x00\x00\x00AIFF", RIFF_MASK, "audio/aiff"),
    exact(b"ID3", "audio/mpeg"),
    exact(b"OggS\x00", "application/ogg"),
    exact(b"MThd\x00\x00\x00\x06", "audio/midi"),
    masked(b"RIFF\x00\x00\x00\x00AVI ", RIFF_MASK, "video/avi"),
    masked(b"RIFF\x00\x00\x00\x00WAVE", RIFF_MASK, "audio/wave"),
    exact(b"\x1A\x45\xDF\xA3", "video/webm"),
    masked(
        b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00LP",
        b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xFF\xFF",
        "application/vnd.ms-fontobject",
    ),
    exact(b"\x00\x01\x00\x00", "font/ttf"),
    exact(b"OTTO", "font/otf"),
    exact(b"ttcf", "font/collection"),
    exact(b"wOFF", "font/woff"),
    exact(b"wOF2", "font/woff2"),
    exact(b"\x1F\x8B\x08", "application/x-gzip"),
    exact(b"PK\x03\x04", "application/zip"),
    exact(b"Rar!\x1A\x07\x00", "application/x-rar-compressed"),
    exact(b"Rar!\x1A\x07\x01\x00", "application/x-rar-compressed"),
    exact(b"\x00\x61\x73\x6D", "application/wasm"),
];

/// Go's `mp4Sig`: an `ftyp` box naming an `mp4` brand.
fn is_mp4(data: &[u8]) -> bool {
    let Some([s0, s1, s2, s3, b'f', b't', b'y', b'p', _, _, _, _]) = data.first_chunk::<12>() else {
        return false;
    };
    let size = u32::from_be_bytes([*s0, *s1, *s2, *s3]) as usize;
    if data.len() < size || size % 4 != 0 {
        return false;
    }
    (8..size)
        .step_by(4)
        .filter(|&st| st != 12)
        .any(|st| data.get(st..st + 3) == Some(b"mp4"))
}

#[cfg(test)]
mod tests {
    use super::helm_sniff;

    // Expected answers from helm-oracle (`template` of a file that is not an archive).
    #[test]
    fn helm_sees_short_files_as_binary() {
        assert_eq!(helm_sniff(b"hello world"), "application/octet-stream");
        assert_eq!(
            helm_sniff(b"<html><body>x</body></html>"),
            "text/html; charset=utf-8"
        );
        assert_eq!(helm_sniff(&[b'a'; 600]), "text/plain; charset=utf-8");
        assert_eq!(helm_sniff(b"PK\x03\x04rest"), "application/zip");
        assert_eq!(helm_sniff(b""), "application/octet-stream");
    }
}
