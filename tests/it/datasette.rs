//! The database in Datasette, for real: `datasette serve` on 127.0.0.1 with the metadata from
//! `claimtrack datasette-metadata`, queried over HTTP. Datasette is installed by `.ci/run`
//! (`pip install datasette`); without it this test fails, it is never skipped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use claimtrack::model::Article;
use claimtrack::store::Store;

use super::Env;

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

/// A minimal HTTP/1.0 GET (no chunked replies): (status code, body).
fn get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        s,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((code, body.to_string()))
}

fn get_json(port: u16, path: &str) -> serde_json::Value {
    let (code, body) = get(port, path).unwrap_or_else(|e| panic!("GET {path}: {e}"));
    assert_eq!(code, 200, "GET {path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"))
}

#[test]
fn datasette_serves_the_contradictions_view_and_searches_articles() {
    let version = Command::new("datasette").arg("--version").output();
    assert!(
        version.as_ref().is_ok_and(|o| o.status.success()),
        "datasette is not installed: run `pip install datasette` (the line in .ci/run) and test again"
    );

    let env = Env::new();
    super::review::build(&env);
    {
        let mut store = Store::open(&env.db()).expect("opens");
        let article = Article {
            url: Some("https://example.org/dms".to_string()),
            title: Some("What happens to direct messages".to_string()),
            published: "2019-03-01".parse().ok(),
            outlet: Some("Test Wire".to_string()),
            author: None,
            text: "An explainer on where direct messages are kept and who can see them.".to_string(),
            html: None,
            origin: "test".to_string(),
            canonical_url: None,
            text_status: None,
            language: None,
        };
        store.save_article(&article, &[], "test").expect("save");
    }
    let metadata = env.path("metadata.json");
    let (code, _, err) = env.run(&["datasette-metadata", "-o", metadata.to_str().expect("UTF-8 path")]);
    assert_eq!(code, 0, "{err}");

    let port = free_port();
    let child = Command::new("datasette")
        .arg("serve")
        .arg(env.db())
        .args(["--port", &port.to_string(), "--host", "127.0.0.1", "-m"])
        .arg(&metadata)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("datasette starts");
    let mut server = Server(child);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok((200, _)) = get(port, "/-/versions.json") {
            break;
        }
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!("datasette exited early: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "datasette did not answer on port {port} within 60 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    let db = "t"; // Datasette names the database after the file t.db.
    let rows = get_json(port, &format!("/{db}/contradictions_view.json?_shape=array"));
    let rows = rows.as_array().expect("an array of rows");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows
        .iter()
        .all(|r| r["status"] == "auto" && r["denial_sentence"].is_string()));
    assert_eq!(rows[0]["denial_article_title"], "A pledge on inboxes");

    let hits = get_json(
        port,
        &format!("/{db}/articles.json?_search=messages&_shape=array"),
    );
    let titles: Vec<&str> = hits
        .as_array()
        .expect("an array of rows")
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect();
    assert_eq!(titles, ["What happens to direct messages"]);

    // The metadata is in use: the view's description is served.
    let meta = get_json(port, "/-/metadata.json");
    assert!(
        meta["databases"][db]["tables"]["contradictions_view"]["description"].is_string(),
        "{meta}"
    );
    // The fetch tables too, and Datasette serves them with their facets.
    assert!(
        meta["databases"][db]["tables"]["fetch_log"]["columns"]["outcome"].is_string(),
        "{meta}"
    );
    let queue = get_json(port, &format!("/{db}/fetch_queue.json"));
    assert!(queue["facet_results"].to_string().contains("state"), "{queue}");
    drop(server);
}
