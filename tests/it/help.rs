//! `--help` and the README agree: every subcommand (and sub-subcommand) shows examples, every
//! subcommand has a `### `claimtrack <name>…` heading in README.md, and every long flag its
//! `--help` lists is named in that part of the README.

use super::Env;

/// Flags every command takes, documented once at the top of the README's usage section.
const GLOBAL: [&str; 5] = ["--db", "--quiet", "--verbose", "--help", "--version"];

fn help(args: &[&str]) -> String {
    let env = Env::new();
    let mut all = args.to_vec();
    all.push("--help");
    let (code, out, err) = env.run(&all);
    assert_eq!(code, 0, "{args:?} --help: {err}");
    out
}

/// The names in a help text's `Commands:` section, without `help`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect()
}

/// The long flags in a help text's option lines.
fn long_flags(help: &str) -> Vec<String> {
    let mut flags = Vec::new();
    for line in help.lines().map(str::trim_start).filter(|l| l.starts_with('-')) {
        for token in line.split([' ', ',', '=', '[', '<']) {
            if let Some(name) = token.strip_prefix("--") {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let flag = format!("--{name}");
                if !name.is_empty() && !GLOBAL.contains(&flag.as_str()) && !flags.contains(&flag) {
                    flags.push(flag);
                }
            }
        }
    }
    flags
}

/// The README's sections whose `###` heading names `claimtrack <name>`, joined.
fn readme_section(readme: &str, name: &str) -> Option<String> {
    let needle = format!("`claimtrack {name}");
    let mut out = String::new();
    let mut inside = false;
    for line in readme.lines() {
        if line.starts_with("## ") || line.starts_with("### ") {
            inside = line.starts_with("### ")
                && (line.contains(&format!("{needle} ")) || line.contains(&format!("{needle}`")));
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    (!out.is_empty()).then_some(out)
}

#[test]
fn every_subcommand_has_examples_and_its_readme_section_names_its_flags() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let top = subcommands(&help(&[]));
    assert!(top.len() >= 15, "claimtrack --help lists its commands: {top:?}");
    let mut problems = Vec::new();
    for name in &top {
        let Some(section) = readme_section(&readme, name) else {
            problems.push(format!("README.md has no `### `claimtrack {name}` heading"));
            continue;
        };
        let mut paths = vec![vec![name.clone()]];
        let mut i = 0;
        while let Some(path) = paths.get(i).cloned() {
            i += 1;
            let args: Vec<&str> = path.iter().map(String::as_str).collect();
            let text = help(&args);
            let shown = path.join(" ");
            let has_example = text.split_once("Examples:").is_some_and(|(_, ex)| {
                ex.lines().any(|l| {
                    let l = l.trim_start();
                    l.starts_with("claimtrack ") && l.contains(&format!(" {} ", path[0]))
                })
            });
            if !has_example {
                problems.push(format!(
                    "`claimtrack {shown} --help` has no \"Examples:\" with a command line"
                ));
            }
            for flag in long_flags(&text) {
                if !section.contains(&flag) {
                    problems.push(format!(
                        "README section for `claimtrack {name}` does not name {flag} (of `{shown}`)"
                    ));
                }
            }
            for sub in subcommands(&text) {
                let mut p = path.clone();
                p.push(sub);
                paths.push(p);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checks_read_help_and_readme_as_intended() {
    let h = "Usage: x\n\nCommands:\n  add   Adds\n  help  Print\n\nOptions:\n      --data-type <DATA_TYPE>  T\n  \
             -o, --output <OUTPUT>  O\n      --db <DB>  D\n  -h, --help  H\n";
    assert_eq!(subcommands(h), ["add"]);
    assert_eq!(long_flags(h), ["--data-type", "--output"]);
    let readme =
        "## Usage\n### `claimtrack claims [filters]`\nA --company\n### `claimtrack claim add --x`\nB\n\
                  ### `claimtrack claim edit ID`\nC\n## Exit codes\nD\n";
    assert_eq!(
        readme_section(readme, "claims").as_deref(),
        Some("### `claimtrack claims [filters]`\nA --company\n")
    );
    let claim = readme_section(readme, "claim").unwrap();
    assert!(
        claim.contains("B\n")
            && claim.contains("C\n")
            && !claim.contains("A --company")
            && !claim.contains("\nD\n")
    );
    assert_eq!(readme_section(readme, "stats"), None);
}
