//! `rung report --format html` rendered in a real browser: headless Chromium (Debian's
//! `chromium`, which `.ci/run` installs) loads the page from a file with the network off, its
//! DOM text is checked, and a screenshot is taken to `target/report-html/`. Skips when
//! Chromium is absent, unless `RUNG_REQUIRE_CHROMIUM` is set (as `.ci/run` sets it).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let found = Command::new("sh")
                .args(["-c", &format!("command -v {name}")])
                .output()
                .ok()?;
            let path = String::from_utf8_lossy(&found.stdout).trim().to_string();
            (found.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        })
}

/// Chromium's flags for a page that must render on its own: no sandbox (CI runs as root), no
/// GPU, no background traffic.
fn headless(browser: &Path, extra: &[&str], page: &Path) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_html_report_is_one_self_contained_page_that_chromium_renders() {
    let output = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args([
            "report",
            "tests/fixtures/case/linked/promo.md",
            "--format",
            "html",
        ])
        .current_dir(repo())
        .output()
        .expect("rung runs");
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    // Self-contained: no scripts, no external styles, images or fonts.
    for outside in [
        "<script", "<link", "@import", "url(", "src=", "http://", "https://",
    ] {
        let allowed = outside == "http://"
            && html.matches(outside).count() == 1
            && html.contains("xmlns=\"http://www.w3.org/2000/svg\"");
        assert!(
            !html.contains(outside) || allowed,
            "the page uses {outside}"
        );
    }
    let out = repo().join("target/report-html");
    std::fs::create_dir_all(&out).unwrap();
    let page = out.join("report.html");
    std::fs::write(&page, &html).unwrap();

    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("RUNG_REQUIRE_CHROMIUM").is_none(),
            "RUNG_REQUIRE_CHROMIUM is set but no chromium is on PATH"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let dom = headless(&browser, &["--dump-dom"], &page);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    for expected in [
        "readiness for E6 (Staff Engineer)",
        "7 of 7 expected traits evidenced",
        "6 of 8 evidence entries measurable",
        "read with tests/fixtures/case/linked/brag.md",
        // The promo entry citing March, measured through it, and the March entry it cites.
        "tests/fixtures/case/linked/promo.md:12",
        "Led the design review: see March.",
        "tests/fixtures/case/linked/brag.md:6",
        ">link<",
        "inferred: confirm with #scope",
        "2 evidence · 2 measurable",
        // Text that needs escaping arrives as text.
        "&amp; \"friends\"",
    ] {
        assert!(
            dom.contains(expected),
            "no {expected:?} in the rendered DOM:\n{dom}"
        );
    }
    // Every expected trait has a bar or a no-evidence frame in the chart, and a section.
    assert_eq!(dom.matches("<section class=\"trait\"").count(), 7, "{dom}");

    let shot = out.join("report.png");
    let _ = std::fs::remove_file(&shot);
    let rendered = headless(
        &browser,
        &[
            "--window-size=1100,1300",
            &format!("--screenshot={}", shot.display()),
        ],
        &page,
    );
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert_eq!(png_size(&png), (1100, 1300));
    // A blank page compresses to a few kilobytes; the chart and lists make it far larger.
    assert!(
        png.len() > 40_000,
        "screenshot of {} bytes: blank?",
        png.len()
    );
    eprintln!("screenshot: {}", shot.display());
}
