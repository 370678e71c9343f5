//! The first record of Go's `encoding/csv` reader, with its error texts: pflag reads every
//! `stringSlice` value (`-f a.yaml,b.yaml`) and multi-pair `stringToString` value through it,
//! so `-f 'a"b'` fails with `parse error on line 1, column 2: bare " in non-quoted-field`
//! exactly as in Helm. No crate reproduces Go's quirks (only the first line counts, empty lines
//! are skipped, `\r\n` is folded, 1-based byte columns), hence this small port.

/// Why a record did not parse.
enum Fault {
    BareQuote,
    Quote,
}

/// Go's `csv.NewReader(strings.NewReader(s)).Read()`; `Err` is Go's error text (`EOF` when
/// there is no record at all).
pub fn first_record(input: &str) -> Result<Vec<String>, String> {
    let mut lines = Lines::new(input);
    // Skip empty lines.
    let mut line = loop {
        match lines.next() {
            None => return Err("EOF".into()),
            // An empty line (a lone final `\r` reads as one too).
            Some(l) if l == "\n" || l.is_empty() => continue,
            Some(l) => break l,
        }
    };
    let start_line = lines.number;
    let mut fields = Vec::new();
    let mut col = 1usize;
    let fail = |line_no: usize, col: usize, fault: Fault| {
        let what = match fault {
            Fault::BareQuote => "bare \" in non-quoted-field",
            Fault::Quote => "extraneous or missing \" in quoted-field",
        };
        if line_no != start_line {
            format!(
                "record on line {start_line}; parse error on line {line_no}, column {col}: {what}"
            )
        } else {
            format!("parse error on line {line_no}, column {col}: {what}")
        }
    };
    loop {
        if !line.starts_with('"') {
            let comma = line.find(',');
            let field = match comma {
                Some(i) => &line[..i],
                None => line.strip_suffix('\n').unwrap_or(&line),
            };
            if let Some(j) = field.find('"') {
                return Err(fail(lines.number, col + j, Fault::BareQuote));
            }
            fields.push(field.to_string());
            match comma {
                Some(i) => {
                    line = line[i + 1..].to_string();
                    col += i + 1;
                }
                None => return Ok(fields),
            }
            continue;
        }
        // A quoted field, possibly spanning lines.
        let mut field = String::new();
        let mut pos_line = lines.number;
        line = line[1..].to_string();
        col += 1;
        loop {
            if let Some(i) = line.find('"') {
                field.push_str(&line[..i]);
                line = line[i + 1..].to_string();
                col += i + 1;
                if line.starts_with('"') {
                    field.push('"');
                    line = line[1..].to_string();
                    col += 1;
                } else if line.starts_with(',') {
                    line = line[1..].to_string();
                    col += 1;
                    fields.push(field);
                    break;
                } else if line.is_empty() || line == "\n" {
                    fields.push(field);
                    return Ok(fields);
                } else {
                    return Err(fail(lines.number, col - 1, Fault::Quote));
                }
            } else if !line.is_empty() {
                field.push_str(&line);
                col += line.len();
                match lines.next() {
                    Some(next) => {
                        line = next;
                        pos_line += 1;
                        col = 1;
                    }
                    None => line = String::new(),
                }
            } else {
                return Err(fail(pos_line, col, Fault::Quote));
            }
        }
    }
}

/// Go's `readLine`: lines with their `\n`, `\r\n` folded to `\n`, a final `\r` dropped.
struct Lines<'a> {
    rest: &'a str,
    number: usize,
}

impl<'a> Lines<'a> {
    fn new(input: &'a str) -> Lines<'a> {
        Lines {
            rest: input,
            number: 0,
        }
    }

    fn next(&mut self) -> Option<String> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest) = match self.rest.find('\n') {
            Some(i) => self.rest.split_at(i + 1),
            None => (self.rest, ""),
        };
        self.rest = rest;
        self.number += 1;
        let line = if let Some(body) = line.strip_suffix("\r\n") {
            format!("{body}\n")
        } else if rest.is_empty() && !line.ends_with('\n') {
            line.strip_suffix('\r').unwrap_or(line).to_string()
        } else {
            line.to_string()
        };
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::first_record;

    #[test]
    fn reads_like_go() {
        let ok = |s: &str| first_record(s).unwrap_or_else(|e| vec![format!("ERR {e}")]);
        assert_eq!(ok("a,b"), ["a", "b"]);
        assert_eq!(ok("a,"), ["a", ""]);
        assert_eq!(ok("\"a,b\",c"), ["a,b", "c"]);
        assert_eq!(ok("\"a\"\"b\""), ["a\"b"]);
        assert_eq!(ok("a\nb"), ["a"]);
        assert_eq!(ok("\n\nx"), ["x"]);
        assert_eq!(ok("\"a\nb\",c"), ["a\nb", "c"]);
        assert_eq!(ok("a\r\n"), ["a"]);
        assert_eq!(ok("\n"), ["ERR EOF"]);
        assert_eq!(
            ok("a\"b"),
            ["ERR parse error on line 1, column 2: bare \" in non-quoted-field"]
        );
        assert_eq!(
            ok("\"a\"b"),
            ["ERR parse error on line 1, column 3: extraneous or missing \" in quoted-field"]
        );
        assert_eq!(
            ok("\"abc"),
            ["ERR parse error on line 1, column 5: extraneous or missing \" in quoted-field"]
        );
        assert_eq!(
            ok("\"a\nb"),
            [
                "ERR record on line 1; parse error on line 2, column 2: extraneous or missing \" in quoted-field"
            ]
        );
    }
}
