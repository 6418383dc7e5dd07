//! `claimtrack ingest` from the web: the real binary against a local HTTP server (never the
//! real network). Every page and feed here is written for these tests.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use flate2::{write::GzEncoder, Compression};

use crate::server::{Hit, Reply, Server};
use crate::Env;

/// A page about a company and personal data (so the relevance filter keeps it); `n` makes the
/// text unique.
fn page(n: usize, title: Option<&str>) -> String {
    let head = title.map(|t| format!("<title>{t}</title>")).unwrap_or_default();
    let h1 = title.map(|t| format!("<h1>{t}</h1>")).unwrap_or_default();
    format!(
        "<!doctype html><html><head>{head}</head><body><article>{h1}\
         <p>Facebook shared the location history of its users with advertisers, according to \
         internal papers numbered {n} that reporters examined this week.</p>\
         <p>A spokesperson said the company never sold personal data and that page {n} was \
         a misunderstanding.</p></article></body></html>"
    )
}

fn off_topic(n: usize) -> String {
    format!(
        "<!doctype html><html><head><title>Bakery {n}</title></head><body><article>\
         <p>The bakery on Harbour Street number {n} reopened after the storm, and people queued \
         in the rain for rye bread and cinnamon buns.</p></article></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip to memory");
    enc.finish().expect("gzip to memory")
}

/// Answers with 304 when the request carries the validator this reply would have.
fn conditional(hit: &Hit, etag: &str, reply: Reply) -> Reply {
    if hit.header("If-None-Match") == Some(etag) {
        return Reply::status(304).header("ETag", etag);
    }
    reply.header("ETag", etag)
}

/// The binary as a plain process (to kill it or signal it mid-run).
fn spawn(env: &Env, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimtrack"));
    c.current_dir(env.dir.path())
        .env_remove("CLAIMTRACK_DB")
        .env_remove("CLAIMTRACK_LEXICON")
        .arg("--db")
        .arg(env.db())
        .args(args)
        .stdout(Stdio::null());
    c
}

fn db(env: &Env) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(env.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("the database opens")
}

fn count(env: &Env, sql: &str) -> i64 {
    db(env).query_row(sql, [], |r| r.get(0)).expect("a count query")
}

fn column(env: &Env, sql: &str) -> Vec<String> {
    let conn = db(env);
    let mut st = conn.prepare(sql).expect("a query");
    let rows = st.query_map([], |r| r.get::<_, String>(0)).expect("rows");
    rows.map(|r| r.expect("a text column")).collect()
}

/// The site of the main test: robots.txt, pages, a feed, a sitemap index with a news sitemap
/// and a gzipped sitemap, a 404 and an off-topic page.
fn site() -> Server {
    Server::start(|hit| {
        let path = hit.path.as_str();
        match path {
            "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/feed.xml" => {
                let base = format!("http://{}", hit.header("Host").unwrap_or("127.0.0.1"));
                let rss = format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
                     <item><title>Feed title for f1</title><link>{base}/f1</link>\
                     <pubDate>Tue, 04 Jun 2019 09:00:00 GMT</pubDate></item>\
                     <item><title>Second</title><link>{base}/f2?utm_source=rss</link></item>\
                     </channel></rss>"
                );
                conditional(hit, "\"feed-v1\"", Reply::ok("application/rss+xml", rss))
            }
            "/sitemap.xml" => {
                let base = format!("http://{}", hit.header("Host").unwrap_or("127.0.0.1"));
                let xml = format!(
                    "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                     <sitemap><loc>{base}/news.xml</loc></sitemap>\
                     <sitemap><loc>{base}/more.xml.gz</loc></sitemap></sitemapindex>"
                );
                conditional(hit, "\"index-v1\"", Reply::ok("application/xml", xml))
            }
            "/news.xml" => {
                let base = format!("http://{}", hit.header("Host").unwrap_or("127.0.0.1"));
                let xml = format!(
                    "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
                     xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\
                     <url><loc>{base}/n1</loc><news:news><news:publication_date>2020-02-03T10:00:00Z</news:publication_date>\
                     <news:title>News title for n1</news:title></news:news></url>\
                     <url><loc>{base}/old</loc><news:news><news:publication_date>2001-01-01</news:publication_date>\
                     <news:title>Too old</news:title></news:news></url></urlset>"
                );
                conditional(hit, "\"news-v1\"", Reply::ok("application/xml", xml))
            }
            "/more.xml.gz" => {
                let base = format!("http://{}", hit.header("Host").unwrap_or("127.0.0.1"));
                let xml = format!(
                    "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                     <url><loc>{base}/g1</loc><lastmod>2021-05-05</lastmod></url>\
                     <url><loc>{base}/offtopic</loc></url></urlset>"
                );
                conditional(
                    hit,
                    "\"more-v1\"",
                    Reply::ok("application/gzip", gzip(xml.as_bytes())),
                )
            }
            "/a" => conditional(hit, "\"a-v1\"", Reply::html(page(1, Some("Page A")))),
            "/b" => {
                Reply::html(page(2, Some("Page B"))).header("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
            }
            "/f1" => Reply::html(page(3, None)),
            "/f2" => Reply::html(page(4, Some("Page F2"))),
            "/n1" => Reply::html(page(5, None)),
            "/g1" => Reply::html(page(6, Some("Page G1"))),
            "/old" => Reply::html(page(7, Some("Old page"))),
            "/offtopic" => Reply::html(off_topic(1)),
            "/private/secret" => Reply::html(page(8, Some("Secret"))),
            _ => Reply::status(404),
        }
    })
}

#[test]
fn urls_feed_and_sitemaps_are_fetched_and_stored_once() {
    let server = site();
    let env = Env::new();
    let (feed, sitemap) = (server.url("/feed.xml"), server.url("/sitemap.xml"));
    let (a, b, missing, secret) = (
        server.url("/a"),
        server.url("/b#comments"),
        server.url("/missing"),
        server.url("/private/secret"),
    );
    let args = [
        "ingest",
        &a,
        &b,
        &missing,
        &secret,
        "--feed",
        &feed,
        "--sitemap",
        &sitemap,
        "--since",
        "2015-01-01",
        "--delay",
        "0",
    ];
    let (code, _, err) = env.run(&args);
    assert_eq!(code, 1, "a 404 makes the exit code 1: {err}");
    assert!(err.contains("/missing: HTTP 404"), "the 404 is named: {err}");
    assert_eq!(server.hits("/missing").len(), 1, "a 404 is not retried");
    assert!(
        server.hits("/private/secret").is_empty(),
        "robots.txt disallows it"
    );
    assert!(
        server.hits("/old").is_empty(),
        "--since leaves out the old sitemap entry"
    );

    let mut stored = column(&env, "SELECT url FROM articles ORDER BY url");
    stored
        .iter_mut()
        .for_each(|u| *u = u.rsplit('/').next().unwrap_or("").to_string());
    assert_eq!(stored, ["a", "b", "f1", "f2", "g1", "n1"], "{err}");
    // Feed and news-sitemap titles and dates fill in what the pages lack.
    let f1: (String, String) = db(&env)
        .query_row(
            "SELECT title, published FROM articles WHERE url LIKE '%/f1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("f1 is stored");
    assert_eq!(f1, ("Feed title for f1".to_string(), "2019-06-04".to_string()));
    let n1: (String, String) = db(&env)
        .query_row(
            "SELECT title, published FROM articles WHERE url LIKE '%/n1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("n1 is stored");
    assert_eq!(n1, ("News title for n1".to_string(), "2020-02-03".to_string()));
    // Each page is kept, zstd-compressed by default (`ingest --raw-html`): a zstd frame starts
    // with the magic number 28 B5 2F FD.
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM articles WHERE html IS NULL AND hex(substr(html_zstd, 1, 4)) = '28B52FFD'"
        ),
        6
    );

    // What was not stored is in the queue with the reason.
    let states = column(
        &env,
        "SELECT substr(url, instr(substr(url, 8), '/') + 8) || ' ' || state || ' ' || coalesce(reason, '') \
         FROM fetch_queue WHERE state <> 'done' ORDER BY url",
    );
    assert_eq!(states.len(), 3, "{states:?}");
    assert!(states[0].starts_with("missing failed HTTP 404"), "{states:?}");
    assert!(
        states[1].starts_with("offtopic skipped not relevant"),
        "{states:?}"
    );
    assert!(
        states[2].starts_with("private/secret skipped disallowed by robots.txt"),
        "{states:?}"
    );
    assert!(
        count(
            &env,
            "SELECT count(*) FROM fetch_log WHERE outcome = 'http_status' AND status = 404"
        ) == 1
    );

    let (code, out, _) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let stats: serde_json::Value = serde_json::from_str(&out).expect("stats JSON");
    assert_eq!(stats["fetch_done"], 6);
    assert_eq!(stats["fetch_failed"], 1);
    assert_eq!(stats["fetch_skipped"], 2);

    // The same command again: the feed and sitemaps are asked for conditionally (304), no page
    // already stored is fetched again, nothing is stored twice; only the 404 is tried again.
    let before = server.all_hits().len();
    let (code, _, err) = env.run(&args);
    assert_eq!(code, 1, "{err}");
    let again: Vec<Hit> = server.all_hits().split_off(before);
    let paths: Vec<&str> = again
        .iter()
        .map(|h| h.path.as_str())
        .filter(|p| *p != "/robots.txt")
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "/feed.xml",
            "/missing",
            "/more.xml.gz",
            "/news.xml",
            "/sitemap.xml"
        ],
        "{err}"
    );
    assert!(again
        .iter()
        .filter(|h| h.path.ends_with(".xml") || h.path.ends_with(".gz"))
        .all(|h| h.header("If-None-Match").is_some()));
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), 6);
    assert!(err.contains("fetched 0,"), "{err}");

    // --refresh fetches the stored pages again, conditionally: /a answers 304.
    let before = server.all_hits().len();
    let (_, _, err) = env.run(&["ingest", &a, "--refresh", "--delay", "0"]);
    let again: Vec<Hit> = server.all_hits().split_off(before);
    let a_hit = again
        .iter()
        .find(|h| h.path == "/a")
        .expect("/a is fetched again");
    assert_eq!(a_hit.header("If-None-Match"), Some("\"a-v1\""));
    assert!(err.contains("not modified 1"), "{err}");
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), 6);
}

#[test]
fn other_schemes_and_bad_lines_are_input_errors() {
    let server = site();
    let env = Env::new();
    let list = env.write(
        "urls.txt",
        format!(
            "# a comment\n\n{}\nnot a url\nmailto:someone@example.org\n",
            server.url("/a")
        ),
    );
    let (code, _, err) = env.run(&[
        "ingest",
        "ftp://files.example.org/story.html",
        "--urls",
        list.to_str().expect("utf-8 temp path"),
        "--delay",
        "0",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("ftp://files.example.org/story.html: only http and https"),
        "{err}"
    );
    assert!(err.contains("urls.txt:4:"), "the bad line is named: {err}");
    assert!(err.contains("urls.txt:5:"), "{err}");
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), 1);
    assert_eq!(count(&env, "SELECT count(*) FROM failures"), 3);
}

/// A WARC record (HTTP response inside).
fn warc_record(uri: &str, status: &str, content_type: &str, body: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}");
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[test]
fn warc_with_a_damaged_record() {
    let env = Env::new();
    let mut damaged = gzip(&warc_record(
        "https://news.example/broken",
        "200 OK",
        "text/html",
        &page(9, None),
    ));
    let n = damaged.len();
    damaged[n / 2..].iter_mut().for_each(|b| *b = b.wrapping_add(77));
    let members = [
        gzip(&warc_record(
            "https://news.example/w1",
            "200 OK",
            "text/html",
            &page(10, Some("W1")),
        )),
        gzip(&warc_record(
            "https://news.example/logo.png",
            "200 OK",
            "image/png",
            "PNG",
        )),
        damaged,
        gzip(&warc_record(
            "https://news.example/w2?utm_medium=x",
            "200 OK",
            "text/html; charset=utf-8",
            &page(11, Some("W2")),
        )),
        gzip(&warc_record(
            "https://news.example/bakery",
            "200 OK",
            "text/html",
            &off_topic(2),
        )),
        gzip(&warc_record(
            "https://news.example/gone",
            "404 Not Found",
            "text/html",
            &page(12, Some("Gone")),
        )),
    ];
    let warc = env.write("cc-news.warc.gz", members.concat());
    let warc = warc.to_str().expect("utf-8 temp path");
    let (code, _, err) = env.run(&["ingest", "--warc", warc]);
    assert_eq!(code, 1, "a damaged record makes the exit code 1: {err}");
    assert!(
        err.contains("cc-news.warc.gz@") && err.contains("damaged WARC record"),
        "{err}"
    );
    let urls = column(&env, "SELECT url FROM articles ORDER BY url");
    assert_eq!(
        urls,
        ["https://news.example/w1", "https://news.example/w2"],
        "{err}"
    );
    // The WARC date is when the page was fetched: it is not taken as the publication date.
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM articles WHERE published = '2024-03-01'"
        ),
        0
    );
    let skipped = column(
        &env,
        "SELECT url || ' ' || state FROM fetch_queue WHERE source = 'warc' ORDER BY url",
    );
    assert_eq!(
        skipped,
        [
            "https://news.example/bakery skipped",
            "https://news.example/w1 done",
            "https://news.example/w2 done"
        ]
    );
    // Read again: nothing stored twice, the stored records are not even extracted again.
    let (_, _, err) = env.run(&["ingest", "--warc", warc]);
    assert!(err.contains("already stored 3"), "{err}");
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), 2);
}

/// kill -9 in the middle of a batch, then the same command: every page stored exactly once,
/// and no page stored by the first run is fetched by the second.
#[test]
fn kill_mid_batch_then_rerun_loses_and_repeats_nothing() {
    const PAGES: usize = 40;
    // Requests past the first 10 are held back until the first run is killed, so that the kill
    // lands mid-batch however slowly a loaded machine runs the poller below.
    let hold = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let held = std::sync::Arc::clone(&hold);
    let served = std::sync::atomic::AtomicUsize::new(0);
    let server = Server::start(move |hit| {
        let n: usize = hit.path.trim_start_matches("/p").parse().unwrap_or(0);
        match hit.path.as_str() {
            "/robots.txt" => Reply::status(404),
            _ if (1..=PAGES).contains(&n) => {
                let until = Instant::now() + Duration::from_secs(30);
                let nth = served.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                while nth >= 10 && held.load(std::sync::atomic::Ordering::SeqCst) && Instant::now() < until {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Reply::html(page(100 + n, Some(&format!("Slow page {n}")))).delay(Duration::from_millis(120))
            }
            _ => Reply::status(404),
        }
    });
    let env = Env::new();
    let list: String = (1..=PAGES)
        .map(|n| server.url(&format!("/p{n}")) + "\n")
        .collect();
    let list = env.write("urls.txt", list);
    let args = [
        "ingest",
        "--urls",
        list.to_str().expect("utf-8 temp path"),
        "--delay",
        "0",
        "--per-host",
        "2",
    ];
    let mut child = spawn(&env, &args)
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let stored = env.db().exists()
            && rusqlite::Connection::open(env.db())
                .and_then(|c| {
                    c.query_row("SELECT count(*) FROM fetch_queue WHERE state = 'done'", [], |r| {
                        r.get::<_, i64>(0)
                    })
                })
                .unwrap_or(0)
                >= 6;
        if stored || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill -9 the run");
    let _ = child.wait();
    hold.store(false, std::sync::atomic::Ordering::SeqCst);
    let done_before = column(&env, "SELECT url FROM fetch_queue WHERE state = 'done'");
    assert!(
        done_before.len() >= 6 && done_before.len() < PAGES,
        "killed mid-batch: {}",
        done_before.len()
    );
    let hits_before = server.all_hits().len();
    let (code, _, err) = env.run(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), PAGES as i64);
    assert_eq!(
        count(&env, "SELECT count(DISTINCT content_hash) FROM articles"),
        PAGES as i64
    );
    assert_eq!(
        count(&env, "SELECT count(*) FROM fetch_queue WHERE state = 'done'"),
        PAGES as i64
    );
    let refetched: Vec<String> = server.all_hits()[hits_before..]
        .iter()
        .map(|h| server.url(&h.path))
        .filter(|u| done_before.contains(u))
        .collect();
    assert!(
        refetched.is_empty(),
        "pages stored before the kill were fetched again: {refetched:?}"
    );
}

/// Ctrl-C (SIGINT): requests in flight finish and are stored, the run ends with its summary,
/// and the same command finishes the batch.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_and_the_rerun_finishes() {
    const PAGES: usize = 30;
    // Requests past the fourth wait until the signal is sent, so that on a loaded machine the
    // batch cannot finish before it; they are in flight then, and must still be stored.
    let hold = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let held = std::sync::Arc::clone(&hold);
    let served = std::sync::atomic::AtomicUsize::new(0);
    let server = Server::start(move |hit| {
        let n: usize = hit.path.trim_start_matches("/q").parse().unwrap_or(0);
        if (1..=PAGES).contains(&n) {
            let until = Instant::now() + Duration::from_secs(30);
            let nth = served.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            while nth >= 4 && held.load(std::sync::atomic::Ordering::SeqCst) && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
            Reply::html(page(200 + n, Some(&format!("Page q{n}")))).delay(Duration::from_millis(150))
        } else {
            Reply::status(404)
        }
    });
    let env = Env::new();
    let urls: Vec<String> = (1..=PAGES).map(|n| server.url(&format!("/q{n}"))).collect();
    let mut args: Vec<&str> = vec!["ingest", "--delay", "0", "--no-robots"];
    args.extend(urls.iter().map(String::as_str));
    let child = spawn(&env, &args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.all_hits().len() < 4 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    hold.store(false, std::sync::atomic::Ordering::SeqCst);
    let out = child.wait_with_output().expect("the run ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("interrupted with"), "{err}");
    // Every page requested was stored: in-flight requests were finished, not dropped.
    let requested = server.all_hits().len() as i64;
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), requested, "{err}");
    assert!(requested < PAGES as i64);

    let (code, _, err) = env.run(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), PAGES as i64);
    assert_eq!(server.all_hits().len(), PAGES, "no page fetched twice");
}

#[test]
fn discover_reads_the_sitemaps_robots_txt_lists() {
    let server = Server::start(|hit| {
        let base = format!("http://{}", hit.header("Host").unwrap_or("127.0.0.1"));
        match hit.path.as_str() {
            "/robots.txt" => Reply::ok(
                "text/plain",
                format!(
                    "User-agent: *\nDisallow: /drafts/\n\nSitemap: {base}/index.xml\n\
                     sitemap: {base}/extra.xml.gz\n"
                ),
            ),
            "/index.xml" => Reply::ok(
                "application/xml",
                format!(
                    "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                     <sitemap><loc>{base}/pages.xml</loc></sitemap></sitemapindex>"
                ),
            ),
            "/pages.xml" => Reply::ok(
                "application/xml",
                format!(
                    "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                     <url><loc>{base}/story-1</loc></url><url><loc>{base}/drafts/story-2</loc></url></urlset>"
                ),
            ),
            "/extra.xml.gz" => {
                let xml = format!(
                    "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                     <url><loc>{base}/story-3</loc></url></urlset>"
                );
                Reply::ok("application/gzip", gzip(xml.as_bytes()))
            }
            "/story-1" => Reply::html(page(31, Some("Story one"))),
            "/drafts/story-2" => Reply::html(page(32, Some("Story two"))),
            "/story-3" => Reply::html(page(33, Some("Story three"))),
            _ => Reply::status(404),
        }
    });
    let env = Env::new();
    let site = server.url("");
    let (code, _, err) = env.run(&["ingest", "--discover", &site, "--delay", "0"]);
    assert_eq!(code, 0, "{err}");
    let mut stored = column(&env, "SELECT url FROM articles ORDER BY url");
    stored
        .iter_mut()
        .for_each(|u| *u = u.rsplit('/').next().unwrap_or("").to_string());
    assert_eq!(stored, ["story-1", "story-3"], "{err}");
    assert_eq!(
        server.hits("/robots.txt").len(),
        1,
        "one robots.txt read gives both the sitemaps and the rules"
    );
    assert!(
        server.hits("/drafts/story-2").is_empty(),
        "robots.txt disallows the drafts"
    );
    assert_eq!(
        column(
            &env,
            "SELECT state FROM fetch_queue WHERE url LIKE '%/drafts/story-2'"
        ),
        ["skipped"]
    );

    // A site whose robots.txt names no sitemap: one input error naming it, exit 1.
    let bare = Server::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nDisallow:\n"),
        _ => Reply::status(404),
    });
    let (code, _, err) = env.run(&["ingest", "--discover", &bare.url(""), "--delay", "0"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("/robots.txt: robots.txt lists no Sitemap: lines"),
        "{err}"
    );

    // A site without robots.txt: the error says what it answered.
    let none = Server::start(|_| Reply::status(404));
    let (code, _, err) = env.run(&["ingest", "--discover", &none.url(""), "--delay", "0"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("/robots.txt: robots.txt answered 404"), "{err}");
}

/// The per-host delay as the server sees it: every two requests to the host (robots.txt
/// included) arrive at least the delay apart, whatever the machine's load (the limiter counts
/// the delay from the previous answer, which the server sends after it has the request).
#[test]
fn per_host_delay_holds_as_the_server_sees_it() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::status(404),
        p => Reply::html(page(40 + p.len(), Some(p))),
    });
    let env = Env::new();
    let list: String = (1..=6).map(|n| server.url(&format!("/d{n}")) + "\n").collect();
    let list = env.write("urls.txt", list);
    let list = list.to_str().expect("a UTF-8 temp path");
    let (code, _, err) = env.run(&[
        "ingest",
        "--all",
        "--urls",
        list,
        "--delay",
        "0.2",
        "--per-host",
        "2",
    ]);
    assert_eq!(code, 0, "{err}");
    let arrivals = server.arrivals();
    assert_eq!(arrivals.len(), 7, "robots.txt and six pages");
    let delay = Duration::from_millis(200);
    for pair in arrivals.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= delay, "two requests to one host {gap:?} apart");
    }
}

/// A redirected page is stored under the URL it was asked for in the queue, with the final URL
/// in the queue and the fetch log and as the article's URL, its `<link rel=canonical>` beside
/// it; `--user-agent` is sent with every request, robots.txt's included; `--urls -` reads
/// stdin.
#[test]
fn redirect_canonical_and_user_agent_are_recorded() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/old-story" => Reply::status(301).header("Location", "/stories/new?utm_medium=x"),
        "/stories/new?utm_medium=x" => Reply::html(page(50, Some("Moved story")).replace(
            "<head>",
            "<head><link rel=\"canonical\" href=\"https://news.example.org/canonical-story\">",
        )),
        _ => Reply::status(404),
    });
    let env = Env::new();
    let (code, _, err) = env.run_stdin(
        &[
            "ingest",
            "--urls",
            "-",
            "--delay",
            "0",
            "--user-agent",
            "pressdesk-tester/2.1 (+mailto:desk@example.org)",
        ],
        &format!("# from stdin\n{}\n", server.url("/old-story")),
    );
    assert_eq!(code, 0, "{err}");
    let hits = server.all_hits();
    assert_eq!(hits.len(), 3, "robots.txt, the redirect and the page");
    assert!(
        hits.iter()
            .all(|h| h.header("User-Agent") == Some("pressdesk-tester/2.1 (+mailto:desk@example.org)")),
        "{hits:?}"
    );
    let new = server.url("/stories/new?utm_medium=x");
    assert_eq!(
        column(&env, "SELECT final_url FROM fetch_log"),
        std::slice::from_ref(&new)
    );
    assert_eq!(
        column(&env, "SELECT url || ' ' || final_url FROM fetch_queue"),
        [format!("{} {new}", server.url("/old-story"))]
    );
    assert_eq!(
        column(&env, "SELECT url || ' ' || canonical_url FROM articles"),
        [format!(
            "{} https://news.example.org/canonical-story",
            server.url("/stories/new")
        )]
    );
    assert_eq!(
        count(&env, "SELECT redirects FROM fetch_log"),
        1,
        "the hop is counted"
    );
}

/// `--connect-timeout`: a host whose accept queue is full never completes the connection
/// (Linux drops further SYNs); the run reports that URL and goes on to the next.
#[cfg(target_os = "linux")]
#[test]
fn connect_timeout_reports_the_silent_host_and_goes_on() {
    use std::os::fd::AsRawFd;
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("tests can bind a loopback port");
    // SAFETY: listen on a socket this test owns; Linux lets a listening socket shrink its queue.
    assert_eq!(unsafe { libc::listen(silent.as_raw_fd(), 0) }, 0);
    let addr = silent.local_addr().expect("a bound socket has an address");
    let mut held = Vec::new();
    while held.len() < 16 {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(300)) {
            Ok(s) => held.push(s),
            Err(_) => break,
        }
    }
    assert!(held.len() < 16, "the accept queue never filled");
    let server = site();
    let env = Env::new();
    let silent_url = format!("http://{addr}/story");
    let started = Instant::now();
    let (code, _, err) = env.run(&[
        "ingest",
        &silent_url,
        &server.url("/a"),
        "--delay",
        "0",
        "--retries",
        "1",
        "--connect-timeout",
        "0.5",
        "--timeout",
        "60",
        // Otherwise the silent host's robots.txt times out first and the host is skipped.
        "--no-robots",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.lines().any(|l| l.contains(&silent_url)),
        "the silent URL is named: {err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the connect timeout, not the 60 s request timeout, ended it: {:?}",
        started.elapsed()
    );
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), 1);
    drop(held);
}

/// Bad answers from the web, end to end (docs/bad-input.md, rows 56–62): a redirect loop, a
/// slow-drip server, a body that goes on past the cap without announcing its length, a gzip
/// bomb, a 429 storm, a host that does not resolve, a refused connection and a non-http scheme,
/// with one good page in the same run. Each bad URL: one stderr line naming it and the reason,
/// recorded as failed in the fetch queue; the good page is stored; what was stored before is
/// still there; exit 1.
#[test]
fn bad_answers_from_the_web_are_each_one_line_and_the_batch_goes_on() {
    let bomb = gzip(&vec![b' '; 8_000_000]);
    assert!(bomb.len() < 20_000, "a bomb: small on the wire");
    let server = Server::start(move |hit| match hit.path.as_str() {
        "/good" => Reply::html(page(40, Some("A good page"))),
        "/loop-a" => Reply::redirect(302, "/loop-b"),
        "/loop-b" => Reply::redirect(302, "/loop-a"),
        // 12,800 bytes, 64 every 50 ms: 10 s, far past the 2 s timeout.
        "/drip" => Reply::html(vec![b'a'; 64 * 200]).drip(Duration::from_millis(50)),
        // Sent as it goes, no Content-Length: 3 MB against a 1 MB cap.
        "/endless" => Reply::html(vec![b'x'; 3_000_000]).drip(Duration::ZERO),
        "/bomb" => Reply::html(bomb.clone()).header("Content-Encoding", "gzip"),
        "/storm" => Reply::status(429).header("Retry-After", "1"),
        _ => Reply::status(404),
    });
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("tests can bind a loopback port");
        listener
            .local_addr()
            .expect("a bound socket has an address")
            .port()
    };
    let env = Env::new();
    let before = r#"{"url":"https://before.example/1","title":"Stored before","published":"2019-05-01","text":"Facebook never sells personal data, a spokesperson said."}"#;
    let (code, _, err) = env.run_stdin(&["ingest", "--jsonl", "-"], before);
    assert_eq!(code, 0, "{err}");

    let bad = [
        (server.url("/loop-a"), "redirect"),
        (server.url("/drip"), "timed out"),
        (server.url("/endless"), "1000000"),
        (server.url("/bomb"), "1000000"),
        (server.url("/storm"), "429"),
        // robots.txt is asked for first and cannot be read: the host is out of reach.
        (
            "http://no-such-host.invalid/story".to_string(),
            "robots.txt unavailable",
        ),
        (
            format!("http://127.0.0.1:{refused}/story"),
            "robots.txt unavailable",
        ),
        (
            "ftp://files.example.org/story.html".to_string(),
            "only http and https",
        ),
    ];
    let good = server.url("/good");
    let mut args: Vec<&str> = vec!["ingest", &good];
    args.extend(bad.iter().map(|(u, _)| u.as_str()));
    args.extend([
        "--delay",
        "0",
        "--timeout",
        "2",
        "--retries",
        "2",
        "--max-bytes",
        "1000000",
    ]);
    let started = Instant::now();
    let (code, _, err) = env.run(&args);
    eprintln!("{err}\n(took {:?})", started.elapsed());
    assert_eq!(code, 1, "{err}");
    for (url, reason) in &bad {
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(url.as_str())).collect();
        assert_eq!(lines.len(), 1, "one line for {url}: {err}");
        assert!(
            lines[0].to_lowercase().contains(reason),
            "{url}: {reason:?} in {err}"
        );
    }
    // The good page and the article stored before; the bad URLs are failed in the queue.
    let mut urls = column(&env, "SELECT url FROM articles ORDER BY id");
    assert_eq!(urls.len(), 2, "{urls:?}");
    assert_eq!(urls.remove(0), "https://before.example/1");
    assert!(urls[0].ends_with("/good"), "{urls:?}");
    assert_eq!(
        count(&env, "SELECT count(*) FROM fetch_queue WHERE state = 'failed'"),
        7
    );
    assert_eq!(
        server.hits("/storm").len(),
        2,
        "a 429 is retried as --retries says, then given up"
    );
    // The same command again tries every failed URL again (an unreachable host may answer
    // another day: fixed, it was skipped for good), and only those: the good page is done.
    let (code, _, err) = env.run(&args);
    assert_eq!(code, 1, "{err}");
    for (url, _) in &bad[..bad.len() - 1] {
        let sql = format!("SELECT count(*) FROM fetch_log WHERE url = '{url}'");
        assert_eq!(count(&env, &sql), 2, "{url} is fetched again: {err}");
    }
    assert_eq!(server.hits("/good").len(), 1);
    assert_eq!(count(&env, "SELECT count(*) FROM articles"), 2);
    let integrity: String = db(&env)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(integrity, "ok");
}
