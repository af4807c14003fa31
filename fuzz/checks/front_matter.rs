//! Any YAML between `---` lines: no panic, and every span inside the document.

pub fn check(data: &[u8]) {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    for text in [
        format!("---\n{yaml}\n---\n# Body\n"),
        format!("---\r\n{yaml}"),
        yaml.to_string(),
    ] {
        let result = rung::analysis::front_matter::parse_front_matter(&text);
        assert!(result.body_start <= text.len());
        if let Some(fm) = result.front_matter {
            for entry in fm.entries {
                for span in [entry.key_span, entry.value_span] {
                    assert!(
                        span.end <= text.len()
                            && text.is_char_boundary(span.start)
                            && text.is_char_boundary(span.end),
                        "{span:?}"
                    );
                }
            }
        }
    }
}
