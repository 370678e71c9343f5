//! Chart archives: arbitrary bytes, and arbitrary tar streams gzipped, through Helm's archive
//! loader (Go's tar reader). Must load or fail with an error, within the archive limits: no
//! panic, no allocation driven by a header's claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_core::chart::archive::load_archive_files;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let _ = load_archive_files(data);
    // The same bytes as a tar stream inside valid gzip, so the tar reader sees them.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if gz.write_all(data).is_ok()
        && let Ok(wrapped) = gz.finish()
    {
        let _ = load_archive_files(&wrapped);
    }
});
