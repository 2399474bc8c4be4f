//! Keeps the crawler's git cache (`<data>/git-cache`, a bare repository per crawled
//! repository) under a size cap: the repositories used least recently go first. A cache
//! repository is only a speed-up (the next crawl fetches what it lacks, shallowly, or its whole
//! history when it is assessed again), so removing one loses nothing.
//!
//! Every fetch marks its cache repository as used ([`mark_used`]); a repository used within
//! the grace period is never removed, so a crawl in flight keeps what it is fetching into.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The git cache's cap by default: 2 GiB. A shallow fetch of a typical repository takes a few
/// hundred KB, a whole history for an assessment tens of MB.
pub const DEFAULT_GIT_CACHE_MAX: u64 = 2 * 1024 * 1024 * 1024;

/// Repositories used this recently are kept whatever the cap: they may be in use.
pub const GRACE: Duration = Duration::from_secs(600);

/// The file whose modification time says when a cache repository was last used.
const USED_MARK: &str = "commons-used";

/// Notes that the cache repository `dir` is used now (best effort: a cache whose mark cannot
/// be written is only pruned earlier).
pub fn mark_used(dir: &Path) {
    let _ = std::fs::write(dir.join(USED_MARK), b"");
}

/// What a pruning did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Cache repositories before.
    pub repositories: usize,
    /// Bytes before.
    pub bytes_before: u64,
    /// Cache repositories removed.
    pub removed: usize,
    /// Bytes after.
    pub bytes_after: u64,
}

struct Entry {
    dir: PathBuf,
    bytes: u64,
    used: SystemTime,
}

/// Disk space under `path` (allocated blocks, directories included, as `du` counts), without
/// following symbolic links: what a cap on a disk is about, which for many small git files is
/// several times the bytes they hold.
pub fn size_of(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    let own = meta.blocks() * 512;
    if !meta.is_dir() {
        return own;
    }
    own + std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| size_of(&entry.path()))
                .sum::<u64>()
        })
        .unwrap_or(0)
}

fn last_used(dir: &Path) -> SystemTime {
    std::fs::metadata(dir.join(USED_MARK))
        .or_else(|_| std::fs::metadata(dir))
        .and_then(|meta| meta.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// Removes the least recently used repositories of the cache at `root` until it holds at
/// most `max_bytes`, sparing those used within `grace` of `now`. Files beside the
/// repositories (the notes of failed assessments) are kept.
pub fn prune_git_cache(
    root: &Path,
    max_bytes: u64,
    grace: Duration,
    now: SystemTime,
) -> std::io::Result<Pruned> {
    let mut entries = Vec::new();
    let listing = match std::fs::read_dir(root) {
        Ok(listing) => listing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Pruned::default()),
        Err(e) => return Err(e),
    };
    for item in listing {
        let item = item?;
        if !item.file_type()?.is_dir() {
            continue;
        }
        let dir = item.path();
        entries.push(Entry {
            bytes: size_of(&dir),
            used: last_used(&dir),
            dir,
        });
    }
    let bytes_before: u64 = entries.iter().map(|e| e.bytes).sum();
    let mut pruned = Pruned {
        repositories: entries.len(),
        bytes_before,
        removed: 0,
        bytes_after: bytes_before,
    };
    entries.sort_by_key(|e| e.used);
    for entry in entries {
        if pruned.bytes_after <= max_bytes {
            break;
        }
        let recent = now.duration_since(entry.used).unwrap_or(Duration::ZERO) < grace;
        if recent {
            // Sorted oldest first: every later one is recent too.
            break;
        }
        std::fs::remove_dir_all(&entry.dir)?;
        pruned.removed += 1;
        pruned.bytes_after -= entry.bytes;
    }
    Ok(pruned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repository(root: &Path, name: &str, bytes: usize, used: SystemTime) -> PathBuf {
        let dir = root.join(name);
        std::fs::create_dir_all(dir.join("objects")).unwrap();
        std::fs::write(dir.join("objects/pack"), vec![0u8; bytes]).unwrap();
        mark_used(&dir);
        std::fs::File::options()
            .write(true)
            .open(dir.join(USED_MARK))
            .unwrap()
            .set_modified(used)
            .unwrap();
        dir
    }

    #[test]
    fn the_least_recently_used_go_first_until_the_cache_fits() {
        let root = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let hours = |h: u64| now - Duration::from_secs(3600 * h);
        let oldest = repository(root.path(), "a", 100_000, hours(30));
        let older = repository(root.path(), "b", 100_000, hours(20));
        let newer = repository(root.path(), "c", 100_000, hours(10));
        let newest = repository(root.path(), "d", 100_000, hours(1));
        std::fs::write(root.path().join("a.not-assessed"), "method\nnote").unwrap();
        let pruned = prune_git_cache(root.path(), 250_000, GRACE, now).unwrap();
        assert_eq!(pruned.repositories, 4);
        assert_eq!(pruned.removed, 2);
        assert!(pruned.bytes_before >= 400_000);
        assert!(pruned.bytes_after <= 250_000);
        assert!(!oldest.exists() && !older.exists());
        assert!(newer.exists() && newest.exists());
        assert!(
            root.path().join("a.not-assessed").exists(),
            "the note of a failed assessment stays"
        );
        // Under the cap: nothing to do.
        let again = prune_git_cache(root.path(), 250_000, GRACE, now).unwrap();
        assert_eq!(again.removed, 0);
    }

    #[test]
    fn a_repository_in_use_is_kept_over_the_cap() {
        let root = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let busy = repository(root.path(), "busy", 8000, now - Duration::from_secs(60));
        let idle = repository(root.path(), "idle", 8000, now - Duration::from_secs(7200));
        let pruned = prune_git_cache(root.path(), 0, GRACE, now).unwrap();
        assert_eq!(pruned.removed, 1);
        assert!(busy.exists() && !idle.exists());
        assert!(
            pruned.bytes_after > 0,
            "over the cap, but nothing more may go"
        );
    }

    #[test]
    fn a_missing_cache_is_empty() {
        let pruned =
            prune_git_cache(Path::new("/nonexistent/cache"), 0, GRACE, SystemTime::now()).unwrap();
        assert_eq!(pruned, Pruned::default());
    }
}
