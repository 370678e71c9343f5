//! Chart directories → in-memory files (Helm's `LoadDir`): a lexical walk that follows
//! symbolic links, applies the top chart's `.helmignore` (plus Helm's default rule), strips a
//! UTF-8 BOM, and refuses irregular and oversized files.

use super::archive::MAX_DECOMPRESSED_FILE_SIZE;
use super::ignore::Rules;
use super::loader::BufferedFile;
use std::fs;
use std::path::Path;

/// Symbolic-link nesting we follow before giving up (a loop would never end).
const MAX_DEPTH: usize = 64;

/// Reads every file of the chart directory `dir` that `.helmignore` does not exclude.
pub fn load_dir_files(dir: &Path) -> Result<Vec<BufferedFile>, String> {
    let mut rules = match fs::read(dir.join(".helmignore")) {
        Ok(data) => Rules::parse(&String::from_utf8_lossy(&data))?,
        Err(_) => Rules::default(),
    };
    rules.add_defaults();
    let mut files = Vec::new();
    walk(dir, "", &rules, &mut files, 0)?;
    Ok(files)
}

fn walk(
    dir: &Path,
    rel: &str,
    rules: &Rules,
    out: &mut Vec<BufferedFile>,
    depth: usize,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("{}: too many levels of directories", dir.display()));
    }
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let n = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        // Follows symbolic links, as Helm's sympath.Walk does.
        let meta = fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            if rules.ignore(&n, true) {
                continue;
            }
            walk(&path, &n, rules, out, depth + 1)?;
            continue;
        }
        if rules.ignore(&n, false) {
            continue;
        }
        if !meta.is_file() {
            return Err(format!(
                "cannot load irregular file {} as it has file mode type bits set",
                path.display()
            ));
        }
        if meta.len() > MAX_DECOMPRESSED_FILE_SIZE {
            return Err(format!(
                "chart file {:?} is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}",
                name
            ));
        }
        let data = fs::read(&path).map_err(|e| format!("error reading {n}: {e}"))?;
        let data = match data.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            Some(rest) => rest.to_vec(),
            None => data,
        };
        out.push(BufferedFile {
            name: n,
            data: data.into(),
        });
    }
    Ok(())
}
