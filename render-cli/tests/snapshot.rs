//! `render snapshot` over testdata/environments/render.yaml: every snapshot it writes is what
//! real Helm printed for the same chart case (the charts snapshots), `--check` passes on
//! them and fails with a unified diff when one changes, `--update` rewrites only that one,
//! and a broken environments file is reported at its line and column. Renders of random
//! functions are the same on every run with a seed, and differ between seeds.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

mod common;

use common::{render, repo, text};
use std::path::{Path, PathBuf};

/// A fresh snapshot directory, relative to testdata/environments where `--dir` is read.
fn scratch(name: &str) -> (String, PathBuf) {
    let relative = format!("../../target/snapshot-test-{name}-{}", std::process::id());
    let absolute = repo().join("testdata/environments").join(&relative);
    let _ = std::fs::remove_dir_all(&absolute);
    (relative, absolute)
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{name}.yaml"))).expect("snapshot written")
}

const FILE: &str = "testdata/environments/render.yaml";

#[test]
fn snapshots_are_what_helm_prints_and_check_compares_them() {
    let (dir, abs) = scratch("write");
    let o = render(&["snapshot", "--file", FILE, "--dir", &dir]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    for (name, case) in [
        ("hello-default", "hello__default"),
        ("hello-prod", "hello__prod"),
        ("hello-set-string", "hello__set-string"),
        ("wrapper-clean", "check-wrapper__clean"),
    ] {
        let helm = common::helm_chart_case(case).expect("Helm rendered the case");
        assert_eq!(read(&abs, name), helm, "{name}");
    }

    let o = render(&["snapshot", "--file", FILE, "--dir", &dir, "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert_eq!(text(&o.stdout), "");
    // Random functions and `now` are seeded and fixed: the same bytes on every run and
    // machine (ChaCha20 from seed 0, 2024-01-01T00:00:00Z).
    insta::assert_snapshot!("random-seed-0", read(&abs, "random"));

    // A changed snapshot: --check shows the difference and fails, --update rewrites it alone.
    let edited = read(&abs, "hello-prod").replace("my-release", "other-release");
    std::fs::write(abs.join("hello-prod.yaml"), edited).expect("snapshot edited");
    let o = render(&["snapshot", "--file", FILE, "--dir", &dir, "--check"]);
    assert_eq!(o.status.code(), Some(1));
    let diff = text(&o.stdout);
    assert!(diff.contains("-  name: other-release"), "{diff}");
    assert!(diff.contains("+  name: my-release"), "{diff}");
    assert!(diff.starts_with("--- "), "{diff}");
    let o = render(&["snapshot", "--file", FILE, "--dir", &dir, "--update"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("updated ") && out.ends_with("/hello-prod.yaml\n"),
        "{out}"
    );
    assert_eq!(
        read(&abs, "hello-prod"),
        common::helm_chart_case("hello__prod").expect("Helm")
    );
    let _ = std::fs::remove_dir_all(&abs);
}

#[test]
fn a_broken_environments_file_is_reported_at_its_key() {
    let dir = std::env::temp_dir().join(format!("render-env-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let file = dir.join("render.yaml");
    std::fs::write(
        &file,
        "renders:\n  - name: a\n    chart: ./c\n    valuse: [x.yaml]\n",
    )
    .expect("file written");
    let shown = file.display().to_string();
    let o = render(&["snapshot", "--file", &shown, "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        format!("Error: {shown}:4:5: renders[0].valuse: unknown key; did you mean values?\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_seed_fixes_the_random_functions_and_another_seed_changes_them() {
    let chart = "testdata/environments/random";
    let run = |extra: &[&str]| {
        let mut args = vec!["template", "seeded", chart];
        args.extend(extra);
        let o = render(&args);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    assert_eq!(run(&["--seed", "1"]), run(&["--seed", "1"]));
    assert_ne!(run(&["--seed", "1"]), run(&["--seed", "2"]));
    // Without a seed, Helm's behaviour: fresh randomness on every render.
    assert_ne!(run(&[]), run(&[]));
    let at = run(&["--now", "2030-05-06T07:08:09Z"]);
    assert!(at.contains("rendered-at: \"2030-05-06T07:08:09Z\""), "{at}");
    let o = render(&["template", "seeded", chart, "--seed", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "Error: invalid --seed \"x\": want a whole number\n"
    );
}

#[test]
fn split_snapshots_hold_one_resource_per_file() {
    let (dir, abs) = scratch("split");
    let o = render(&["snapshot", "--file", FILE, "--dir", &dir, "--split"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let prod = abs.join("hello-prod");
    let mut names: Vec<String> = std::fs::read_dir(&prod)
        .expect("split directory")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "configmap-my-release-hello.yaml",
            "deployment-my-release-hello.yaml",
            "service-my-release-hello.yaml"
        ]
    );
    // Each file is one document of Helm's output, and together they are all of it.
    let helm = common::helm_chart_case("hello__prod").expect("Helm");
    let mut total = 0;
    for name in &names {
        let doc = std::fs::read_to_string(prod.join(name)).expect("file");
        assert!(doc.starts_with("---\n# Source: hello/templates/"), "{doc}");
        assert!(helm.contains(&doc), "{doc}");
        total += doc.len();
    }
    assert_eq!(total, helm.len());
    // And `render diff` reads the directory as the render.
    let shown = prod.display().to_string();
    let o = render(&["diff", "--file", FILE, "hello-prod", &shown]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));

    let check = || {
        render(&[
            "snapshot", "--file", FILE, "--dir", &dir, "--split", "--check",
        ])
    };
    assert_eq!(check().status.code(), Some(0));
    // A resource no longer rendered, and one missing from the snapshot.
    std::fs::write(prod.join("secret-old.yaml"), "---\nkind: Secret\n").expect("written");
    std::fs::remove_file(prod.join("service-my-release-hello.yaml")).expect("removed");
    let o = check();
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(out.contains("+kind: Service"), "{out}");
    assert!(
        out.contains("/secret-old.yaml: no longer rendered"),
        "{out}"
    );
    let o = render(&[
        "snapshot", "--file", FILE, "--dir", &dir, "--split", "--update",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("wrote ") && out.contains("removed "), "{out}");
    assert_eq!(check().status.code(), Some(0));

    // Back to one file per render: the split files go.
    let o = render(&["snapshot", "--file", FILE, "--dir", &dir]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("removed "));
    assert_eq!(std::fs::read_dir(&prod).expect("directory").count(), 0);
    assert_eq!(read(&abs, "hello-prod"), helm);
    let _ = std::fs::remove_dir_all(&abs);
}
