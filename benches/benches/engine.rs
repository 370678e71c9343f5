#![allow(missing_docs)] // criterion_group!/criterion_main! generate undocumented items
//! Template engine benchmarks: parsing and executing a helper-heavy template of the kind
//! real charts are made of (named templates, `include` piped into `nindent`, `range` over
//! values, `toYaml`), and `genCA`, whose 2048-bit RSA key is the slowest call charts make.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use render_core::funcs::helm_funcs;
use render_core::template::{Exec, Limits, TemplateSet, TplTrees};
use render_go::value::{Map, MapType, Str, Value};

const HELPERS: &str = r#"
{{- define "app.name" -}}{{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "app.fullname" -}}
{{- if .Values.fullnameOverride }}{{ .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}{{ printf "%s-%s" .Release.Name (include "app.name" .) | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end }}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end }}
"#;

fn template(copies: usize) -> String {
    let doc = r#"---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
      {{- range $i, $c := .Values.containers }}
        - name: {{ $c.name }}
          image: "{{ $c.image }}:{{ $c.tag | default "latest" }}"
          env:
          {{- range $k, $v := $c.env }}
            - name: {{ $k | upper }}
              value: {{ $v | quote }}
          {{- end }}
      {{- end }}
"#;
    let mut t = String::from(HELPERS);
    for _ in 0..copies {
        t.push_str(doc);
    }
    t
}

fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(Map::from_entries(
        MapType::Any,
        entries.into_iter().map(|(k, v)| (Str::from(k), v)),
    ))
}

fn data() -> Value {
    let containers: Vec<Value> = (0..5)
        .map(|i| {
            let env: Vec<(String, Value)> = (0..10)
                .map(|j| (format!("var{j}"), Value::string(format!("value-{i}-{j}"))))
                .collect();
            map(vec![
                ("name", Value::string(format!("c{i}"))),
                ("image", Value::str("registry/app")),
                (
                    "env",
                    Value::Map(Map::from_entries(
                        MapType::Any,
                        env.into_iter().map(|(k, v)| (Str::from(k), v)),
                    )),
                ),
            ])
        })
        .collect();
    let values = map(vec![
        ("replicas", Value::Float(3.0)),
        ("containers", Value::list(containers)),
        (
            "labels",
            map(vec![("team", Value::str("a")), ("tier", Value::str("web"))]),
        ),
    ]);
    map(vec![
        ("Values", values),
        ("Chart", map(vec![("Name", Value::str("app"))])),
        ("Release", map(vec![("Name", Value::str("rel"))])),
    ])
}

fn bench(c: &mut Criterion) {
    let funcs = helm_funcs();
    let text = template(20);
    c.bench_function("parse 20 deployments", |b| {
        b.iter(|| {
            let mut set = TemplateSet::new("gotpl");
            set.parse("t.yaml", black_box(&text), funcs)
                .map(|_| set.names().count())
        })
    });
    let mut set = TemplateSet::new("gotpl");
    if set.parse("t.yaml", &text, funcs).is_err() {
        return;
    }
    let data = data();
    c.bench_function("execute 20 deployments", |b| {
        b.iter(|| {
            let tpl = TplTrees::default();
            let mut exec = Exec::new(&set, funcs, &tpl, Limits::default());
            exec.execute("t.yaml", black_box(data.clone()))
                .map(|s| s.len())
        })
    });
    let mut set = TemplateSet::new("gotpl");
    let ca = r#"{{ $ca := genCA "bench-ca" 365 }}{{ len $ca.Cert }}"#;
    if set.parse("ca.yaml", ca, funcs).is_err() {
        return;
    }
    let mut g = c.benchmark_group("keys");
    g.sample_size(30);
    g.bench_function("genCA", |b| {
        b.iter(|| {
            let tpl = TplTrees::default();
            let mut exec = Exec::new(&set, funcs, &tpl, Limits::default());
            exec.execute("ca.yaml", black_box(Value::Nil))
                .map(|s| s.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
