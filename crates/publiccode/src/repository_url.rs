//! Repository URLs, normalised once for every comparison the catalog makes: who owns a
//! repository (the publishers registry), which repository a crawl or a webhook names, an
//! entry's id, and the search index's `isBasedOn` links.
//!
//! Several spellings name one repository on a forge: `HTTPS://Forge:443/a/./b/../c.git/`,
//! `https://forge/a/%63` and `https://forge/a/c` are the same. Comparing such strings as text
//! let a webhook naming `http://forge/groupa/../groupb/app` pass for a repository of `groupa`
//! while the forge answered for `groupb/app`. [`RepositoryUrl::parse`] resolves the spelling
//! the way a server does (WHATWG URL parsing: dot segments, `%2e` included, backslashes,
//! default ports, host case and IDNA), decodes each path segment, and refuses what a
//! repository URL never holds (credentials, other schemes, control characters, an encoded
//! `/` inside a segment). Empty segments, a trailing `/` and a trailing `.git` are dropped;
//! query and fragment are dropped (no forge reads a repository from them).
//!
//! Case: hosts are always compared in lower case; paths are compared without case on GitHub,
//! GitLab and Gitea (they treat `Org/Repo` and `org/repo` as one) and with case on a plain git
//! server (a file system decides). The caller says which with [`PathCase`].

use std::fmt;
use url::Url;

/// Longest URL accepted, in bytes (a forge path is far shorter; this bounds the work).
pub const MAX_URL_LEN: usize = 2048;

/// How a forge compares repository paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathCase {
    /// `Org/Repo` and `org/repo` are one repository (GitHub, GitLab, Gitea/Forgejo).
    Insensitive,
    /// Paths differ by case (a plain git server on a file system).
    Sensitive,
}

/// Why a text is not a repository URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Longer than [`MAX_URL_LEN`].
    #[error("the URL is longer than {MAX_URL_LEN} bytes")]
    TooLong,
    /// A control character (a newline would forge a log line).
    #[error("the URL holds a control character")]
    ControlCharacter,
    /// Not a URL at all.
    #[error("not a URL: {0}")]
    Malformed(String),
    /// Not http or https.
    #[error("the scheme {0:?} is not http or https")]
    Scheme(String),
    /// No host.
    #[error("the URL has no host")]
    NoHost,
    /// A user name or password.
    #[error("the URL holds credentials")]
    Credentials,
    /// A path segment that decodes to something a path segment cannot be.
    #[error("the path segment {0:?} decodes to a '/', '\\', '.', '..' or a control character")]
    Segment(String),
    /// A path segment whose escapes are not UTF-8.
    #[error("the path segment {0:?} is not UTF-8 once decoded")]
    NotUtf8(String),
}

/// A repository URL in its one normal form. Compare with [`RepositoryUrl::key`],
/// [`RepositoryUrl::same_repository`] or [`RepositoryUrl::is_under`], never as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RepositoryUrl {
    scheme: String,
    /// Lower-case host, with `:port` when the port is not the scheme's default.
    authority: String,
    /// Decoded path segments, none empty, the last without `.git`.
    segments: Vec<String>,
}

impl RepositoryUrl {
    /// Parses and normalises a repository URL.
    pub fn parse(text: &str) -> Result<RepositoryUrl, UrlError> {
        if text.len() > MAX_URL_LEN {
            return Err(UrlError::TooLong);
        }
        if text.chars().any(char::is_control) {
            return Err(UrlError::ControlCharacter);
        }
        let url = Url::parse(text.trim()).map_err(|e| UrlError::Malformed(e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(UrlError::Scheme(url.scheme().to_string()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(UrlError::Credentials);
        }
        let host = url.host_str().ok_or(UrlError::NoHost)?.to_ascii_lowercase();
        let authority = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host,
        };
        let mut segments = url
            .path_segments()
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .map(decode_segment)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(last) = segments.last_mut()
            && let Some(stem) = last.strip_suffix(".git")
        {
            // `..git` would leave a dot segment, which the next parse would resolve.
            if stem == "." || stem == ".." {
                return Err(UrlError::Segment(last.clone()));
            }
            *last = stem.to_string();
        }
        segments.retain(|s| !s.is_empty());
        Ok(RepositoryUrl {
            scheme: url.scheme().to_string(),
            authority,
            segments,
        })
    }

    /// `host` or `host:port`, lower case.
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The decoded path segments (`["unicef", "primero"]`).
    pub fn segments(&self) -> &[String] {
        &self.segments
    }

    /// The path without leading or trailing `/`, segments decoded (`unicef/primero`): what
    /// a forge's API calls the repository.
    pub fn path(&self) -> String {
        self.segments.join("/")
    }

    /// The comparison key: `host[:port]/seg/seg`, without scheme (http and https name one
    /// repository), paths folded to lower case when the forge ignores case.
    pub fn key(&self, case: PathCase) -> String {
        let mut key = self.authority.clone();
        for segment in &self.segments {
            key.push('/');
            match case {
                PathCase::Insensitive => key.push_str(&segment.to_lowercase()),
                PathCase::Sensitive => key.push_str(segment),
            }
        }
        key
    }

    /// Whether both name one repository.
    pub fn same_repository(&self, other: &RepositoryUrl, case: PathCase) -> bool {
        self.authority == other.authority
            && self.segments.len() == other.segments.len()
            && self
                .segments
                .iter()
                .zip(&other.segments)
                .all(|(a, b)| same_segment(a, b, case))
    }

    /// Whether this URL lies strictly below `base` (a group, organisation or user), segment
    /// by segment: `forge/unicef/app` is under `forge/unicef`, `forge/unicefx/app` is not.
    pub fn is_under(&self, base: &RepositoryUrl, case: PathCase) -> bool {
        self.authority == base.authority
            && self.segments.len() > base.segments.len()
            && base
                .segments
                .iter()
                .zip(&self.segments)
                .all(|(a, b)| same_segment(a, b, case))
    }

    /// The normal form as a URL (`https://host/seg/seg`), segments escaped where needed.
    pub fn as_url(&self) -> String {
        let mut url = format!("{}://{}", self.scheme, self.authority);
        for segment in &self.segments {
            url.push('/');
            encode_segment(segment, &mut url);
        }
        url
    }
}

impl fmt::Display for RepositoryUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_url())
    }
}

fn same_segment(a: &str, b: &str, case: PathCase) -> bool {
    match case {
        PathCase::Sensitive => a == b,
        PathCase::Insensitive => a == b || a.to_lowercase() == b.to_lowercase(),
    }
}

/// Decodes one segment; a segment that would change the path's shape once decoded (an
/// encoded `/`, `\`, `.` or `..`) or hold a control character is refused, not guessed at.
fn decode_segment(raw: &str) -> Result<String, UrlError> {
    let bytes: Vec<u8> = percent_decode(raw.as_bytes());
    let text = String::from_utf8(bytes).map_err(|_| UrlError::NotUtf8(raw.to_string()))?;
    let shape_changing = text == "."
        || text == ".."
        || text.contains(['/', '\\'])
        || text.chars().any(char::is_control);
    if shape_changing {
        return Err(UrlError::Segment(raw.to_string()));
    }
    Ok(text)
}

/// Escapes all but RFC 3986's unreserved characters and the sub-delimiters a path keeps.
fn encode_segment(segment: &str, out: &mut String) {
    for byte in segment.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

fn percent_decode(input: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                input.get(i + 1).copied().and_then(hex),
                input.get(i + 2).copied().and_then(hex),
            )
        {
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(input[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(text: &str, case: PathCase) -> String {
        RepositoryUrl::parse(text).unwrap().key(case)
    }

    #[test]
    fn spellings_of_one_repository_normalise_equal() {
        let want = "forge.example/unicef/primero";
        for spelling in [
            "https://forge.example/unicef/primero",
            "HTTPS://FORGE.example:443/unicef/primero.git/",
            "http://forge.example:80/unicef//./primero/",
            "https://forge.example/unicef/x/../primero",
            "https://forge.example/unicef/%70rimero?tab=readme#top",
            "https://forge.example/unicef/x/%2e%2E/primero",
            "  https://forge.example\\unicef\\primero  ",
        ] {
            assert_eq!(key(spelling, PathCase::Sensitive), want, "{spelling}");
        }
        assert_eq!(
            key("https://github.com/UNICEF/Primero", PathCase::Insensitive),
            "github.com/unicef/primero"
        );
        assert_eq!(
            key("https://git.example/Tools/App.git", PathCase::Sensitive),
            "git.example/Tools/App"
        );
        assert_eq!(
            key("http://127.0.0.1:8080/a", PathCase::Sensitive),
            "127.0.0.1:8080/a"
        );
    }

    #[test]
    fn dot_segments_cannot_climb_out_of_a_group() {
        let group = RepositoryUrl::parse("http://forge/groupa").unwrap();
        let hook = RepositoryUrl::parse("http://forge/groupa/../groupb/appb").unwrap();
        assert_eq!(hook.path(), "groupb/appb");
        assert!(!hook.is_under(&group, PathCase::Insensitive));
        let inside = RepositoryUrl::parse("http://forge/groupa/sub/../appa").unwrap();
        assert!(inside.is_under(&group, PathCase::Insensitive));
        assert!(
            !RepositoryUrl::parse("http://forge/groupax/app")
                .unwrap()
                .is_under(&group, PathCase::Insensitive)
        );
        assert!(!group.is_under(&group, PathCase::Insensitive));
    }

    #[test]
    fn what_a_repository_url_never_holds_is_refused() {
        let refused = |text: &str| RepositoryUrl::parse(text).unwrap_err();
        assert_eq!(
            refused("https://forge/a\n INFO forged line"),
            UrlError::ControlCharacter
        );
        assert_eq!(refused("https://u:p@forge/a"), UrlError::Credentials);
        assert_eq!(
            refused("file:///etc/passwd"),
            UrlError::Scheme("file".into())
        );
        assert!(matches!(refused("not a url"), UrlError::Malformed(_)));
        assert!(matches!(
            refused("https://forge/groupa%2F..%2Fgroupb/app"),
            UrlError::Segment(_)
        ));
        assert!(matches!(
            refused("https://forge/a%5C..%5Cb"),
            UrlError::Segment(_)
        ));
        assert!(matches!(
            refused("https://forge/a%0Ab"),
            UrlError::Segment(_)
        ));
        assert!(matches!(refused("https://forge/%FF"), UrlError::NotUtf8(_)));
        // Found by fuzzing: without its `.git`, `..git` was a dot segment.
        assert!(matches!(
            refused("https://forg.gitample/g/x/../a/..git/"),
            UrlError::Segment(_)
        ));
        assert_eq!(
            refused(&format!("https://forge/{}", "a".repeat(MAX_URL_LEN))),
            UrlError::TooLong
        );
    }

    #[test]
    fn the_normal_form_is_a_url_that_parses_to_itself() {
        let url = RepositoryUrl::parse("HTTPS://Forge.example/Org/My%20App.git").unwrap();
        assert_eq!(url.as_url(), "https://forge.example/Org/My%20App");
        assert_eq!(url.to_string(), url.as_url());
        assert_eq!(RepositoryUrl::parse(&url.as_url()).unwrap(), url);
        assert_eq!(url.path(), "Org/My App");
    }

    fn segment() -> impl Strategy<Value = String> {
        "[A-Za-z0-9_-][A-Za-z0-9._-]{0,11}".prop_filter("not a dot segment or .git", |s| {
            s != "." && s != ".." && !s.ends_with(".git")
        })
    }

    /// Another spelling of a path: case of the scheme and host, default port, dot segments
    /// and empty segments inserted, unreserved characters percent-encoded, a trailing `.git`
    /// or `/`.
    fn respell(host: &str, segments: &[String], noise: &[u8]) -> String {
        let mut text = String::from(if noise[0].is_multiple_of(2) {
            "HTTPS://"
        } else {
            "https://"
        });
        text.push_str(&host.to_ascii_uppercase());
        if noise[1].is_multiple_of(2) {
            text.push_str(":443");
        }
        for (i, s) in segments.iter().enumerate() {
            let n = noise[(i + 2) % noise.len()];
            match n % 4 {
                0 => text.push_str("/./"),
                1 => text.push_str("/detour/../"),
                2 => text.push_str("//"),
                _ => text.push('/'),
            }
            if n.is_multiple_of(3) {
                for b in s.bytes() {
                    text.push_str(&format!("%{b:02X}"));
                }
            } else {
                text.push_str(s);
            }
        }
        match noise[noise.len() - 1] % 3 {
            0 => text.push_str(".git"),
            1 => text.push('/'),
            _ => {}
        }
        text
    }

    proptest! {
        #[test]
        fn equivalent_spellings_normalise_equal(
            host in "[a-z][a-z0-9]{0,8}\\.example",
            segments in proptest::collection::vec(segment(), 1..5),
            noise in proptest::collection::vec(any::<u8>(), 3..8),
        ) {
            let plain = format!("https://{host}/{}", segments.join("/"));
            let spelled = respell(&host, &segments, &noise);
            let a = RepositoryUrl::parse(&plain).unwrap();
            let b = RepositoryUrl::parse(&spelled).unwrap();
            prop_assert_eq!(a.key(PathCase::Sensitive), b.key(PathCase::Sensitive), "{}", spelled);
            prop_assert!(a.same_repository(&b, PathCase::Sensitive));
        }

        #[test]
        fn dot_segments_never_climb_out_of_a_hosting_path(
            group in segment(),
            steps in proptest::collection::vec(
                prop_oneof![
                    Just("..".to_string()), Just("%2e%2e".to_string()), Just(".%2E".to_string()),
                    Just(".".to_string()), Just("".to_string()), segment()
                ],
                0..8,
            ),
            tail in segment(),
        ) {
            let base = RepositoryUrl::parse(&format!("https://forge.example/{group}")).unwrap();
            let text = format!("https://forge.example/{group}/{}/{tail}", steps.join("/"));
            if let Ok(url) = RepositoryUrl::parse(&text) {
                // Below the group after normalisation means the path really is below it:
                // resolving the steps by hand must agree.
                // (WHATWG: an empty segment is a segment `..` can remove.)
                let mut stack: Vec<String> = vec![group.clone()];
                for step in steps.iter().chain(std::iter::once(&tail)) {
                    match step.to_ascii_lowercase().as_str() {
                        ".." | "%2e%2e" | ".%2e" => { stack.pop(); }
                        "." => {}
                        s => stack.push(s.to_string()),
                    }
                }
                stack.retain(|s| !s.is_empty());
                let under = stack.len() > 1 && stack[0] == group;
                prop_assert_eq!(url.is_under(&base, PathCase::Sensitive), under, "{}", text);
            }
        }

        #[test]
        fn parsing_never_panics_and_the_normal_form_is_stable(text in "\\PC{0,80}") {
            if let Ok(url) = RepositoryUrl::parse(&text) {
                let again = RepositoryUrl::parse(&url.as_url()).unwrap();
                prop_assert_eq!(again.key(PathCase::Sensitive), url.key(PathCase::Sensitive));
            }
        }
    }
}
