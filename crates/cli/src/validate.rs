//! `commons validate`: check publiccode.yml files like a compiler checks sources.

use clap::ValueEnum;
use commons_publiccode::{Diagnostic, MAX_FILE_SIZE, Options, Validation, validate};
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
    /// Also check over the network that URLs answer and remote images are images.
    #[arg(long)]
    network: bool,
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
    source: String,
    validation: Validation,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    key: &'a str,
    line: usize,
    column: usize,
    severity: commons_publiccode::Severity,
    message: &'a str,
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

    let results: Vec<Result<Outcome, String>> = inputs
        .par_iter()
        .map(|input| check_one(input, &options, &args))
        .collect();
    let mut outcomes = Vec::new();
    for r in results {
        match r {
            Ok(o) => outcomes.push(o),
            Err(e) => io_errors.push(e),
        }
    }
    for e in &io_errors {
        eprintln!("commons: {e}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => print_json(&mut out, &outcomes),
        Format::Text => print_text(&mut out, &outcomes, std::io::stdout().is_terminal()),
    };
    if written.is_err() {
        return ExitCode::from(2);
    }
    if !io_errors.is_empty() || (outcomes.is_empty() && args.format == Format::Text) {
        if outcomes.is_empty() && io_errors.is_empty() {
            eprintln!("commons: no publiccode.yml found");
        }
        return ExitCode::from(2);
    }
    if outcomes.iter().all(|o| o.validation.is_valid()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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
        commons_checks::network::check(&mut validation);
    }
    let source = String::from_utf8_lossy(&bytes).into_owned();
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
    }
}

fn print_json(out: &mut impl Write, outcomes: &[Outcome]) -> std::io::Result<()> {
    let files: Vec<JsonFile<'_>> = outcomes
        .iter()
        .map(|o| JsonFile {
            file: &o.name,
            valid: o.validation.is_valid(),
            version: o.validation.version.as_deref(),
            errors: o.validation.errors().map(json_problem).collect(),
            warnings: o.validation.warnings().map(json_problem).collect(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &files)?;
    writeln!(out)
}

fn print_text(out: &mut impl Write, outcomes: &[Outcome], color: bool) -> std::io::Result<()> {
    let (mut errors, mut warnings, mut valid) = (0, 0, 0);
    for o in outcomes {
        let lines: Vec<&str> = o.source.lines().collect();
        for d in &o.validation.diagnostics {
            write_diagnostic(out, &o.name, d, &lines, color)?;
        }
        errors += o.validation.errors().count();
        warnings += o.validation.warnings().count();
        valid += usize::from(o.validation.is_valid());
    }
    writeln!(
        out,
        "{} file{}: {valid} valid, {} invalid; {errors} error{}, {warnings} warning{}",
        outcomes.len(),
        plural(outcomes.len()),
        outcomes.len() - valid,
        plural(errors),
        plural(warnings),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn write_diagnostic(
    out: &mut impl Write,
    file: &str,
    d: &Diagnostic,
    lines: &[&str],
    color: bool,
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
    writeln!(
        out,
        "{location}: {start}{}{end}[{}]: {}",
        d.severity,
        d.key,
        sanitize(&d.message)
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
