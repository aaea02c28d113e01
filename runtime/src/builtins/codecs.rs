//! Text encodings for `str.encode` and `bytes.decode`: UTF-8, ASCII and
//! Latin-1, with the `strict`, `ignore`, `replace` and `backslashreplace`
//! error handlers and CPython's error messages.

use crate::objects::exception::{exc, PyErr, PyResult};

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The highest code point a one-byte codec can hold.
    fn limit(self) -> u32 {
        if self == Codec::Ascii {
            0x7f
        } else {
            0xff
        }
    }
}

fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm = encoding.to_ascii_lowercase().replace('_', "-");
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Codec::Latin1,
        _ => return Err(PyErr::new(exc().lookup_error, format!("unknown encoding: {encoding}"))),
    })
}

fn check_errors(errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" => Ok(()),
        _ => Err(PyErr::new(exc().lookup_error, format!("unknown error handler name '{errors}'"))),
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    for (pos, c) in s.chars().enumerate() {
        let cp = c as u32;
        if cp <= codec.limit() {
            out.push(cp as u8);
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend(escape(cp).bytes()),
            _ => {
                check_errors(errors)?;
                let range = if codec == Codec::Ascii { "128" } else { "256" };
                return Err(PyErr::new(
                    exc().unicode_encode_error,
                    format!(
                        "'{}' codec can't encode character '{}' in position {pos}: ordinal not in range({range})",
                        codec.name(),
                        escape(cp)
                    ),
                ));
            }
        }
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point, as CPython spells it.
fn escape(cp: u32) -> String {
    match cp {
        0..=0xff => format!("\\x{cp:02x}"),
        0x100..=0xffff => format!("\\u{cp:04x}"),
        _ => format!("\\U{cp:08x}"),
    }
}

/// `b.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (pos, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                    _ => {
                        check_errors(errors)?;
                        return Err(decode_error(codec, b, pos, "ordinal not in range(128)"));
                    }
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).expect("valid prefix"));
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        let b = rest[good];
                        check_errors(errors)?;
                        if errors == "strict" {
                            let reason = match e.error_len() {
                                None => "unexpected end of data",
                                Some(_) if (0xc2..=0xf4).contains(&b) => "invalid continuation byte",
                                Some(_) => "invalid start byte",
                            };
                            return Err(decode_error(codec, b, base + good, reason));
                        }
                        match errors {
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for x in &rest[good..good + bad] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                            _ => {}
                        }
                        base += good + bad;
                        rest = &rest[good + bad..];
                    }
                }
            }
        }
    }
}

fn decode_error(codec: Codec, b: u8, pos: usize, reason: &str) -> PyErr {
    PyErr::new(
        exc().unicode_decode_error,
        format!("'{}' codec can't decode byte {b:#04x} in position {pos}: {reason}", codec.name()),
    )
}
