//! The fetcher against local servers (never the real network).

use std::io::Write;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use flate2::{write::GzEncoder, Compression};

use super::testserver::{Reply, TestServer};
use super::*;

/// Fast settings for tests: no politeness delay, short backoff and timeouts, robots off.
fn config() -> FetchConfig {
    FetchConfig {
        per_host_delay: Duration::ZERO,
        retry_base_delay: Duration::from_millis(10),
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        obey_robots: false,
        ..FetchConfig::default()
    }
}

async fn fetch_with(config: FetchConfig, request: Request) -> FetchResult {
    let fetcher = Fetcher::new(config).expect("the test client builds");
    fetcher.fetch(request).await.expect("the fetcher is not stopped")
}

async fn fetch(url: Url) -> FetchResult {
    fetch_with(config(), Request::new(url)).await
}

fn page(result: &FetchResult) -> &Page {
    match &result.outcome {
        Outcome::Page(page) => page,
        other => panic!("expected a page for {}, got {other:?}", result.url),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).expect("writing to a Vec cannot fail");
    gz.finish().expect("writing to a Vec cannot fail")
}

#[tokio::test]
async fn ok_200() {
    let server = TestServer::start(|_| {
        Reply::html("<html><title>t</title><p>hello</p></html>").header("ETag", "\"a1\"")
    });
    let result = fetch(server.url("/page")).await;
    let page = page(&result);
    assert!(page.html.contains("<p>hello</p>"));
    assert_eq!(page.encoding, "UTF-8");
    assert_eq!(page.etag.as_deref(), Some("\"a1\""));
    assert_eq!(result.status, Some(200));
    assert_eq!(result.final_url, result.url);
    assert_eq!((result.attempts, result.redirects), (1, 0));
    assert_eq!(result.bytes, page.raw.len() as u64);
    let hits = server.hits("/page");
    assert_eq!(hits.len(), 1);
    let ua = hits[0].header("User-Agent").expect("a User-Agent is sent");
    assert!(
        ua.starts_with("claimtrack/") && ua.contains(env!("CARGO_PKG_VERSION")),
        "{ua}"
    );
}

#[tokio::test]
async fn redirect_chain_records_final_url() {
    let server = TestServer::start(|hit| match hit.path.as_str() {
        "/a" => Reply::redirect(301, "/b"),
        "/b" => Reply::redirect(302, "c?x=1#frag"),
        "/c?x=1" => Reply::html("<p>end</p>"),
        _ => Reply::status(404),
    });
    let result = fetch(server.url("/a")).await;
    assert!(page(&result).html.contains("end"));
    assert_eq!(result.final_url, server.url("/c?x=1"));
    assert_eq!(result.url, server.url("/a"));
    assert_eq!((result.redirects, result.attempts), (2, 3));
}

#[tokio::test]
async fn redirect_loop_fails() {
    let server = TestServer::start(|hit| match hit.path.as_str() {
        "/x" => Reply::redirect(302, "/y"),
        _ => Reply::redirect(302, "/x"),
    });
    let result = fetch(server.url("/x")).await;
    assert_eq!(
        result.outcome,
        Outcome::Failed(FailReason::RedirectLoop(server.url("/x")))
    );
    assert_eq!(server.all_hits().len(), 2);
}

#[tokio::test]
async fn too_many_redirects_fail() {
    let server = TestServer::start(|hit| {
        let n: u32 = hit.path.trim_start_matches('/').parse().unwrap_or(0);
        Reply::redirect(307, &format!("/{}", n + 1))
    });
    let config = FetchConfig {
        max_redirects: 3,
        ..config()
    };
    let result = fetch_with(config, Request::new(server.url("/0"))).await;
    assert_eq!(
        result.outcome,
        Outcome::Failed(FailReason::TooManyRedirects { limit: 3 })
    );
    assert_eq!(server.all_hits().len(), 4);
}

#[tokio::test]
async fn redirect_to_other_scheme_fails() {
    let server = TestServer::start(|_| Reply::redirect(302, "ftp://files.example.com/x"));
    let result = fetch(server.url("/")).await;
    assert!(
        matches!(result.outcome, Outcome::Failed(FailReason::BadRedirect(_))),
        "{:?}",
        result.outcome
    );
}

#[tokio::test]
async fn conditional_get_gives_not_modified() {
    let server = TestServer::start(|hit| {
        if hit.header("If-None-Match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::html("<p>v1</p>")
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Tue, 04 Jun 2019 10:00:00 GMT")
        }
    });
    let first = fetch(server.url("/doc")).await;
    let page = page(&first).clone();
    let again = Request {
        etag: page.etag.clone(),
        last_modified: page.last_modified.clone(),
        ..Request::new(server.url("/doc"))
    };
    let second = fetch_with(config(), again).await;
    assert_eq!(second.outcome, Outcome::NotModified);
    assert_eq!(second.status, Some(304));
    let hits = server.hits("/doc");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].header("If-None-Match"), None);
    assert_eq!(
        hits[1].header("If-Modified-Since"),
        Some("Tue, 04 Jun 2019 10:00:00 GMT")
    );
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = TestServer::start(|hit| {
        if hit.seen == 0 {
            Reply::status(429).header("Retry-After", "1")
        } else {
            Reply::html("<p>ok</p>")
        }
    });
    let result = fetch(server.url("/busy")).await;
    page(&result);
    assert_eq!(result.attempts, 2);
    let hits = server.hits("/busy");
    assert_eq!(hits.len(), 2);
    let gap = hits[1].at - hits[0].at;
    assert!(
        gap >= Duration::from_millis(950),
        "retried after {gap:?}, Retry-After said 1 s"
    );
    assert!(gap < Duration::from_secs(3), "retried after {gap:?}");
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = TestServer::start(|hit| {
        if hit.seen == 0 {
            // Two seconds ahead, to the second: the wait is more than one second.
            let when = std::time::SystemTime::now() + Duration::from_secs(2);
            Reply::status(503).header("Retry-After", &httpdate::fmt_http_date(when))
        } else {
            Reply::html("<p>ok</p>")
        }
    });
    let result = fetch(server.url("/later")).await;
    page(&result);
    assert_eq!(result.attempts, 2);
    let hits = server.hits("/later");
    let gap = hits[1].at - hits[0].at;
    // The test's own backoff is 10 ms: only the date explains a wait this long.
    assert!(
        gap >= Duration::from_millis(900),
        "retried after {gap:?}, Retry-After gave a date over a second ahead"
    );
    assert!(gap < Duration::from_secs(4), "retried after {gap:?}");
}

#[tokio::test]
async fn retry_after_beyond_the_maximum_fails() {
    let server = TestServer::start(|_| Reply::status(429).header("Retry-After", "3600"));
    let result = fetch(server.url("/")).await;
    assert_eq!(
        result.outcome,
        Outcome::Failed(FailReason::RetryAfterTooLong { seconds: 3600 })
    );
    assert_eq!(server.all_hits().len(), 1);
}

#[tokio::test]
async fn server_error_retried_then_succeeds() {
    let server = TestServer::start(|hit| {
        if hit.seen == 0 {
            Reply::status(503)
        } else {
            Reply::html("<p>back</p>")
        }
    });
    let result = fetch(server.url("/flaky")).await;
    assert!(page(&result).html.contains("back"));
    assert_eq!(result.attempts, 2);
    assert_eq!(server.hits("/flaky").len(), 2);
}

#[tokio::test]
async fn server_error_gives_up_after_max_attempts() {
    let server = TestServer::start(|_| Reply::status(500));
    let result = fetch(server.url("/down")).await;
    assert_eq!(result.outcome, Outcome::Failed(FailReason::Http(500)));
    assert_eq!(result.status, Some(500));
    assert_eq!(server.hits("/down").len(), 3);
    assert_eq!(result.attempts, 3);
}

#[tokio::test]
async fn not_found_is_not_retried() {
    let server = TestServer::start(|_| Reply::status(404));
    let result = fetch(server.url("/gone")).await;
    assert_eq!(result.outcome, Outcome::Failed(FailReason::Http(404)));
    assert_eq!(server.hits("/gone").len(), 1);
    assert_eq!(result.outcome_message(), "HTTP 404 Not Found");
}

#[tokio::test]
async fn slow_answer_times_out() {
    let server = TestServer::start(|_| Reply::html("<p>late</p>").delay(Duration::from_millis(1500)));
    let config = FetchConfig {
        timeout: Duration::from_millis(300),
        max_attempts: 2,
        ..config()
    };
    let result = fetch_with(config, Request::new(server.url("/slow"))).await;
    assert_eq!(result.outcome, Outcome::Failed(FailReason::Timeout));
    // Timeouts are retried.
    assert_eq!(server.hits("/slow").len(), 2);
}

#[tokio::test]
async fn slow_drip_body_times_out() {
    let server = TestServer::start(|_| Reply::html(vec![b'a'; 64 * 40]).drip(Duration::from_millis(50)));
    let config = FetchConfig {
        timeout: Duration::from_millis(400),
        max_attempts: 1,
        ..config()
    };
    let result = fetch_with(config, Request::new(server.url("/drip"))).await;
    assert_eq!(result.outcome, Outcome::Failed(FailReason::Timeout));
}

#[tokio::test]
async fn connection_refused_fails_after_retries() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("tests can bind a loopback port");
        listener
            .local_addr()
            .expect("a bound socket has an address")
            .port()
    };
    let url = Url::parse(&format!("http://127.0.0.1:{port}/")).expect("a valid URL");
    let result = fetch(url).await;
    assert!(
        matches!(result.outcome, Outcome::Failed(FailReason::Connect(_))),
        "{:?}",
        result.outcome
    );
    assert_eq!(result.attempts, 3);
    assert_eq!(result.status, None);
}

/// A host that takes the connection but never completes it: a listener whose accept queue is
/// full drops further SYNs (Linux), so `connect` hangs until the connect timeout.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn connect_timeout_gives_up_on_a_host_that_does_not_answer() {
    use std::os::fd::AsRawFd;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("tests can bind a loopback port");
    // SAFETY: listen on a socket this test owns; Linux lets a listening socket shrink its queue.
    assert_eq!(unsafe { libc::listen(listener.as_raw_fd(), 0) }, 0);
    let addr = listener.local_addr().expect("a bound socket has an address");
    // Fill the queue (never accepted) until a connection no longer completes.
    let mut held = Vec::new();
    let mut full = false;
    for _ in 0..16 {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(300)) {
            Ok(s) => held.push(s),
            Err(_) => {
                full = true;
                break;
            }
        }
    }
    assert!(full, "the accept queue never filled ({} connections)", held.len());
    let url = Url::parse(&format!("http://{addr}/")).expect("a valid URL");
    let config = FetchConfig {
        connect_timeout: Duration::from_millis(300),
        timeout: Duration::from_secs(20),
        max_attempts: 1,
        ..config()
    };
    let started = Instant::now();
    let result = fetch_with(config, Request::new(url)).await;
    assert!(
        matches!(
            result.outcome,
            Outcome::Failed(FailReason::Timeout | FailReason::Connect(_))
        ),
        "{:?}",
        result.outcome
    );
    assert_eq!(result.status, None);
    // The connect timeout ended it, not the 20 s whole-request timeout.
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    drop(held);
}

#[tokio::test]
async fn body_over_the_cap_fails() {
    let server = TestServer::start(|hit| {
        let reply = Reply::html(vec![b'x'; 5000]);
        if hit.path == "/drip" {
            reply.drip(Duration::ZERO)
        } else {
            reply
        }
    });
    let config = FetchConfig {
        max_body: 1000,
        ..config()
    };
    // Announced by Content-Length.
    let result = fetch_with(config.clone(), Request::new(server.url("/big"))).await;
    assert_eq!(
        result.outcome,
        Outcome::Failed(FailReason::TooLarge { limit: 1000 })
    );
    // Not announced: caught while streaming.
    let result = fetch_with(config, Request::new(server.url("/drip"))).await;
    assert_eq!(
        result.outcome,
        Outcome::Failed(FailReason::TooLarge { limit: 1000 })
    );
    assert_eq!(server.hits("/drip").len(), 1, "an oversized body is not retried");
}

#[tokio::test]
async fn gzip_body_is_capped_after_decompression() {
    let small = gzip(b"<p>compressed page</p>");
    let bomb = gzip(&vec![b' '; 2_000_000]);
    assert!(bomb.len() < 10_000);
    let server = TestServer::start(move |hit| {
        let body = if hit.path == "/bomb" {
            bomb.clone()
        } else {
            small.clone()
        };
        Reply::html(body).header("Content-Encoding", "gzip")
    });
    let config = FetchConfig {
        max_body: 100_000,
        ..config()
    };
    let result = fetch_with(config.clone(), Request::new(server.url("/small"))).await;
    assert!(page(&result).html.contains("compressed page"));
    let result = fetch_with(config, Request::new(server.url("/bomb"))).await;
    assert_eq!(
        result.outcome,
        Outcome::Failed(FailReason::TooLarge { limit: 100_000 })
    );
    assert!(
        result.bytes > 100_000 && result.bytes < 1_000_000,
        "stopped at {} bytes",
        result.bytes
    );
}

#[tokio::test]
async fn non_html_is_skipped_unless_any_is_asked() {
    let server = TestServer::start(|_| {
        Reply::status(200)
            .header("Content-Type", "application/pdf")
            .body("%PDF-1.4")
    });
    let result = fetch(server.url("/file.pdf")).await;
    assert_eq!(
        result.outcome,
        Outcome::Skipped(SkipReason::NotHtml("application/pdf".into()))
    );
    assert_eq!(result.bytes, 0, "the body of a skipped type is not read");
    let any = Request {
        accept: Accept::Any,
        ..Request::new(server.url("/file.pdf"))
    };
    match fetch_with(config(), any).await.outcome {
        Outcome::Document(doc) => assert_eq!(doc.body, b"%PDF-1.4"),
        other => panic!("expected a document, got {other:?}"),
    }
}

#[tokio::test]
async fn windows_1252_page_with_meta_charset_only() {
    let body = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
                 <title>Donn\xe9es</title></head><body><p>\x93Nous ne vendons pas vos donn\xe9es\x94</p></body></html>";
    let server = TestServer::start(move |_| Reply::html(&body[..]));
    let result = fetch(server.url("/fr")).await;
    let page = page(&result);
    assert_eq!(page.encoding, "windows-1252");
    assert!(
        page.html
            .contains("\u{201c}Nous ne vendons pas vos donn\u{e9}es\u{201d}"),
        "{}",
        page.html
    );
    assert_eq!(page.raw, body);
}

#[tokio::test]
async fn robots_disallow_and_crawl_delay() {
    let server = TestServer::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::status(200).header("Content-Type", "text/plain").body(
            "User-agent: *\nDisallow: /private\nCrawl-delay: 0.4\n\nUser-agent: otherbot\nDisallow: /\n",
        ),
        _ => Reply::html("<p>ok</p>"),
    });
    let fetcher = Fetcher::new(FetchConfig {
        obey_robots: true,
        ..config()
    })
    .expect("the test client builds");
    let requests = ["/private/a", "/public/1", "/public/2", "/public/3"].map(|p| Request::new(server.url(p)));
    let mut results = Vec::new();
    fetcher.fetch_many(requests, |r| results.push(r)).await;
    assert_eq!(results.len(), 4);
    let private = results
        .iter()
        .find(|r| r.url.path() == "/private/a")
        .expect("every URL is reported");
    assert_eq!(private.outcome, Outcome::Skipped(SkipReason::RobotsDisallowed));
    assert_eq!(private.attempts, 0);
    assert!(server.hits("/private/a").is_empty());
    assert_eq!(
        server.hits("/robots.txt").len(),
        1,
        "robots.txt is fetched once per run"
    );
    let times: Vec<Instant> = server.all_hits().iter().map(|h| h.at).collect();
    assert_eq!(times.len(), 4);
    for pair in times.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(
            gap >= Duration::from_millis(400),
            "requests {gap:?} apart, Crawl-delay is 0.4 s"
        );
    }
}

#[tokio::test]
async fn robots_server_error_blocks_the_host_and_not_found_allows() {
    let blocked = TestServer::start(|hit| {
        if hit.path == "/robots.txt" {
            Reply::status(503)
        } else {
            Reply::html("<p>x</p>")
        }
    });
    let open = TestServer::start(|hit| {
        if hit.path == "/robots.txt" {
            Reply::status(404)
        } else {
            Reply::html("<p>x</p>")
        }
    });
    let config = FetchConfig {
        obey_robots: true,
        ..config()
    };
    let result = fetch_with(config.clone(), Request::new(blocked.url("/a"))).await;
    assert!(
        matches!(result.outcome, Outcome::Skipped(SkipReason::RobotsUnavailable(_))),
        "{:?}",
        result.outcome
    );
    assert!(blocked.hits("/a").is_empty());
    let result = fetch_with(config, Request::new(open.url("/a"))).await;
    page(&result);
}

#[tokio::test]
async fn per_host_delay_is_respected() {
    let delay = Duration::from_millis(250);
    let a = TestServer::start(|_| Reply::html("<p>a</p>"));
    let b = TestServer::start(|_| Reply::html("<p>b</p>"));
    let config = FetchConfig {
        per_host_delay: delay,
        per_host_concurrency: 2,
        ..config()
    };
    let fetcher = Fetcher::new(config).expect("the test client builds");
    let mut requests = Vec::new();
    for i in 0..5 {
        requests.push(Request::new(a.url(&format!("/{i}"))));
        requests.push(Request::new(b.url(&format!("/{i}"))));
    }
    let started = Instant::now();
    let mut n = 0;
    fetcher
        .fetch_many(requests, |r| {
            page(&r);
            n += 1;
        })
        .await;
    let elapsed = started.elapsed();
    assert_eq!(n, 10);
    for server in [&a, &b] {
        let times: Vec<Instant> = server.all_hits().iter().map(|h| h.at).collect();
        assert_eq!(times.len(), 5);
        for pair in times.windows(2) {
            let gap = pair[1] - pair[0];
            // The delay counts from the previous answer, sent after the request arrived: the
            // gap holds as the server sees it, however loaded the machine.
            assert!(gap >= delay, "two requests to one host {gap:?} apart");
        }
    }
    // The two hosts are served side by side, not one after the other.
    assert!(elapsed < delay * 8, "took {elapsed:?}");
}

#[tokio::test]
async fn feed_and_gzipped_sitemap_fetched_as_documents() {
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link>
        <description>d</description><item><title>One</title><link>https://x.example/1</link></item></channel></rss>"#;
    let sitemap = gzip(
        br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/2</loc></url></urlset>"#,
    );
    let server = TestServer::start(move |hit| match hit.path.as_str() {
        "/feed.xml" => Reply::status(200)
            .header("Content-Type", "application/rss+xml")
            .body(feed),
        _ => Reply::status(200)
            .header("Content-Type", "application/x-gzip")
            .body(sitemap.clone()),
    });
    let fetcher = Fetcher::new(config()).expect("the test client builds");
    let mut bodies = std::collections::HashMap::new();
    let requests = ["/feed.xml", "/sitemap.xml.gz"].map(|p| Request {
        accept: Accept::Any,
        ..Request::new(server.url(p))
    });
    fetcher
        .fetch_many(requests, |r| match r.outcome {
            Outcome::Document(doc) => {
                bodies.insert(r.url.path().to_string(), doc.body);
            }
            other => panic!("expected a document, got {other:?}"),
        })
        .await;
    let entries = parse_feed(&bodies["/feed.xml"]).expect("a valid feed");
    assert_eq!(entries[0].url, "https://x.example/1");
    match parse_sitemap(&bodies["/sitemap.xml.gz"]).expect("a valid sitemap") {
        Sitemap::Urlset(urls) => assert_eq!(urls[0].url, "https://x.example/2"),
        other => panic!("expected a urlset, got {other:?}"),
    }
}

#[test]
fn run_blocking_reports_every_url_once() {
    let server = TestServer::start(|hit| {
        if hit.path == "/3" {
            Reply::status(404)
        } else {
            Reply::html("<p>x</p>")
        }
    });
    let fetcher = Fetcher::new(config()).expect("the test client builds");
    let requests: Vec<Request> = (0..6)
        .map(|i| Request::new(server.url(&format!("/{i}"))))
        .collect();
    let mut seen = Vec::new();
    fetcher
        .run_blocking(requests, |r| seen.push((r.url.path().to_string(), r.status)))
        .expect("the runtime starts");
    seen.sort();
    let want: Vec<(String, Option<u16>)> = (0..6)
        .map(|i| (format!("/{i}"), Some(if i == 3 { 404 } else { 200 })))
        .collect();
    assert_eq!(seen, want);
}

#[test]
fn stopped_fetcher_starts_nothing() {
    let server = TestServer::start(|_| Reply::html("<p>x</p>"));
    let fetcher = Fetcher::new(config()).expect("the test client builds");
    fetcher.stop_handle().store(true, Ordering::SeqCst);
    let mut n = 0;
    fetcher
        .run_blocking([Request::new(server.url("/"))], |_| n += 1)
        .expect("the runtime starts");
    assert_eq!(n, 0);
    assert!(server.all_hits().is_empty());
}

/// Arrival times at `server` of requests that each take `hold` to answer, fetched with `config`.
async fn arrivals(config: FetchConfig, servers: &[&TestServer], per_server: usize) -> Vec<Vec<Instant>> {
    let fetcher = Fetcher::new(config).expect("the test client builds");
    let requests: Vec<Request> = servers
        .iter()
        .flat_map(|s| (0..per_server).map(move |i| Request::new(s.url(&format!("/{i}")))))
        .collect();
    let mut n = 0;
    fetcher.fetch_many(requests, |_| n += 1).await;
    assert_eq!(n, servers.len() * per_server);
    servers
        .iter()
        .map(|s| s.all_hits().iter().map(|h| h.at).collect())
        .collect()
}

#[tokio::test]
async fn per_host_concurrency_is_capped() {
    let hold = Duration::from_millis(200);
    let server = TestServer::start(move |_| Reply::html("<p>x</p>").delay(hold));
    let config = FetchConfig {
        per_host_concurrency: 1,
        ..config()
    };
    let times = &arrivals(config, &[&server], 3).await[0];
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= hold - Duration::from_millis(20),
            "overlapping requests to one host"
        );
    }
}

#[tokio::test]
async fn global_concurrency_is_capped() {
    let hold = Duration::from_millis(200);
    let a = TestServer::start(move |_| Reply::html("<p>a</p>").delay(hold));
    let b = TestServer::start(move |_| Reply::html("<p>b</p>").delay(hold));
    let config = FetchConfig {
        global_concurrency: 1,
        ..config()
    };
    let mut times: Vec<Instant> = arrivals(config, &[&a, &b], 2).await.concat();
    times.sort();
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= hold - Duration::from_millis(20),
            "more than one request in flight"
        );
    }
}

#[test]
fn non_http_scheme_is_an_input_error() {
    let err = Request::parse("ftp://files.example.com/report.html").expect_err("ftp is refused");
    assert!(matches!(err, FetchError::UnsupportedScheme { .. }), "{err:?}");
    assert!(
        err.to_string().contains("ftp://files.example.com/report.html"),
        "{err}"
    );
    let ok = Request::parse("HTTPS://News.Example.com:443/a?utm_campaign=x#top").expect("https is fine");
    assert_eq!(ok.url.as_str(), "https://news.example.com/a");
}
