//! `commons assess PATH|URL`: the full assessment of one repository, as text for a curator or
//! as the public JSON shape (README, "commons assess").

use anyhow::{Context, bail};
use clap::{Args as ClapArgs, ValueEnum};
use commons_assess::principles::Status;
use commons_assess::{Assessment, Input, osv};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Output format.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    /// Readable report.
    Text,
    /// The public JSON shape.
    Json,
}

/// `commons assess`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// A local git repository (work tree or bare), or a URL to clone shallowly.
    target: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// An OSV export (directory or ZIP) to match against, instead of the imported one.
    #[arg(long, value_name = "DIR")]
    osv: Option<PathBuf>,
    /// Data directory holding the imported OSV export (commons osv import).
    #[arg(
        long = "data",
        value_name = "DIR",
        default_value = "commons-data",
        env = "COMMONS_DATA"
    )]
    data_dir: PathBuf,
    /// The publisher's declarations: a JSON object from item id (`dpg-sdg-relevance`, ...) to
    /// `{"by", "role", "at", "statement", "url", "notApplicable"}`, as the server stores them.
    #[arg(long, value_name = "FILE")]
    declarations: Option<PathBuf>,
    /// Catalog entries that declare isBasedOn/dependsOn this software (shown with the cost).
    #[arg(long, value_name = "N")]
    dependents: Option<usize>,
    /// Commits fetched when cloning a URL (the vitality figures cover only those).
    #[arg(long, default_value_t = 5000)]
    depth: u32,
    /// Largest clone allowed, in MiB.
    #[arg(long, default_value_t = 1024)]
    max_clone_mib: u64,
    /// Time allowed to the clone, in seconds.
    #[arg(long, default_value_t = 300)]
    clone_timeout: u64,
    /// Time allowed to the assessment (the clone not included), in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,
}

/// Runs `commons assess`.
pub fn run(args: Args) -> ExitCode {
    match assess(&args) {
        Ok(assessment) => {
            match args.format {
                Format::Json => match serde_json::to_string_pretty(&assessment) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(2);
                    }
                },
                Format::Text => print!("{}", render_text(&assessment)),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn assess(args: &Args) -> anyhow::Result<Assessment> {
    let db = if let Some(dir) = &args.osv {
        let (store, _, rejected) = osv::read_export(dir)
            .with_context(|| format!("reading the OSV export {}", dir.display()))?;
        for r in rejected {
            eprintln!("osv: skipped {r}");
        }
        Some(osv::Database::from_store(store))
    } else {
        match osv::Database::load(&args.data_dir) {
            Ok(db) => Some(db),
            Err(osv::OsvError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                None
            }
            Err(e) => return Err(e.into()),
        }
    };
    let declarations = match &args.declarations {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            serde_json::from_str(&text).map_err(|e| {
                anyhow::anyhow!("{}:{}:{}: {e}", file.display(), e.line(), e.column())
            })?
        }
        None => Default::default(),
    };
    let input = Input {
        osv: db.as_ref(),
        declarations,
        dependents_in_catalog: args.dependents,
        limits: commons_assess::Limits {
            deadline: Duration::from_secs(args.timeout),
            ..Default::default()
        },
        ..Input::default()
    };
    if is_url(&args.target) {
        let cache = tempfile::Builder::new()
            .prefix("commons-assess-")
            .tempdir()?;
        let dest = cache.path().join("repo.git");
        clone(args, &dest)?;
        Ok(commons_assess::assess(&dest, &input)?)
    } else {
        Ok(commons_assess::assess(Path::new(&args.target), &input)?)
    }
}

fn is_url(target: &str) -> bool {
    ["https://", "http://", "git://", "ssh://", "file://"]
        .iter()
        .any(|p| target.starts_with(p))
}

fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// A bare, shallow clone, stopped when it takes too long or grows too large.
fn clone(args: &Args, dest: &Path) -> anyhow::Result<()> {
    let mut child = Command::new("git")
        .env("GIT_TERMINAL_PROMPT", "0")
        .args(["clone", "--bare", "--single-branch", "--quiet"])
        .arg(format!("--depth={}", args.depth.max(1)))
        .arg("--")
        .arg(&args.target)
        .arg(dest)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("starting git clone")?;
    let started = Instant::now();
    let limit = args.max_clone_mib * 1024 * 1024;
    loop {
        if let Some(status) = child.try_wait()? {
            if status.success() {
                return Ok(());
            }
            let mut message = String::new();
            if let Some(mut err) = child.stderr.take() {
                use std::io::Read;
                let _ = (&mut err).take(4096).read_to_string(&mut message);
            }
            bail!("git clone {} failed: {}", args.target, message.trim());
        }
        if started.elapsed() > Duration::from_secs(args.clone_timeout) {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "git clone {} took more than {} s and was stopped",
                args.target,
                args.clone_timeout
            );
        }
        if dir_size(dest) > limit {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "git clone {} grew beyond {} MiB and was stopped",
                args.target,
                args.max_clone_mib
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Declared => "declared",
        Status::Missing => "missing",
        Status::NotApplicable => "not applicable",
    }
}

/// The report for a curator.
pub fn render_text(a: &Assessment) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Assessment of commit {} ({})",
        a.commit, a.method_version
    );
    let l = &a.license;
    let _ = writeln!(
        o,
        "\nLicense: {} ({:?}, {})",
        l.effective.as_deref().unwrap_or("none found"),
        l.family,
        if l.osi_approved {
            "OSI-approved"
        } else {
            "not OSI-approved"
        }
    );
    if let Some(d) = &l.declared {
        let _ = writeln!(o, "  declared in publiccode.yml: {d}");
    }
    for f in &l.files {
        match &f.license {
            Some(id) => {
                let _ = writeln!(o, "  {}: {id} (confidence {:.2})", f.file, f.confidence);
            }
            None => {
                let _ = writeln!(
                    o,
                    "  {}: {}",
                    f.file,
                    f.problem.as_deref().unwrap_or("not recognised")
                );
            }
        }
    }
    if let Some(m) = &l.mismatch_detail {
        let _ = writeln!(o, "  MISMATCH: {m}");
    }
    let s = &a.security;
    let _ = writeln!(
        o,
        "\nSecurity (Scorecard-like, {} checks): {}",
        s.checks.iter().filter(|c| c.score.is_some()).count(),
        s.score
            .map_or("no conclusive check".to_string(), |x| format!("{x}/10"))
    );
    for c in &s.checks {
        let score = c.score.map_or("  ?".to_string(), |x| format!("{x:>3}"));
        let _ = writeln!(o, "  {score}  {:<24} {}", c.id, c.reason);
        for e in c.evidence.iter().take(3) {
            let _ = writeln!(
                o,
                "         - {}{}",
                e.file
                    .as_deref()
                    .map(|f| format!("{f}: "))
                    .unwrap_or_default(),
                e.detail
            );
        }
    }
    let _ = writeln!(
        o,
        "  not computed: {}",
        s.not_computed
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let v = &a.vulnerabilities;
    if v.database_available {
        let _ = writeln!(
            o,
            "\nKnown vulnerabilities: {} in {} locked packages (OSV data as of {})",
            v.distinct,
            v.packages,
            v.database_as_of.as_deref().unwrap_or("unknown")
        );
        for f in &v.findings {
            let _ = writeln!(
                o,
                "  {} {} {} ({}): {}{}",
                f.id,
                f.package,
                f.version,
                f.file,
                f.summary.as_deref().unwrap_or(""),
                if f.fixed_in.is_empty() {
                    String::new()
                } else {
                    format!(" [fixed in {}]", f.fixed_in.join(", "))
                }
            );
        }
    } else {
        let _ = writeln!(
            o,
            "\nKnown vulnerabilities: not checked ({} locked packages; import an OSV export with `commons osv import`)",
            v.packages
        );
    }
    if let Some(vi) = &a.vitality {
        let di = &vi.developers_italia;
        let _ = writeln!(
            o,
            "\nVitality: Developers Italia index {}",
            di.index.map_or_else(
                || format!("not computed ({})", di.refused.as_deref().unwrap_or("")),
                |i| format!("{i}/100")
            )
        );
        let _ = writeln!(
            o,
            "  commits: {} total, {} in 90 days, {} in 365 days; last {} day(s) ago",
            vi.commits_total,
            vi.commits_90_days,
            vi.commits_365_days,
            vi.days_since_last_commit
                .map_or("?".into(), |d| d.to_string())
        );
        let _ = writeln!(
            o,
            "  authors: {} total, {} in 90 days, {} in 365 days; bus factor {}",
            vi.authors_total, vi.authors_90_days, vi.authors_365_days, vi.bus_factor
        );
        let _ = writeln!(
            o,
            "  releases (tags): {} ({} in 365 days; latest {})",
            vi.releases,
            vi.releases_365_days,
            vi.latest_release.as_deref().unwrap_or("none")
        );
    }
    for (title, items) in [
        ("UN Open Source Principles", &a.un_principles),
        ("DPG Standard", &a.dpg_indicators),
    ] {
        let _ = writeln!(o, "\n{title}:");
        for i in items {
            let why = i
                .evidence
                .first()
                .map(|e| e.file.clone().unwrap_or_else(|| e.detail.clone()))
                .or_else(|| {
                    i.declaration
                        .as_ref()
                        .map(|d| format!("by {} on {}", d.by, d.at))
                })
                .unwrap_or_else(|| format!("looks for {}", i.rule));
            let _ = writeln!(o, "  {:<15} {} ({why})", status_word(i.status), i.name);
        }
    }
    if let Some(ai) = &a.ai {
        let _ = writeln!(o, "\nAI system (Open Source AI Definition 1.0):");
        for i in &ai.items {
            let _ = writeln!(
                o,
                "  {:<12} {:?} {}",
                i.id,
                i.status,
                i.evidence
                    .iter()
                    .map(|e| e.detail.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
    let c = &a.cost;
    let _ = writeln!(
        o,
        "\nCost to rebuild (basic COCOMO, organic): {} code lines in {} files -> {:.1} person-months, {:.1} months, about {} {:.0}",
        c.code_lines,
        c.files,
        c.effort_person_months,
        c.schedule_months,
        c.currency,
        c.estimated_cost
    );
    let _ = writeln!(
        o,
        "  used by {} organisation(s){}",
        c.used_by,
        c.dependents_in_catalog.map_or(String::new(), |n| format!(
            "; {n} catalog entries build on it"
        ))
    );
    if !a.errors.is_empty() {
        let _ = writeln!(o, "\nProblems:");
        for e in &a.errors {
            let _ = writeln!(o, "  [{}] {}", e.check, e.message);
        }
    }
    o
}
