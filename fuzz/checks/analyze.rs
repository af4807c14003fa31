//! Any text, analysed as each kind of growth doc: no panic, spans inside the text and on char
//! boundaries, and the same result twice.

use rung::analysis::document::DocKind;
use rung::analysis::{Input, NoFileSystem, Settings, analyze};
use std::sync::LazyLock;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::default);

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in DocKind::ALL {
        let input = Input {
            forced_kind: Some(kind),
            today: Some("2026-11-27"),
            ..Input::new(text)
        };
        let first = analyze(&input, &SETTINGS, &NoFileSystem);
        for diagnostic in &first.diagnostics {
            let span = diagnostic.span;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{span:?} outside {}",
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{span:?} not on char boundaries"
            );
            for edit in diagnostic.fix.iter().flat_map(|f| &f.edits) {
                assert!(
                    edit.span.end <= text.len()
                        && text.is_char_boundary(edit.span.start)
                        && text.is_char_boundary(edit.span.end)
                );
            }
        }
        let second = analyze(&input, &SETTINGS, &NoFileSystem);
        assert_eq!(first.diagnostics, second.diagnostics);
    }
    let _ = rung::analysis::parse::heading_anchors(text);
}
