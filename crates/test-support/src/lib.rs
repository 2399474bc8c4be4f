//! What the workspace's tests share, so that each suite does not keep its own copy: `git` run
//! with a fixed identity, a git smart-HTTP server of real repositories ([`git_http`]), and a
//! fresh database on the test PostgreSQL server.

pub mod git_http;

use std::path::Path;
use std::process::Command;

/// Runs `git -C dir args...` with a fixed author and committer and no global configuration
/// (the machine's own settings must not change a test), panics with git's own words when it
/// fails, and gives its standard output, trimmed.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// A new, empty database on the PostgreSQL server named by `COMMONS_TEST_POSTGRES` (what
/// `scripts/postgres.sh start` prints), named after `prefix`, the process and the time so that
/// suites running at once never share one. `None` only when `COMMONS_SKIP_POSTGRES=1` says to
/// skip the PostgreSQL variant knowingly; without either variable it panics, so that a missing
/// server is never a silent pass.
pub async fn fresh_postgres_database(prefix: &str) -> Option<String> {
    let Ok(admin) = std::env::var("COMMONS_TEST_POSTGRES") else {
        if std::env::var("COMMONS_SKIP_POSTGRES").as_deref() == Ok("1") {
            eprintln!("PostgreSQL variant skipped: COMMONS_SKIP_POSTGRES=1");
            return None;
        }
        panic!(
            "COMMONS_TEST_POSTGRES is not set: run `export COMMONS_TEST_POSTGRES=$(scripts/postgres.sh start)` \
             (or set COMMONS_SKIP_POSTGRES=1 to skip the PostgreSQL variant knowingly)"
        );
    };
    use sqlx::Connection;
    let name = format!(
        "{prefix}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_nanos()
    );
    let mut connection = sqlx::PgConnection::connect(&admin)
        .await
        .expect("the test PostgreSQL server answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut connection)
        .await
        .expect("create the test database");
    connection.close().await.ok();
    let (base, _) = admin
        .rsplit_once('/')
        .expect("COMMONS_TEST_POSTGRES is a database URL");
    Some(format!("{base}/{name}"))
}
