//! `pyfast`: run a Python program, like `python3`.

use clap::Parser;
use pyfast_runtime::inspect;
use pyfast_runtime::run::{run, Request, Source};

/// A Python 3 runtime that is fast and that you can debug while it runs.
#[derive(Parser, Debug)]
#[command(name = "pyfast", version, about, disable_help_subcommand = true)]
struct Cli {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "dis")]
    command: Option<String>,

    /// Highest execution tier to use: 0 = generic bytecode interpreter.
    #[arg(long, value_name = "N", default_value_t = pyfast_runtime::MAX_TIER)]
    tier: u32,

    /// Print the bytecode of FILE (every code object) instead of running it.
    #[arg(long, value_name = "FILE")]
    dis: Option<String>,

    /// Open the inspection endpoint at start, for pyfast-dbg: `unix` (the
    /// default: a private per-user socket), `unix:PATH` or
    /// `tcp:127.0.0.1:PORT` (needs the token written beside the socket).
    #[arg(long, value_name = "ENDPOINT", num_args = 0..=1, require_equals = true, default_missing_value = "unix")]
    inspect: Option<String>,

    /// Open the endpoint and pause before the first line until a debugger
    /// continues.
    #[arg(long)]
    inspect_wait: bool,

    /// Allow --inspect=tcp: on a non-loopback address.
    #[arg(long)]
    inspect_allow_remote: bool,

    /// Turn the inspection service off, including attaching by signal
    /// (also PYFAST_DISABLE_REMOTE_DEBUG=1).
    #[arg(long)]
    no_remote_debug: bool,

    /// Program file ('-' or nothing with piped stdin reads standard input),
    /// then the arguments passed to it in sys.argv.
    #[arg(value_name = "FILE | -", trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() {
    let cli = Cli::parse();
    if cli.tier > pyfast_runtime::MAX_TIER {
        eprintln!(
            "pyfast: --tier {}: tier {} is not available yet (this build runs tiers 0..={})",
            cli.tier,
            cli.tier,
            pyfast_runtime::MAX_TIER
        );
        std::process::exit(2);
    }
    let (source, args, dis) = if let Some(file) = cli.dis {
        (Source::File(file), cli.args, true)
    } else if let Some(code) = cli.command {
        (Source::Command(code), cli.args, false)
    } else {
        let mut args = cli.args.into_iter();
        match args.next() {
            Some(f) if f == "-" => (Source::Stdin { explicit: true }, args.collect(), false),
            Some(f) => (Source::File(f), args.collect(), false),
            None => {
                use std::io::IsTerminal;
                if std::io::stdin().is_terminal() {
                    eprintln!("pyfast: no program given (an interactive prompt is not available yet); try 'pyfast FILE' or 'pyfast -c CODE'");
                    std::process::exit(2);
                }
                (Source::Stdin { explicit: false }, Vec::new(), false)
            }
        }
    };
    let inspect = match inspect_options(
        cli.inspect.as_deref(),
        cli.inspect_wait,
        cli.inspect_allow_remote,
        cli.no_remote_debug,
    ) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("pyfast: {e}");
            std::process::exit(2);
        }
    };
    let status = run(Request { source, args, max_tier: cli.tier, dis, inspect });
    std::process::exit(status);
}

/// The inspection options from the command line and the environment.
fn inspect_options(
    endpoint: Option<&str>,
    wait: bool,
    allow_remote: bool,
    disable: bool,
) -> Result<inspect::Options, String> {
    let wanted = endpoint.is_some() || wait;
    if disable && wanted {
        return Err("--no-remote-debug contradicts --inspect/--inspect-wait".into());
    }
    if disable || inspect::endpoint::disabled_by_env() {
        if wanted {
            eprintln!("pyfast: remote debugging is disabled (PYFAST_DISABLE_REMOTE_DEBUG); ignoring --inspect");
        }
        return Ok(inspect::Options { disabled: true, ..Default::default() });
    }
    let endpoint = match endpoint {
        Some(e) => Some(inspect::Endpoint::parse(e, allow_remote)?),
        None if wait => Some(inspect::Endpoint::Unix(None)),
        None => None,
    };
    Ok(inspect::Options { endpoint, wait, disabled: false })
}
