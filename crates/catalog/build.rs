//! `sqlx::migrate!` embeds the migration files at compile time, but on stable Rust it cannot
//! tell Cargo to watch their directory: without this, a new migration file would not be built
//! in until something else changed.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
