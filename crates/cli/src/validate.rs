//! `commons validate`: check publiccode.yml files like a compiler checks sources.

use crate::say::{Lang, Speaker};
use clap::ValueEnum;
use commons_publiccode::{Diagnostic, MAX_FILE_SIZE, Options, Validation, validate};
use fluent_bundle::FluentValue;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `commons validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (searched for publiccode.yml / publiccode.yaml) or `-` for stdin.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the text output's messages (the JSON gives each message's id and
    /// arguments, `l10n`, beside its English).
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
    /// Also check over the network that URLs answer and remote images are images.
    #[arg(long)]
    network: bool,
    /// With --network: also contact this host (`host` or `host:port`) at a loopback, private
    /// or other non-public address. Such addresses are refused otherwise.
    #[arg(long = "allow-host", value_name = "HOST", requires = "network")]
    allow_hosts: Vec<String>,
    /// Skip checks of files beside the publiccode.yml (logos, screenshots, authors file).
    #[arg(long)]
    no_file_checks: bool,
    /// A file of Italian iPA codes, one per line, to check `urn:x-italian-pa:` identifiers.
    #[arg(long, value_name = "FILE")]
    ipa_codes: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Compiler-style messages with the offending line.
    Text,
    /// One JSON document: an array with one object per file.
    Json,
}

/// One input: a file on disk or standard input.
enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".into(),
        }
    }
}

struct Outcome {
    name: String,
    /// The text, kept only when there is something to show against its lines.
    source: Option<String>,
    validation: Validation,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    key: &'a str,
    line: usize,
    column: usize,
    severity: commons_publiccode::Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    l10n: Option<&'a commons_publiccode::Message>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    valid: bool,
    version: Option<&'a str>,
    errors: Vec<JsonProblem<'a>>,
    warnings: Vec<JsonProblem<'a>>,
}

/// Runs the command and decides the exit status: 0 all valid, 1 some invalid, 2 usage or I/O.
pub fn run(args: Args) -> ExitCode {
    let mut io_errors = Vec::new();
    let inputs = collect_inputs(&args.paths, &mut io_errors);
    let registry = match &args.ipa_codes {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(
                text.lines()
                    .map(|l| l.trim().to_lowercase())
                    .filter(|l| !l.is_empty())
                    .collect::<std::collections::HashSet<String>>(),
            ),
            Err(e) => {
                eprintln!("commons: cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let lookup = registry
        .as_ref()
        .map(|set| move |code: &str| set.contains(code));
    let options = Options {
        ipa_registry: lookup.as_ref().map(|f| f as &(dyn Fn(&str) -> bool + Sync)),
    };

    let stdout = std::io::stdout();
    let color = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut report = Report::new(args.format, Speaker::new(args.lang));
    // Files are validated in parallel a chunk at a time and printed in order as each chunk
    // completes, so memory stays flat however many files there are.
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<Result<Outcome, String>> = chunk
            .par_iter()
            .map(|input| check_one(input, &options, &args))
            .collect();
        for result in results {
            match result {
                Ok(outcome) => {
                    if report.add(&mut out, &outcome, color).is_err() {
                        return ExitCode::from(2);
                    }
                }
                Err(e) => io_errors.push(e),
            }
        }
    }
    if report.finish(&mut out).is_err() || out.flush().is_err() {
        return ExitCode::from(2);
    }
    drop(out);
    for e in &io_errors {
        eprintln!("commons: {e}");
    }
    if report.files == 0 && io_errors.is_empty() {
        eprintln!("commons: no publiccode.yml found");
        return ExitCode::from(2);
    }
    if !io_errors.is_empty() {
        return ExitCode::from(2);
    }
    if report.invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Files validated in parallel before their results are printed.
const CHUNK: usize = 256;

/// Prints outcomes as they come and keeps the totals.
struct Report {
    format: Format,
    speaker: Speaker,
    files: usize,
    invalid: usize,
    errors: usize,
    warnings: usize,
}

impl Report {
    fn new(format: Format, speaker: Speaker) -> Self {
        Report {
            format,
            speaker,
            files: 0,
            invalid: 0,
            errors: 0,
            warnings: 0,
        }
    }

    fn add(&mut self, out: &mut impl Write, o: &Outcome, color: bool) -> std::io::Result<()> {
        let v = &o.validation;
        match self.format {
            Format::Json => {
                out.write_all(if self.files == 0 { b"[\n" } else { b",\n" })?;
                let file = JsonFile {
                    file: &o.name,
                    valid: v.is_valid(),
                    version: v.version.as_deref(),
                    errors: v.errors().map(json_problem).collect(),
                    warnings: v.warnings().map(json_problem).collect(),
                };
                serde_json::to_writer_pretty(&mut *out, &file)?;
            }
            Format::Text => {
                let lines: Vec<&str> = o.source.as_deref().unwrap_or_default().lines().collect();
                for d in &v.diagnostics {
                    write_diagnostic(out, &o.name, d, &lines, color, &self.speaker)?;
                }
            }
        }
        self.files += 1;
        self.invalid += usize::from(!v.is_valid());
        // Counts every problem found, also those beyond the listed ones.
        self.errors += v.error_count();
        self.warnings += v.warning_count();
        Ok(())
    }

    fn finish(&self, out: &mut impl Write) -> std::io::Result<()> {
        match self.format {
            Format::Json => out.write_all(if self.files == 0 { b"[]\n" } else { b"\n]\n" }),
            Format::Text => {
                let count = |n: usize| FluentValue::from(n);
                let summary = self.speaker.say(
                    "validate-summary",
                    &[
                        ("files", count(self.files)),
                        ("valid", count(self.files - self.invalid)),
                        ("invalid", count(self.invalid)),
                        ("errors", count(self.errors)),
                        ("warnings", count(self.warnings)),
                    ],
                );
                writeln!(out, "{summary}")
            }
        }
    }
}

fn collect_inputs(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let found = walkdir::WalkDir::new(path)
                    .follow_links(false)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for entry in found {
                    match entry {
                        Ok(e)
                            if e.file_type().is_file()
                                && matches!(
                                    e.file_name().to_str(),
                                    Some("publiccode.yml" | "publiccode.yaml")
                                ) =>
                        {
                            inputs.push(Input::File(e.into_path()))
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(format!("{}: {e}", path.display())),
                    }
                }
            }
            Ok(m) if m.is_file() => inputs.push(Input::File(path.clone())),
            Ok(_) => errors.push(format!("{}: not a file or directory", path.display())),
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
    inputs
}

fn read_limited(reader: impl Read) -> std::io::Result<Vec<u8>> {
    // Read one byte past the limit: enough to know the file is too large, never more.
    let mut buf = Vec::new();
    reader
        .take(MAX_FILE_SIZE as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

fn check_one(input: &Input, options: &Options<'_>, args: &Args) -> Result<Outcome, String> {
    let name = input.name();
    let bytes = match input {
        Input::Stdin => read_limited(std::io::stdin().lock()),
        Input::File(p) => std::fs::File::open(p).and_then(read_limited),
    }
    .map_err(|e| format!("{name}: {e}"))?;
    let mut validation = validate(&bytes, options);
    if !args.no_file_checks {
        let base = match input {
            Input::File(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            Input::Stdin => std::env::current_dir().unwrap_or_default(),
        };
        let base = if base.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            base
        };
        commons_checks::check_files(&mut validation, &base);
    }
    if args.network {
        let allowance = commons_checks::network::Allowance::hosts(&args.allow_hosts);
        commons_checks::network::check(&mut validation, &allowance);
    }
    let source = (args.format == Format::Text && !validation.diagnostics.is_empty())
        .then(|| String::from_utf8_lossy(&bytes).into_owned());
    Ok(Outcome {
        name,
        source,
        validation,
    })
}

fn json_problem(d: &Diagnostic) -> JsonProblem<'_> {
    JsonProblem {
        key: &d.key,
        line: d.line,
        column: d.column,
        severity: d.severity,
        message: &d.message,
        l10n: d.l10n.as_ref(),
    }
}

fn write_diagnostic(
    out: &mut impl Write,
    file: &str,
    d: &Diagnostic,
    lines: &[&str],
    color: bool,
    speaker: &Speaker,
) -> std::io::Result<()> {
    let (start, end) = if color {
        match d.severity {
            commons_publiccode::Severity::Error => ("\x1b[1;31m", "\x1b[0m"),
            commons_publiccode::Severity::Warning => ("\x1b[1;33m", "\x1b[0m"),
        }
    } else {
        ("", "")
    };
    let location = if d.line > 0 {
        format!("{file}:{}:{}", d.line, d.column)
    } else {
        file.to_string()
    };
    let severity = speaker.say(&format!("severity-{}", d.severity), &[]);
    let message = speaker.sentence(&d.message, d.l10n.as_ref());
    writeln!(
        out,
        "{location}: {start}{severity}{end}[{}]: {}",
        d.key,
        sanitize(&message)
    )?;
    if let Some(text) = d.line.checked_sub(1).and_then(|i| lines.get(i)) {
        let number = d.line.to_string();
        let text = sanitize(text);
        writeln!(out, "{number} | {text}")?;
        let caret_at = d.column.saturating_sub(1);
        let pad: String = text
            .chars()
            .take(caret_at)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(out, "{:width$} | {pad}^", "", width = number.len())?;
    }
    Ok(())
}

/// Keeps control characters from a hostile file out of the terminal.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}
