use std::io::Write;
use std::path::PathBuf;

use super::*;

fn collect_path(path: &Path) -> Vec<Result<RawDoc, InputError>> {
    let mut out = Vec::new();
    read_path(path, &mut |r| out.push(r));
    out
}

fn collect_jsonl(input: &[u8], cap: usize) -> Vec<Result<RawDoc, InputError>> {
    let mut out = Vec::new();
    let mut reader = input;
    read_jsonl_capped(&mut reader, "in.jsonl", cap, &mut |r| out.push(r));
    out
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("writing to a Vec cannot fail");
    e.finish().expect("writing to a Vec cannot fail")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).expect("temp dir is writable");
    }
    fs::write(&p, bytes).expect("temp dir is writable");
    p
}

fn doc(origin: &str) -> RawDoc {
    RawDoc {
        origin: origin.to_string(),
        ..Default::default()
    }
}

/// Fuzz finding (`front_matter`): a quoted front-matter value that is only blanks (here a
/// no-break space and tabs, after Windows-1252 decoding) gave a blank title; the same for any
/// field (a blank `url` would have made unrelated files one URL). Blank is no value.
#[test]
fn front_matter_quoted_blank_value_is_no_value() {
    let check = |bytes: &[u8], title: Option<&str>, url: Option<&str>, text: &str| {
        let doc = doc_from_bytes(bytes, false, "t.md".into()).expect("read");
        assert_eq!(
            (doc.title.as_deref(), doc.url.as_deref(), doc.text.as_deref()),
            (title, url, Some(text)),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    };
    // The saved input, as found.
    check(b"---\n\xff\ntitle:\"\xa0\t\t\"\nrl\xff\n---\n", None, None, "");
    check(
        b"---\ntitle: \" \"\nurl: '\t'\n---\nHeadline\nBody.",
        Some("Headline"),
        None,
        "Body.",
    );
    check(
        b"---\ntitle: \"  Padded  \"\n---\nBody.",
        Some("Padded"),
        None,
        "Body.",
    );
}

/// One file given explicitly: what it yields.
#[test]
fn single_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let check = |name: &str, bytes: &[u8], expected: Result<RawDoc, &str>| {
        let p = write(tmp.path(), name, bytes);
        let origin = p.display().to_string();
        let got = collect_path(&p);
        let expected = match expected {
            Ok(d) => Ok(RawDoc {
                origin: origin.clone(),
                ..d
            }),
            Err(reason) => Err(InputError::new(origin, reason)),
        };
        assert_eq!(got, vec![expected], "{name}");
    };
    let page = "<html><body><p>Hello</p></body></html>";
    check(
        "a.html",
        page.as_bytes(),
        Ok(RawDoc {
            html: Some(page.into()),
            ..doc("")
        }),
    );
    check(
        "b.HTM",
        page.as_bytes(),
        Ok(RawDoc {
            html: Some(page.into()),
            ..doc("")
        }),
    );
    check(
        "c.html.gz",
        &gz(page.as_bytes()),
        Ok(RawDoc {
            html: Some(page.into()),
            ..doc("")
        }),
    );
    check(
        "d.txt",
        b"\n  Headline here\n\nFirst paragraph.\r\n\r\nSecond.\n",
        Ok(RawDoc {
            title: Some("Headline here".into()),
            text: Some("First paragraph.\n\nSecond.".into()),
            ..doc("")
        }),
    );
    check(
        "e.md",
        b"# A markdown title\n\nBody text.",
        Ok(RawDoc {
            title: Some("A markdown title".into()),
            text: Some("Body text.".into()),
            ..doc("")
        }),
    );
    check(
        "f.txt.gz",
        &gz(b"Zipped title\nZipped body."),
        Ok(RawDoc {
            title: Some("Zipped title".into()),
            text: Some("Zipped body.".into()),
            ..doc("")
        }),
    );
    // Front matter with a title: the whole rest is the body.
    check(
        "g.md",
        b"---\nurl: https://example.org/a\ntitle: \"Quoted: title\"\npublished: 2019-03-06\noutlet: 'Example Times'\nauthor: A. Writer\nmood: ignored\n---\nFirst line of body.\nSecond line.\n",
        Ok(RawDoc {
            url: Some("https://example.org/a".into()),
            title: Some("Quoted: title".into()),
            published: Some("2019-03-06".into()),
            outlet: Some("Example Times".into()),
            author: Some("A. Writer".into()),
            text: Some("First line of body.\nSecond line.".into()),
            ..doc("")
        }),
    );
    // Front matter without a title: the first line still is the title.
    check(
        "h.txt",
        b"---\npublished: 2019-03-06\n---\n\nThe title line\nThe body.",
        Ok(RawDoc {
            published: Some("2019-03-06".into()),
            title: Some("The title line".into()),
            text: Some("The body.".into()),
            ..doc("")
        }),
    );
    // An unclosed front-matter block is ordinary text.
    check(
        "i.txt",
        b"---\nnot closed\nmore",
        Ok(RawDoc {
            title: Some("---".into()),
            text: Some("not closed\nmore".into()),
            ..doc("")
        }),
    );
    // windows-1252 text file.
    check(
        "j.txt",
        b"Caf\xe9 title\nna\xefve \x93quotes\x94",
        Ok(RawDoc {
            title: Some("Caf\u{e9} title".into()),
            text: Some("na\u{ef}ve \u{201c}quotes\u{201d}".into()),
            ..doc("")
        }),
    );
    check("empty.txt", b"", Err("empty file"));
    check("blank.html", b"  \n\t\n", Err("empty file"));
    check(
        "bin.html",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        Err("binary file (not text)"),
    );
    check("empty.html.gz", b"", Err("empty file"));
    check(
        "notes.pdf",
        b"%PDF-1.4",
        Err("unsupported file type (expected .html, .htm, .txt, .md, or .gz of these)"),
    );
    check(
        "plain.gz",
        &gz(b"x"),
        Err("unsupported file type (expected .html, .htm, .txt, .md, or .gz of these)"),
    );

    let p = write(tmp.path(), "bad.html.gz", b"this is not gzip data");
    let got = collect_path(&p);
    assert!(
        matches!(&got[..], [Err(InputError { reason, .. })] if reason.starts_with("corrupt gzip")),
        "{got:?}"
    );
}

#[test]
fn missing_path_is_an_error_item() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let p = tmp.path().join("nope.html");
    assert_eq!(
        collect_path(&p),
        vec![Err(InputError::new(
            p.display().to_string(),
            "cannot read: not found"
        ))]
    );
}

#[test]
fn directories_walk_sorted_skip_hidden_and_unsupported() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    write(d, "b.txt", b"B title\nB body");
    write(d, "a.html", b"<p>A</p>");
    write(d, "sub/c.md", b"C title\nC body");
    write(d, "sub/skip.pdf", b"%PDF");
    write(d, ".hidden.txt", b"H\nhidden");
    write(d, ".git/d.txt", b"D\nhidden dir");
    write(d, "z.txt", b"");
    write(d, "y.html.gz", b"broken");
    let got: Vec<(String, Result<Option<String>, String>)> = collect_path(d)
        .into_iter()
        .map(|r| match r {
            Ok(doc) => {
                let name = doc.origin.rsplit('/').next().unwrap_or_default().to_string();
                (name, Ok(doc.title.or(doc.html)))
            }
            Err(e) => {
                let name = e.item.rsplit('/').next().unwrap_or_default().to_string();
                (
                    name,
                    Err(e.reason.split(':').next().unwrap_or_default().to_string()),
                )
            }
        })
        .collect();
    let expected: Vec<(String, Result<Option<String>, String>)> = vec![
        ("a.html".into(), Ok(Some("<p>A</p>".into()))),
        ("b.txt".into(), Ok(Some("B title".into()))),
        ("c.md".into(), Ok(Some("C title".into()))),
        ("y.html.gz".into(), Err("corrupt gzip".into())),
        ("z.txt".into(), Err("empty file".into())),
    ];
    assert_eq!(got, expected);
}

#[cfg(unix)]
#[test]
fn unreadable_file_does_not_stop_the_walk() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let locked = write(tmp.path(), "a.txt", b"Locked\nbody");
    write(tmp.path(), "b.txt", b"Open\nbody");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod in temp dir");
    if fs::read(&locked).is_ok() {
        return; // running as root: permissions are not enforced
    }
    let got = collect_path(tmp.path());
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0],
        Err(InputError::new(
            locked.display().to_string(),
            "cannot read: permission denied"
        ))
    );
    assert!(matches!(&got[1], Ok(d) if d.title.as_deref() == Some("Open")));
}

#[test]
fn windows_1252_html_fixture_decodes() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/windows1252.html");
    let got = collect_path(&p);
    let Some(Ok(doc)) = got.first() else {
        panic!("fixture did not read: {got:?}")
    };
    let html = doc.html.as_deref().unwrap_or_default();
    assert!(html.contains("Gr\u{f6}\u{df}e"), "{html}");
    assert!(html.contains("\u{201c}We never sell"), "{html}");
    assert!(html.contains("\u{20ac}5 million"), "{html}");
}

/// One JSONL line: what it yields (item names are `in.jsonl:1`).
#[test]
fn jsonl_lines() {
    fn check(line: &str, expected: Result<RawDoc, &str>) {
        let got = collect_jsonl(line.as_bytes(), MAX_JSONL_LINE);
        let expected = match expected {
            Ok(d) => Ok(RawDoc {
                origin: "in.jsonl:1".into(),
                ..d
            }),
            Err(reason) => Err(InputError::new("in.jsonl:1", reason)),
        };
        assert_eq!(got, vec![expected], "{line}");
    }
    check(
        r#"{"url":"https://e.org/x","title":"T","published":"2018-12-19","outlet":"E","author":"A","text":"Body."}"#,
        Ok(RawDoc {
            url: Some("https://e.org/x".into()),
            title: Some("T".into()),
            published: Some("2018-12-19".into()),
            outlet: Some("E".into()),
            author: Some("A".into()),
            text: Some("Body.".into()),
            ..doc("")
        }),
    );
    check(
        r#"{"maintext":"NP body","date_publish":"2018-12-19 08:00:00","source_domain":"e.org","authors":["A One","B Two"],"title":"NP","description":"ignored","url":"u"}"#,
        Ok(RawDoc {
            url: Some("u".into()),
            title: Some("NP".into()),
            published: Some("2018-12-19 08:00:00".into()),
            outlet: Some("e.org".into()),
            author: Some("A One, B Two".into()),
            text: Some("NP body".into()),
            ..doc("")
        }),
    );
    // Our names win over news-please's.
    check(
        r#"{"text":"ours","maintext":"theirs","published":"2020-01-02","date_publish":"2019-01-01 00:00:00","outlet":"O","source_domain":"s"}"#,
        Ok(RawDoc {
            text: Some("ours".into()),
            published: Some("2020-01-02".into()),
            outlet: Some("O".into()),
            ..doc("")
        }),
    );
    check(
        r#"{"html":"<p>x</p>","date_publish":null}"#,
        Ok(RawDoc {
            html: Some("<p>x</p>".into()),
            ..doc("")
        }),
    );
    check(
        r#"{"title":"T"}"#,
        Err("no text: expected a `text`, `maintext` or `html` field"),
    );
    check(
        r#"{"text":"   "}"#,
        Err("no text: expected a `text`, `maintext` or `html` field"),
    );
    check(
        r#"{"text":"x","title":5}"#,
        Err("title is a number, expected a string"),
    );
    check(
        r#"{"text":"x","url":["a"]}"#,
        Err("url is an array, expected a string"),
    );
    check(
        r#"{"text":"x","authors":[1]}"#,
        Err("authors contains a number, expected strings"),
    );
    check(
        r#"{"text":"x","author":{}}"#,
        Err("author is an object, expected a string or an array"),
    );
    check(r#"[1,2]"#, Err("not a JSON object (found an array)"));
    check(
        r#"{"text": "unterminated"#,
        Err("not valid JSON: EOF while parsing a string at line 1 column 22"),
    );
}

#[test]
fn jsonl_bad_lines_do_not_stop_the_stream() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"text\":\"one\"}\n");
    input.extend_from_slice(b"\n   \n");
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"text\":\"caf\xe9\"}\n");
    input.extend_from_slice(format!("{{\"text\":\"{}\"}}\n", "x".repeat(100)).as_bytes());
    input.extend_from_slice(b"{\"text\":\"last\"}\r\n");
    input.extend_from_slice(b"{\"text\":\"no newline at end\"}");
    let got: Vec<Result<String, String>> = collect_jsonl(&input, 64)
        .into_iter()
        .map(|r| match r {
            Ok(d) => Ok(format!("{} {}", d.origin, d.text.unwrap_or_default())),
            Err(e) => Err(format!(
                "{} {}",
                e.item,
                e.reason.split(':').next().unwrap_or_default()
            )),
        })
        .collect();
    assert_eq!(
        got,
        vec![
            Ok("in.jsonl:1 one".to_string()),
            Err("in.jsonl:4 not valid JSON".to_string()),
            Err("in.jsonl:5 not valid UTF-8 (at byte 13)".to_string()),
            Err("in.jsonl:6 line longer than 1 MiB".to_string()),
            Ok("in.jsonl:7 last".to_string()),
            Ok("in.jsonl:8 no newline at end".to_string()),
        ]
    );
}

#[test]
fn kinds() {
    fn check(name: &str, expected: Option<(Kind, bool)>) {
        assert_eq!(kind_of(Path::new(name)), expected, "{name}");
    }
    check("a.html", Some((Kind::Html, false)));
    check("a.HTM.GZ", Some((Kind::Html, true)));
    check("a.md", Some((Kind::Text, false)));
    check("a.txt.gz", Some((Kind::Text, true)));
    check("a.gz", None);
    check("html", None);
    check("a.json", None);
}
