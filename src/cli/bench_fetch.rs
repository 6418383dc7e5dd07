//! `claimtrack bench fetch`: the fetcher against `curl --parallel` on a loopback server that
//! answers for many host names (127.0.0.2 … 127.0.0.50 all reach loopback on Linux), then the
//! per-host delay checked from the server's side. Prints figures; asserts nothing.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::EXIT_OK;
use crate::fetch::{FetchConfig, Fetcher, Outcome, Request, Url};

/// When each request reached the server, by host (last octet) and path.
type Log = Arc<Mutex<Vec<(u8, String, Instant)>>>;

struct BenchServer {
    port: u16,
    log: Log,
    _runtime: tokio::runtime::Runtime,
}

impl BenchServer {
    /// Listens on 127.0.0.2 … 127.0.0.(1 + hosts), one port for all.
    fn start(hosts: u8) -> anyhow::Result<BenchServer> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let log: Log = Arc::new(Mutex::new(Vec::new()));
        let port = runtime.block_on(async {
            let first = tokio::net::TcpListener::bind((Ipv4Addr::new(127, 0, 0, 2), 0)).await?;
            let port = first.local_addr()?.port();
            let mut listeners = vec![(2u8, first)];
            for last in 3..=(1 + hosts) {
                let l = tokio::net::TcpListener::bind((Ipv4Addr::new(127, 0, 0, last), port))
                    .await
                    .with_context(|| {
                        format!("binding 127.0.0.{last}:{port} (Linux routes all of 127/8 to loopback)")
                    })?;
                listeners.push((last, l));
            }
            for (last, listener) in listeners {
                let log = log.clone();
                tokio::spawn(async move {
                    while let Ok((stream, _)) = listener.accept().await {
                        tokio::spawn(serve(stream, last, log.clone()));
                    }
                });
            }
            anyhow::Ok(port)
        })?;
        Ok(BenchServer {
            port,
            log,
            _runtime: runtime,
        })
    }

    fn url(&self, host: u8, path: &str) -> String {
        format!("http://127.0.0.{host}:{}{path}", self.port)
    }

    fn requests(&self) -> usize {
        self.log.lock().map(|l| l.len()).unwrap_or(0)
    }
}

/// HTTP/1.1 with keep-alive: a 404 for robots.txt, a ~3 KB article page for anything else.
async fn serve(mut stream: tokio::net::TcpStream, host: u8, log: Log) {
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let end = loop {
            if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break pos + 4;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..end]).into_owned();
        buf.drain(..end);
        let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
        if let Ok(mut l) = log.lock() {
            l.push((host, path.clone(), Instant::now()));
        }
        let (status, body) = if path == "/robots.txt" {
            ("404 Not Found", String::new())
        } else {
            ("200 OK", page(host, &path))
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        if stream.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// A page with claims but no denial: every page contradicting every other would measure the
/// linker's worst case, not fetching.
fn page(host: u8, path: &str) -> String {
    let para = "<p>Regulators said the company shared the location history and contact lists of its \
                users with outside developers for years, while its privacy policy told people that \
                their personal data stayed under their control.</p>";
    format!(
        "<!doctype html><html><head><title>Story {path} on host {host}</title></head><body><article>\
         <h1>Story {path} on host {host}</h1><p>Facebook said on Tuesday ({path}) that it would \
         review how apps reach user data.</p>{}</article></body></html>",
        para.repeat(10)
    )
}

pub fn run(pages: usize, hosts: u8, rounds: usize, polite_pages: usize) -> anyhow::Result<i32> {
    if !(1..=254).contains(&hosts) {
        bail!("--hosts must be between 1 and 254");
    }
    let server = BenchServer::start(hosts)?;
    let urls: Vec<String> = (0..pages)
        .map(|i| server.url(2 + (i % hosts as usize) as u8, &format!("/story/{i}")))
        .collect();
    let dir = tempfile_dir()?;
    let list = dir.join("urls.txt");
    std::fs::write(&list, urls.join("\n") + "\n")?;
    println!(
        "bench fetch: {pages} pages over {hosts} hosts (127.0.0.2-127.0.0.{}), port {}, politeness delays 0",
        1 + hosts,
        server.port
    );

    // curl, 32 transfers in parallel, and the fetcher alone, in alternating order round by
    // round: one round takes a second or two, so a single pair is at the mercy of whatever else
    // the machine does in that second; the median ratio over the rounds is the figure.
    let config = dir.join("curl.cfg");
    let cfg: String = urls
        .iter()
        .map(|u| format!("url = \"{u}\"\noutput = \"/dev/null\"\n"))
        .collect();
    std::fs::write(&config, cfg)?;
    let fetcher = Fetcher::new(FetchConfig {
        per_host_delay: Duration::ZERO,
        ..FetchConfig::default()
    })?;
    let rounds = rounds.max(1);
    let mut ratios = Vec::with_capacity(rounds);
    let mut curl_rates = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (curl, ct) = if round % 2 == 0 {
            let curl = time_curl(&server, &config)?;
            (curl, time_fetcher(&server, &fetcher, &urls)?)
        } else {
            let ct = time_fetcher(&server, &fetcher, &urls)?;
            (time_curl(&server, &config)?, ct)
        };
        let curl_rate = pages as f64 / curl.secs;
        let ct_rate = pages as f64 / ct.secs;
        // The fetcher runs in this process beside the server: take out the server's CPU as it
        // was while only curl was being served.
        let ct_cpu = (ct.own_cpu - curl.own_cpu).max(0.0);
        println!(
            "  round {}: curl --parallel --parallel-max 32 {curl_rate:.0} pages/s ({} requests, {:.1} CPU-s); \
             claimtrack fetcher (concurrency 32, 2 per host, delay 0) {ct_rate:.0} pages/s ({} pages, {} requests \
             with robots.txt, about {ct_cpu:.1} CPU-s); ratio {:.2}",
            round + 1,
            curl.requests,
            curl.child_cpu,
            ct.ok,
            ct.requests,
            ct_rate / curl_rate
        );
        ratios.push(ct_rate / curl_rate);
        curl_rates.push(curl_rate);
    }
    let curl_rate = median(&mut curl_rates);
    let (lo, hi) = (
        ratios.iter().copied().fold(f64::MAX, f64::min),
        ratios.iter().copied().fold(f64::MIN, f64::max),
    );
    println!(
        "  ratio claimtrack/curl, fetching alone: median {:.2} over {rounds} rounds (lowest {lo:.2}, highest {hi:.2}; \
         goal >= 0.9)",
        median(&mut ratios)
    );

    // The whole ingest (fetch, extract, find claims, store) as a user runs it.
    let exe = std::env::current_exe()?;
    let db = dir.join("bench.db");
    let cpu_before = children_cpu_secs();
    let t = Instant::now();
    let status = std::process::Command::new(&exe)
        .arg("--db")
        .arg(&db)
        .args(["-q", "ingest", "--all", "--delay", "0", "--urls"])
        .arg(&list)
        .status()?;
    let full_secs = t.elapsed().as_secs_f64();
    let full_cpu = children_cpu_secs() - cpu_before;
    println!(
        "  claimtrack ingest --urls (fetch + extract + claims + SQLite), exit {}: {pages} pages in {full_secs:.2} s \
         = {:.0} pages/s ({:.2} of curl); {full_cpu:.1} CPU-s = {:.0} pages per CPU-second",
        status.code().unwrap_or(-1),
        pages as f64 / full_secs,
        (pages as f64 / full_secs) / curl_rate,
        pages as f64 / full_cpu.max(1e-9)
    );

    // The same pages from local files: the ceiling the processing sets, with no network.
    let pages_dir = dir.join("pages");
    std::fs::create_dir_all(&pages_dir)?;
    for (i, u) in urls.iter().enumerate() {
        let host = 2 + (i % hosts as usize) as u8;
        let path = u
            .rsplit_once(&format!(":{}", server.port))
            .map_or("/", |(_, p)| p);
        std::fs::write(pages_dir.join(format!("{i:05}.html")), page(host, path))?;
    }
    let db = dir.join("files.db");
    let cpu_before = children_cpu_secs();
    let t = Instant::now();
    let status = std::process::Command::new(&exe)
        .arg("--db")
        .arg(&db)
        .args(["-q", "ingest", "--all"])
        .arg(&pages_dir)
        .status()?;
    let files_secs = t.elapsed().as_secs_f64();
    let files_cpu = children_cpu_secs() - cpu_before;
    println!(
        "  claimtrack ingest DIR, the same {pages} pages as local files (extract + claims + SQLite, no network), \
         exit {}: {files_secs:.2} s = {:.0} pages/s; {files_cpu:.1} CPU-s = {:.0} pages per CPU-second",
        status.code().unwrap_or(-1),
        pages as f64 / files_secs,
        pages as f64 / files_cpu.max(1e-9)
    );

    // Default politeness: the gaps between two requests to one host, as the server saw them.
    let polite = FetchConfig::default();
    let delay = polite.per_host_delay;
    let fetcher = Fetcher::new(polite)?;
    let per_host = polite_pages.div_ceil(hosts as usize).max(2);
    let requests: Vec<Request> = (0..per_host * hosts as usize)
        .filter_map(|i| {
            let url = server.url(2 + (i % hosts as usize) as u8, &format!("/polite/{i}"));
            Url::parse(&url).ok().map(Request::new)
        })
        .collect();
    let n = requests.len();
    let start = Instant::now();
    fetcher.run_blocking(requests, |_| {})?;
    let secs = start.elapsed().as_secs_f64();
    let mut by_host: HashMap<u8, Vec<Instant>> = HashMap::new();
    if let Ok(log) = server.log.lock() {
        for (host, path, at) in log.iter() {
            if path.starts_with("/polite/") {
                by_host.entry(*host).or_default().push(*at);
            }
        }
    }
    let mut min_gap = Duration::MAX;
    for times in by_host.values_mut() {
        times.sort();
        for w in times.windows(2) {
            min_gap = min_gap.min(w[1] - w[0]);
        }
    }
    let closer = by_host
        .values()
        .filter(|t| t.windows(2).any(|w| w[1] - w[0] < delay))
        .count();
    println!(
        "  default politeness (delay {} ms, 2 per host): {n} pages over {} hosts in {secs:.1} s; smallest gap between \
         two requests to one host, as the server saw them: {:.1} ms; hosts with two requests closer than the delay: \
         {closer}",
        delay.as_millis(),
        by_host.len(),
        min_gap.as_secs_f64() * 1000.0,
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(EXIT_OK)
}

/// One timed batch: wall seconds, requests the server saw, pages fetched, CPU of this process
/// and of finished children meanwhile.
struct Timed {
    secs: f64,
    requests: usize,
    ok: usize,
    own_cpu: f64,
    child_cpu: f64,
}

fn time_curl(server: &BenchServer, config: &Path) -> anyhow::Result<Timed> {
    let before = server.requests();
    let (own, child) = (own_cpu_secs(), children_cpu_secs());
    let t = Instant::now();
    let status = std::process::Command::new("curl")
        .args([
            "--parallel",
            "--parallel-max",
            "32",
            "--no-progress-meter",
            "--config",
        ])
        .arg(config)
        .status()
        .context("running curl (is it installed?)")?;
    let secs = t.elapsed().as_secs_f64();
    if !status.success() {
        bail!("curl failed: {status}");
    }
    let requests = server.requests() - before;
    Ok(Timed {
        secs,
        requests,
        ok: requests,
        own_cpu: own_cpu_secs() - own,
        child_cpu: children_cpu_secs() - child,
    })
}

/// The fetcher alone: robots.txt per host, limits, decoding; nothing stored.
fn time_fetcher(server: &BenchServer, fetcher: &Fetcher, urls: &[String]) -> anyhow::Result<Timed> {
    let requests: Vec<Request> = urls
        .iter()
        .filter_map(|u| Url::parse(u).ok().map(Request::new))
        .collect();
    let before = server.requests();
    let own = own_cpu_secs();
    let t = Instant::now();
    let mut ok = 0usize;
    fetcher.run_blocking(requests, |r| {
        if matches!(r.outcome, Outcome::Page(_)) {
            ok += 1;
        }
    })?;
    Ok(Timed {
        secs: t.elapsed().as_secs_f64(),
        requests: server.requests() - before,
        ok,
        own_cpu: own_cpu_secs() - own,
        child_cpu: 0.0,
    })
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    match xs.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => xs[n / 2],
        n => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

/// User and system CPU time of the finished child processes, in seconds (0 where unknown).
fn children_cpu_secs() -> f64 {
    #[cfg(unix)]
    return cpu_secs(libc::RUSAGE_CHILDREN);
    #[cfg(not(unix))]
    0.0
}

/// User and system CPU time of this process (all its threads), in seconds (0 where unknown).
fn own_cpu_secs() -> f64 {
    #[cfg(unix)]
    return cpu_secs(libc::RUSAGE_SELF);
    #[cfg(not(unix))]
    0.0
}

#[cfg(unix)]
fn cpu_secs(who: libc::c_int) -> f64 {
    {
        // SAFETY: getrusage only writes the struct it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(who, &mut usage) } == 0 {
            let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            return secs(usage.ru_utime) + secs(usage.ru_stime);
        }
    }
    0.0
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("claimtrack-bench-fetch-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(Path::new(&dir).to_path_buf())
}
