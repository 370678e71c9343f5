use super::*;

fn files(path: &str) -> Result<Vec<u8>, ValuesError> {
    match path {
        "a.yaml" => Ok(b"a: 1\nm: {x: 1, w: 1}\nl: [1, 2]\n---\nb: 2\nm: {w: 2}\n".to_vec()),
        "b.yaml" => Ok(b"a: from-b\nm: {z: 3}\nl: [3]\n".to_vec()),
        "bad.yaml" => Ok(b"a: [\n".to_vec()),
        "list.yaml" => Ok(b"- 1\n".to_vec()),
        "cert.pem" => Ok(b"-----BEGIN-----\n".to_vec()),
        other => Err(ValuesError::read(format!(
            "open {other}: no such file or directory"
        ))),
    }
}

fn merge(opts: &Options) -> Result<String, String> {
    let m = opts.merge_values(&mut files).map_err(|e| e.to_string())?;
    render_go::json::encode(&Value::Map(m), false).map_err(|e| e.text().to_string())
}

fn opts(
    f: &[&str],
    json: &[&str],
    set: &[&str],
    string: &[&str],
    file: &[&str],
    lit: &[&str],
) -> Options {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
    Options {
        value_files: v(f),
        json_values: v(json),
        values: v(set),
        string_values: v(string),
        file_values: v(file),
        literal_values: v(lit),
    }
}

// The order and the error wrapping follow Helm's MergeValues (pkg/cli/values/options.go);
// the documents of a file merge like loader.LoadValues.
#[test]
fn files_then_flags_in_helm_order() {
    let o = opts(&["a.yaml", "b.yaml"], &[], &[], &[], &[], &[]);
    assert_eq!(
        merge(&o).as_deref(),
        Ok(r#"{"a":"from-b","b":2,"l":[3],"m":{"w":2,"x":1,"z":3}}"#)
    );
    // --set-json, then --set, then --set-string, then --set-file, then --set-literal.
    let o = opts(
        &["a.yaml"],
        &[r#"{"j": {"k": 1}, "a": 10}"#, "s=[1]"],
        &["s=2", "m.x=5", "lit=x"],
        &["s=3"],
        &["f=cert.pem"],
        &["lit=a,b"],
    );
    assert_eq!(
        merge(&o).as_deref(),
        Ok(
            r#"{"a":10,"b":2,"f":"-----BEGIN-----\n","j":{"k":1},"l":[1,2],"lit":"a,b","m":{"w":2,"x":5},"s":"3"}"#
        )
    );
}

#[test]
fn errors_name_the_flag() {
    let cases: &[(Options, &str)] = &[
        (
            opts(&["missing.yaml"], &[], &[], &[], &[], &[]),
            "open missing.yaml: no such file or directory",
        ),
        (
            opts(&["bad.yaml"], &[], &[], &[], &[], &[]),
            "failed to parse bad.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content",
        ),
        (
            opts(&[], &["{bad"], &[], &[], &[], &[]),
            "failed parsing --set-json data JSON: {bad",
        ),
        (
            opts(&[], &["a={bad"], &[], &[], &[], &[]),
            "failed parsing --set-json data a={bad",
        ),
        (
            opts(&[], &[], &["a"], &[], &[], &[]),
            "failed parsing --set data: key \"a\" has no value",
        ),
        (
            opts(&[], &[], &[], &["a,b"], &[], &[]),
            "failed parsing --set-string data: key \"a\" has no value (cannot end with ,)",
        ),
        (
            opts(&[], &[], &[], &[], &["a=nope"], &[]),
            "failed parsing --set-file data: open nope: no such file or directory",
        ),
        (
            opts(&[], &[], &[], &[], &[], &["a"]),
            "failed parsing --set-literal data: key \"a\" has no value",
        ),
        (
            opts(&["a.yaml"], &[], &["l.x=1"], &[], &[], &[]),
            "failed parsing --set data: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}",
        ),
    ];
    for (o, want) in cases {
        assert_eq!(
            merge(o).as_deref().map_err(String::as_str),
            Err(*want),
            "{o:?}"
        );
    }
    let e = merge(&opts(&["list.yaml"], &[], &[], &[], &[], &[]));
    assert!(e.is_err_and(|e| {
        e.starts_with("failed to parse list.yaml: cannot unmarshal yaml document: ")
    }));
}

// Go's url.Parse errors (net/url), which Helm's readFile returns before touching the disk.
#[test]
fn paths_are_parsed_as_urls_first() {
    assert_eq!(url_scheme("values.yaml"), Ok(""));
    assert_eq!(url_scheme("dir/v.yaml?x#y"), Ok(""));
    assert_eq!(url_scheme("HTTPS://example.invalid/v.yaml"), Ok("HTTPS"));
    assert_eq!(url_scheme("c:v.yaml"), Ok("c"));
    assert_eq!(
        url_scheme("a%zz.yaml"),
        Err(r#"parse "a%zz.yaml": invalid URL escape "%zz""#.to_string())
    );
    assert_eq!(
        url_scheme("a%4"),
        Err(r#"parse "a%4": invalid URL escape "%4""#.to_string())
    );
    assert_eq!(
        url_scheme(":x.yaml"),
        Err(r#"parse ":x.yaml": missing protocol scheme"#.to_string())
    );
    assert_eq!(
        url_scheme("1a:b.yaml"),
        Err(r#"parse "1a:b.yaml": first path segment in URL cannot contain colon"#.to_string())
    );
    assert_eq!(
        url_scheme("a\tb"),
        Err(r#"parse "a\tb": net/url: invalid control character in URL"#.to_string())
    );
    assert!(read_file("https://example.invalid/v.yaml").is_err());
    let read = |path: &str| read_file(path).map_err(|e| e.to_string());
    assert_eq!(
        read("/nonexistent/v.yaml"),
        Err("open /nonexistent/v.yaml: no such file or directory".to_string())
    );
    assert_eq!(read("/"), Err("read /: is a directory".to_string()));
    let not_found = read_file("/nonexistent/v.yaml").err();
    let source = not_found.as_ref().and_then(std::error::Error::source);
    assert!(source.is_some(), "the I/O error is kept as the source");
}
