//! `claimtrack claim add|edit`: statements added by hand, and corrections of claims. Both are
//! linked like any other claim; corrections are kept across re-extraction.

use std::path::PathBuf;

use clap::Subcommand;

use super::{load_lexicon, parse_data_type, parse_polarity, with_stdout, Ctx, EXIT_OK};
use crate::export::{self, Format};
use crate::model::{Action, Article, Claim, DataType, DenialScope, PartialDate, Polarity, Precision};
use crate::store::{ClaimEdit, SaveStatus};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
claimtrack claim add --actor Facebook --polarity denial --data-type personal_data --speaker \"A spokesperson\" \
--stated-on 2018-04-10 --text \"We never sell data.\"\n  claimtrack claim edit 42 --polarity assertion")]
pub struct Args {
    #[command(subcommand)]
    pub action: ClaimAction,
}

#[derive(Debug, Subcommand)]
pub enum ClaimAction {
    /// Add a statement that is not in any article (a hearing, a filing, a post, a policy).
    Add(AddArgs),
    /// Correct a claim the extractor got wrong (kept across re-extraction; links recomputed).
    Edit(EditArgs),
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack claim add --actor Facebook --polarity denial \
--data-type personal_data --action sell \\\n    --speaker \"A company executive\" --stated-on 2018-04-10 \
--text \"We do not sell anyone's data.\" \\\n    --source-url https://example.org/hearing-transcript"
)]
pub struct AddArgs {
    /// The company whose users' data it is (aliases resolved through the lexicon).
    #[arg(long)]
    pub actor: String,
    #[arg(long, value_parser = parse_polarity)]
    pub polarity: Polarity,
    /// A taxonomy key, e.g. personal_data or private_messages.
    #[arg(long, value_parser = parse_data_type)]
    pub data_type: DataType,
    /// share, access, sell, collect, use or other.
    #[arg(long, value_parser = parse_action, default_value = "share")]
    pub action: Action,
    /// For a denial: always ("never"), present ("we do not") or past ("we did not").
    #[arg(long, value_parser = parse_scope)]
    pub scope: Option<DenialScope>,
    /// Who said it.
    #[arg(long)]
    pub speaker: String,
    /// When it was said: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = parse_partial_date)]
    pub stated_on: PartialDate,
    /// The statement, in the speaker's words.
    #[arg(long)]
    pub text: String,
    /// Where it can be read or heard.
    #[arg(long)]
    pub source_url: Option<String>,
    /// Who received, accessed or bought the data, if named.
    #[arg(long)]
    pub counterparty: Option<String>,
    /// Start of the period the statement is about.
    #[arg(long, value_parser = parse_partial_date)]
    pub period_start: Option<PartialDate>,
    /// End of the period the statement is about.
    #[arg(long, value_parser = parse_partial_date)]
    pub period_end: Option<PartialDate>,
    /// An extra company lexicon (to resolve aliases of your own).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
    /// Output format of the stored claim.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack claim edit 42 --data-type private_messages --polarity assertion\n  \
claimtrack claim edit 42 --counterparty \"\"   # no counterparty"
)]
pub struct EditArgs {
    /// The claim's id (as `claims` prints it).
    pub id: i64,
    #[arg(long)]
    pub actor: Option<String>,
    /// The counterparty; an empty string removes it.
    #[arg(long)]
    pub counterparty: Option<String>,
    #[arg(long, value_parser = parse_data_type)]
    pub data_type: Option<DataType>,
    #[arg(long, value_parser = parse_action)]
    pub action: Option<Action>,
    #[arg(long, value_parser = parse_polarity)]
    pub polarity: Option<Polarity>,
    /// Who corrects [default: $USER].
    #[arg(long)]
    pub by: Option<String>,
    /// An extra company lexicon (to resolve aliases of your own).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
    /// Output format of the corrected claim.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

fn parse_action(s: &str) -> Result<Action, String> {
    s.parse().map_err(|e: crate::model::UnknownKey| e.to_string())
}

fn parse_scope(s: &str) -> Result<DenialScope, String> {
    s.parse().map_err(|e: crate::model::UnknownKey| e.to_string())
}

fn parse_partial_date(s: &str) -> Result<PartialDate, String> {
    s.parse()
        .map_err(|e: crate::model::PartialDateError| e.to_string())
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    match args.action {
        ClaimAction::Add(a) => add(ctx, a),
        ClaimAction::Edit(a) => edit(ctx, a),
    }
}

/// The canonical name of a company, or the name as given when the lexicon does not know it.
fn canonical(lexicon: &crate::claims::Lexicon, name: &str) -> String {
    let name = name.trim();
    lexicon.canonical_company(name).unwrap_or(name).to_string()
}

fn add(ctx: &Ctx, a: AddArgs) -> anyhow::Result<i32> {
    let text = a.text.trim();
    anyhow::ensure!(!text.is_empty(), "--text is empty: give the statement's words");
    let lexicon = load_lexicon(a.lexicon.as_deref())?;
    let published = (a.stated_on.precision() == Precision::Day).then(|| a.stated_on.first_day());
    let article = Article {
        url: a.source_url.clone(),
        title: Some(format!("Statement by {}, {}", a.speaker.trim(), a.stated_on)),
        published,
        outlet: None,
        author: Some(a.speaker.trim().to_string()),
        text: text.to_string(),
        html: None,
        origin: a
            .source_url
            .clone()
            .unwrap_or_else(|| "claimtrack claim add".to_string()),
        canonical_url: None,
        text_status: None,
        language: None,
    };
    let claim = Claim {
        actor: canonical(&lexicon, &a.actor),
        counterparty: a.counterparty.as_deref().map(|c| canonical(&lexicon, c)),
        data_type: a.data_type,
        action: a.action,
        polarity: a.polarity,
        scope: if a.polarity == Polarity::Denial {
            a.scope
        } else {
            None
        },
        speaker: Some(a.speaker.trim().to_string()),
        stated_on: Some(a.stated_on),
        period_start: a.period_start,
        period_end: a.period_end,
        sentence: text.to_string(),
        start: 0,
        end: text.chars().count(),
        rule: "manual.statement".to_string(),
        confidence: 1.0,
    };
    let mut store = ctx.open_write()?;
    let (outcome, id) = store.add_statement(&article, &claim)?;
    let record = store.claim(id)?;
    with_stdout(|w| export::write_claims(w, std::slice::from_ref(&record), a.format))?;
    match outcome.status {
        SaveStatus::Duplicate => ctx.note(format!("statement already stored as claim #{id}")),
        _ => ctx.note(format!("stored claim #{id}; {} links", outcome.links)),
    }
    Ok(EXIT_OK)
}

fn edit(ctx: &Ctx, a: EditArgs) -> anyhow::Result<i32> {
    let needs_lexicon = a.actor.is_some() || a.counterparty.as_deref().is_some_and(|c| !c.is_empty());
    let lexicon = if needs_lexicon {
        Some(load_lexicon(a.lexicon.as_deref())?)
    } else {
        None
    };
    let name = |n: &str| match &lexicon {
        Some(l) => canonical(l, n),
        None => n.trim().to_string(),
    };
    let edit = ClaimEdit {
        actor: a.actor.as_deref().map(name),
        counterparty: a
            .counterparty
            .as_deref()
            .map(|c| (!c.trim().is_empty()).then(|| name(c))),
        data_type: a.data_type,
        action: a.action,
        polarity: a.polarity,
    };
    anyhow::ensure!(
        !edit.is_empty(),
        "nothing to change: give --actor, --counterparty, --data-type, --action or --polarity"
    );
    let by =
        a.by.or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()));
    let mut store = ctx.open_existing_write()?;
    let (record, links) = store.edit_claim(a.id, &edit, by.as_deref())?;
    with_stdout(|w| export::write_claims(w, std::slice::from_ref(&record), a.format))?;
    ctx.note(format!("corrected claim #{}; {links} links now", record.id));
    Ok(EXIT_OK)
}
