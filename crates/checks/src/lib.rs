//! Checks of a publiccode.yml that look beyond its text.
//!
//! [`check_files`] looks at the files the document points at with relative paths (logos,
//! screenshots, the authors file): they must exist inside the repository, have an allowed
//! extension, and a PNG logo must decode. It only reads the local disk, so it runs offline and
//! by default, as in the reference validator. Network checks (URLs that must answer) are in
//! [`network`], only on request.
#![deny(missing_docs)]

pub mod network;

use commons_publiccode::{AssetKind, AssetRef, Diagnostic, Validation};
use std::fs::File;
use std::path::{Component, Path, PathBuf};

/// Checks the local files referenced by a validated document, relative to `base_dir` (the
/// directory of the publiccode.yml). Absolute URLs are left to the network layer.
pub fn check_files(validation: &mut Validation, base_dir: &Path) {
    let problems: Vec<Diagnostic> = validation
        .assets
        .iter()
        .filter(|a| a.kind.is_file() && !is_absolute_url(&a.value))
        .filter_map(|a| check_file(a, base_dir).err())
        .collect();
    validation.extend(problems);
}

/// Whether the value is an absolute URL (`scheme:...`), as opposed to a path.
pub fn is_absolute_url(value: &str) -> bool {
    match value.split_once(':') {
        Some((scheme, _)) => {
            let mut b = scheme.bytes();
            b.next().is_some_and(|c| c.is_ascii_alphabetic())
                && b.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        }
        None => false,
    }
}

pub(crate) fn allowed_extensions(kind: AssetKind) -> Option<&'static [&'static str]> {
    match kind {
        AssetKind::Logo => Some(&["svg", "svgz", "png"]),
        AssetKind::Screenshot => Some(&["jpg", "png"]),
        _ => None,
    }
}

fn error_at(asset: &AssetRef, message: String) -> Diagnostic {
    Diagnostic::error(asset.key.clone(), message).at(asset.line, asset.column)
}

/// Joins a relative path to the base without leaving it (`..` may not climb above it).
fn confined_join(base: &Path, relative: &str) -> Option<PathBuf> {
    let mut out = base.to_path_buf();
    let mut depth = 0usize;
    for part in Path::new(relative).components() {
        match part {
            Component::Normal(p) => {
                out.push(p);
                depth += 1;
            }
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => {
                out.pop();
                depth -= 1;
            }
            _ => return None,
        }
    }
    Some(out)
}

fn check_file(asset: &AssetRef, base_dir: &Path) -> Result<(), Diagnostic> {
    let shown = base_dir.join(&asset.value);
    let describe = |what: String| match asset.kind {
        AssetKind::Screenshot => format!("'{}' is not an image: {what}", asset.value),
        AssetKind::AuthorsFile => {
            format!("'{}' does not exist: {what}", shown.display())
        }
        _ => what,
    };
    if let Some(exts) = allowed_extensions(asset.kind) {
        let ext = Path::new(&asset.value)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if !exts.contains(&ext.as_str()) {
            return Err(error_at(
                asset,
                describe(format!(
                    "invalid file extension for: {} (allowed: {})",
                    shown.display(),
                    exts.join(", ")
                )),
            ));
        }
    }
    let Some(path) = confined_join(base_dir, &asset.value) else {
        return Err(error_at(
            asset,
            describe(format!("{} points outside the repository", asset.value)),
        ));
    };
    // A symbolic link could point anywhere (/etc/passwd): the real path must stay inside too.
    let inside = match (path.canonicalize(), base_dir.canonicalize()) {
        (Ok(real), Ok(root)) => Some(real.starts_with(root)),
        _ => None,
    };
    match inside {
        None => {
            return Err(error_at(
                asset,
                describe(format!("no such file: {}", shown.display())),
            ));
        }
        Some(false) => {
            return Err(error_at(
                asset,
                describe(format!(
                    "{} is a link to a file outside the repository",
                    asset.value
                )),
            ));
        }
        Some(true) => {}
    }
    if !path.is_file() {
        return Err(error_at(
            asset,
            describe(format!("not a regular file: {}", shown.display())),
        ));
    }
    if asset.kind == AssetKind::Logo
        && asset.value.to_lowercase().ends_with(".png")
        && let Err(e) = png_header(&path)
    {
        return Err(error_at(asset, format!("image: {e}")));
    }
    Ok(())
}

/// Reads a PNG's header (not the pixels), as the reference's `image.DecodeConfig` does.
pub(crate) fn png_header_of(
    reader: impl std::io::BufRead + std::io::Seek,
) -> Result<(u32, u32), String> {
    let decoder = png::Decoder::new(reader);
    match decoder.read_info() {
        Ok(reader) => Ok((reader.info().width, reader.info().height)),
        Err(png::DecodingError::Format(_)) => Err("unknown format (not a PNG image)".into()),
        Err(e) => Err(e.to_string()),
    }
}

fn png_header(path: &Path) -> Result<(u32, u32), String> {
    png_header_of(std::io::BufReader::new(
        File::open(path).map_err(|e| e.to_string())?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_inside() {
        let base = Path::new("/repo");
        assert_eq!(
            confined_join(base, "img/logo.png"),
            Some(PathBuf::from("/repo/img/logo.png"))
        );
        assert_eq!(
            confined_join(base, "img/../logo.png"),
            Some(PathBuf::from("/repo/logo.png"))
        );
        assert_eq!(confined_join(base, "../etc/passwd"), None);
    }

    #[test]
    fn recognises_absolute_urls() {
        assert!(is_absolute_url("https://example.org/logo.png"));
        assert!(!is_absolute_url("img/logo.png"));
        assert!(!is_absolute_url("C/logo.png"));
    }
}
