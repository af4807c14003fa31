//! How the benchmarks read memory: a process's `/proc/<pid>/status` fields, and the peak
//! resident memory of `rung check` run as a child. One reader for `edit_latency`, `big_document`
//! and `soak`, so they measure the same way.
//!
//! A child's peak as `wait4` reports it (`ru_maxrss`) is at least the resident memory of the
//! process it was forked from at the fork: measure it while the benchmark itself is small.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};

/// The `/proc/<pid>/status` field `name` (with its colon, e.g. `"VmRSS:"`) in kB; `None` when
/// the process or the field is gone.
pub fn status_kb(pid: u32, name: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// [`status_kb`] in MB.
pub fn status_mb(pid: u32, name: &str) -> Option<f64> {
    status_kb(pid, name).map(|kb| kb as f64 / 1024.0)
}

/// Peak resident memory of `rung check --format FORMAT FILE`, in MB, its output discarded.
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which also returns its resource usage
pub fn check_peak_rss_mb(file: &Path, format: &str) -> f64 {
    let child = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(["check", "--format", format])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: wait4 on our own child with valid pointers to a status and a rusage.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}
