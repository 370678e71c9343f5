//! Helm's `SortManifests`: documents become hooks (by the `helm.sh/hook` annotation) or plain
//! manifests, each list stably sorted by kind in Helm v4's install order.

use super::split::split_manifests;
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// Helm v4's `InstallOrder`.
pub const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

/// Hook events Helm knows (`test-success` is an alias of `test`).
const HOOK_EVENTS: &[&str] = &[
    "pre-install",
    "post-install",
    "pre-delete",
    "post-delete",
    "pre-upgrade",
    "post-upgrade",
    "pre-rollback",
    "post-rollback",
    "test",
    "test-success",
];

/// What Helm reads of each document (`SimpleHead`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// `apiVersion`.
    pub api_version: String,
    /// `kind`.
    pub kind: String,
    /// `metadata.name`.
    pub name: String,
    /// `metadata.annotations["helm.sh/hook"]`, if the annotation is present.
    pub hook: Option<String>,
}

/// A plain manifest or a hook document.
#[derive(Clone, Debug)]
pub struct Document {
    /// The template path it came from.
    pub path: String,
    /// The document text.
    pub content: DocText,
    /// Its head.
    pub head: Head,
    /// Whether it is a test hook.
    pub is_test: bool,
}

/// A document's text: a slice of the rendered file it came from, sharing that file's output
/// (a render keeps every file's output, and its documents are most of it).
#[derive(Clone)]
pub struct DocText {
    file: Arc<String>,
    range: Range<usize>,
}

impl DocText {
    /// `doc`, a slice of `file`'s text (copied when it is not one).
    fn new(file: &Arc<String>, doc: &str) -> DocText {
        let start = (doc.as_ptr() as usize).wrapping_sub(file.as_ptr() as usize);
        let range = start..start.saturating_add(doc.len());
        match file.get(range.clone()) {
            Some(within) if within.as_ptr() == doc.as_ptr() => DocText {
                file: Arc::clone(file),
                range,
            },
            _ => DocText::from(doc.to_string()),
        }
    }
}

impl From<String> for DocText {
    fn from(text: String) -> DocText {
        let range = 0..text.len();
        DocText {
            file: Arc::new(text),
            range,
        }
    }
}

impl From<&str> for DocText {
    fn from(text: &str) -> DocText {
        DocText::from(text.to_string())
    }
}

impl Deref for DocText {
    type Target = str;

    fn deref(&self) -> &str {
        self.file.get(self.range.clone()).unwrap_or_default()
    }
}

impl fmt::Debug for DocText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// Manifests and hooks, each in install order.
#[derive(Clone, Debug, Default)]
pub struct Sorted {
    /// Hook documents.
    pub hooks: Vec<Document>,
    /// Plain manifests.
    pub manifests: Vec<Document>,
}

fn kind_rank(kind: &str) -> Option<usize> {
    INSTALL_ORDER.iter().position(|k| *k == kind)
}

/// Helm's `lessByKind` as an ordering; known kinds first in install order, then unknown kinds
/// alphabetically.
fn kind_key(kind: &str) -> (usize, &str) {
    match kind_rank(kind) {
        Some(r) => (r, ""),
        None => (INSTALL_ORDER.len(), kind),
    }
}

/// A rendered manifest whose head does not parse as YAML; displays as Helm reports it
/// (`YAML parse error on FILE: ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The template that rendered it.
    pub path: String,
    /// The YAML error, as Go's decoder words it.
    pub message: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "YAML parse error on {}: {}", self.path, self.message)
    }
}

impl std::error::Error for ManifestError {}

/// Sorts rendered files (path → output; the map is in path order) into hooks and manifests.
/// `head` parses a document's head or returns Helm's YAML error text; big renders read
/// their documents' heads on several threads, the first error in file order wins.
#[cfg_attr(not(feature = "internals"), allow(dead_code))] // the render reads heads ahead
pub fn sort_manifests<'a, I, F>(files: I, head: F) -> Result<Sorted, ManifestError>
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
    F: Fn(&str) -> Result<Head, String> + Sync,
{
    let files: Vec<(&str, Arc<String>)> = files
        .into_iter()
        .map(|(path, content)| (path, Arc::new(content.to_string())))
        .collect();
    sort_manifests_read(
        files.iter().map(|(path, content)| (*path, content)),
        ReadHeads::default(),
        head,
    )
}

/// The heads of some files' documents, read already (see [`super::HeadsAhead`]), by path.
pub(crate) type ReadHeads = std::collections::HashMap<String, Vec<Result<Head, String>>>;

/// The documents of a rendered file, in order: none for a partial (`_*`) or a blank file.
pub(crate) fn documents<'a>(path: &str, content: &'a str) -> Vec<&'a str> {
    if has_no_documents(path, content) {
        return Vec::new();
    }
    split_manifests(content)
}

/// A partial (`_*`) or a blank file: no documents, without splitting it.
pub(crate) fn has_no_documents(path: &str, content: &str) -> bool {
    crate::chart::is_partial(path) || content.trim().is_empty()
}

/// [`sort_manifests`], taking the heads of the files in `read` from there.
pub(crate) fn sort_manifests_read<'a, I, F>(
    files: I,
    mut read: ReadHeads,
    head: F,
) -> Result<Sorted, ManifestError>
where
    I: IntoIterator<Item = (&'a str, &'a Arc<String>)>,
    F: Fn(&str) -> Result<Head, String> + Sync,
{
    let mut docs: Vec<(&str, &Arc<String>, &str)> = Vec::new();
    let mut heads: Vec<Option<Result<Head, String>>> = Vec::new();
    for (path, content) in files {
        let file_docs = documents(path, content);
        let known = read
            .remove(path)
            .filter(|known| known.len() == file_docs.len());
        match known {
            Some(known) => heads.extend(known.into_iter().map(Some)),
            None => heads.extend(file_docs.iter().map(|_| None)),
        }
        docs.extend(file_docs.into_iter().map(|d| (path, content, d)));
    }
    let missing: Vec<&str> = docs
        .iter()
        .zip(&heads)
        .filter(|(_, h)| h.is_none())
        .map(|((_, _, d), _)| *d)
        .collect();
    let mut missing_heads =
        crate::parallel::map_ordered(&missing, |d| d.len(), |d| head(d)).into_iter();
    let heads = heads
        .into_iter()
        .map(|h| h.or_else(|| missing_heads.next()))
        .map(|h| h.unwrap_or_else(|| Err("internal error: a document without its head".into())));
    let mut out = Sorted::default();
    for ((path, file, doc), h) in docs.into_iter().zip(heads) {
        let h = h.map_err(|message| ManifestError {
            path: path.to_string(),
            message,
        })?;
        let Some(hook) = h.hook.clone() else {
            out.manifests.push(Document {
                path: path.to_string(),
                content: DocText::new(file, doc),
                head: h,
                is_test: false,
            });
            continue;
        };
        let events: Vec<String> = hook
            .split(',')
            .map(|e| e.trim().to_ascii_lowercase())
            .collect();
        if events.iter().any(|e| !HOOK_EVENTS.contains(&e.as_str())) {
            // Helm skips documents with unknown hook events (an INFO log only).
            continue;
        }
        let is_test = events.iter().any(|e| e == "test" || e == "test-success");
        out.hooks.push(Document {
            path: path.to_string(),
            content: DocText::new(file, doc),
            head: h,
            is_test,
        });
    }
    out.manifests
        .sort_by(|a, b| kind_key(&a.head.kind).cmp(&kind_key(&b.head.kind)));
    out.hooks
        .sort_by(|a, b| kind_key(&a.head.kind).cmp(&kind_key(&b.head.kind)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_share_their_file_and_read_as_their_own_text() {
        let file = Arc::new("---\na: 1\n---\nb: é\n".to_string());
        let docs = documents("c/templates/x.yaml", &file);
        let texts: Vec<DocText> = docs.iter().map(|d| DocText::new(&file, d)).collect();
        assert_eq!(
            texts.iter().map(|t| &**t).collect::<Vec<_>>(),
            docs,
            "each document reads as the text split out"
        );
        assert_eq!(Arc::strong_count(&file), 1 + texts.len(), "shared, not copied");
        // A text from elsewhere is its own copy.
        let elsewhere = DocText::new(&file, "b: é");
        assert_eq!(&*elsewhere, "b: é");
        assert_eq!(Arc::strong_count(&file), 1 + texts.len());
        assert_eq!(format!("{:?}", texts[0]), format!("{:?}", docs[0]));
    }
}
