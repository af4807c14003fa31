//! Every committed fuzz input, replayed on stable: the minimised corpora in `fuzz/corpus/NAME`
//! and the inputs that once crashed a target in `fuzz/regressions/NAME`, each run through the
//! same check its fuzz target runs (`fuzz/checks/`). A regression of a known crash fails here,
//! with no nightly toolchain and no cargo-fuzz. A panic anywhere counts, even one the language
//! server's handlers contain (as libFuzzer's panic hook counts it when fuzzing).

#[path = "../fuzz/checks/mod.rs"]
mod checks;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for folder in ["corpus", "regressions"] {
        if let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) {
            files.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file()),
            );
        }
    }
    files.sort();
    files
}

/// Panics seen by the hook (a contained one never reaches `catch_unwind` below).
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

#[test]
fn every_committed_fuzz_input_passes_its_target() {
    std::panic::set_hook(Box::new(|info| {
        PANICS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(info.to_string());
    }));
    let mut failures = Vec::new();
    let mut n_inputs = 0;
    for (target, check) in checks::TARGETS {
        let files = inputs(target);
        if files.is_empty() {
            failures.push(format!("fuzz/corpus/{target} is empty"));
        }
        for file in files {
            // A fuzzer running meanwhile may have replaced the file with a smaller one.
            let Ok(data) = std::fs::read(&file) else {
                continue;
            };
            PANICS.lock().unwrap_or_else(|e| e.into_inner()).clear();
            let result = std::panic::catch_unwind(|| check(&data));
            let panics = std::mem::take(&mut *PANICS.lock().unwrap_or_else(|e| e.into_inner()));
            if result.is_err() || !panics.is_empty() {
                failures.push(format!("{}: {}", file.display(), panics.join("; ")));
            }
            n_inputs += 1;
        }
    }
    let _ = std::panic::take_hook();
    assert!(
        failures.is_empty(),
        "{} of {n_inputs} inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
