//! The detector's families: each test holds several varied entries of one family, the ones that
//! must count and the ones that must stay vague.

use super::*;

#[track_caller]
fn measurable(text: &str) {
    assert_eq!(assess(text), Impact::Measurable, "{text}: {:?}", judge(text));
}

#[track_caller]
fn vague(text: &str) {
    assert_ne!(assess(text), Impact::Measurable, "{text}: {:?}", judge(text));
}

