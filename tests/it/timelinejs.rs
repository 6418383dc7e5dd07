//! `timeline --format timelinejs` against the TimelineJS3 JSON format (Knight Lab's documented
//! fields: `events` of slides with a `start_date` whose `year` is an integer, optional month,
//! day, hour, minute, second, millisecond in range, an `end_date` only when it is a real date,
//! `text` with `headline`/`text` strings, `unique_id`s unique), and then for real: the
//! `@knight-lab/timelinejs` npm package (installed by `.ci/run` into `target/npm`) renders the
//! exported JSON in headless Chromium from file:// URLs, with no network.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::browser::{artifacts_dir, headless, on, Trap};
use super::Env;

/// A date object as TimelineJS3 reads it; `Err` says what is wrong.
fn check_date(d: &Value, at: &str) -> Result<(), String> {
    let o = d.as_object().ok_or(format!("{at}: not an object: {d}"))?;
    if o.is_empty() {
        return Err(format!("{at}: empty date object"));
    }
    let year = o.get("year").ok_or(format!("{at}: no year"))?;
    // TimelineJS accepts a number or a numeric string; we always write integers.
    year.as_i64()
        .ok_or(format!("{at}: year is not an integer: {year}"))?;
    let ranges = [
        ("month", 1, 12),
        ("day", 1, 31),
        ("hour", 0, 23),
        ("minute", 0, 59),
        ("second", 0, 59),
        ("millisecond", 0, 999),
    ];
    for (key, lo, hi) in ranges {
        if let Some(v) = o.get(key) {
            let n = v.as_i64().ok_or(format!("{at}: {key} is not an integer: {v}"))?;
            if !(lo..=hi).contains(&n) {
                return Err(format!("{at}: {key} {n} out of range"));
            }
        }
    }
    // Finer parts need the coarser ones: a day needs a month.
    if o.contains_key("day") && !o.contains_key("month") {
        return Err(format!("{at}: day without month"));
    }
    if let (Some(m), Some(day)) = (o.get("month"), o.get("day")) {
        let (y, m, day) = (
            year.as_i64().unwrap_or(0),
            m.as_i64().unwrap_or(0),
            day.as_i64().unwrap_or(0),
        );
        if chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, day as u32).is_none() {
            return Err(format!("{at}: no such day {y}-{m}-{day}"));
        }
    }
    for key in o.keys() {
        let known = ["year", "display_date", "format"].contains(&key.as_str())
            || ranges.iter().any(|(k, _, _)| k == key);
        if !known {
            return Err(format!("{at}: unknown date field {key}"));
        }
    }
    Ok(())
}

fn check_text(t: &Value, at: &str) -> Result<(), String> {
    let o = t.as_object().ok_or(format!("{at}: text is not an object"))?;
    for (k, v) in o {
        if !["headline", "text"].contains(&k.as_str()) {
            return Err(format!("{at}: unknown text field {k}"));
        }
        if !v.is_string() {
            return Err(format!("{at}: text.{k} is not a string"));
        }
    }
    Ok(())
}

/// Validates a TimelineJS3 document; `Err` lists what is wrong.
fn validate(doc: &Value) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut slide = |s: &Value, at: String, event: bool, errors: &mut Vec<String>| {
        let Some(o) = s.as_object() else {
            errors.push(format!("{at}: not an object"));
            return;
        };
        match o.get("start_date") {
            Some(d) => errors.extend(check_date(d, &format!("{at}.start_date")).err()),
            None if event => errors.push(format!("{at}: no start_date")),
            None => {}
        }
        if let Some(d) = o.get("end_date") {
            errors.extend(check_date(d, &format!("{at}.end_date")).err());
        }
        match o.get("text") {
            Some(t) => errors.extend(check_text(t, &at).err()),
            None if o.get("media").is_none() => errors.push(format!("{at}: neither text nor media")),
            None => {}
        }
        if let Some(id) = o.get("unique_id") {
            match id.as_str() {
                Some(id) if !id.is_empty() => {
                    if !ids.insert(id.to_string()) {
                        errors.push(format!("{at}: duplicate unique_id {id}"));
                    }
                }
                _ => errors.push(format!("{at}: unique_id is not a non-empty string")),
            }
        }
        if let Some(g) = o.get("group") {
            if g.as_str().is_none_or(|g| g.is_empty()) {
                errors.push(format!("{at}: group is not a non-empty string"));
            }
        }
        for k in o.keys() {
            let known = [
                "start_date",
                "end_date",
                "text",
                "media",
                "group",
                "display_date",
                "background",
                "autolink",
                "unique_id",
            ];
            if !known.contains(&k.as_str()) {
                errors.push(format!("{at}: unknown slide field {k}"));
            }
        }
    };
    match doc.get("events").and_then(Value::as_array) {
        Some(events) => {
            for (i, e) in events.iter().enumerate() {
                slide(e, format!("events[{i}]"), true, &mut errors);
            }
        }
        None => errors.push("no events array".to_string()),
    }
    if let Some(t) = doc.get("title") {
        slide(t, "title".to_string(), false, &mut errors);
    }
    if let Some(s) = doc.get("scale") {
        if s != "human" && s != "cosmological" {
            errors.push(format!("scale {s}"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[test]
fn the_validator_rejects_what_timelinejs_rejects() {
    fn check(doc: Value, expected: &str) {
        let errors = validate(&doc).err().unwrap_or_default().join("; ");
        assert!(
            if expected.is_empty() {
                errors.is_empty()
            } else {
                errors.contains(expected)
            },
            "{doc}: expected {expected:?}, got {errors:?}"
        );
    }
    let ok = |extra: Value| {
        let mut e = json!({"start_date": {"year": 2018, "month": 4, "day": 10},
            "text": {"headline": "h", "text": "t"}, "unique_id": "a"});
        if let (Some(e), Some(x)) = (e.as_object_mut(), extra.as_object()) {
            e.extend(x.clone());
        }
        e
    };
    check(json!({"events": [ok(json!({}))]}), "");
    check(json!({"title": {"text": {"headline": "x"}}, "events": []}), "");
    check(json!({}), "no events array");
    check(json!({"events": [{"text": {"headline": "h"}}]}), "no start_date");
    check(
        json!({"events": [ok(json!({"end_date": {}}))]}),
        "empty date object",
    );
    check(
        json!({"events": [ok(json!({"start_date": {"year": "2018"}}))]}),
        "year is not an integer",
    );
    check(
        json!({"events": [ok(json!({"start_date": {"year": 2018, "month": 13}}))]}),
        "month 13",
    );
    check(
        json!({"events": [ok(json!({"start_date": {"year": 2018, "day": 3}}))]}),
        "day without month",
    );
    check(
        json!({"events": [ok(json!({"start_date": {"year": 2018, "month": 2, "day": 30}}))]}),
        "no such day",
    );
    check(
        json!({"events": [ok(json!({})), ok(json!({}))]}),
        "duplicate unique_id a",
    );
    check(
        json!({"events": [ok(json!({"headline": "x"}))]}),
        "unknown slide field headline",
    );
    check(json!({"events": [ok(json!({"group": ""}))]}), "group is not");
}

/// The demo database and its TimelineJS export, parsed.
fn demo_timelinejs(env: &Env) -> (PathBuf, String, Value) {
    let demo = env.path("demo");
    let (code, _, err) = env.run(&["demo", "--out", demo.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let db = demo.join("claimtrack.db");
    let (code, out, err) = on(&db, &["timeline", "--format", "timelinejs"]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("timelinejs output is JSON");
    (db, out, doc)
}

#[test]
fn timelinejs_export_is_valid_timelinejs3() {
    let env = Env::new();
    let (db, _, doc) = demo_timelinejs(&env);
    if let Err(errors) = validate(&doc) {
        panic!(
            "{} problems, first: {:#?}",
            errors.len(),
            &errors[..errors.len().min(10)]
        );
    }
    // One event per dated claim, in date order.
    let (_, out, _) = on(&db, &["timeline", "--format", "json"]);
    let tl: Value = serde_json::from_str(&out).expect("timeline JSON");
    let dated = tl["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| !c["stated_on"].is_null() || !c["published"].is_null())
        .count();
    let events = doc["events"].as_array().expect("events");
    assert_eq!(events.len(), dated);
    let key = |e: &Value| {
        let d = &e["start_date"];
        (
            d["year"].as_i64(),
            d["month"].as_i64().unwrap_or(0),
            d["day"].as_i64().unwrap_or(0),
        )
    };
    assert!(
        events.windows(2).all(|w| key(&w[0]) <= key(&w[1])),
        "events in date order"
    );
    assert!(doc["title"]["text"]["headline"]
        .as_str()
        .is_some_and(|h| !h.is_empty()));
}

/// The installed `@knight-lab/timelinejs` package: `$CLAIMTRACK_TIMELINEJS`, or `target/npm`
/// beside the checkout (where `.ci/run` installs it), or beside the test binary's target dir.
fn timelinejs_package() -> PathBuf {
    let rel = "npm/node_modules/@knight-lab/timelinejs";
    let mut candidates: Vec<PathBuf> = std::env::var_os("CLAIMTRACK_TIMELINEJS")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join(rel));
    if let Some(target) = artifacts_dir().parent() {
        candidates.push(target.join(rel));
    }
    candidates
        .iter()
        .find(|p| p.join("dist/js/timeline.js").exists())
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "the TimelineJS package is not installed (looked in {candidates:?}): install it as \
                 .ci/run does (`npm install --prefix target/npm @knight-lab/timelinejs@3`), or set \
                 CLAIMTRACK_TIMELINEJS to its folder"
            )
        })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("can make folder");
    for entry in std::fs::read_dir(from).expect("can read folder").flatten() {
        let p = entry.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&p, to.join(entry.file_name())).expect("can copy");
        }
    }
}

#[test]
fn timelinejs_renders_the_export_in_headless_chromium() {
    let package = timelinejs_package();
    let env = Env::new();
    let (_, json, doc) = demo_timelinejs(&env);
    let events = doc["events"].as_array().expect("events").len();
    // The package's dist/ (JS, CSS, fonts, icons, locales) next to the page; everything file://.
    // `script_path: ""` makes TimelineJS find its files beside its own script instead of on
    // Knight Lab's CDN (its default, which it would fetch the font CSS from).
    let site = env.path("site");
    copy_dir(&package.join("dist"), &site);
    // `</` cannot end the inline script early: JSON allows `<\/`.
    let data = json.replace("</", "<\\/");
    let page = site.join("index.html");
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>TimelineJS check</title>\
             <link rel=\"stylesheet\" href=\"css/timeline.css\"></head><body>\
             <div id=\"timeline-embed\" style=\"width:1300px;height:860px\"></div>\
             <script src=\"js/timeline.js\"></script><script>\
             var data = {data};\n\
             window.timeline = new TL.Timeline('timeline-embed', data, {{hash_bookmark: false, script_path: \"\"}});\
             </script></body></html>"
        ),
    )
    .expect("can write the page");

    let trap = Trap::start();
    let run = headless(&page, &["--dump-dom".to_string()], &trap, env.dir.path());
    let dom = &run.stdout;
    let slides = dom.matches("class=\"tl-slide ").count();
    assert_eq!(
        slides,
        events + 1,
        "one slide per event plus the title slide; console: {:?}",
        run.console()
    );
    assert_eq!(dom.matches("tl-slide-titleslide").count(), 1);
    assert!(dom.contains("tl-timemarker"), "the time navigation is drawn");
    assert!(run.console().is_empty(), "console messages: {:?}", run.console());

    let shot = artifacts_dir().join("timelinejs.png");
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
    assert!(shot.exists(), "no screenshot: {}", run.stderr);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        trap.page_requests(),
        Vec::<String>::new(),
        "TimelineJS reached the network"
    );
}
