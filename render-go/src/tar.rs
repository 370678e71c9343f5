//! Go's `archive/tar` reader (Go 1.26), which Helm uses to read chart archives.
//!
//! Written here rather than taken from the `tar` crate because Helm's answers depend on
//! Go's reader: its limits (a PAX record set or a GNU long name is at most 1 MiB, checked
//! before it is read, where the crate reads whatever size the header claims), its error texts
//! (`archive/tar: invalid tar header`, `archive/tar: header field too long`, `unexpected EOF`),
//! which headers it accepts (checksum in either signed or unsigned form, base-256 numbers,
//! USTAR prefixes, a zero block followed by data is an error), what it does with links and
//! devices (entries without data, which Helm loads as empty files) and sparse files (holes
//! read back as zeros).
//!
//! The reader is sequential and reads only what the caller asks for, so bytes after the
//! end-of-archive marker are never looked at, as in Go.

use crate::ascii::cut;
use std::fmt;
use std::io::Read;

/// Longest PAX header or GNU long name/link (Go's `maxSpecialFileSize`).
const MAX_SPECIAL_FILE_SIZE: u64 = 1 << 20;

/// Sparse map entries we accept for one file (each is 16 bytes of memory; Go trusts the
/// archive, whose data an attacker has to supply).
const MAX_SPARSE_ENTRIES: usize = 1 << 20;

const BLOCK: usize = 512;

/// Go's `archive/tar` header type flags used here.
pub mod types {
    /// Regular file.
    pub const REG: u8 = b'0';
    /// Regular file, pre-POSIX (`'\0'`).
    pub const REG_A: u8 = 0;
    /// Hard link.
    pub const LINK: u8 = b'1';
    /// Symbolic link.
    pub const SYMLINK: u8 = b'2';
    /// Character device.
    pub const CHAR: u8 = b'3';
    /// Block device.
    pub const BLOCK: u8 = b'4';
    /// Directory.
    pub const DIR: u8 = b'5';
    /// FIFO.
    pub const FIFO: u8 = b'6';
    /// PAX extended header for the next entry.
    pub const X_HEADER: u8 = b'x';
    /// PAX global header.
    pub const X_GLOBAL_HEADER: u8 = b'g';
    /// GNU sparse file (old format).
    pub const GNU_SPARSE: u8 = b'S';
    /// GNU long name for the next entry.
    pub const GNU_LONG_NAME: u8 = b'L';
    /// GNU long link name for the next entry.
    pub const GNU_LONG_LINK: u8 = b'K';
}

/// Why reading failed, with Go's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TarError {
    /// `archive/tar: invalid tar header`.
    Header,
    /// `archive/tar: header field too long`.
    FieldTooLong,
    /// `unexpected EOF`.
    UnexpectedEof,
    /// `archive/tar: sparse file references non-existent data`.
    MissData,
    /// `archive/tar: sparse file contains unreferenced data`.
    UnrefData,
    /// An error of the underlying stream (decompression), already in Go's words.
    Stream(String),
}

impl fmt::Display for TarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TarError::Header => "archive/tar: invalid tar header",
            TarError::FieldTooLong => "archive/tar: header field too long",
            TarError::UnexpectedEof => "unexpected EOF",
            TarError::MissData => "archive/tar: sparse file references non-existent data",
            TarError::UnrefData => "archive/tar: sparse file contains unreferenced data",
            TarError::Stream(s) => s,
        })
    }
}

/// What reading the underlying stream may end with: its end, or an error in Go's words.
pub trait Source: Read {
    /// Go's text for an error of this stream (decompression errors, for a gzip stream).
    fn go_error(&self, e: &std::io::Error) -> String;
}

/// PAX records in order: key, value.
type Records = Vec<(Vec<u8>, Vec<u8>)>;

/// One entry's header (the fields Helm looks at).
#[derive(Debug, Clone)]
pub struct Header {
    /// The path, with long names and PAX paths applied (raw bytes).
    pub name: Vec<u8>,
    /// The type flag.
    pub typeflag: u8,
    /// The size (the logical size for sparse files).
    pub size: i64,
    /// The mode bits.
    pub mode: i64,
}

impl Header {
    /// Go's `FileInfo().IsDir()`: a directory by type flag or by the mode's file type bits.
    pub fn is_dir(&self) -> bool {
        const C_ISDIR: i64 = 0o40000;
        self.typeflag == types::DIR || (self.mode & !0o7777) == C_ISDIR
    }
}

/// A region of a sparse file (a hole, once inverted).
#[derive(Debug, Clone, Copy, Default)]
struct Fragment {
    offset: i64,
    length: i64,
}

impl Fragment {
    fn end(self) -> i64 {
        self.offset.saturating_add(self.length)
    }
}

/// The data section of the current entry.
struct Data {
    /// Bytes of the dense data left in the stream.
    physical: i64,
    /// For sparse files: the holes (last one always kept) and the logical position.
    sparse: Option<(Vec<Fragment>, i64)>,
}

/// Go's `tar.Reader` over a byte stream.
pub struct Reader<R: Source> {
    r: R,
    /// Padding after the current entry's data.
    pad: u64,
    curr: Data,
    /// A persistent error: once reading failed, it keeps failing.
    err: Option<TarError>,
}

impl<R: Source> Reader<R> {
    /// A reader of the archive in `r`.
    pub fn new(r: R) -> Reader<R> {
        Reader {
            r,
            pad: 0,
            curr: Data {
                physical: 0,
                sparse: None,
            },
            err: None,
        }
    }

    /// The next entry's header; `None` at the end of the archive. PAX global headers are
    /// returned as entries of their own (type `g`), as Go does.
    pub fn next_header(&mut self) -> Result<Option<Header>, TarError> {
        if let Some(e) = &self.err {
            return Err(e.clone());
        }
        let r = self.next_entry();
        if let Err(e) = &r {
            self.err = Some(e.clone());
        }
        r
    }

    fn next_entry(&mut self) -> Result<Option<Header>, TarError> {
        let mut pax: Option<Records> = None;
        let mut long_name: Option<Vec<u8>> = None;
        loop {
            // Skip the rest of the previous entry and its padding.
            let skip = u64::try_from(self.curr.physical).unwrap_or(0);
            self.discard(skip, true)?;
            let pad = std::mem::take(&mut self.pad);
            self.discard(pad, false)?;
            let Some((mut hdr, raw)) = self.read_header()? else {
                return Ok(None);
            };
            self.set_regular(&hdr)?;
            match hdr.typeflag {
                types::X_HEADER | types::X_GLOBAL_HEADER => {
                    let records = parse_pax(&self.read_special()?)?;
                    if hdr.typeflag == types::X_GLOBAL_HEADER {
                        merge_pax(&mut hdr, &records)?;
                        return Ok(Some(hdr));
                    }
                    pax = Some(records);
                }
                types::GNU_LONG_NAME | types::GNU_LONG_LINK => {
                    let data = self.read_special()?;
                    if hdr.typeflag == types::GNU_LONG_NAME {
                        long_name = Some(c_string(&data).to_vec());
                    }
                }
                _ => {
                    let records = pax.take().unwrap_or_default();
                    merge_pax(&mut hdr, &records)?;
                    if let Some(n) = long_name.take().filter(|n| !n.is_empty()) {
                        hdr.name = n;
                    }
                    if hdr.typeflag == types::REG_A {
                        hdr.typeflag = if hdr.name.ends_with(b"/") {
                            types::DIR
                        } else {
                            types::REG
                        };
                    }
                    // PAX records may have changed the size.
                    self.set_regular(&hdr)?;
                    self.set_sparse(&mut hdr, &raw, &records)?;
                    return Ok(Some(hdr));
                }
            }
        }
    }

    /// Reads the current entry's data, at most `limit` bytes (Go's `io.Copy` from an
    /// `io.LimitReader`).
    pub fn read_data(&mut self, limit: u64) -> Result<Vec<u8>, TarError> {
        if let Some(e) = &self.err {
            return Err(e.clone());
        }
        let r = self.read_data_inner(limit);
        if let Err(e) = &r {
            self.err = Some(e.clone());
        }
        r
    }

    fn read_data_inner(&mut self, limit: u64) -> Result<Vec<u8>, TarError> {
        let Some((holes, pos)) = self.curr.sparse.take() else {
            let mut out = Vec::new();
            self.read_physical(limit, &mut out)?;
            return Ok(out);
        };
        // A sparse file: data fragments from the stream, holes as zeros.
        let logical_end = holes.last().map_or(0, |h| h.end());
        let want = limit.min(u64::try_from(logical_end - pos).unwrap_or(0));
        let mut out = Vec::new();
        let mut pos = pos;
        let mut holes = holes;
        let end = pos.saturating_add(i64::try_from(want).unwrap_or(i64::MAX));
        while pos < end {
            let Some(&hole) = holes.first() else { break };
            if pos < hole.offset {
                let n = (hole.offset.min(end) - pos) as u64;
                if self.read_physical(n, &mut out)? < n {
                    // The header declared less dense data than the map needs.
                    return Err(TarError::MissData);
                }
                pos += n as i64;
            } else {
                let n = (hole.end().min(end) - pos).max(0);
                out.resize(out.len() + n as usize, 0);
                pos += n;
            }
            if pos >= hole.end() && holes.len() > 1 {
                holes.remove(0);
            }
        }
        let logical_left = logical_end - pos;
        self.curr.sparse = Some((holes, pos));
        if logical_left == 0 && self.curr.physical > 0 {
            return Err(TarError::UnrefData);
        }
        Ok(out)
    }

    /// Appends up to `n` bytes of the entry's dense data (fewer when the entry has fewer);
    /// a stream that ends inside the entry is `unexpected EOF`.
    fn read_physical(&mut self, n: u64, out: &mut Vec<u8>) -> Result<u64, TarError> {
        let n = n.min(u64::try_from(self.curr.physical).unwrap_or(0));
        let got = (&mut self.r)
            .take(n)
            .read_to_end(out)
            .map_err(|e| TarError::Stream(self.r.go_error(&e)))? as u64;
        self.curr.physical -= got as i64;
        if got < n {
            return Err(TarError::UnexpectedEof);
        }
        Ok(got)
    }

    /// Skips `n` bytes; running out is `unexpected EOF` inside data, fine inside padding.
    fn discard(&mut self, n: u64, data: bool) -> Result<(), TarError> {
        if n == 0 {
            return Ok(());
        }
        let got = std::io::copy(&mut (&mut self.r).take(n), &mut std::io::sink())
            .map_err(|e| TarError::Stream(self.r.go_error(&e)))?;
        if data {
            self.curr.physical -= got as i64;
            if got < n {
                return Err(TarError::UnexpectedEof);
            }
        }
        Ok(())
    }

    /// Fills `buf` completely: `Ok(false)` when the stream ended before the first byte,
    /// `unexpected EOF` when it ended inside.
    fn read_full(&mut self, buf: &mut [u8]) -> Result<bool, TarError> {
        let mut n = 0;
        while let Some(unread) = buf.get_mut(n..)
            && !unread.is_empty()
        {
            match self.r.read(unread) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(TarError::Stream(self.r.go_error(&e))),
            }
        }
        match n {
            0 => Ok(false),
            n if n == buf.len() => Ok(true),
            _ => Err(TarError::UnexpectedEof),
        }
    }

    /// Go's `readHeader`: the next header block, `None` at the end of the archive (end of
    /// the stream, or two zero blocks).
    fn read_header(&mut self) -> Result<Option<(Header, [u8; BLOCK])>, TarError> {
        let mut blk = [0u8; BLOCK];
        if !self.read_full(&mut blk)? {
            return Ok(None);
        }
        if blk.iter().all(|&b| b == 0) {
            if !self.read_full(&mut blk)? {
                return Ok(None);
            }
            if blk.iter().all(|&b| b == 0) {
                return Ok(None);
            }
            return Err(TarError::Header);
        }
        let format = block_format(&blk).ok_or(TarError::Header)?;
        let mut ok = true;
        let mut name = c_string(&blk[0..100]).to_vec();
        let typeflag = blk[156];
        let size = parse_numeric(&blk[124..136], &mut ok);
        let mode = parse_numeric(&blk[100..108], &mut ok);
        parse_numeric(&blk[108..116], &mut ok);
        parse_numeric(&blk[116..124], &mut ok);
        parse_numeric(&blk[136..148], &mut ok);
        if format != Format::V7 {
            parse_numeric(&blk[329..337], &mut ok);
            parse_numeric(&blk[337..345], &mut ok);
            let prefix: Vec<u8> = match format {
                Format::Ustar => c_string(&blk[345..500]).to_vec(),
                Format::Star => {
                    parse_numeric(&blk[476..488], &mut ok);
                    parse_numeric(&blk[488..500], &mut ok);
                    c_string(&blk[345..476]).to_vec()
                }
                _ => {
                    // GNU: access and change times; a pre-Go 1.8 writer put a prefix there.
                    let mut times_ok = true;
                    if blk[345] != 0 {
                        parse_numeric(&blk[345..357], &mut times_ok);
                    }
                    if blk[357] != 0 {
                        parse_numeric(&blk[357..369], &mut times_ok);
                    }
                    let prefix = c_string(&blk[345..500]);
                    if !times_ok && prefix.iter().all(|&b| b < 0x80) {
                        prefix.to_vec()
                    } else {
                        Vec::new()
                    }
                }
            };
            if !prefix.is_empty() {
                let mut full = prefix;
                full.push(b'/');
                full.extend_from_slice(&name);
                name = full;
            }
        }
        if !ok {
            return Err(TarError::Header);
        }
        Ok(Some((
            Header {
                name,
                typeflag,
                size,
                mode,
            },
            blk,
        )))
    }

    /// Go's `handleRegularFile`: the data section that follows the header.
    fn set_regular(&mut self, hdr: &Header) -> Result<(), TarError> {
        let nb = if header_only(hdr.typeflag) {
            0
        } else {
            hdr.size
        };
        if nb < 0 {
            return Err(TarError::Header);
        }
        self.pad = (nb as u64).wrapping_neg() & (BLOCK as u64 - 1);
        self.curr = Data {
            physical: nb,
            sparse: None,
        };
        Ok(())
    }

    /// Go's `readSpecialFile`: a PAX header or GNU long name, read up to one byte past 1 MiB
    /// whatever size the header claims, and refused when that byte is there.
    fn read_special(&mut self) -> Result<Vec<u8>, TarError> {
        let mut out = Vec::new();
        self.read_physical(MAX_SPECIAL_FILE_SIZE + 1, &mut out)?;
        if out.len() as u64 > MAX_SPECIAL_FILE_SIZE {
            return Err(TarError::FieldTooLong);
        }
        Ok(out)
    }

    /// Go's `handleSparseFile`: old GNU sparse headers or GNU's PAX sparse records.
    fn set_sparse(
        &mut self,
        hdr: &mut Header,
        raw: &[u8; BLOCK],
        records: &[(Vec<u8>, Vec<u8>)],
    ) -> Result<(), TarError> {
        let map = if hdr.typeflag == types::GNU_SPARSE {
            Some(self.old_gnu_sparse_map(hdr, raw)?)
        } else {
            self.pax_sparse_map(hdr, records)?
        };
        let Some(map) = map else {
            return Ok(());
        };
        if header_only(hdr.typeflag) || !valid_sparse(&map, hdr.size) {
            return Err(TarError::Header);
        }
        self.curr.sparse = Some((invert_sparse(&map, hdr.size), 0));
        Ok(())
    }

    fn old_gnu_sparse_map(
        &mut self,
        hdr: &mut Header,
        raw: &[u8; BLOCK],
    ) -> Result<Vec<Fragment>, TarError> {
        if block_format(raw) != Some(Format::Gnu) {
            return Err(TarError::Header);
        }
        let mut ok = true;
        hdr.size = parse_numeric(&raw[483..495], &mut ok);
        if !ok {
            return Err(TarError::Header);
        }
        let mut map = Vec::new();
        let mut blk = *raw;
        let mut in_header = true;
        loop {
            // Four 24-byte entries in the header, then 21 per extension block, each followed by
            // the "is extended" flag.
            let (entries, is_extended) = if in_header {
                (&blk[386..482], blk[482])
            } else {
                (&blk[..504], blk[504])
            };
            for entry in entries.chunks_exact(24) {
                if entry.first() == Some(&0) {
                    break;
                }
                // Two 12-byte numbers.
                let (offset, length) = entry.split_at(12);
                let offset = parse_numeric(offset, &mut ok);
                let length = parse_numeric(length, &mut ok);
                if !ok {
                    return Err(TarError::Header);
                }
                map.push(Fragment { offset, length });
                if map.len() > MAX_SPARSE_ENTRIES {
                    return Err(TarError::Header);
                }
            }
            if is_extended == 0 {
                return Ok(map);
            }
            if !self.read_full(&mut blk)? {
                return Err(TarError::UnexpectedEof);
            }
            in_header = false;
        }
    }

    fn pax_sparse_map(
        &mut self,
        hdr: &mut Header,
        records: &[(Vec<u8>, Vec<u8>)],
    ) -> Result<Option<Vec<Fragment>>, TarError> {
        let get = |k: &str| -> &[u8] {
            records
                .iter()
                .rev()
                .find(|(key, _)| key == k.as_bytes())
                .map_or(&[][..], |(_, v)| v.as_slice())
        };
        let (major, minor) = (get("GNU.sparse.major"), get("GNU.sparse.minor"));
        let v1 = match (major, minor) {
            (b"0", b"0" | b"1") => false,
            (b"1", b"0") => true,
            (m, n) if !m.is_empty() || !n.is_empty() => return Ok(None),
            _ if !get("GNU.sparse.map").is_empty() => false,
            _ => return Ok(None),
        };
        let name = get("GNU.sparse.name");
        if !name.is_empty() {
            hdr.name = name.to_vec();
        }
        let size = match get("GNU.sparse.size") {
            b"" => get("GNU.sparse.realsize"),
            s => s,
        };
        if !size.is_empty() {
            hdr.size = parse_decimal(size).ok_or(TarError::Header)?;
        }
        if v1 {
            return self.sparse_map_1x0().map(Some);
        }
        let entries = parse_decimal(get("GNU.sparse.numblocks"))
            .filter(|n| *n >= 0)
            .ok_or(TarError::Header)?;
        let fields: Vec<&[u8]> = match get("GNU.sparse.map") {
            b"" => Vec::new(),
            m => m.split(|&b| b == b',').collect(),
        };
        if fields.len() as i64 != entries.saturating_mul(2) {
            return Err(TarError::Header);
        }
        fields
            .chunks(2)
            .map(|pair| match pair {
                [o, l] => Some(Fragment {
                    offset: parse_decimal(o)?,
                    length: parse_decimal(l)?,
                }),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(Some)
            .ok_or(TarError::Header)
    }

    /// GNU PAX sparse 1.0: the map is at the start of the data, in 512-byte blocks of
    /// newline-terminated decimal numbers (count, then offset/length pairs).
    fn sparse_map_1x0(&mut self) -> Result<Vec<Fragment>, TarError> {
        let mut buf: Vec<u8> = Vec::new();
        let mut used = 0;
        self.feed_lines(&mut buf, 1)?;
        let entries = next_token(&buf, &mut used)
            .filter(|n| *n >= 0 && (*n as usize) <= MAX_SPARSE_ENTRIES)
            .ok_or(TarError::Header)? as usize;
        self.feed_lines(&mut buf, 1 + 2 * entries)?;
        let mut map = Vec::with_capacity(entries);
        for _ in 0..entries {
            let offset = next_token(&buf, &mut used).ok_or(TarError::Header)?;
            let length = next_token(&buf, &mut used).ok_or(TarError::Header)?;
            map.push(Fragment { offset, length });
        }
        Ok(map)
    }

    /// Reads whole blocks of the entry's data into `buf` until it holds `lines` newlines.
    fn feed_lines(&mut self, buf: &mut Vec<u8>, lines: usize) -> Result<(), TarError> {
        let mut have = buf.iter().filter(|&&b| b == b'\n').count();
        while have < lines {
            let start = buf.len();
            if self.read_physical(BLOCK as u64, buf)? < BLOCK as u64 {
                return Err(TarError::UnexpectedEof);
            }
            have += buf.iter().skip(start).filter(|&&b| b == b'\n').count();
        }
        Ok(())
    }
}

/// The next newline-terminated decimal number of a sparse map.
fn next_token(buf: &[u8], used: &mut usize) -> Option<i64> {
    let (token, _) = cut(buf.get(*used..)?, b'\n')?;
    *used += token.len() + 1;
    parse_decimal(token)
}

/// Entry types that have no data whatever their size field says.
fn header_only(t: u8) -> bool {
    matches!(
        t,
        types::LINK | types::SYMLINK | types::CHAR | types::BLOCK | types::DIR | types::FIFO
    )
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    V7,
    Ustar,
    Gnu,
    Star,
}

/// Go's `getFormat`: `None` when the checksum (signed or unsigned sum) does not match.
fn block_format(blk: &[u8; BLOCK]) -> Option<Format> {
    let mut ok = true;
    let stored = parse_octal(&blk[148..156], &mut ok);
    let (mut unsigned, mut signed) = (0i64, 0i64);
    for (i, &c) in blk.iter().enumerate() {
        let c = if (148..156).contains(&i) { b' ' } else { c };
        unsigned += i64::from(c);
        signed += i64::from(c as i8);
    }
    if !ok || (stored != unsigned && stored != signed) {
        return None;
    }
    let magic = &blk[257..263];
    let version = &blk[263..265];
    Some(if magic == b"ustar\0" && &blk[508..512] == b"tar\0" {
        Format::Star
    } else if magic == b"ustar\0" {
        Format::Ustar
    } else if magic == b"ustar " && version == b" \0" {
        Format::Gnu
    } else {
        Format::V7
    })
}

/// The bytes up to the first NUL.
fn c_string(b: &[u8]) -> &[u8] {
    cut(b, 0).map_or(b, |(s, _)| s)
}

/// Go's `parseNumeric`: base-256 when the high bit is set, else octal. Clears `ok` on a
/// malformed field.
fn parse_numeric(b: &[u8], ok: &mut bool) -> i64 {
    let Some(&first) = b.first() else {
        return 0;
    };
    if first & 0x80 == 0 {
        return parse_octal(b, ok);
    }
    let inv: u8 = if first & 0x40 != 0 { 0xff } else { 0 };
    let mut x: u64 = 0;
    for (i, &c) in b.iter().enumerate() {
        let mut c = c ^ inv;
        if i == 0 {
            c &= 0x7f;
        }
        if x >> 56 > 0 {
            *ok = false;
            return 0;
        }
        x = x << 8 | u64::from(c);
    }
    if x >> 63 > 0 {
        *ok = false;
        return 0;
    }
    if inv == 0xff { !(x as i64) } else { x as i64 }
}

/// Go's `parseOctal`: spaces and NULs trimmed, then an unsigned octal number.
fn parse_octal(b: &[u8], ok: &mut bool) -> i64 {
    let trim = |c: &u8| *c == b' ' || *c == 0;
    let mut b = b;
    while let [c, rest @ ..] = b
        && trim(c)
    {
        b = rest;
    }
    while let [rest @ .., c] = b
        && trim(c)
    {
        b = rest;
    }
    let digits = c_string(b);
    if digits.is_empty() {
        return 0;
    }
    let mut x: u64 = 0;
    for &d in digits {
        let v = match d {
            b'0'..=b'7' => u64::from(d - b'0'),
            _ => {
                *ok = false;
                return 0;
            }
        };
        match x.checked_mul(8).and_then(|x| x.checked_add(v)) {
            Some(n) => x = n,
            None => {
                *ok = false;
                return u64::MAX as i64;
            }
        }
    }
    x as i64
}

/// Go's `strconv.ParseInt(s, 10, 64)`.
fn parse_decimal(s: &[u8]) -> Option<i64> {
    std::str::from_utf8(s).ok()?.parse().ok()
}

/// Go's `parsePAX`: `%d key=value\n` records, in order; GNU sparse 0.0 offset/size
/// records are collected into one `GNU.sparse.map`.
fn parse_pax(data: &[u8]) -> Result<Records, TarError> {
    let mut records = Vec::new();
    let mut sparse: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let (k, v, r) = parse_pax_record(rest).ok_or(TarError::Header)?;
        rest = r;
        if k == b"GNU.sparse.offset" || k == b"GNU.sparse.numbytes" {
            let want_offset = sparse.len() % 2 == 0;
            if want_offset != (k == b"GNU.sparse.offset") || v.contains(&b',') {
                return Err(TarError::Header);
            }
            sparse.push(v);
        } else {
            records.push((k.to_vec(), v.to_vec()));
        }
    }
    if !sparse.is_empty() {
        records.push((b"GNU.sparse.map".to_vec(), sparse.join(&b","[..])));
    }
    Ok(records)
}

/// One PAX record: key, value and the rest.
fn parse_pax_record(s: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let (len, rest) = cut(s, b' ')?;
    let n = parse_decimal(len)?;
    if n < 5 || n > s.len() as i64 {
        return None;
    }
    // The length counts itself and the space.
    let n = usize::try_from(n).ok()?.checked_sub(len.len() + 1)?;
    let (record, rem) = rest.split_at_checked(n)?;
    let [rec @ .., b'\n'] = record else {
        return None;
    };
    let (k, v) = cut(rec, b'=')?;
    // Go's validPAXRecord.
    let nul_ok = match k {
        b"path" | b"linkpath" | b"uname" | b"gname" => !v.contains(&0),
        _ => !k.contains(&0),
    };
    if k.is_empty() || !nul_ok {
        return None;
    }
    Some((k, v, rem))
}

/// Go's `mergePAX` for the fields Helm uses (a record with an empty value keeps the
/// header's field; numeric records must parse).
fn merge_pax(hdr: &mut Header, records: &[(Vec<u8>, Vec<u8>)]) -> Result<(), TarError> {
    for (k, v) in records {
        if v.is_empty() {
            continue;
        }
        match k.as_slice() {
            b"path" => hdr.name = v.clone(),
            b"size" => hdr.size = parse_decimal(v).ok_or(TarError::Header)?,
            b"uid" | b"gid" => {
                parse_decimal(v).ok_or(TarError::Header)?;
            }
            b"atime" | b"mtime" | b"ctime" if !valid_pax_time(v) => {
                return Err(TarError::Header);
            }
            _ => {}
        }
    }
    Ok(())
}

/// Go's `parsePAXTime` succeeds: `secs[.digits]`.
fn valid_pax_time(v: &[u8]) -> bool {
    let (secs, frac) = cut(v, b'.').unwrap_or((v, &[]));
    parse_decimal(secs).is_some() && frac.iter().all(u8::is_ascii_digit)
}

/// Go's `validateSparseEntries`: in order, inside the file, no overlaps.
fn valid_sparse(map: &[Fragment], size: i64) -> bool {
    if size < 0 {
        return false;
    }
    let mut pre = Fragment::default();
    for &cur in map {
        if cur.offset < 0
            || cur.length < 0
            || cur.offset > i64::MAX - cur.length
            || cur.end() > size
            || pre.end() > cur.offset
        {
            return false;
        }
        pre = cur;
    }
    true
}

/// Go's `invertSparseEntries`: the data fragments turned into the holes between them; the
/// last hole is always present (possibly empty).
fn invert_sparse(map: &[Fragment], size: i64) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut pre = Fragment::default();
    for &cur in map {
        if cur.length == 0 {
            continue;
        }
        pre.length = cur.offset - pre.offset;
        if pre.length > 0 {
            out.push(pre);
        }
        pre.offset = cur.end();
    }
    pre.length = size - pre.offset;
    out.push(pre);
    out
}
