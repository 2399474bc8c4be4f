//! Integration tests: real repositories built with the git CLI.

mod support;

mod hostile;
mod license;
mod principles;
mod security;
mod vitality;
mod vulnerabilities;
