//! The one queue of recrawls that webhooks ask for: bounded (a flood of deliveries is
//! answered `503`, not turned into unbounded work) and de-duplicated (a repository already
//! waiting is not queued twice: ten pushes in a row are one recrawl). A repository leaves the
//! waiting set when its recrawl starts, so a push during a recrawl is seen by the next one.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::mpsc;

/// Recrawls waiting at most, by default.
pub const DEFAULT_CAPACITY: usize = 1024;

/// Recrawls run at once by the queue's workers (mostly waiting on forges).
pub const WORKERS: usize = 2;

/// What pushing a repository did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    /// It will be recrawled.
    Added,
    /// It was waiting already; the waiting recrawl will see this push.
    AlreadyWaiting,
    /// The queue is full: try again later.
    Full,
}

/// One recrawl to do: the repository's comparison key and its URL.
struct Job {
    key: String,
    url: String,
}

/// The queue; its workers call `recrawl` for each repository.
pub struct HookQueue {
    waiting: Mutex<HashSet<String>>,
    sender: mpsc::Sender<Job>,
}

impl HookQueue {
    /// A queue of `capacity` with [`WORKERS`] workers running `recrawl`.
    pub fn start<F, Fut>(capacity: usize, recrawl: F) -> Arc<HookQueue>
    where
        F: Fn(String) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let (queue, receiver) = HookQueue::new(capacity);
        let receiver = Arc::new(tokio::sync::Mutex::new(receiver));
        let recrawl = Arc::new(recrawl);
        for _ in 0..WORKERS {
            let queue = Arc::clone(&queue);
            let receiver = Arc::clone(&receiver);
            let recrawl = Arc::clone(&recrawl);
            tokio::spawn(async move {
                loop {
                    let job = receiver.lock().await.recv().await;
                    let Some(job) = job else { return };
                    queue.started(&job.key);
                    recrawl(job.url).await;
                }
            });
        }
        queue
    }

    fn new(capacity: usize) -> (Arc<HookQueue>, mpsc::Receiver<Job>) {
        let (sender, receiver) = mpsc::channel(capacity.max(1));
        let queue = HookQueue {
            waiting: Mutex::new(HashSet::new()),
            sender,
        };
        (Arc::new(queue), receiver)
    }

    /// Queues a recrawl of the repository `url`, whose comparison key is `key`.
    pub fn push(&self, key: String, url: String) -> Queued {
        let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
        if waiting.contains(&key) {
            return Queued::AlreadyWaiting;
        }
        match self.sender.try_send(Job {
            key: key.clone(),
            url,
        }) {
            Ok(()) => {
                waiting.insert(key);
                Queued::Added
            }
            Err(_) => Queued::Full,
        }
    }

    /// Repositories waiting.
    pub fn len(&self) -> usize {
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn started(&self, key: &str) {
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiting_repository_is_not_queued_twice_and_a_full_queue_says_so() {
        let (queue, mut receiver) = HookQueue::new(2);
        let push = |name: &str| queue.push(name.to_string(), format!("https://forge/{name}"));
        assert_eq!(push("a"), Queued::Added);
        assert_eq!(push("a"), Queued::AlreadyWaiting);
        assert_eq!(push("b"), Queued::Added);
        assert_eq!(push("c"), Queued::Full);
        assert_eq!(queue.len(), 2);
        // Once its recrawl starts, a repository may be queued again (a later push).
        let job = receiver.try_recv().unwrap();
        queue.started(&job.key);
        assert_eq!(job.url, "https://forge/a");
        assert_eq!(push("a"), Queued::Added);
        assert_eq!(push("c"), Queued::Full);
    }

    #[tokio::test]
    async fn workers_recrawl_each_queued_repository() {
        let (done, mut finished) = mpsc::unbounded_channel();
        let queue = HookQueue::start(8, move |url| {
            let done = done.clone();
            async move {
                let _ = done.send(url);
            }
        });
        assert_eq!(queue.push("a".into(), "u-a".into()), Queued::Added);
        assert_eq!(queue.push("b".into(), "u-b".into()), Queued::Added);
        let mut seen = vec![
            finished.recv().await.unwrap(),
            finished.recv().await.unwrap(),
        ];
        seen.sort();
        assert_eq!(seen, ["u-a", "u-b"]);
        assert!(queue.is_empty());
    }
}
