//! BCP 47 language tags as the codes of the EU's language authority table
//! (`http://publications.europa.eu/resource/authority/language/ENG`), which DCAT-AP asks for.
//!
//! The table's codes are ISO 639-2/T in upper case for the languages below; the primary subtag
//! decides (`fr-CA` is French). A language not listed here is left out of the export rather
//! than given a guessed IRI.

/// ISO 639-1 code → the authority table's code.
#[rustfmt::skip]
const CODES: &[(&str, &str)] = &[
    ("af", "AFR"), ("am", "AMH"), ("ar", "ARA"), ("az", "AZE"), ("be", "BEL"), ("bg", "BUL"),
    ("bn", "BEN"), ("bo", "BOD"), ("bs", "BOS"), ("ca", "CAT"), ("cs", "CES"), ("cy", "CYM"),
    ("da", "DAN"), ("de", "DEU"), ("el", "ELL"), ("en", "ENG"), ("eo", "EPO"), ("es", "SPA"),
    ("et", "EST"), ("eu", "EUS"), ("fa", "FAS"), ("fi", "FIN"), ("fr", "FRA"), ("ga", "GLE"),
    ("gl", "GLG"), ("ha", "HAU"), ("he", "HEB"), ("hi", "HIN"), ("hr", "HRV"), ("hu", "HUN"),
    ("hy", "HYE"), ("id", "IND"), ("ig", "IBO"), ("is", "ISL"), ("it", "ITA"), ("ja", "JPN"),
    ("ka", "KAT"), ("kk", "KAZ"), ("km", "KHM"), ("ko", "KOR"), ("ku", "KUR"), ("ky", "KIR"),
    ("lb", "LTZ"), ("lo", "LAO"), ("lt", "LIT"), ("lv", "LAV"), ("mg", "MLG"), ("mk", "MKD"),
    ("mn", "MON"), ("ms", "MSA"), ("mt", "MLT"), ("my", "MYA"), ("ne", "NEP"), ("nl", "NLD"),
    ("no", "NOR"), ("pl", "POL"), ("ps", "PUS"), ("pt", "POR"), ("qu", "QUE"), ("ro", "RON"),
    ("ru", "RUS"), ("rw", "KIN"), ("si", "SIN"), ("sk", "SLK"), ("sl", "SLV"), ("so", "SOM"),
    ("sq", "SQI"), ("sr", "SRP"), ("sv", "SWE"), ("sw", "SWA"), ("ta", "TAM"), ("tg", "TGK"),
    ("th", "THA"), ("ti", "TIR"), ("tk", "TUK"), ("tl", "TGL"), ("tr", "TUR"), ("uk", "UKR"),
    ("ur", "URD"), ("uz", "UZB"), ("vi", "VIE"), ("wo", "WOL"), ("xh", "XHO"), ("yo", "YOR"),
    ("zh", "ZHO"), ("zu", "ZUL"),
];

/// The authority table's code of a BCP 47 tag's language, when known.
pub fn eu_language(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    CODES
        .iter()
        .find(|(iso, _)| *iso == primary)
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primary_subtag_decides() {
        assert_eq!(eu_language("en"), Some("ENG"));
        assert_eq!(eu_language("fr-CA"), Some("FRA"));
        assert_eq!(eu_language("ZH_hant"), Some("ZHO"));
        assert_eq!(eu_language("zgh"), None);
        assert_eq!(eu_language(""), None);
    }

    #[test]
    fn the_table_is_sorted_and_has_no_duplicates() {
        assert!(CODES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
