//! A tiny HTTP/1.1 server on 127.0.0.1 for the fetcher's tests, unit and integration alike
//! (`tests/it` reaches it as `claimtrack::fetch::testserver`; it is not part of the API): one
//! thread a connection, one request a connection. It records each request (path, headers, when
//! it arrived) and answers with what the test's handler returns: any status, headers and body,
//! after a delay, or a body dripped slowly.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use url::Url;

#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// When the request had been read, by the server's clock.
    pub at: Instant,
    /// How many earlier requests had the same path.
    pub seen: usize,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// Send the body 64 bytes at a time with this pause between, and no Content-Length.
    pub drip: Option<Duration>,
}

impl Reply {
    pub fn status(status: u16) -> Self {
        Reply {
            status,
            ..Default::default()
        }
    }
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Reply::status(200).header("Content-Type", content_type).body(body)
    }
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status: 200,
            body: body.into(),
            ..Default::default()
        }
        .header("Content-Type", "text/html")
    }
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
    pub fn drip(mut self, pause: Duration) -> Self {
        self.drip = Some(pause);
        self
    }
    pub fn redirect(status: u16, location: &str) -> Self {
        Reply::status(status).header("Location", location)
    }
}

type Handler = dyn Fn(&Hit) -> Reply + Send + Sync;

pub struct TestServer {
    port: u16,
    hits: Arc<Mutex<Vec<Hit>>>,
    stop: Arc<AtomicBool>,
}

impl TestServer {
    /// Starts a server answering each request with `handler`'s reply.
    pub fn start(handler: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("tests can bind a loopback port");
        let port = listener
            .local_addr()
            .expect("a bound socket has an address")
            .port();
        let hits = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (hits2, stop2) = (hits.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (hits, handler) = (hits2.clone(), handler.clone());
                thread::spawn(move || serve(stream, &hits, &*handler));
            }
        });
        TestServer { port, hits, stop }
    }

    pub fn url(&self, path: &str) -> Url {
        Url::parse(&format!("http://127.0.0.1:{}{path}", self.port)).expect("test URLs are valid")
    }

    /// Requests received for `path`, in arrival order.
    pub fn hits(&self, path: &str) -> Vec<Hit> {
        self.hits
            .lock()
            .expect("no test thread panics holding the log")
            .iter()
            .filter(|h| h.path == path)
            .cloned()
            .collect()
    }

    pub fn all_hits(&self) -> Vec<Hit> {
        self.hits
            .lock()
            .expect("no test thread panics holding the log")
            .clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(stream: TcpStream, hits: &Mutex<Vec<Hit>>, handler: &Handler) {
    let Ok(read_half) = stream.try_clone() else { return };
    let mut reader = BufReader::new(read_half);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((n, v)) = line.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    let at = Instant::now();
    let hit = {
        let mut log = hits.lock().expect("no test thread panics holding the log");
        let seen = log.iter().filter(|h| h.path == path).count();
        let hit = Hit {
            path,
            headers,
            at,
            seen,
        };
        log.push(hit.clone());
        hit
    };
    let reply = handler(&hit);
    thread::sleep(reply.delay);
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status);
    for (n, v) in &reply.headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    if reply.drip.is_none() {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    match reply.drip {
        None => {
            let _ = out.write_all(&reply.body);
        }
        Some(pause) => {
            for chunk in reply.body.chunks(64) {
                if out.write_all(chunk).and_then(|_| out.flush()).is_err() {
                    return;
                }
                thread::sleep(pause);
            }
        }
    }
    let _ = out.flush();
}
