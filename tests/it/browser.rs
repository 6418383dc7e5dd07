//! The HTML timeline in a real browser: headless Chromium loads the demo's page, the test counts
//! the marks and curves it rendered, checks the console stayed silent and that no network request
//! left the page (a local proxy the test runs counts every connection), and saves a screenshot to
//! `<target>/test-artifacts/timeline.png` for a person to look at. Chromium is installed by
//! `.ci/run` (`apt-get install -y chromium`); without it this test fails, it is never skipped.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Env;

/// Debian's `chromium` (or `$CLAIMTRACK_CHROMIUM`).
pub fn chromium() -> PathBuf {
    let path = std::env::var_os("CLAIMTRACK_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.exists(),
        "headless Chromium not found at {}: install it as .ci/run does \
         (`apt-get update && apt-get install -y chromium`), or set CLAIMTRACK_CHROMIUM",
        path.display()
    );
    path
}

/// Where test artifacts go: `<target>/test-artifacts/` (the test binary is `<target>/<profile>/deps/it-…`).
pub fn artifacts_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let target = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"));
    let dir = target.join("test-artifacts");
    std::fs::create_dir_all(&dir).expect("the artifacts folder can be made");
    dir
}

/// A proxy that answers nothing and records the first line of every request sent to it.
pub struct Trap {
    pub port: u16,
    pub seen: Arc<Mutex<Vec<String>>>,
}

impl Trap {
    pub fn start() -> Trap {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free local port");
        let port = listener.local_addr().expect("bound").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let mut line = String::new();
                let _ = BufReader::new(&stream).read_line(&mut line);
                if let Ok(mut v) = log.lock() {
                    v.push(line.trim().to_string());
                }
            }
        });
        Trap { port, seen }
    }

    pub fn requests(&self) -> Vec<String> {
        self.seen.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// The requests a page made: all but Chromium's own housekeeping with Google's services
    /// (component updates, clock, sign-in), which some builds send despite the flags below.
    pub fn page_requests(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .filter(|r| {
                let target = r.split_whitespace().nth(1).unwrap_or("");
                let host = target
                    .trim_start_matches("http://")
                    .trim_start_matches("https://")
                    .split(['/', ':'])
                    .next()
                    .unwrap_or("");
                !["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
                    .iter()
                    .any(|d| host == *d || host.ends_with(&format!(".{d}")))
            })
            .collect()
    }
}

/// The result of one headless run.
pub struct Run {
    pub stdout: String,
    /// Chromium's log; page console messages are its `CONSOLE` lines.
    pub stderr: String,
}

impl Run {
    pub fn console(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
    }
}

/// Runs headless Chromium on `page` with `extra` flags (e.g. `--dump-dom`), every request sent
/// to `trap`, and returns its output. Killed after 120 s.
pub fn headless(page: &Path, extra: &[String], trap: &Trap, tmp: &Path) -> Run {
    let profile = tempfile::tempdir_in(tmp).expect("a profile folder can be made");
    let out_path = tmp.join("chromium.out");
    let err_path = tmp.join("chromium.err");
    let url = format!("file://{}", page.canonicalize().expect("page exists").display());
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--proxy-server=http://127.0.0.1:{}", trap.port))
        .arg("--proxy-bypass-list=<-loopback>")
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("can write"))
        .stderr(std::fs::File::create(&err_path).expect("can write"))
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within 120 s on {url}");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("waiting for chromium: {e}"),
        }
    }
    Run {
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

/// Width and height of a PNG file, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    Some((w, h))
}

/// `claimtrack --db DB ARGS...`: (exit code, stdout, stderr).
pub fn on(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("claimtrack")
        .expect("the binary is built")
        .env_remove("CLAIMTRACK_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_checks_catch_console_errors_and_network_requests() {
    // A page that misbehaves, so that a silent console and an idle proxy below mean something.
    let env = Env::new();
    let page = env.write(
        "bad.html",
        "<!DOCTYPE html><html><body><p>bad</p><script>console.error('marker-one'); \
         undefinedFunction();</script><img src=\"http://claimtrack.invalid/x.png\"></body></html>",
    );
    let trap = Trap::start();
    let run = headless(&page, &["--dump-dom".to_string()], &trap, env.dir.path());
    assert!(run.stdout.contains("<p>bad</p>"), "page loaded: {}", run.stderr);
    let console = run.console().join("\n");
    assert!(
        console.contains("marker-one"),
        "console.error seen: {}",
        run.stderr
    );
    assert!(console.contains("Uncaught ReferenceError"), "{}", run.stderr);
    std::thread::sleep(Duration::from_millis(300));
    let requests = trap.requests();
    assert!(
        trap.page_requests()
            .iter()
            .any(|r| r.contains("claimtrack.invalid")),
        "the image request reached the trap proxy: {requests:?}"
    );
}

#[test]
fn html_timeline_renders_in_headless_chromium() {
    let env = Env::new();
    let demo = env.path("demo");
    let (code, _, err) = env.run(&["demo", "--out", demo.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let db = demo.join("claimtrack.db");
    let page = env.path("timeline.html");
    let (code, _, err) = on(
        &db,
        &["timeline", "--format", "html", "-o", page.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");

    // What the page should show: every claim with a date as a mark, every link as a curve.
    let (code, out, err) = on(&db, &["timeline", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("timeline JSON");
    let claims = doc["claims"].as_array().expect("claims array");
    let dated = |c: &serde_json::Value| !c["stated_on"].is_null() || !c["published"].is_null();
    let expected_marks = claims.iter().filter(|c| dated(c)).count();
    let denials = claims
        .iter()
        .filter(|c| dated(c) && c["polarity"] == "denial")
        .count();
    let expected_links = doc["links"].as_array().expect("links array").len();
    assert!(
        expected_marks >= 50 && expected_links >= 5,
        "the demo is not tiny"
    );

    let trap = Trap::start();
    let run = headless(&page, &["--dump-dom".to_string()], &trap, env.dir.path());
    let dom = &run.stdout;
    assert!(
        dom.contains("<svg class=\"timeline\""),
        "no timeline in the DOM: {}",
        run.stderr
    );
    assert_eq!(
        dom.matches("<g class=\"mark denial\"").count(),
        denials,
        "denial marks"
    );
    assert_eq!(
        dom.matches("<g class=\"mark ").count(),
        expected_marks,
        "one mark per dated claim"
    );
    assert_eq!(
        dom.matches("<g class=\"link\"").count(),
        expected_links,
        "one curve per link"
    );
    assert_eq!(
        dom.matches("<tr id=\"claim-").count(),
        claims.len(),
        "every claim in the table"
    );
    assert!(run.console().is_empty(), "console messages: {:?}", run.console());

    let shot = artifacts_dir().join("timeline.png");
    let _ = std::fs::remove_file(&shot);
    let run = headless(
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000".to_string(),
        ],
        &trap,
        env.dir.path(),
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}): {}", run.stderr));
    assert_eq!(png_size(&png), Some((1400, 1000)), "screenshot size");
    assert!(png.len() > 30_000, "a blank page compresses to almost nothing");
    assert!(run.console().is_empty(), "console messages: {:?}", run.console());
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        trap.page_requests(),
        Vec::<String>::new(),
        "the page made network requests"
    );
    // And nothing in it would load anything: no scripts, styles, images or frames from elsewhere.
    for bad in ["<script", " src=", "<link", "@import", "url(", "<iframe", "<img"] {
        assert!(!dom.contains(bad), "the page loads something: {bad}");
    }
}

#[test]
fn hostile_article_text_runs_nothing_in_the_html_timeline() {
    // Titles, URLs, outlets, speakers and sentences carrying scripts, event handlers,
    // `javascript:` links, attribute breakouts and `</style>`: loading the page must run none of
    // them (each would print to the console or make a request to the trap proxy).
    let env = Env::new();
    let lines = [
        serde_json::json!({
            "url": "javascript:console.error('pwned-url')//\"><script>console.error('pwned-url2')</script>",
            "title": "</style><script>console.error('pwned-title')</script>\" onmouseover=\"console.error('pwned-attr')",
            "published": "2018-04-10",
            "outlet": "<img src=\"http://claimtrack.invalid/pwned-outlet.png\" onerror=\"console.error('pwned-outlet')\">",
            "text": "Facebook does not sell its users' location data to anyone, a spokesperson said </style><svg onload=console.error('pwned-svg')> <script>console.error('pwned-quote')</script>.",
        }),
        serde_json::json!({
            "url": "https://news.invalid/a?'onfocus='console.error(1)",
            "title": "<iframe src=\"http://claimtrack.invalid/pwned-frame\"></iframe>Sold",
            "published": "2019-05-01",
            "text": "Facebook sold users' location data to Acme in 2019, said <script>fetch('http://claimtrack.invalid/pwned-fetch')</script> \"='><img src=x onerror=console.error('pwned-img')> records.",
        }),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    env.write("hostile.jsonl", body);
    let (code, _, err) = env.run(&["-q", "ingest", "--jsonl", "hostile.jsonl"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = env.run(&["claims", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !crate::jsonl(&out).is_empty(),
        "the hostile articles gave claims: {out}"
    );
    let page = env.path("timeline.html");
    let (code, _, err) = env.run(&["timeline", "--format", "html", "-o", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");

    let trap = Trap::start();
    let run = headless(&page, &["--dump-dom".to_string()], &trap, env.dir.path());
    let dom = &run.stdout;
    assert!(
        dom.contains("<svg class=\"timeline\""),
        "the page rendered: {}",
        run.stderr
    );
    assert!(dom.contains("pwned-img"), "the hostile text is shown, as text");
    assert!(run.console().is_empty(), "something ran: {:?}", run.console());
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        trap.page_requests(),
        Vec::<String>::new(),
        "the page made requests"
    );
    // No link to a `javascript:` URL (the raw page is checked for live markup in
    // bad_input::hostile_text_is_inert_in_every_export).
    assert!(!dom.contains("href=\"javascript:"), "a javascript: link");
}
