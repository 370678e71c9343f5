//! `helm template --show-only`: keeps the documents whose `# Source:` path (without the chart
//! name) matches one of the patterns (Go's `filepath.Match`), in pattern order.

use super::split::split_manifests;
use crate::error::{Error, ErrorKind};

/// Filters `helm template` output. Each kept document prints as `---\nDOC\n`.
///
/// # Errors
/// [`ErrorKind::Usage`]: `could not find template PATTERN in chart` when a pattern matches
/// nothing.
pub fn show_only(output: &str, patterns: &[String]) -> crate::Result<String> {
    let docs = split_manifests(output);
    let mut kept: Vec<&str> = Vec::new();
    for pattern in patterns {
        let pattern = pattern.replace('\\', "/");
        let mut missing = true;
        for doc in &docs {
            let Some(path) = source_path(doc) else {
                continue;
            };
            if render_go::glob::filepath::path_match(&pattern, path).unwrap_or(false) {
                kept.push(doc);
                missing = false;
            }
        }
        if missing {
            return Err(Error::new(
                ErrorKind::Usage,
                format!("could not find template {pattern} in chart"),
            ));
        }
    }
    let mut out = String::new();
    for doc in kept {
        out.push_str("---\n");
        out.push_str(doc);
        out.push('\n');
    }
    Ok(out)
}

/// Go's `# Source: [^/]+/(.+)` on a document: the first match's path after the chart name.
fn source_path(doc: &str) -> Option<&str> {
    let mut rest = doc;
    while let Some(i) = rest.find("# Source: ") {
        let after = &rest[i + "# Source: ".len()..];
        let line = after.split('\n').next().unwrap_or("");
        if let Some(slash) = line.find('/')
            && slash > 0
            && slash + 1 < line.len()
        {
            return Some(&line[slash + 1..]);
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_template_path() {
        let out =
            "---\n# Source: c/templates/a.yaml\na: 1\n---\n# Source: c/templates/b.yaml\nb: 2\n";
        let patterns = vec!["templates/b.yaml".to_string()];
        assert_eq!(
            show_only(out, &patterns).map_err(|e| e.to_string()).as_deref(),
            Ok("---\n# Source: c/templates/b.yaml\nb: 2\n\n")
        );
        assert!(show_only(out, &["templates/z.yaml".to_string()]).is_err());
    }
}
