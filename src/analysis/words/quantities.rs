//! Quantities spelled by an entry's tokens: a number (digits or words) with what is written
//! around it that says what kind of amount it is — currency, `%`, a multiplier, a unit of time,
//! size or rate, a magnitude suffix (`40k`, `1.2M`), a range (`3–5 days`), `~` and `250+`, a
//! hyphenated compound (`40-page`, `14-point`), a ratio (`1 in 5`, `4.6 out of 5`).
//!
//! What *governs* a quantity (a date, an activity, a target, an outcome) is the detector's
//! business ([`crate::analysis::impact`]); this module only reads what the quantity is.

use super::lexicon::*;
use super::tokens::{Kind, Token, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A bare count or amount (`12`, `40k`, `two`).
    Plain,
    Percent,
    Money,
    Multiplier,
    /// A time of a day or more (`3 weeks`, `2 quarters`).
    Time,
    /// A time below a day (`120 ms`, `35m`, `3 hours`).
    ShortTime,
    /// Data sizes, power, frame or request rates (`1.8GB`, `120µA`, `60fps`).
    Size,
    /// `2nd`, `14th`.
    Ordinal,
    /// `6am`.
    Clock,
    /// Letters glued to a number that are no unit rung knows (`3G`, `2FA`).
    Glued,
    /// A numeric date: `2026-03-14`, `2026-03`, `2026-H1`, `3/14/2026`.
    Date,
}

#[derive(Debug, Clone, Copy)]
pub struct Quantity {
    /// The first token (a currency or `~` before the number) and the last (its unit).
    pub first: usize,
    pub last: usize,
    /// The number's own token.
    pub number: usize,
    pub unit: Unit,
    /// Written in words (`two`, `a dozen`).
    pub spelled: bool,
    /// Per unit of time or of something else (`12/month`, `5 per day`).
    pub rate: bool,
    /// A hyphenated compound that describes a thing (`a 40-page doc`); its noun token.
    pub compound_noun: Option<usize>,
    /// `1 in 5`, `4.6 out of 5`, `3/4`.
    pub ratio: bool,
    pub magnitude: bool,
}

/// Whether token `i` is a symbol of `set`, compared as bytes (a token range is on character
/// boundaries already, so no check is needed).
fn symbol_is(text: &str, tokens: &Tokens, i: usize, set: &[&str]) -> bool {
    tokens.get(i).is_some_and(|t| {
        t.kind == Kind::Symbol && {
            let bytes = &text.as_bytes()[t.range()];
            set.iter().any(|s| s.as_bytes() == bytes)
        }
    })
}

/// Whether a quantity can start at token `t`: a number, or a number word.
pub fn can_start(t: &Token) -> bool {
    t.kind == Kind::Number || (t.kind == Kind::Word && t.is(NUMBER_WORD))
}

/// Every quantity in `tokens`, in order, into `out` (cleared first).
pub fn find(text: &str, tokens: &Tokens, out: &mut Vec<Quantity>) {
    out.clear();
    let mut i = 0;
    while i < tokens.len() {
        if !can_start(&tokens[i]) {
            i += 1;
            continue;
        }
        let q = read_at(text, tokens, i, tokens[i].kind == Kind::Word);
        i = q.last + 1;
        out.push(q);
    }
}

/// [`find`], given the tokens a quantity can start at ([`can_start`], in order), so a caller
/// that has passed over the tokens already does not scan them again.
pub fn find_at(text: &str, tokens: &Tokens, starts: &[u32], out: &mut Vec<Quantity>) {
    out.clear();
    let mut next = 0;
    for &start in starts {
        let i = start as usize;
        // Inside the quantity before (`3–5 days`, `two hundred`).
        if i < next {
            continue;
        }
        let q = read_at(text, tokens, i, tokens[i].kind == Kind::Word);
        next = q.last + 1;
        out.push(q);
    }
}

fn read_at(text: &str, tokens: &Tokens, i: usize, spelled: bool) -> Quantity {
    let mut q = Quantity {
        first: i,
        last: i,
        number: i,
        unit: Unit::Plain,
        spelled,
        rate: false,
        compound_noun: None,
        ratio: false,
        magnitude: false,
    };
    // Before the number: a currency, then `~`, `<`, `+` or a sign.
    if !spelled && q.first > 0 && symbol_is(text, tokens, q.first - 1, &["$", "€", "£", "¥"]) {
        q.unit = Unit::Money;
        q.first -= 1;
    }
    if q.first > 0
        && tokens[q.first].glued
        && symbol_is(
            text,
            tokens,
            q.first - 1,
            &["~", "≈", "<", ">", "≤", "≥", "+", "-", "−"],
        )
        && !(symbol_is(text, tokens, q.first - 1, &["-", "+"]) && tokens[q.first - 1].glued)
    {
        q.first -= 1;
    }
    let mut j = i + 1;
    if !spelled && let Some(end) = date_end(text, tokens, i) {
        q.unit = Unit::Date;
        q.last = end;
        return q;
    }
    // `10:30`, `1:1s`: a time of day or a name.
    if !spelled
        && symbol_is(text, tokens, j, &[":"])
        && tokens[j].glued
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == Kind::Number && t.glued)
    {
        q.unit = Unit::Clock;
        q.last = j + 1;
        if tokens
            .get(j + 2)
            .is_some_and(|t| t.glued && t.kind == Kind::Word)
        {
            q.last = j + 2;
        }
        return q;
    }
    if spelled {
        while tokens
            .get(j)
            .is_some_and(|t| t.kind == Kind::Word && t.is(NUMBER_WORD))
        {
            q.last = j;
            j += 1;
        }
    } else {
        // A range: `3–5 days`, `3-5`; not a date (`2026-03`).
        let year_like = tokens[i].end - tokens[i].start == 4;
        if !year_like
            && symbol_is(text, tokens, j, &["-", "–"])
            && tokens[j].glued
            && tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == Kind::Number && t.glued)
        {
            q.last = j + 1;
            j += 2;
        }
    }
    let money = q.unit == Unit::Money;
    // After it: a magnitude, then one unit, a `+`, a rate.
    while let Some(t) = tokens.get(j) {
        if t.kind == Kind::Symbol {
            let s = &text[t.range()];
            match s {
                "%" => {
                    q.unit = Unit::Percent;
                    q.last = j;
                }
                "×" => {
                    q.unit = Unit::Multiplier;
                    q.last = j;
                }
                "+" if t.glued => {
                    q.last = j;
                    j += 1;
                    continue;
                }
                "-" if t.glued
                    && tokens
                        .get(j + 1)
                        .is_some_and(|w| w.kind == Kind::Word && w.glued) =>
                {
                    let w = &tokens[j + 1];
                    if w.is(PERCENT_UNIT) {
                        q.unit = Unit::Percent;
                    } else if w.is(MULTIPLIER_UNIT) {
                        q.unit = Unit::Multiplier;
                    } else if w.is(SHORT_TIME) && tokens.lower(j + 1).len() > 1 {
                        q.unit = Unit::ShortTime;
                        q.compound_noun = Some(j + 1);
                    } else if w.is(TIME_UNIT) && tokens.lower(j + 1).len() > 1 {
                        q.unit = Unit::Time;
                        q.compound_noun = Some(j + 1);
                    } else {
                        q.compound_noun = Some(j + 1);
                    }
                    q.last = j + 1;
                }
                _ => {}
            }
            break;
        }
        if t.kind != Kind::Word {
            break;
        }
        let word = tokens.lower(j);
        if t.glued && !spelled {
            q.last = j;
            j += 1;
            match word {
                "st" | "nd" | "rd" | "th" => q.unit = Unit::Ordinal,
                "am" | "pm" => q.unit = Unit::Clock,
                "m" if money || &text[t.range()] == "M" => {
                    q.magnitude = true;
                    continue;
                }
                _ if t.is(MAGNITUDE) && word != "m" => {
                    q.magnitude = true;
                    continue;
                }
                _ if t.is(MULTIPLIER_UNIT) => q.unit = Unit::Multiplier,
                _ if t.is(SHORT_TIME) => q.unit = Unit::ShortTime,
                _ if t.is(TIME_UNIT) => q.unit = Unit::Time,
                _ if t.is(PERCENT_UNIT) => q.unit = Unit::Percent,
                _ if t.is(CURRENCY_WORD) => q.unit = Unit::Money,
                _ if t.is(OTHER_UNIT) => q.unit = Unit::Size,
                _ => q.unit = Unit::Glued,
            }
            break;
        }
        // A unit written as a word of its own.
        if t.is(MAGNITUDE) && word.len() > 2 {
            q.magnitude = true;
            q.last = j;
            j += 1;
            continue;
        }
        let unit = if t.is(SHORT_TIME) {
            Some(Unit::ShortTime)
        } else if t.is(TIME_UNIT) && word.len() > 1 {
            Some(Unit::Time)
        } else if t.is(PERCENT_UNIT) {
            Some(Unit::Percent)
        } else if t.is(CURRENCY_WORD) {
            Some(Unit::Money)
        } else if t.is(OTHER_UNIT) && word.len() > 1 && !spelled {
            Some(Unit::Size)
        } else if (word == "times" || word == "fold")
            && tokens
                .get(j + 1)
                .is_none_or(|n| n.is(COMPARATIVE) || matches!(tokens.lower(j + 1), "as" | "over"))
        {
            Some(Unit::Multiplier)
        } else {
            None
        };
        if let Some(unit) = unit {
            if !(money && unit == Unit::Money) {
                q.unit = unit;
            }
            q.last = j;
        } else if !spelled
            && (word == "in" || word == "out")
            && let Some(end) = ratio_end(text, tokens, j)
        {
            q.ratio = true;
            q.last = end;
        }
        break;
    }
    // `3/4`: a ratio unless it is a date (`3/14/2026`).
    if !spelled
        && q.unit == Unit::Plain
        && symbol_is(text, tokens, q.last + 1, &["/"])
        && tokens
            .get(q.last + 2)
            .is_some_and(|t| t.kind == Kind::Number && t.glued)
        && !symbol_is(text, tokens, q.last + 3, &["/"])
        && numerator_fits(text, tokens, q.last, q.last + 2)
    {
        q.ratio = true;
        q.last += 2;
    }
    // A rate: `/mo`, `/week`, `per day`, `a month`.
    let after = q.last + 1;
    let slash_rate = symbol_is(text, tokens, after, &["/"])
        && tokens.get(after + 1).is_some_and(|t| t.is_word());
    if slash_rate || is_rate_at(tokens, after) {
        q.rate = true;
        q.last = after + 1;
        // `2x a week`, `3x/week`: how many times in a period, not a multiplier of anything.
        if q.unit == Unit::Multiplier {
            q.unit = Unit::Plain;
        }
    } else if q.unit == Unit::Multiplier && tokens.get(after).is_some_and(|t| t.is(FREQUENCY)) {
        // `a 2x weekly sync`, `3x daily`: how often, the frequency word its period.
        q.unit = Unit::Plain;
        q.rate = true;
        q.last = after;
    }
    q
}

/// `3/4`, `4.6/5`: a numerator no larger than its denominator (`24/7` is a name).
fn numerator_fits(text: &str, tokens: &Tokens, top: usize, bottom: usize) -> bool {
    let value = |k: usize| number_value(text, tokens, k);
    matches!((value(top), value(bottom)), (Some(a), Some(b)) if a <= b)
}

/// The value of the number token `k`, its thousands separators dropped (`1,200` is 1200).
pub fn number_value(text: &str, tokens: &Tokens, k: usize) -> Option<f64> {
    text[tokens.get(k)?.range()]
        .replace(',', "")
        .parse::<f64>()
        .ok()
}

/// Where a numeric date that starts at the number `i` ends: `2026-03-14`, `2026-03`,
/// `2026-H1`, `3/14/2026`, `14/03/26`.
fn date_end(text: &str, tokens: &Tokens, i: usize) -> Option<usize> {
    let glued_at = |k: usize| tokens.get(k).is_some_and(|t| t.glued);
    let digits = |k: usize| {
        tokens.get(k).map_or(0, |t| {
            if t.kind == Kind::Number && text[t.range()].bytes().all(|b| b.is_ascii_digit()) {
                t.end - t.start
            } else {
                0
            }
        })
    };
    if digits(i) == 4
        && symbol_is(text, tokens, i + 1, &["-"])
        && glued_at(i + 1)
        && glued_at(i + 2)
    {
        let year: u32 = text[tokens[i].range()].parse().ok()?;
        if !(1900..=2099).contains(&year) {
            return None;
        }
        let next = &tokens[i + 2];
        if next.kind == Kind::Ident
            && matches!(tokens.lower(i + 2).as_bytes(), [b'q' | b'h', b'1'..=b'4'])
        {
            return Some(i + 2);
        }
        if digits(i + 2) == 2 {
            if symbol_is(text, tokens, i + 3, &["-"])
                && glued_at(i + 3)
                && digits(i + 4) == 2
                && glued_at(i + 4)
            {
                return Some(i + 4);
            }
            return Some(i + 2);
        }
        return None;
    }
    let short = |k: usize| (1..=2).contains(&digits(k));
    if short(i)
        && symbol_is(text, tokens, i + 1, &["/"])
        && short(i + 2)
        && symbol_is(text, tokens, i + 3, &["/"])
        && matches!(digits(i + 4), 2 | 4)
        && (i + 1..=i + 4).all(glued_at)
    {
        return Some(i + 4);
    }
    None
}

/// `per day`, `a month`, `each sprint`, `every week` at token `at`.
pub fn is_rate_at(tokens: &Tokens, at: usize) -> bool {
    let Some(t) = tokens.get(at) else {
        return false;
    };
    if t.kind != Kind::Word || !tokens.get(at + 1).is_some_and(|n| n.kind == Kind::Word) {
        return false;
    }
    match tokens.lower(at) {
        "per" => true,
        "a" | "an" | "each" | "every" => {
            tokens[at + 1].is(TIME_UNIT) && tokens.lower(at + 1).len() > 1
        }
        _ => false,
    }
}

/// Where a ratio that continues at token `at` (`in 5`, `out of 5`) ends.
fn ratio_end(_text: &str, tokens: &Tokens, at: usize) -> Option<usize> {
    match tokens.lower(at) {
        "in" => tokens
            .get(at + 1)
            .is_some_and(|t| t.kind == Kind::Number)
            .then_some(at + 1),
        "out"
            if tokens.get(at + 1).is_some_and(|t| t.is_word()) && tokens.lower(at + 1) == "of" =>
        {
            tokens
                .get(at + 2)
                .is_some_and(|t| t.kind == Kind::Number)
                .then_some(at + 2)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Unit, bool)> {
        let mut tokens = Tokens::default();
        tokens.read(text);
        let mut out = Vec::new();
        find(text, &tokens, &mut out);
        let starts: Vec<u32> = (0..tokens.len())
            .filter(|&i| can_start(&tokens[i]))
            .map(|i| i as u32)
            .collect();
        let mut at = Vec::new();
        find_at(text, &tokens, &starts, &mut at);
        assert_eq!(
            format!("{out:?}"),
            format!("{at:?}"),
            "find_at finds what find does"
        );
        out.iter()
            .map(|q| {
                let range = tokens[q.first].start as usize..tokens[q.last].end as usize;
                (text[range].to_string(), q.unit, q.rate)
            })
            .collect()
    }

    #[test]
    fn numbers_with_their_units_suffixes_and_rates() {
        use Unit::*;
        let got = read("~$18k/mo, 40k to 310k, 10× and x2, 250+ engineers, 3–5 days, 1.2M users");
        let spelled: Vec<(&str, Unit, bool)> =
            got.iter().map(|(s, u, r)| (s.as_str(), *u, *r)).collect();
        assert_eq!(
            spelled,
            [
                ("~$18k/mo", Money, true),
                ("40k", Plain, false),
                ("310k", Plain, false),
                ("10×", Multiplier, false),
                ("250+", Plain, false),
                ("3–5 days", Time, false),
                ("1.2M", Plain, false),
            ]
        );
        let got = read(
            "two weeks, 14-point gain, 1 in 5 sessions, 4.6 out of 5, 90s, 6am, 2nd, 3G, 5 per day",
        );
        let units: Vec<Unit> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            units,
            [
                Time, Percent, Plain, Plain, ShortTime, Clock, Ordinal, Glued, Plain
            ]
        );
        assert!(got[8].2, "5 per day is a rate");
    }
}
