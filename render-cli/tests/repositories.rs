//! Dependencies from real repositories, compared with real Helm on the same servers: the test
//! packages `testdata/repo/charts/*` with Helm (`helm-oracle package`), serves them from a
//! static HTTP server and pushes them to a CNCF distribution registry (Debian's
//! `docker-registry`), both on loopback and stopped at the end, then for each wrapper chart
//! under `testdata/repo/wrappers/` runs `dependency update` with Helm and with render and
//! compares Chart.lock (less `generated:`), the archives in `charts/` (byte for byte, except
//! `file://` ones Helm packages itself) and `template`'s output; errors are compared as texts.
//!
//! Needs `../shared/tools/helm-oracle` (real Helm, helm-python-sdk) and `python3`; the OCI
//! part needs `docker-registry`. Without them the test says so and checks nothing else.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

mod common;

use common::{repo, text};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The servers and the directories of one run; servers are killed (by the PIDs started) when
/// dropped.
struct Lab {
    dir: PathBuf,
    http: u16,
    oci: Option<u16>,
    servers: Vec<Child>,
}

impl Drop for Lab {
    fn drop(&mut self) {
        for s in &mut self.servers {
            let _ = s.kill();
            let _ = s.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn oracle() -> PathBuf {
    repo().join("../shared/tools/helm-oracle")
}

fn oracle_available() -> bool {
    oracle().is_file()
        && Command::new("python3")
            .args(["-c", "import helm_python"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("cannot run the command")
}

fn helm(lab: &Lab, args: &[&str]) -> Output {
    run(Command::new("python3")
        .arg(oracle())
        .args(args)
        .current_dir(&lab.dir))
}

fn render(lab: &Lab, args: &[&str]) -> Output {
    run(Command::new(env!("CARGO_BIN_EXE_render"))
        .args(args)
        .current_dir(&lab.dir)
        .env("HELM_CACHE_HOME", lab.dir.join("render-cache"))
        .env("HELM_CONFIG_HOME", lab.dir.join("render-config"))
        .env_remove("HELM_REPOSITORY_CACHE")
        .env_remove("HELM_REPOSITORY_CONFIG"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port")
}

fn wait_for(port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("cannot create the directory");
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("cannot copy the file");
        }
    }
}

/// Packages, indexes, serves and pushes the fixture charts.
fn setup(name: &str) -> Option<Lab> {
    if !oracle_available() {
        eprintln!(
            "skipping: ../shared/tools/helm-oracle (real Helm, `pip install helm-python-sdk==0.2.2`) is not available"
        );
        return None;
    }
    let dir =
        std::env::temp_dir().join(format!("render-repositories-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let src = dir.join("src");
    copy_dir(&repo().join("testdata/repo/charts"), &src);
    for v in ["1.0.0", "1.1.0"] {
        copy_dir(
            &src.join("lib-1.0.0"),
            &src.join(format!("ollama-{v}/charts/lib")),
        );
    }
    let www = dir.join("www");
    std::fs::create_dir_all(&www).unwrap_or_default();
    let mut lab = Lab {
        dir,
        http: free_port(),
        oci: None,
        servers: Vec::new(),
    };
    let mut charts: Vec<PathBuf> = std::fs::read_dir(&src)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    charts.sort();
    for chart in &charts {
        let o = helm(
            &lab,
            &[
                "package",
                &chart.to_string_lossy(),
                "-d",
                &www.to_string_lossy(),
            ],
        );
        assert!(
            o.status.success(),
            "helm package {}: {}",
            chart.display(),
            text(&o.stderr)
        );
    }
    let o = helm(&lab, &["repo-index", &www.to_string_lossy()]);
    assert!(o.status.success(), "helm repo index: {}", text(&o.stderr));
    // A repository whose index points at archives that are not there.
    let index = std::fs::read_to_string(www.join("index.yaml")).unwrap_or_default();
    std::fs::create_dir_all(www.join("broken")).unwrap_or_default();
    std::fs::write(
        www.join("broken/index.yaml"),
        index.replace("- sub-", "- missing/sub-"),
    )
    .unwrap_or_default();
    // A repository serving a truncated archive, and a "registry" answering garbage.
    std::fs::create_dir_all(www.join("truncated")).unwrap_or_default();
    std::fs::write(www.join("truncated/index.yaml"), &index).unwrap_or_default();
    let whole = std::fs::read(www.join("sub-1.0.0.tgz")).unwrap_or_default();
    std::fs::write(
        www.join("truncated/sub-1.0.0.tgz"),
        &whole[..whole.len() / 2],
    )
    .unwrap_or_default();
    std::fs::create_dir_all(www.join("v2/charts/sub/tags")).unwrap_or_default();
    std::fs::write(www.join("v2/charts/sub/tags/list"), "{\"tags\": [\"1.0").unwrap_or_default();
    let server = Command::new("python3")
        .args([
            "-m",
            "http.server",
            "--bind",
            "127.0.0.1",
            &lab.http.to_string(),
        ])
        .current_dir(&www)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start the HTTP server");
    lab.servers.push(server);
    assert!(wait_for(lab.http), "the HTTP server did not start");
    if Path::new("/usr/bin/docker-registry").exists() {
        let port = free_port();
        let config = lab.dir.join("registry.yml");
        let storage = lab.dir.join("registry");
        std::fs::write(
            &config,
            format!(
                "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {}\nhttp:\n  addr: 127.0.0.1:{port}\n",
                storage.display()
            ),
        )
        .unwrap_or_default();
        let registry = Command::new("/usr/bin/docker-registry")
            .arg("serve")
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start docker-registry");
        lab.servers.push(registry);
        assert!(wait_for(port), "docker-registry did not start");
        let mut archives: Vec<PathBuf> = std::fs::read_dir(&www)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tgz"))
            .collect();
        archives.sort();
        for a in &archives {
            let remote = format!("oci://127.0.0.1:{port}/charts");
            let o = helm(
                &lab,
                &["push", &a.to_string_lossy(), &remote, "--plain-http"],
            );
            assert!(
                o.status.success(),
                "helm push {}: {}",
                a.display(),
                text(&o.stderr)
            );
        }
        lab.oci = Some(port);
    } else {
        eprintln!(
            "skipping the OCI cases: docker-registry is not installed (apt-get install docker-registry; CI installs it)"
        );
    }
    Some(lab)
}

impl Lab {
    /// The URL a placeholder stands for. `HTTP://` in capitals makes Helm's SDK treat the
    /// repository as the CLI does one that is not in repositories.yaml.
    fn url(&self, placeholder: &str) -> String {
        match placeholder {
            "@HTTP@" => format!("HTTP://127.0.0.1:{}", self.http),
            "@BROKEN@" => format!("HTTP://127.0.0.1:{}/broken", self.http),
            "@TRUNCATED@" => format!("HTTP://127.0.0.1:{}/truncated", self.http),
            "@GARBAGE@" => format!("oci://127.0.0.1:{}/charts", self.http),
            _ => format!("oci://127.0.0.1:{}/charts", self.oci.unwrap_or(1)),
        }
    }

    /// A copy of `testdata/repo/wrappers/<name>` for `who`, with the servers' URLs.
    fn wrapper(&self, name: &str, who: &str) -> PathBuf {
        let to = self.dir.join(who).join(name);
        let _ = std::fs::remove_dir_all(&to);
        copy_dir(&repo().join("testdata/repo/wrappers").join(name), &to);
        let chart_yaml = to.join("Chart.yaml");
        let mut text = std::fs::read_to_string(&chart_yaml).unwrap_or_default();
        for p in ["@HTTP@", "@BROKEN@", "@TRUNCATED@", "@GARBAGE@", "@OCI@"] {
            text = text.replace(p, &self.url(p));
        }
        std::fs::write(&chart_yaml, text).unwrap_or_default();
        to
    }
}

/// Chart.lock without its `generated:` line.
fn lock(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("Chart.lock"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with("generated:"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn archives(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("charts"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

/// An error as both print it: render's `Error: ` removed, the cache directory normalized.
fn error_text(o: &Output) -> String {
    let err = text(&o.stderr);
    let last = err
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let last = last.strip_prefix("Error: ").unwrap_or(&last).to_string();
    // `open <cache>/repository/NAME-index.yaml`: the two use different cache directories.
    match (last.find("open /"), last.find("/repository/")) {
        (Some(a), Some(b)) if a < b => format!("{}open <cache>{}", &last[..a], &last[b..]),
        _ => last,
    }
}

/// Wrappers whose `charts/` holds several versions of one chart that an alias's constraint
/// matches: Helm's loader visits `charts/` through a Go map, so which archive the alias gets
/// changes from run to run (the oracle warns so itself). Their lock and archives are compared,
/// not their render.
const RENDERED_AT_RANDOM_BY_HELM: &[&str] = &["constraints"];

/// `dependency update` of a wrapper by both, then `template` of the result by both.
fn compare_update(lab: &Lab, name: &str, local_archives: &[&str], failures: &mut Vec<String>) {
    let ours = lab.wrapper(name, "render");
    let theirs = lab.wrapper(name, "helm");
    let r = render(
        lab,
        &[
            "dependency",
            "update",
            &ours.to_string_lossy(),
            "--plain-http",
        ],
    );
    let h = helm(
        lab,
        &[
            "dependency",
            "update",
            &theirs.to_string_lossy(),
            "--plain-http",
        ],
    );
    if r.status.success() != h.status.success() {
        failures.push(format!(
            "{name}: render {} / helm {}: {} | {}",
            r.status,
            h.status,
            text(&r.stderr),
            text(&h.stderr)
        ));
        return;
    }
    if !h.status.success() {
        if error_text(&r) != error_text(&h) {
            failures.push(format!(
                "{name}: errors differ:\n  render: {}\n  helm:   {}",
                error_text(&r),
                error_text(&h)
            ));
        }
        return;
    }
    if lock(&ours) != lock(&theirs) {
        failures.push(format!(
            "{name}: Chart.lock differs:\n{}\n--- helm:\n{}",
            lock(&ours),
            lock(&theirs)
        ));
    }
    let (a, b) = (archives(&ours), archives(&theirs));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    if names(&a) != names(&b) {
        failures.push(format!(
            "{name}: charts/ differs: {:?} / {:?}",
            names(&a),
            names(&b)
        ));
    }
    for ((n, x), (_, y)) in a.iter().zip(&b) {
        if x != y && !local_archives.iter().any(|l| n.starts_with(l)) {
            failures.push(format!("{name}: charts/{n} differs from Helm's bytes"));
        }
    }
    if RENDERED_AT_RANDOM_BY_HELM.contains(&name) {
        return;
    }
    let r = render(lab, &["template", "rel", &ours.to_string_lossy()]);
    let h = helm(lab, &["template", &theirs.to_string_lossy(), "rel"]);
    if text(&r.stdout) != text(&h.stdout) || r.status.success() != h.status.success() {
        failures.push(format!(
            "{name}: template differs:\n{}{}\n--- helm:\n{}{}",
            text(&r.stdout),
            text(&r.stderr),
            text(&h.stdout),
            text(&h.stderr)
        ));
    }
}

#[test]
fn dependencies_resolve_as_helm_resolves_them() {
    let Some(lab) = setup("update") else { return };
    let mut failures = Vec::new();
    compare_update(&lab, "ollama-wrapper", &[], &mut failures);
    compare_update(&lab, "constraints", &[], &mut failures);
    if lab.oci.is_some() {
        compare_update(&lab, "oci", &[], &mut failures);
        compare_update(&lab, "mixed", &["localchart-"], &mut failures);
        compare_update(&lab, "errors/oci-missing-tag", &[], &mut failures);
    }
    // Render takes archives it already has from its content cache (when the index names
    // their digest); Helm downloads them again. For the 404 to show, the cache starts empty.
    let _ = std::fs::remove_dir_all(lab.dir.join("render-cache/content"));
    for e in [
        "unsatisfiable",
        "not-in-index",
        "unreachable",
        "archive-404",
        "bare-name",
        "truncated",
        "oci-garbage",
    ] {
        compare_update(&lab, &format!("errors/{e}"), &[], &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn build_follows_the_lock_and_refuses_a_stale_one() {
    let Some(lab) = setup("build") else { return };
    let ours = lab.wrapper("ollama-wrapper", "render");
    let o = render(&lab, &["dependency", "update", &ours.to_string_lossy()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let updated = archives(&ours);
    std::fs::remove_dir_all(ours.join("charts")).unwrap_or_default();
    // As in Helm, build needs the repositories of the lock in repositories.yaml.
    let o = render(&lab, &["dependency", "build", &ours.to_string_lossy()]);
    assert_eq!(
        error_text(&o),
        format!(
            "no repository definition for {}. Please add the missing repos via 'helm repo add'",
            lab.url("@HTTP@")
        )
    );
    let config = lab.dir.join("render-config");
    std::fs::create_dir_all(&config).unwrap_or_default();
    std::fs::write(
        config.join("repositories.yaml"),
        format!(
            "apiVersion: v1\nrepositories:\n- name: fixtures\n  url: {}\n",
            lab.url("@HTTP@")
        ),
    )
    .unwrap_or_default();
    let o = render(&lab, &["dependency", "build", &ours.to_string_lossy()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).starts_with(
            "Hang tight while we grab the latest from your chart repositories...\n\
         ...Successfully got an update from the \"fixtures\" chart repository\n\
         Update Complete. ⎈Happy Helming!⎈\nSaving 1 charts\nDownloading ollama from repo HTTP://"
        ),
        "{}",
        text(&o.stdout)
    );
    assert_eq!(archives(&ours), updated);
    // A Chart.yaml changed since the lock: Helm's error.
    let theirs = lab.wrapper("ollama-wrapper", "helm");
    let h = helm(&lab, &["dependency", "update", &theirs.to_string_lossy()]);
    assert!(h.status.success(), "{}", text(&h.stderr));
    for dir in [&ours, &theirs] {
        let chart_yaml = dir.join("Chart.yaml");
        let changed = std::fs::read_to_string(&chart_yaml)
            .unwrap_or_default()
            .replace("^1.0.0", "~1.1.0");
        std::fs::write(&chart_yaml, changed).unwrap_or_default();
    }
    let o = render(&lab, &["dependency", "build", &ours.to_string_lossy()]);
    let h = helm(&lab, &["dependency", "build", &theirs.to_string_lossy()]);
    assert!(!o.status.success() && !h.status.success());
    assert_eq!(error_text(&o), error_text(&h));
    assert_eq!(
        error_text(&o),
        "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies with 'helm dependency update'"
    );
}

#[test]
fn remote_charts_render_as_helm_renders_them() {
    let Some(lab) = setup("remote") else { return };
    let url = format!("http://127.0.0.1:{}", lab.http);
    let both = |version: &str| {
        let args = [
            "template",
            "rel",
            "sub",
            "--repo",
            &url,
            "--version",
            version,
        ];
        (render(&lab, &args), helm(&lab, &args))
    };
    for version in ["^1.0.0", "1.0.0", "~0.1"] {
        let (r, h) = both(version);
        assert_eq!(
            text(&r.stdout),
            text(&h.stdout),
            "--repo --version {version}: {}",
            text(&r.stderr)
        );
    }
    let (r, h) = both("9.9.9");
    assert_eq!(error_text(&r), error_text(&h));
    // --dependency-update: Helm's download messages, then the manifests.
    let ours = lab.wrapper("ollama-wrapper", "render-du");
    let theirs = lab.wrapper("ollama-wrapper", "helm-du");
    let r = render(
        &lab,
        &[
            "template",
            "rel",
            &ours.to_string_lossy(),
            "--dependency-update",
        ],
    );
    let h = helm(
        &lab,
        &[
            "template",
            &theirs.to_string_lossy(),
            "rel",
            "--dependency-update",
        ],
    );
    let out = text(&r.stdout);
    let manifests = out.find("---\n").map(|i| &out[i..]).unwrap_or("");
    assert!(
        out.starts_with("Getting updates for unmanaged Helm repositories...\n"),
        "{out}"
    );
    assert!(
        out.contains("Saving 1 charts\nDownloading ollama from repo HTTP://"),
        "{out}"
    );
    assert_eq!(manifests, text(&h.stdout));
    // The Argo CD plugin builds missing dependencies first, as Argo CD does.
    let app = lab.wrapper("ollama-wrapper", "argocd");
    let o = run(Command::new(env!("CARGO_BIN_EXE_render"))
        .args(["argocd", "generate"])
        .current_dir(&app)
        .env("HELM_CACHE_HOME", lab.dir.join("argocd-cache"))
        .env("HELM_CONFIG_HOME", lab.dir.join("argocd-config"))
        .env("ARGOCD_APP_NAME", "rel")
        .env("ARGOCD_APP_NAMESPACE", "default"));
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("Downloading ollama from repo HTTP://"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(text(&o.stdout), text(&h.stdout));
    if let Some(port) = lab.oci {
        let reference = format!("oci://127.0.0.1:{port}/charts/sub");
        let r = render(
            &lab,
            &[
                "template",
                "rel",
                &reference,
                "--version",
                "1.0.0",
                "--plain-http",
            ],
        );
        let h = helm(
            &lab,
            &[
                "template",
                &reference,
                "rel",
                "--version",
                "1.0.0",
                "--plain-http",
            ],
        );
        let out = text(&r.stdout);
        // The registry client prints these on Helm's standard output (the SDK does not).
        let mut lines = out.splitn(3, '\n');
        assert_eq!(
            lines.next(),
            Some(format!("Pulled: 127.0.0.1:{port}/charts/sub:1.0.0").as_str())
        );
        assert!(
            lines
                .next()
                .is_some_and(|l| l.starts_with("Digest: sha256:"))
        );
        assert_eq!(lines.next().unwrap_or(""), text(&h.stdout));
    }
    environments_with_remote_charts(&lab, &url);
}

/// `render snapshot` of a render.yaml whose charts are in the repositories: each snapshot is
/// Helm's render of the same reference, and a chart two entries name is downloaded once.
fn environments_with_remote_charts(lab: &Lab, url: &str) {
    let dir = lab.dir.join("envs");
    std::fs::create_dir_all(&dir).expect("envs directory");
    let mut file = format!(
        "renders:\n  - name: from-repo\n    chart: sub\n    repo: {url}\n    version: ^1.0.0\n    release: rel\n  - name: from-repo-other\n    chart: sub\n    repo: {url}\n    version: ^1.0.0\n    release: rel\n    namespace: other\n"
    );
    let oci = lab
        .oci
        .map(|port| format!("oci://127.0.0.1:{port}/charts/sub"));
    if let Some(reference) = &oci {
        file.push_str(&format!(
            "  - name: from-oci\n    chart: {reference}\n    version: 1.0.0\n    plainHttp: true\n    release: rel\n"
        ));
    }
    std::fs::write(dir.join("render.yaml"), file).expect("render.yaml");
    let file = dir.join("render.yaml");
    let o = render(lab, &["snapshot", "--file", &file.to_string_lossy()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.lines().all(|l| l.starts_with("wrote ")),
        "standard output is the command's: {out}"
    );
    let snapshot = |name: &str| {
        std::fs::read_to_string(dir.join(format!("snapshots/{name}.yaml"))).unwrap_or_default()
    };
    let repo_args = [
        "template",
        "rel",
        "sub",
        "--repo",
        url,
        "--version",
        "^1.0.0",
    ];
    let h = helm(lab, &repo_args);
    assert_eq!(snapshot("from-repo"), text(&h.stdout));
    let h = helm(lab, &[&repo_args[..], &["--namespace", "other"]].concat());
    assert_eq!(snapshot("from-repo-other"), text(&h.stdout));
    if let Some(reference) = &oci {
        let h = helm(
            lab,
            &[
                "template",
                reference,
                "rel",
                "--version",
                "1.0.0",
                "--plain-http",
            ],
        );
        assert_eq!(snapshot("from-oci"), text(&h.stdout));
        assert_eq!(
            text(&o.stderr).matches("Pulled: ").count(),
            1,
            "{}",
            text(&o.stderr)
        );
        // `render diff` downloads them too (^1.0.0 is 1.2.0 in the HTTP repository).
        let file = file.to_string_lossy();
        let o = render(lab, &["diff", "from-repo", "from-oci", "--file", &file]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        let diff = text(&o.stdout);
        assert!(
            diff.starts_with("--- a/ConfigMap/rel-sub\n")
                && diff.contains("-  chartVersion: 1.2.0\n+  chartVersion: 1.0.0\n"),
            "{diff}"
        );
        // The chart does not print its namespace: the two renders are the same resources.
        let o = render(
            lab,
            &["diff", "from-repo", "from-repo-other", "--file", &file],
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    }
    // A version no repository has: the entry and Helm's error.
    std::fs::write(
        &file,
        format!(
            "renders:\n  - name: missing\n    chart: sub\n    repo: {url}\n    version: 9.9.9\n"
        ),
    )
    .expect("render.yaml");
    let o = render(lab, &["snapshot", "--file", &file.to_string_lossy()]);
    let h = helm(lab, &[&repo_args[..5], &["--version", "9.9.9"]].concat());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(error_text(&o), format!("missing: sub: {}", error_text(&h)));
}
