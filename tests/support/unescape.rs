//! The escapes of the fixture format (`tests/fixtures/README.md`), shared by the fixture
//! harness and the benchmark that builds its corpus from the fixture texts.

/// Replaces `\u{XXXX}` escapes and `\n` so invisible characters can be written visibly.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(hex) = tail.strip_prefix("\\u{") {
            if let Some(close) = hex.find('}') {
                if let Some(c) = u32::from_str_radix(&hex[..close], 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    out.push(c);
                    rest = &hex[close + 1..];
                    continue;
                }
            }
        }
        if let Some(after) = tail.strip_prefix("\\n") {
            out.push('\n');
            rest = after;
            continue;
        }
        out.push('\\');
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}
