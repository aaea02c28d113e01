//! The command language, as pdb users know it. A line is a command when
//! its first word names one (and it is not an assignment such as
//! `a = ""`, which pdb would have read as `args`); `!stmt` and any other
//! line run as a Python statement in the current frame.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Where,
    Up(u32),
    Down(u32),
    Frame(u32),
    /// `list`, `list N`, `list A, B`, `list .`
    List(ListArg),
    LongList,
    Print(String),
    PrettyPrint(String),
    /// `name = expr`: SetLocal.
    Assign(String, String),
    /// `!stmt` or an unrecognized line.
    Exec(String),
    Display(Option<String>),
    Undisplay(Option<String>),
    Break {
        spec: Option<String>,
        temporary: bool,
    },
    Clear(Vec<u32>),
    Condition(u32, Option<String>),
    Ignore(u32, u32),
    Enable(Vec<u32>, bool),
    Step,
    Next,
    Return,
    Until(Option<u32>),
    Continue,
    Args,
    Locals,
    InfoThreads,
    InfoBreakpoints,
    Jit,
    Detach,
    Quit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListArg {
    /// Continue from the last listing (or around the current line).
    More,
    /// Around the current line (`list .`).
    Here,
    /// Around line N.
    Around(u32),
    Range(u32, u32),
}

/// Command names, for completion and help.
pub const NAMES: &[&str] = &[
    "help",
    "where",
    "bt",
    "up",
    "down",
    "frame",
    "list",
    "ll",
    "longlist",
    "p",
    "pp",
    "display",
    "undisplay",
    "break",
    "tbreak",
    "clear",
    "condition",
    "ignore",
    "enable",
    "disable",
    "step",
    "next",
    "return",
    "until",
    "continue",
    "args",
    "locals",
    "info",
    "jit",
    "detach",
    "quit",
];

pub const HELP: &str = "\
Commands (as in pdb):
  w(here), bt          the stack, innermost last; '>' marks the current frame
  u(p) [N], d(own) [N], frame N
                       select another frame
  l(ist) [. | N | A, B], ll/longlist
                       source around the current line / of the whole function
  p EXPR, pp EXPR      evaluate and print in the current frame
  NAME = EXPR          rebind a local (the reply says what it invalidated)
  !STMT                run a statement in the current frame (`!global g; g = 1`)
  display [EXPR], undisplay [EXPR]
                       show EXPR at every stop when it changed
  b(reak) [FILE:LINE | LINE | FUNC] [, COND], tbreak ...
                       set a (temporary) breakpoint; no argument lists them
  cl(ear) [N...], condition N [COND], ignore N COUNT, enable/disable N...
                       a bare clear removes all (asking first at a terminal)
  s(tep), n(ext), r(eturn), unt(il) [LINE], c(ont(inue))
                       a stop as a frame returns shows --Return-- and ->value
  a(rgs), locals       arguments / all locals of the current frame
  info threads, info breakpoints
  jit                  tier and specialization state of the current frame's code
  detach, q(uit)       leave; the program keeps running
  Ctrl-C               pause the running program";

fn numbers(rest: &str) -> Result<Vec<u32>, String> {
    rest.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(|_| format!("not a number: {s:?}")))
        .collect()
}

fn number(rest: &str, what: &str) -> Result<u32, String> {
    rest.trim().parse().map_err(|_| format!("{what} must be a number, got {:?}", rest.trim()))
}

fn optional_count(rest: &str) -> Result<u32, String> {
    if rest.trim().is_empty() {
        Ok(1)
    } else {
        number(rest, "the count")
    }
}

fn nonempty(rest: &str, usage: &str) -> Result<String, String> {
    if rest.trim().is_empty() {
        Err(format!("usage: {usage}"))
    } else {
        Ok(rest.trim().to_string())
    }
}

/// `name = expr` (not `==`), with a plain identifier on the left.
fn assignment(line: &str) -> Option<(String, String)> {
    let (lhs, rhs) = line.split_once('=')?;
    if rhs.starts_with('=') {
        return None;
    }
    let name = lhs.trim();
    let mut chars = name.chars();
    let ok =
        chars.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric());
    let last = lhs.trim_end().chars().last();
    // `a <= b`, `a != b`... are comparisons, not assignments.
    if !ok || matches!(last, Some('<' | '>' | '!' | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | ':')) {
        return None;
    }
    Some((name.to_string(), rhs.trim().to_string()))
}

/// Parse one line. Empty lines are handled by the caller (repeat).
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim();
    if let Some(stmt) = line.strip_prefix('!') {
        return Ok(Command::Exec(stmt.trim().to_string()));
    }
    if let Some((name, expr)) = assignment(line) {
        return Ok(Command::Assign(name, expr));
    }
    let word_end = line.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(line.len());
    let (word, rest) = line.split_at(word_end);
    // A word followed by something other than a space is an expression
    // or statement (`p.x = 1`, `n(3)`, `a[0] = 2`).
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return Ok(Command::Exec(line.to_string()));
    }
    let rest = rest.trim();
    use Command::*;
    Ok(match word {
        "h" | "help" => Help,
        "w" | "where" | "bt" => Where,
        "u" | "up" => Up(optional_count(rest)?),
        "d" | "down" => Down(optional_count(rest)?),
        "frame" => Frame(number(rest, "the frame")?),
        "l" | "list" => List(match rest {
            "" => ListArg::More,
            "." => ListArg::Here,
            _ => match rest.split_once(',') {
                Some((a, b)) => {
                    let (a, b) = (number(a, "the first line")?, number(b, "the last line")?);
                    // pdb: a second number smaller than the first is a count.
                    ListArg::Range(a, if b < a { a + b } else { b })
                }
                None => ListArg::Around(number(rest, "the line")?),
            },
        }),
        "ll" | "longlist" => LongList,
        "p" => Print(nonempty(rest, "p EXPRESSION")?),
        "pp" => PrettyPrint(nonempty(rest, "pp EXPRESSION")?),
        "display" => Display((!rest.is_empty()).then(|| rest.to_string())),
        "undisplay" => Undisplay((!rest.is_empty()).then(|| rest.to_string())),
        "b" | "break" => Break { spec: (!rest.is_empty()).then(|| rest.to_string()), temporary: false },
        "tbreak" => Break { spec: Some(nonempty(rest, "tbreak [FILE:]LINE | FUNCTION")?), temporary: true },
        "cl" | "clear" => Clear(numbers(rest)?),
        "condition" => {
            let (n, cond) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            Condition(number(n, "the breakpoint")?, (!cond.trim().is_empty()).then(|| cond.trim().to_string()))
        }
        "ignore" => {
            let (n, count) = rest.split_once(char::is_whitespace).unwrap_or((rest, "0"));
            Ignore(number(n, "the breakpoint")?, number(count, "the count")?)
        }
        "enable" => Enable(numbers(rest)?, true),
        "disable" => Enable(numbers(rest)?, false),
        "s" | "step" => Step,
        "n" | "next" => Next,
        "r" | "return" => Return,
        "unt" | "until" => Until(if rest.is_empty() { None } else { Some(number(rest, "the line")?) }),
        "c" | "cont" | "continue" => Continue,
        "a" | "args" => Args,
        "locals" => Locals,
        "info" => match rest {
            "threads" => InfoThreads,
            "breakpoints" | "break" | "b" => InfoBreakpoints,
            _ => return Err("usage: info threads | info breakpoints".into()),
        },
        "jit" => Jit,
        "detach" => Detach,
        "q" | "quit" | "exit" => Quit,
        _ => Exec(line.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_beat_command_names() {
        assert_eq!(parse("a = \"\"").unwrap(), Command::Assign("a".into(), "\"\"".into()));
        assert_eq!(parse("b = '🐰'").unwrap(), Command::Assign("b".into(), "'🐰'".into()));
        assert_eq!(parse("total=1.5").unwrap(), Command::Assign("total".into(), "1.5".into()));
        assert_eq!(parse("p a == b").unwrap(), Command::Print("a == b".into()));
        assert_eq!(parse("a").unwrap(), Command::Args);
        assert_eq!(parse("x += 1").unwrap(), Command::Exec("x += 1".into()));
        assert_eq!(parse("x <= 3").unwrap(), Command::Exec("x <= 3".into()));
    }

    #[test]
    fn statements_and_commands() {
        assert_eq!(parse("p.x = 1").unwrap(), Command::Exec("p.x = 1".into()));
        assert_eq!(parse("!global g; g = 2").unwrap(), Command::Exec("global g; g = 2".into()));
        assert_eq!(parse("c").unwrap(), Command::Continue);
        assert_eq!(parse("until 12").unwrap(), Command::Until(Some(12)));
        assert_eq!(
            parse("b fib.py:4, i > 3").unwrap(),
            Command::Break { spec: Some("fib.py:4, i > 3".into()), temporary: false }
        );
        assert_eq!(parse("condition 2 i == 5").unwrap(), Command::Condition(2, Some("i == 5".into())));
        assert_eq!(parse("condition 2").unwrap(), Command::Condition(2, None));
        assert_eq!(parse("ignore 1 3").unwrap(), Command::Ignore(1, 3));
        assert_eq!(parse("list 10, 3").unwrap(), Command::List(ListArg::Range(10, 13)));
        assert_eq!(parse("up 2").unwrap(), Command::Up(2));
        assert_eq!(parse("info threads").unwrap(), Command::InfoThreads);
        assert!(parse("frame x").is_err());
        assert!(parse("p").is_err());
    }
}
