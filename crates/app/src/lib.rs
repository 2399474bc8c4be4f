//! The application layer: the use cases that the command line, the crawler and the server
//! share, over the catalog, the assessment and the search index, so that each of those crates
//! does only the job its name says.
//!
//! - [`assess_and_record`]: assess a local repository for an entry (in a bounded child
//!   process, [`worker`], or in this process) and record the report with its revision.
//! - [`assessment_as_read`]: an entry's assessment as readers see it now.
//! - [`indexer`]: bring a search index up to date with the catalog (rebuild it, or apply the
//!   changes since its last commit), writing each entry's [`card::Card`] and its
//!   [`vocabulary`] labels in the six languages.
#![deny(missing_docs)]

mod assessing;
pub mod card;
pub mod indexer;
mod reading;
pub mod vocabulary;
pub mod worker;

pub use assessing::{Recorded, Recording, Runner, assess_and_record};
pub use reading::{AssessmentAsRead, ReadError, assessment_as_read, current_declarations};
