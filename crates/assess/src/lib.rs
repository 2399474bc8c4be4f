//! Offline, explainable assessments of one software repository, for the Commons catalog.
//!
//! [`assess`] reads a local git clone (bare or not) through the `git` command line, plus the
//! entry's typed `publiccode.yml` when there is one, and returns an [`Assessment`]: license,
//! security posture (modelled on OpenSSF Scorecard), known vulnerabilities (lockfiles matched
//! against an operator-imported OSV export), vitality (Developers Italia's index and clearer
//! signals), the UN Open Source Principles and the DPG Standard, the Open Source AI Definition
//! for AI systems, and a COCOMO cost to rebuild. Every result carries its evidence (file, commit,
//! rule) and the method version; a check that cannot run reports a [`CheckError`] and the others
//! go on. Nothing here uses the network.
//!
//! The report's types live in `commons-report`, the contract every reader shares (re-exported
//! here where each section is made). Keys may be added, never renamed or removed, without
//! changing [`METHOD_VERSION`].
#![deny(missing_docs)]

pub mod ai;
pub mod bounds;
pub mod cost;
pub mod license;
pub mod lockfile;
pub mod osv;
pub mod pom;
pub mod principles;
pub mod repo;
pub mod say;
pub mod security;
pub mod version;
pub mod vitality;
pub mod workflow;

mod assess;
pub use assess::{Assessment, Facets, Input, PubliccodeStatus, assess};
pub use repo::Limits;

pub use commons_report::{CheckError, Evidence};

/// Version of the assessment method; changes whenever a score could change for the same input.
/// 2: a license file matching `X-only` agrees with a declared `X-or-later` (one shared text).
/// 3: license texts: a common license within a small margin of a near-copy wins (an Apache-2.0
/// text without its appendix was Pixar's license), a near-copy taken names what it copies; the
/// project's own declaration (manifest, README or COPYING sentence, source notices) says how
/// several licenses combine, and without one the combination is unknown, no longer an AND;
/// `LICENSE-AGPL-3.0`-style names are license files; pom.xml is read as XML (commented-out and
/// `dependencyManagement` entries are not dependencies).
pub const METHOD_VERSION: &str = "commons-assess/3";
