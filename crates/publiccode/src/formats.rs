//! Checks of value formats: URLs, dates, e-mails, SPDX expressions, language tags, MIME types.
//!
//! URL rules follow Go's `net/url` (which the reference validator uses), not the WHATWG URL
//! standard, so the same strings pass and fail.

use crate::vocab;
use unicode_segmentation::UnicodeSegmentation;

/// A URL split the way Go's `url.Parse` splits it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct GoUrl<'a> {
    pub scheme: &'a str,
    pub opaque: &'a str,
    pub host: &'a str,
    pub path: &'a str,
    pub fragment: &'a str,
}

fn valid_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Parses like Go's `url.Parse`; `None` where Go returns an error.
pub(crate) fn go_url_parse(s: &str) -> Option<GoUrl<'_>> {
    if s.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return None;
    }
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, f),
        None => (s, ""),
    };
    let mut url = GoUrl {
        fragment,
        ..GoUrl::default()
    };
    let mut rest = rest;
    if let Some(colon) = rest.find(':') {
        let candidate = &rest[..colon];
        if valid_scheme(candidate) {
            url.scheme = candidate;
            rest = &rest[colon + 1..];
        } else if colon == 0 {
            return None; // "missing protocol scheme"
        } else if !candidate.contains('/') {
            // Go: "first path segment in URL cannot contain colon".
            return None;
        }
    }
    let rest = rest.split_once('?').map_or(rest, |(p, _)| p);
    if !url.scheme.is_empty() && !rest.starts_with('/') {
        url.opaque = rest;
        return Some(url);
    }
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find('/').unwrap_or(after.len());
        let authority = &after[..end];
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        if !valid_host(host) {
            return None;
        }
        url.host = host;
        url.path = &after[end..];
    } else {
        url.path = rest;
    }
    Some(url)
}

fn valid_host(host: &str) -> bool {
    if host.starts_with('[') {
        return host.contains(']');
    }
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        Some(_) => return false,
        None => host,
    };
    name.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                '-' | '.'
                    | '_'
                    | '~'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '%'
                    | '"'
            )
    })
}

/// go-playground's `url` rule: a URL with a scheme and a host (or an opaque part, or a fragment).
pub(crate) fn is_url(s: &str) -> bool {
    let lower = s.to_lowercase();
    if lower.is_empty() {
        return false;
    }
    if lower.starts_with("file:/") {
        return true;
    }
    match go_url_parse(&lower) {
        Some(u) if !u.scheme.is_empty() => {
            !(u.host.is_empty() && u.fragment.is_empty() && u.opaque.is_empty())
        }
        _ => false,
    }
}

/// go-playground's `http_url` rule: an `http` or `https` URL with a host.
pub(crate) fn is_http_url(s: &str) -> bool {
    if !is_url(s) {
        return false;
    }
    let lower = s.to_lowercase();
    match go_url_parse(&lower) {
        Some(u) => !u.host.is_empty() && (u.scheme == "http" || u.scheme == "https"),
        None => false,
    }
}

/// A calendar date written `YYYY-MM-DD`.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// An e-mail address: `local@domain`, with RFC 5322 "atext" in the local part and DNS labels
/// in the domain.
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let local_ok = if local.len() >= 2 && local.starts_with('"') && local.ends_with('"') {
        true
    } else {
        !local.is_empty()
            && local.len() <= 64
            && local.split('.').all(|part| {
                !part.is_empty()
                    && part.chars().all(|c| {
                        c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c) || !c.is_ascii()
                    })
            })
    };
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let domain_ok = !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// An SPDX license expression whose identifiers are all on the SPDX license list (deprecated
/// identifiers included, as the reference accepts them).
pub(crate) fn is_spdx_expression(s: &str) -> bool {
    let mode = spdx::ParseMode {
        allow_deprecated: true,
        ..spdx::ParseMode::STRICT
    };
    spdx::Expression::parse_mode(s, mode).is_ok()
}

/// A well-formed BCP 47 tag whose subtags are in the IANA language subtag registry.
pub(crate) fn is_bcp47(s: &str) -> bool {
    language_tags::LanguageTag::parse(s).is_ok_and(|t| t.validate().is_ok())
}

/// A MIME type (`type/subtype`), as RFC 2045 restricts its characters.
pub(crate) fn is_mime_type(s: &str) -> bool {
    let s = s.trim_matches(' ');
    let Some((kind, sub)) = s.split_once('/') else {
        return false;
    };
    let ok = |part: &str, extra: &str| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
            && part.len() <= 127
            && chars.all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
    };
    ok(kind, "!#$&^_-") && ok(sub, "!#$&^_.+-")
}

/// An ISO 3166-1 alpha-2 code, all upper or all lower case.
pub(crate) fn is_country(s: &str) -> bool {
    let upper = s.to_uppercase();
    (s == upper || s == s.to_lowercase()) && vocab::COUNTRIES.contains(&upper.as_str())
}

/// Length in user-perceived characters (grapheme clusters), as the standard counts.
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() && !s.contains('\r') {
        return s.len();
    }
    s.graphemes(true).count()
}

/// Whether `s` has at most `max` grapheme clusters. Segmenting is costly, so it is avoided
/// when the number of characters (never fewer than the clusters) already decides.
pub(crate) fn len_at_most(s: &str, max: usize) -> bool {
    s.len() <= max || s.chars().count() <= max || s.graphemes(true).nth(max).is_none()
}

/// Whether `s` has at least `min` grapheme clusters, stopping at the `min`-th.
pub(crate) fn len_at_least(s: &str, min: usize) -> bool {
    if s.is_ascii() && !s.contains('\r') {
        return s.len() >= min;
    }
    min == 0 || s.graphemes(true).nth(min - 1).is_some()
}

/// A URN per RFC 2141: `urn:<NID>:<NSS>`.
pub(crate) fn is_urn(s: &str) -> bool {
    let mut parts = s.splitn(3, ':');
    let (Some(urn), Some(nid), Some(nss)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let nid_ok = (1..=32).contains(&nid.len())
        && nid
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && nid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !nid.eq_ignore_ascii_case("urn");
    let nss_ok = !nss.is_empty()
        && nss
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "()+,-.:=@;$_!*'%/?#".contains(c));
    urn.eq_ignore_ascii_case("urn") && nid_ok && nss_ok
}

/// What is wrong with an organisation URI, if anything.
pub(crate) enum UriProblem {
    /// Not a URL with scheme and host, nor a URN.
    Invalid,
    /// An `urn:x-italian-pa:` URN whose code is not a known iPA code.
    UnknownItalianPa,
}

/// An organisation identifier: an absolute URL with a host, or a URN. Italian PA URNs must
/// name an iPA code (checked against `ipa` when given; otherwise only their form is checked).
pub(crate) fn check_organisation_uri(
    s: &str,
    ipa: Option<&(dyn Fn(&str) -> bool + Sync)>,
) -> Result<(), UriProblem> {
    let Some(url) = go_url_parse(s) else {
        return Err(UriProblem::Invalid);
    };
    if url.scheme.is_empty() && !s.starts_with('/') {
        return Err(UriProblem::Invalid);
    }
    if url.scheme.eq_ignore_ascii_case("urn") {
        if !is_urn(s) {
            return Err(UriProblem::Invalid);
        }
        let opaque = &s[4..];
        if opaque.to_lowercase().starts_with("x-italian-pa:") {
            let code = &opaque["x-italian-pa:".len()..];
            if !is_ipa_code(code, ipa) {
                return Err(UriProblem::UnknownItalianPa);
            }
        }
        return Ok(());
    }
    if url.scheme.is_empty() || url.host.is_empty() {
        return Err(UriProblem::Invalid);
    }
    Ok(())
}

/// Whether `code` is an Italian iPA code: looked up in the registry when one is configured,
/// else checked for the registry's form (lowercase letters, digits and `_`).
pub(crate) fn is_ipa_code(code: &str, registry: Option<&(dyn Fn(&str) -> bool + Sync)>) -> bool {
    match registry {
        Some(lookup) => lookup(&code.to_lowercase()),
        None => {
            !code.is_empty()
                && code.len() <= 32
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        }
    }
}

/// `supports[].id`: `alias:<known alias>` or a URI (URL or URN).
pub(crate) enum SupportProblem {
    UnknownAlias,
    NotAUri,
}

pub(crate) fn check_support_id(s: &str) -> Result<(), SupportProblem> {
    if let Some(alias) = s.strip_prefix("alias:") {
        return if vocab::SUPPORT_ALIASES.contains(&alias) {
            Ok(())
        } else {
            Err(SupportProblem::UnknownAlias)
        };
    }
    if s.to_lowercase().starts_with("urn:") {
        return if is_urn(s) {
            Ok(())
        } else {
            Err(SupportProblem::NotAUri)
        };
    }
    if is_url(s) {
        Ok(())
    } else {
        Err(SupportProblem::NotAUri)
    }
}

/// A video URL on a platform with oEmbed support.
pub(crate) fn is_oembed_video(s: &str) -> bool {
    let lower = s.to_lowercase();
    let Some(url) = go_url_parse(&lower) else {
        return false;
    };
    if url.scheme != "http" && url.scheme != "https" {
        return false;
    }
    let host = url.host.split(':').next().unwrap_or("");
    vocab::OEMBED_VIDEO_HOSTS.iter().any(|(h, prefix)| {
        (host == *h || host.ends_with(&format!(".{h}"))) && url.path.starts_with(prefix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_go_rules() {
        assert!(is_url("https://github.com/italia/x.git"));
        assert!(!is_url("git@github.com:foo/bar.git"));
        assert!(!is_url("foobar"));
        assert!(!is_url(""));
        assert!(is_http_url("http://example.org/a?b#c"));
        assert!(!is_http_url("ftp://example.org/"));
        assert!(!is_http_url("???"));
        assert!(!is_http_url("not_a_url"));
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2011-01-01 20:04:05"));
        assert!(!is_date("2019-1-01"));
        assert!(!is_date(""));
    }

    #[test]
    fn emails() {
        assert!(is_email("dario.bianchi@example.org"));
        assert!(!is_email("not_an_email"));
        assert!(!is_email("a@"));
        assert!(!is_email("a..b@example.org"));
    }

    #[test]
    fn spdx_expressions() {
        assert!(is_spdx_expression("AGPL-3.0-or-later"));
        assert!(is_spdx_expression("MIT OR Apache-2.0"));
        assert!(is_spdx_expression("MIT WITH Bison-exception-2.2"));
        assert!(is_spdx_expression("GPL-3.0"));
        assert!(!is_spdx_expression("Invalid License"));
        assert!(!is_spdx_expression(""));
    }

    #[test]
    fn language_tags() {
        assert!(is_bcp47("en"));
        assert!(is_bcp47("en-GB"));
        assert!(is_bcp47("zh-Hans"));
        assert!(!is_bcp47("en_GB"));
        assert!(!is_bcp47("xxx"));
    }

    #[test]
    fn countries_and_mime_types() {
        assert!(is_country("IT"));
        assert!(is_country("it"));
        assert!(!is_country("Fr"));
        assert!(!is_country("mouseton"));
        assert!(is_mime_type("text/plain"));
        assert!(!is_mime_type("foobar"));
    }

    #[test]
    fn organisation_uris() {
        assert!(check_organisation_uri("https://www.example.org", None).is_ok());
        assert!(check_organisation_uri("urn:x-italian-pa:pcm", None).is_ok());
        assert!(check_organisation_uri("urn:foo:bar", None).is_ok());
        assert!(check_organisation_uri("foobar", None).is_err());
        assert!(matches!(
            check_organisation_uri("urn:x-italian-pa:NO-SUCH", None),
            Err(UriProblem::UnknownItalianPa)
        ));
    }

    #[test]
    fn oembed_videos() {
        assert!(is_oembed_video(
            "https://www.youtube.com/watch?v=RaHmGbBOP84"
        ));
        assert!(is_oembed_video("https://vimeo.com/123456"));
        assert!(!is_oembed_video("https://google.com"));
        assert!(!is_oembed_video("ABC"));
    }

    #[test]
    fn length_bounds_agree_with_the_count() {
        for text in ["", "abc", "e\u{301}e\u{301}", "a\r\nb", "日本語", "👩‍👩‍👧x"] {
            let n = char_len(text);
            for bound in 0..8 {
                assert_eq!(len_at_most(text, bound), n <= bound, "{text:?} <= {bound}");
                assert_eq!(len_at_least(text, bound), n >= bound, "{text:?} >= {bound}");
            }
        }
    }

    #[test]
    fn grapheme_length() {
        assert_eq!(char_len("e\u{301}"), 1);
        assert_eq!(char_len("日本語"), 3);
    }
}
