//! `render diff`: resources added, removed and changed between two rendered files, two
//! renders of a `render.yaml`, and a git revision against the working tree (over a temporary
//! repository); `--ignore`, `--format json` and the exit statuses. Outputs are insta
//! snapshots; the renders they compare are Helm's (see snapshot.rs).

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

mod common;

use common::{render, repo, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// stdout, after checking the exit status.
fn stdout(o: &Output, status: i32) -> String {
    assert_eq!(o.status.code(), Some(status), "{}", text(&o.stderr));
    text(&o.stdout)
}

/// The `--format json` items, each as the listed fields' JSON texts joined by spaces.
fn json_items(out: &str, fields: &[&str]) -> Vec<String> {
    let items: serde_json::Value = serde_json::from_str(out).expect("JSON");
    let items = items.as_array().expect("an array");
    items
        .iter()
        .map(|i| {
            let texts: Vec<String> = fields.iter().map(|f| i[*f].to_string()).collect();
            texts.join(" ")
        })
        .collect()
}

const OLD: &str = "testdata/diff/old.yaml";
const NEW: &str = "testdata/diff/new.yaml";

#[test]
fn rendered_files_differ_by_resource() {
    let o = render(&["diff", OLD, NEW]);
    insta::assert_snapshot!("files", stdout(&o, 1));
    assert_eq!(
        text(&o.stderr),
        "4 resources differ: 1 added, 1 removed, 2 changed\n"
    );
    // Reordered keys, a moved document and a renamed template are no change.
    let o = render(&["diff", OLD, OLD]);
    assert_eq!(stdout(&o, 0), "");
    assert_eq!(text(&o.stderr), "");
}

#[test]
fn ignored_paths_are_left_out() {
    let o = render(&[
        "diff",
        OLD,
        NEW,
        "--ignore",
        "spec.template.metadata.annotations.checksum/*",
        "--ignore",
        "spec.replicas",
    ]);
    insta::assert_snapshot!("ignored", stdout(&o, 1));
}

#[test]
fn json_for_bots() {
    let o = render(&["diff", OLD, NEW, "--format", "json"]);
    let out = stdout(&o, 1);
    assert_eq!(
        json_items(&out, &["change", "kind", "namespace", "name"]),
        [
            r#""changed" "ClusterRole" "" "shop-reader""#,
            r#""changed" "Deployment" "prod" "shop""#,
            r#""removed" "Secret" "prod" "shop-legacy""#,
            r#""added" "Service" "prod" "shop""#,
        ]
    );
    insta::assert_snapshot!("json", out);
}

#[test]
fn two_renders_of_the_environments_file() {
    let file = "testdata/environments/render.yaml";
    let o = render(&["diff", "--file", file, "hello-prod", "hello-set-string"]);
    insta::assert_snapshot!("environments", stdout(&o, 1));
    // A render against its own snapshot file.
    let dir = std::env::temp_dir().join(format!("render-diff-snap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("directory");
    let snap = dir.join("hello-prod.yaml");
    std::fs::write(
        &snap,
        common::helm_chart_case("hello__prod").expect("Helm rendered the case"),
    )
    .expect("written");
    let o = render(&[
        "diff",
        "--file",
        file,
        "hello-prod",
        &snap.display().to_string(),
    ]);
    assert_eq!(stdout(&o, 0), "");
    let _ = std::fs::remove_dir_all(&dir);

    let o = render(&["diff", "--file", file, "hello-prod", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        format!("Error: nope: neither a file nor a render of {file}\n")
    );
    let o = render(&["diff", "--file", file, "hello-prod"]);
    assert_eq!(o.status.code(), Some(2));
}

/// A temporary git repository holding the hello chart and a `render.yaml`, committed.
struct Repo(PathBuf);

const PROD: &str = "renders:\n  - name: prod\n    chart: chart\n    release: web\n    values: [chart/values-prod.yaml]\n";

impl Repo {
    fn new(name: &str) -> Repo {
        let repo = Repo::without_environments(name);
        repo.write("render.yaml", PROD);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "environments"]);
        repo
    }

    /// The chart alone, committed.
    fn without_environments(name: &str) -> Repo {
        let dir = std::env::temp_dir().join(format!("render-diff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&repo().join("testdata/charts/hello"), &dir.join("chart"));
        let repo = Repo(dir);
        repo.git(&["init", "-q"]);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "first"]);
        repo
    }

    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.0.join(path), text).expect("file written");
    }

    fn git(&self, args: &[&str]) {
        let o = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(&self.0)
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
    }

    fn render(&self, args: &[&str]) -> Output {
        common::render_in(&self.0, args)
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("directory");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copied");
        }
    }
}

#[test]
fn the_working_tree_against_a_git_revision() {
    let repo = Repo::new("from");
    let o = repo.render(&["diff", "--from", "HEAD"]);
    assert_eq!(stdout(&o, 0), "", "an unchanged tree");

    // Edit a values file (replicas, the service off) and add a render.
    repo.write(
        "chart/values-prod.yaml",
        "replicas: 3\ngreeting: hello from prod\nlabels:\n  tier: frontend\n  team: web\nservice:\n  enabled: false\n",
    );
    repo.write(
        "render.yaml",
        "renders:\n  - name: prod\n    chart: chart\n    release: web\n    values: [chart/values-prod.yaml]\n  - name: dev\n    chart: chart\n    release: dev\n",
    );
    let o = repo.render(&["diff", "--from", "HEAD"]);
    insta::assert_snapshot!("from-revision", stdout(&o, 1));
    let o = repo.render(&[
        "diff",
        "--from",
        "HEAD",
        "prod",
        "--ignore",
        "spec.template.metadata.annotations.checksum/*",
    ]);
    insta::assert_snapshot!("from-revision-prod-ignored", stdout(&o, 1));

    let o = repo.render(&["diff", "--from", "no-such-revision"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("Error: git archive no-such-revision: "),
        "{err}"
    );
    // The revision's files are unpacked in the temporary directory and removed after.
    let tmp = repo.0.join("tmp");
    std::fs::create_dir_all(&tmp).expect("directory");
    for rev in ["HEAD", "no-such-revision"] {
        let o = Command::new(env!("CARGO_BIN_EXE_render"))
            .args(["diff", "--from", rev])
            .env("TMPDIR", &tmp)
            .current_dir(&repo.0)
            .output()
            .expect("render runs");
        assert_ne!(o.status.code(), Some(0));
        let left: Vec<_> = std::fs::read_dir(&tmp)
            .expect("readable")
            .flatten()
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn renders_the_revision_did_not_have_are_added() {
    let repo = Repo::without_environments("new-file");
    repo.write("render.yaml", PROD);
    let o = repo.render(&["diff", "--from", "HEAD", "--format", "json"]);
    let seen = json_items(&stdout(&o, 1), &["render", "change", "kind", "name"]);
    assert_eq!(
        seen,
        [
            r#""prod" "added" "ConfigMap" "web-hello""#,
            r#""prod" "added" "Deployment" "web-hello""#,
            r#""prod" "added" "Service" "web-hello""#,
        ]
    );
}
