//! URL normalisation before dedup.

use url::Url;

use super::FetchError;

/// Query parameters that only track the reader; dropped. `utm_*` is matched by prefix.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "ref_src",
];

/// The one URL form used for dedup: http/https only, scheme and host lowercased, default port,
/// fragment and tracking parameters (`utm_*`, `fbclid`, `gclid`, ...) dropped. The other query
/// parameters keep their order and their encoding; the path (trailing slash included) is kept.
pub fn normalize_url(input: &str) -> Result<Url, FetchError> {
    let trimmed = input.trim();
    let mut url = Url::parse(trimmed).map_err(|e| FetchError::InvalidUrl {
        url: trimmed.to_string(),
        reason: e.to_string(),
    })?;
    // `Url::parse` already lowercases the scheme and the host and drops a default port.
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(FetchError::UnsupportedScheme {
            url: trimmed.to_string(),
            scheme: url.scheme().into(),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::InvalidUrl {
            url: trimmed.to_string(),
            reason: "no host".into(),
        });
    }
    url.set_fragment(None);
    if let Some(query) = url.query() {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty() && !is_tracking(p))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            let joined = kept.join("&");
            url.set_query(Some(&joined));
        }
    }
    Ok(url)
}

fn is_tracking(pair: &str) -> bool {
    let key = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
    key.starts_with("utm_") || TRACKING_PARAMS.contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, &str>) {
        match (normalize_url(input), expected) {
            (Ok(url), Ok(want)) => assert_eq!(url.as_str(), want, "input {input}"),
            (Err(e), Err(want)) => assert!(e.to_string().contains(want), "input {input}: error {e}"),
            (got, want) => panic!("input {input}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn normalizes() {
        check(
            "HTTP://Example.COM:80/a/b/?x=1#frag",
            Ok("http://example.com/a/b/?x=1"),
        );
        check("https://example.com:443/a", Ok("https://example.com/a"));
        check("https://example.com:8443/a", Ok("https://example.com:8443/a"));
        check("https://example.com/a/", Ok("https://example.com/a/"));
        check("https://example.com/a", Ok("https://example.com/a"));
        check(
            "https://example.com/p?utm_source=x&id=7&fbclid=abc&UTM_Medium=y&b=2&gclid=1",
            Ok("https://example.com/p?id=7&b=2"),
        );
        check(
            "https://example.com/p?utm_source=x&mc_cid=1&mc_eid=2",
            Ok("https://example.com/p"),
        );
        check(
            "https://example.com/p?q=a+b%20c&igshid=9&ref_src=twsrc",
            Ok("https://example.com/p?q=a+b%20c"),
        );
        check("  https://example.com/  ", Ok("https://example.com/"));
        check(
            "https://example.com/p?z=1&a=2",
            Ok("https://example.com/p?z=1&a=2"),
        );
    }

    #[test]
    fn rejects() {
        check("ftp://example.com/file", Err("only http and https"));
        check("file:///etc/passwd", Err("file:///etc/passwd"));
        check("mailto:someone@example.com", Err("only http and https"));
        check("not a url", Err("not a valid URL"));
        check("/relative/path", Err("not a valid URL"));
    }
}
