//! `text_status`: a paywalled teaser is `partial` in `extract` output and in the store, and
//! the claims taken from it carry `partial_text: true`; a full page's claims do not.

use crate::{jsonl, Env};

const BODY: &str = "<p>Facebook said it never sold the personal data of its users to advertisers, \
    in a statement issued on Tuesday after questions from lawmakers about its partners.</p>\
    <p>The company repeated that users remain in control of the information they share.</p>";

fn page(title: &str, wall: bool) -> String {
    let wall = if wall {
        "<div class=\"paywall\"><p>Subscribe to continue reading. Already a subscriber? \
         Sign in.</p></div>"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html><html lang=en><head><title>{title}</title>\
         <meta property=\"article:published_time\" content=\"2020-05-04\"></head>\
         <body><article><h1>{title}</h1>{BODY}{wall}</article></body></html>"
    )
}

#[test]
fn partial_texts_are_flagged_from_extract_to_claims() {
    let env = Env::new();
    let walled = env.write("walled.html", page("Walled statement", true));
    let open = env.write("open.html", page("Open statement", false));

    let (code, out, err) = env.run(&[
        "extract",
        "--format",
        "jsonl",
        walled.to_str().unwrap(),
        open.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = jsonl(&out);
    let status = |name: &str| {
        rows.iter()
            .find(|r| r["path"].as_str().unwrap_or("").ends_with(name))
            .map(|r| r["text_status"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(status("walled.html").as_deref(), Some("partial"), "{out}");
    assert_eq!(status("open.html").as_deref(), Some("full"), "{out}");

    let (code, out, _) = env.run(&["extract", walled.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("text:      partial"), "{out}");

    let (code, _, err) = env.run(&["ingest", walled.to_str().unwrap(), open.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let stats: serde_json::Value = serde_json::from_str(&out).expect("stats JSON");
    assert_eq!(stats["partial_texts"], 1, "{out}");
    let claims = env.claims(&[]);
    assert!(claims.len() >= 2, "{claims:#?}");
    for c in &claims {
        let title = c["article_title"].as_str().unwrap_or("");
        let flagged = c["partial_text"].as_bool().expect("partial_text is a boolean");
        assert_eq!(flagged, title.starts_with("Walled"), "{c}");
    }
}
