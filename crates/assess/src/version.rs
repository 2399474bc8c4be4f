//! Version ordering per ecosystem, for OSV ranges.
//!
//! - SEMVER, crates.io, npm, Go, Hex, Pub: SemVer 2.0 precedence (`semver` crate), tolerating a
//!   leading `v`, missing minor/patch and Go's `+incompatible`.
//! - PyPI: PEP 440 (`pep440_rs` crate).
//! - Maven, RubyGems, Packagist and others: a token comparator (numbers numerically, known
//!   pre-release qualifiers below the release, post-release qualifiers above), which agrees with
//!   each ecosystem's rules on the common forms; `None` when a version cannot be read.

pub use std::cmp::Ordering as Ordering3;
use std::cmp::Ordering;
use std::str::FromStr;

/// Compares `a` and `b` in the ordering of `ecosystem` (or `SEMVER`).
pub fn compare(ecosystem: &str, a: &str, b: &str) -> Option<Ordering> {
    match ecosystem {
        "SEMVER" | "crates.io" | "npm" | "Go" | "Hex" | "Pub" => {
            Some(lenient_semver(a)?.cmp(&lenient_semver(b)?))
        }
        "PyPI" => {
            let a = pep440_rs::Version::from_str(a).ok()?;
            let b = pep440_rs::Version::from_str(b).ok()?;
            Some(a.cmp(&b))
        }
        _ => compare_tokens(ecosystem, a, b),
    }
}

/// Parses SemVer, padding `1` to `1.0.0` and `1.2` to `1.2.0`.
pub fn lenient_semver(v: &str) -> Option<semver::Version> {
    let v = v
        .trim()
        .trim_start_matches('v')
        .trim_end_matches("+incompatible");
    if let Ok(parsed) = semver::Version::parse(v) {
        return Some(parsed);
    }
    let split = v.find(['-', '+']).unwrap_or(v.len());
    let (core, rest) = v.split_at(split);
    let parts: Vec<&str> = core.split('.').collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.parse::<u64>().is_err()) {
        return None;
    }
    let mut padded = parts.join(".");
    for _ in parts.len()..3 {
        padded.push_str(".0");
    }
    semver::Version::parse(&format!("{padded}{rest}")).ok()
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Token {
    /// Qualifier rank (pre-releases negative, release 0, post-releases positive), then text.
    Qualifier(i32, String),
    Number(u64),
}

fn qualifier_rank(ecosystem: &str, word: &str) -> i32 {
    match (ecosystem, word) {
        (_, "dev") => -6,
        (_, "alpha" | "a") => -5,
        (_, "beta" | "b") => -4,
        (_, "milestone" | "m") => -3,
        (_, "rc" | "cr") => -2,
        ("Maven", "snapshot") => -1,
        (_, "" | "ga" | "final" | "release") => 0,
        (_, "sp" | "pl" | "p" | "patch" | "post") => 1,
        // Unknown words: RubyGems treats any letter segment as a pre-release.
        ("RubyGems", _) => -7,
        _ => -7,
    }
}

fn tokens(ecosystem: &str, v: &str) -> Option<Vec<Token>> {
    let v = v.trim().trim_start_matches(['v', 'V']);
    if v.is_empty() || v.len() > 256 {
        return None;
    }
    let mut out = Vec::new();
    let mut chars = v.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                n.push(d);
                chars.next();
            }
            out.push(Token::Number(n.parse().ok()?));
        } else if c.is_ascii_alphabetic() {
            let mut w = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_alphabetic()) {
                w.push(d.to_ascii_lowercase());
                chars.next();
            }
            out.push(Token::Qualifier(qualifier_rank(ecosystem, &w), w));
        } else {
            chars.next();
        }
    }
    // Zeros before a qualifier or the end do not change a version (1.0 == 1.0.0, 1.0-rc1 ==
    // 1-rc1), as in Maven's ComparableVersion and RubyGems' canonical segments.
    let mut kept: Vec<Token> = Vec::with_capacity(out.len());
    for (i, token) in out.into_iter().enumerate().rev() {
        let next_is_qualifier_or_end = matches!(kept.last(), None | Some(Token::Qualifier(..)));
        if i > 0 && token == Token::Number(0) && next_is_qualifier_or_end {
            continue;
        }
        kept.push(token);
    }
    kept.reverse();
    Some(kept)
}

fn compare_tokens(ecosystem: &str, a: &str, b: &str) -> Option<Ordering> {
    let (ta, tb) = (tokens(ecosystem, a)?, tokens(ecosystem, b)?);
    for i in 0..ta.len().max(tb.len()) {
        let release = Token::Qualifier(0, String::new());
        let (x, y) = (ta.get(i).unwrap_or(&release), tb.get(i).unwrap_or(&release));
        // A missing part counts as the release: 1.0 > 1.0-rc1, 1.0 < 1.0.1, 1.0 < 1.0-sp1.
        let ord = match (x, y) {
            (Token::Number(m), Token::Number(n)) => m.cmp(n),
            (Token::Number(_), Token::Qualifier(..)) => Ordering::Greater,
            (Token::Qualifier(..), Token::Number(_)) => Ordering::Less,
            (q, r) => q.cmp(r),
        };
        if ord != Ordering::Equal {
            return Some(ord);
        }
    }
    Some(Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_family() {
        assert_eq!(compare("npm", "1.2.3", "1.10.0"), Some(Ordering::Less));
        assert_eq!(compare("Go", "v1.2", "1.2.0"), Some(Ordering::Equal));
        assert_eq!(
            compare("crates.io", "1.0.0-alpha", "1.0.0"),
            Some(Ordering::Less)
        );
        assert_eq!(compare("npm", "not a version", "1.0.0"), None);
    }

    #[test]
    fn pep440() {
        assert_eq!(compare("PyPI", "1.0rc1", "1.0"), Some(Ordering::Less));
        assert_eq!(compare("PyPI", "1.0.post1", "1.0"), Some(Ordering::Greater));
        assert_eq!(compare("PyPI", "2.0", "10.0"), Some(Ordering::Less));
    }

    #[test]
    fn maven_ruby_packagist() {
        assert_eq!(
            compare("Maven", "2.14.0-rc1", "2.14.0"),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare("Maven", "1.0-SNAPSHOT", "1.0"),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare("Maven", "2.9.10.1", "2.9.10"),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare("RubyGems", "1.13.10", "1.13.9"),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare("RubyGems", "1.14.0.rc1", "1.14.0"),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare("Packagist", "v5.4.1", "5.4.10"),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare("Packagist", "1.0.0-beta", "1.0.0-RC1"),
            Some(Ordering::Less)
        );
    }
}
