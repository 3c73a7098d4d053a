//! Stage 1 — scan: one linear pass over the text that records every quotation mark and every
//! paragraph break, with its byte offset.
//!
//! Marks recorded: `«` `»` (French, and German inward style), `‹` `›`, `“` `”` `„`, `‘` `’` `‚`,
//! the straight `"`, and paragraph breaks (`\n`, a lone `\r`, U+2029; `\r\n` counts once, at
//! its `\n`). The scan does not decide directions: the pairing stage reads them from context.
//!
//! Complexity: O(n) in the text, one `char_indices` walk, no allocation beyond the output; the
//! only lookaround is the previous and the next char.
//! Edge cases: marks at the very start or end of the text; `’` and `‘` **between two letters**
//! (`l’Arménie`, `aujourd’hui`, the typo `l‘État`) are apostrophes and never recorded.

/// A quotation mark or paragraph break found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the mark.
    pub pos: usize,
    pub ch: char,
}

impl Mark {
    pub const fn end(&self) -> usize {
        self.pos + self.ch.len_utf8()
    }
    pub const fn is_break(&self) -> bool {
        is_break(self.ch)
    }
}

/// True for the chars recorded as paragraph breaks.
pub const fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}')
}

/// True for every char the scan records as a quotation mark.
pub const fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '‹' | '›' | '“' | '”' | '„' | '‘' | '’' | '‚' | '"'
    )
}

/// Every quotation mark and paragraph break in text order.
pub fn scan(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((pos, ch)) = iter.next() {
        crate::work::tick(1);
        let next = iter.peek().map(|&(_, c)| c);
        match ch {
            '\r' if next == Some('\n') => {} // the `\n` records the break
            c if is_break(c) => out.push(Mark { pos, ch: c }),
            '’' | '‘'
                if prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric) => {} // apostrophe
            c if is_quote_mark(c) => out.push(Mark { pos, ch: c }),
            _ => {}
        }
        prev = Some(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> String {
        scan(text).iter().map(|m| m.ch).collect()
    }

    #[test]
    fn records_every_family() {
        assert_eq!(chars("«a» ‹b› “c” „d“ ‘e’ \"f\""), "«»‹›“”„“‘’\"\"");
    }

    #[test]
    fn apostrophes_between_letters_are_not_marks() {
        assert_eq!(chars("l’Arménie aujourd’hui l‘État"), "");
        assert_eq!(chars("‘mot’"), "‘’");
    }

    #[test]
    fn breaks() {
        let m = scan("a\r\nb\rc\u{2029}d\n");
        let got: Vec<(usize, char)> = m.iter().map(|m| (m.pos, m.ch)).collect();
        assert_eq!(got, vec![(2, '\n'), (4, '\r'), (6, '\u{2029}'), (10, '\n')]);
    }
}
