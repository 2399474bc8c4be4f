//! A Maven `pom.xml` read as XML: the project's own `<licenses>` and `<dependencies>`.
//!
//! Reading a pom by searching its text for `<dependency>` counts what is commented out and what
//! `<dependencyManagement>` only pins for modules that may never use it; reading it as XML with
//! a path for every element counts neither. `quick-xml` reads events without building a tree
//! (no recursion on the input's nesting), never reads a DTD, and resolves only character
//! references and the five predefined entities: an entity declared in the file (a "billion
//! laughs") is left unexpanded, so its cost is the size of the file, which the callers cap.

use crate::bounds::MAX_DEPTH;
use quick_xml::events::Event;

/// Why a pom.xml could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PomError {
    /// Not well-formed XML.
    #[error("invalid XML at byte {position}: {message}")]
    Syntax {
        /// Byte offset where the reader stopped.
        position: u64,
        /// What the parser said.
        message: String,
    },
    /// Elements nested deeper than [`MAX_DEPTH`].
    #[error("elements nested deeper than {MAX_DEPTH} levels (byte {position})")]
    TooDeep {
        /// Byte offset of the element past the limit.
        position: u64,
    },
}

impl PomError {
    /// The error of `file` as a sentence of the method's messages; the XML reader's own words
    /// stay as written, in `detail`.
    pub fn said(&self, file: &str) -> commons_report::Said {
        use crate::say::say;
        match self {
            PomError::Syntax { position, message } => say(
                "error-invalid-xml",
                &[
                    ("file", file.into()),
                    ("position", (*position).into()),
                    ("detail", message.as_str().into()),
                ],
            ),
            PomError::TooDeep { position } => say(
                "error-xml-too-deep",
                &[
                    ("file", file.into()),
                    ("limit", MAX_DEPTH.into()),
                    ("position", (*position).into()),
                ],
            ),
        }
    }
}

/// One `<license>` of `<project><licenses>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PomLicense {
    /// `<name>`, trimmed.
    pub name: String,
    /// `<url>`, trimmed.
    pub url: String,
}

/// One `<dependency>` the project itself declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PomDependency {
    /// `<groupId>`.
    pub group_id: String,
    /// `<artifactId>`.
    pub artifact_id: String,
    /// `<version>` as written (may be `${property}` or a range).
    pub version: String,
}

/// What Commons reads from a pom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pom {
    /// `project/licenses/license`, in order.
    pub licenses: Vec<PomLicense>,
    /// `project/dependencies/dependency` and `project/profiles/profile/dependencies/dependency`;
    /// not `dependencyManagement` (versions pinned for modules, not dependencies) and not
    /// build plugins' own dependencies (tools of the build, not of the software).
    pub dependencies: Vec<PomDependency>,
}

const LICENSE: &[&str] = &["project", "licenses", "license"];
const DEPENDENCY: &[&str] = &["project", "dependencies", "dependency"];
const PROFILE_DEPENDENCY: &[&str] = &[
    "project",
    "profiles",
    "profile",
    "dependencies",
    "dependency",
];

/// Reads a pom's licenses and dependencies.
pub fn read(text: &str) -> Result<Pom, PomError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut path: Vec<String> = Vec::new();
    let mut pom = Pom::default();
    let mut license: Option<PomLicense> = None;
    let mut dependency: Option<PomDependency> = None;
    // Text of the innermost element, gathered across text, CDATA and reference events.
    let mut text_buf = String::new();
    let syntax = |reader: &quick_xml::Reader<&[u8]>, e: &dyn std::fmt::Display| PomError::Syntax {
        position: reader.error_position(),
        message: e.to_string(),
    };
    loop {
        let event = reader.read_event().map_err(|e| syntax(&reader, &e))?;
        match event {
            Event::Start(start) => {
                if path.len() >= MAX_DEPTH {
                    return Err(PomError::TooDeep {
                        position: reader.buffer_position(),
                    });
                }
                let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                path.push(name);
                text_buf.clear();
                if path == LICENSE {
                    license = Some(PomLicense::default());
                } else if path == DEPENDENCY || path == PROFILE_DEPENDENCY {
                    dependency = Some(PomDependency::default());
                }
            }
            Event::End(_) => {
                let value = text_buf.trim().to_string();
                text_buf.clear();
                let parent = &path[..path.len().saturating_sub(1)];
                let leaf = path.last().map(String::as_str).unwrap_or("");
                if parent == LICENSE
                    && let Some(l) = license.as_mut()
                {
                    match leaf {
                        "name" => l.name = value,
                        "url" => l.url = value,
                        _ => {}
                    }
                } else if (parent == DEPENDENCY || parent == PROFILE_DEPENDENCY)
                    && let Some(d) = dependency.as_mut()
                {
                    match leaf {
                        "groupId" => d.group_id = value,
                        "artifactId" => d.artifact_id = value,
                        "version" => d.version = value,
                        _ => {}
                    }
                }
                if path == LICENSE {
                    pom.licenses.extend(license.take());
                } else if path == DEPENDENCY || path == PROFILE_DEPENDENCY {
                    pom.dependencies.extend(dependency.take());
                }
                path.pop();
            }
            Event::Text(t) => text_buf.push_str(&t.decode().map_err(|e| syntax(&reader, &e))?),
            Event::CData(t) => text_buf.push_str(&t.decode().map_err(|e| syntax(&reader, &e))?),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text_buf.push(c);
                } else if let Ok(name) = r.decode()
                    && let Some(s) = quick_xml::escape::resolve_predefined_entity(&name)
                {
                    text_buf.push_str(s);
                }
                // Any other entity is left out, never expanded.
            }
            Event::Eof => break,
            // Comments, declarations, processing instructions, the DTD and empty elements carry
            // nothing read here.
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
    Ok(pom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_projects_own_licenses_and_dependencies_count() {
        let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <licenses>
    <license><name>Apache License, Version 2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license>
    <!-- <license><name>GPL</name></license> -->
  </licenses>
  <dependencyManagement><dependencies>
    <dependency><groupId>m</groupId><artifactId>managed</artifactId><version>1.0</version></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <!-- <dependency><groupId>c</groupId><artifactId>commented</artifactId><version>1.0</version></dependency> -->
    <dependency><groupId>g</groupId><artifactId>a</artifactId><version>2.14.1</version></dependency>
  </dependencies>
  <build><plugins><plugin><dependencies>
    <dependency><groupId>p</groupId><artifactId>plugin-dep</artifactId><version>3.0</version></dependency>
  </dependencies></plugin></plugins></build>
  <profiles><profile><dependencies>
    <dependency><groupId>g</groupId><artifactId>b&amp;c</artifactId><version>1.2</version></dependency>
  </dependencies></profile></profiles>
</project>"#;
        let pom = read(text).unwrap();
        assert_eq!(
            pom.licenses,
            vec![PomLicense {
                name: "Apache License, Version 2.0".into(),
                url: "https://www.apache.org/licenses/LICENSE-2.0.txt".into()
            }]
        );
        let names: Vec<&str> = pom
            .dependencies
            .iter()
            .map(|d| d.artifact_id.as_str())
            .collect();
        assert_eq!(names, vec!["a", "b&c"]);
    }

    #[test]
    fn entities_are_not_expanded_and_nesting_is_bounded() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<project><licenses><license><name>&lol3;MIT</name></license></licenses></project>"#;
        let pom = read(laughs).unwrap();
        assert_eq!(pom.licenses[0].name, "MIT");
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        assert!(matches!(read(&deep), Err(PomError::TooDeep { .. })));
        assert!(matches!(
            read("<project><licenses></project>"),
            Err(PomError::Syntax { .. })
        ));
    }
}
