//! `commons export`: the catalog in other catalogs' formats, written to a directory with the
//! same writers as the server's export endpoints (`commons_catalog::export`), so a file and
//! the endpoint's answer are the same bytes.
//!
//! Every file is written under a temporary name in its directory and renamed when whole: a
//! failure half way leaves the previous file, or none, never half of one.

use crate::store_args::{StoreArgs, init_logging, runtime};
use anyhow::Context;
use clap::Args as ClapArgs;
use commons_catalog::Catalog;
use commons_catalog::export::{CatalogFormat, Export, ListedPages, codemeta};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `catalog.json`: organisations and every listed entry with its raw publiccode.yml.
    Json,
    /// `catalog.ttl`: the catalog as DCAT-AP 3 in Turtle.
    DcatAp,
    /// `codemeta/<id>.json`: one CodeMeta 3 document per listed entry.
    Codemeta,
}

/// `commons export` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// The format to write.
    #[arg(long, value_enum)]
    format: Format,
    /// The directory to write into (created if missing).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

/// Writes the export; exit 2 when the catalog cannot be read or a file cannot be written.
pub fn run(args: Args) -> ExitCode {
    init_logging();
    match runtime().and_then(|rt| rt.block_on(export(args))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons export: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn export(args: Args) -> anyhow::Result<()> {
    let started = Instant::now();
    let catalog = Catalog::open(args.store.database.as_deref(), &args.store.data_dir).await?;
    let result = match args.format {
        Format::Json => {
            write_catalog(
                &catalog,
                CatalogFormat::Json,
                &args.dir.join("catalog.json"),
            )
            .await
        }
        Format::DcatAp => {
            write_catalog(
                &catalog,
                CatalogFormat::DcatAp,
                &args.dir.join("catalog.ttl"),
            )
            .await
        }
        Format::Codemeta => write_codemeta(&catalog, &args.dir.join("codemeta")).await,
    };
    catalog.close().await;
    let written = result?;
    eprintln!(
        "Wrote {written} in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A file in `dir` under a temporary name, renamed to `path` by [`AtomicFile::commit`];
/// dropped uncommitted, it is removed.
struct AtomicFile {
    temporary: tempfile::NamedTempFile,
    path: PathBuf,
}

impl AtomicFile {
    fn create(path: &Path) -> anyhow::Result<AtomicFile> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        // Readable by all, like any file written for publication (a temporary file is 0600).
        let temporary = tempfile::Builder::new()
            .prefix(".commons-export-")
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .tempfile_in(dir)
            .with_context(|| format!("creating a file in {}", dir.display()))?;
        Ok(AtomicFile {
            temporary,
            path: path.to_path_buf(),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.temporary
            .write_all(bytes)
            .with_context(|| format!("writing {}", self.path.display()))
    }

    fn commit(self) -> anyhow::Result<()> {
        self.temporary
            .as_file()
            .sync_all()
            .with_context(|| format!("writing {}", self.path.display()))?;
        self.temporary
            .persist(&self.path)
            .with_context(|| format!("renaming into {}", self.path.display()))?;
        Ok(())
    }
}

async fn write_catalog(
    catalog: &Catalog,
    format: CatalogFormat,
    path: &Path,
) -> anyhow::Result<String> {
    let mut file = AtomicFile::create(path)?;
    let mut export = Export::new(format);
    let mut bytes = 0;
    while let Some(chunk) = export.next_chunk(catalog).await? {
        file.write(&chunk)?;
        bytes += chunk.len();
    }
    file.commit()?;
    Ok(format!("{} ({bytes} bytes)", path.display()))
}

async fn write_codemeta(catalog: &Catalog, dir: &Path) -> anyhow::Result<String> {
    let organisations: HashMap<String, commons_catalog::Organisation> = catalog
        .organisations()
        .await?
        .into_iter()
        .map(|o| (o.id.clone(), o))
        .collect();
    let mut pages = ListedPages::default();
    let mut count = 0;
    while let Some(page) = pages.next_page(catalog).await? {
        for software in &page {
            let organisation = software
                .organisation_id
                .as_ref()
                .and_then(|id| organisations.get(id));
            let Some(bytes) = codemeta::codemeta_json(software, organisation) else {
                continue;
            };
            let mut file = AtomicFile::create(&dir.join(format!("{}.json", software.id)))?;
            file.write(&bytes)?;
            file.commit()?;
            count += 1;
        }
    }
    Ok(format!("{count} CodeMeta documents into {}", dir.display()))
}
