//! What the CLI's test binaries share: running the real `commons` binary. Each test file is
//! its own binary and uses part of this, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the `commons` binary built for these tests with `args`; the environment's catalog
/// settings are removed, so only the test's own flags decide where it writes.
pub fn commons(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(args)
        .env_remove("COMMONS_DATABASE")
        .env_remove("COMMONS_DATA")
        .output()
        .expect("commons runs")
}

/// What a run wrote on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What a run wrote on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A `commons serve` of the test binary, stopped when dropped.
pub struct Server {
    child: Child,
    address: String,
}

impl Server {
    /// Starts `commons serve` on a free port and waits until it says where it listens.
    pub fn start(data: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_commons"))
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--poll-ms",
                "100",
                "--data",
            ])
            .arg(data)
            .args(extra)
            .env_remove("COMMONS_DATABASE")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("the server says where it listens")
                .unwrap();
            if let Some(rest) = line.split(" at http://").nth(1) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        // Keep draining standard error so the server never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    /// The JSON answer to `GET path`, which must succeed.
    pub fn get(&self, path: &str) -> serde_json::Value {
        serde_json::from_slice(&self.get_bytes(path)).unwrap()
    }

    /// The body of `GET path`, which must succeed.
    pub fn get_bytes(&self, path: &str) -> Vec<u8> {
        let out = Command::new("curl")
            .args(["-sf", &format!("http://{}{path}", self.address)])
            .output()
            .expect("curl");
        assert!(out.status.success(), "GET {path}");
        out.stdout
    }

    /// The status of `GET path`.
    pub fn status(&self, path: &str) -> u16 {
        self.statuses(path, 1)[0]
    }

    /// The statuses of `n` requests for `path` in a row, on one connection (one curl for
    /// them all, so that they come faster than any budget refills).
    pub fn statuses(&self, path: &str, n: usize) -> Vec<u16> {
        let url = format!("http://{}{path}", self.address);
        let out = Command::new("curl")
            .args(["-s", "-w", "%{http_code}\\n"])
            // Each URL needs its own `-o`, or every answer after the first is printed.
            .args((0..n).flat_map(|_| ["-o", "/dev/null", url.as_str()]))
            .output()
            .expect("curl");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|code| code.parse().unwrap())
            .collect()
    }

    pub fn stop_gracefully(mut self) {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(
                    status.success(),
                    "SIGTERM ends the server cleanly: {status}"
                );
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "stops within 10 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
