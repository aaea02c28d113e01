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

    /// Run library module MODULE as a script (terminates the option list).
    #[arg(short = 'm', value_name = "MODULE", conflicts_with_all = ["command", "dis"])]
    module: Option<String>,

    /// Highest execution tier to use: 0 = generic bytecode interpreter.
    #[arg(long, value_name = "N", default_value_t = pyfast_runtime::MAX_TIER)]
    tier: u32,

    /// Print the bytecode of FILE (every code object) instead of running it.
    /// With --adaptive: run FILE, then print it with the specialized
    /// instructions in place (`pyfast --dis --adaptive FILE`).
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "")]
    dis: Option<String>,

    /// With --dis: run the program first and show the specialized forms
    /// its instructions took (like `dis.dis(adaptive=True)`).
    #[arg(long, requires = "dis")]
    adaptive: bool,

    /// Print tier-1 specialization statistics on stderr at exit, or write
    /// them as JSON to FILE (`--stats=FILE`).
    #[arg(long, value_name = "FILE", num_args = 0..=1, require_equals = true, default_missing_value = "")]
    stats: Option<String>,

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
        // `--dis FILE`, or `--dis --adaptive FILE [ARGS...]`.
        let mut args = cli.args.into_iter();
        let file = if file.is_empty() {
            match args.next() {
                Some(f) => f,
                None => {
                    eprintln!("pyfast: --dis needs a FILE");
                    std::process::exit(2);
                }
            }
        } else {
            file
        };
        (Source::File(file), args.collect(), true)
    } else if let Some(code) = cli.command {
        (Source::Command(code), cli.args, false)
    } else if let Some(m) = cli.module {
        (Source::Module(m), cli.args, false)
    } else {
        let mut args = cli.args.into_iter();
        match args.next() {
            Some(f) if f == "-" => (Source::Stdin { explicit: true }, args.collect(), false),
            Some(f) => (Source::File(f), args.collect(), false),
            None => {
                use std::io::IsTerminal;
                if std::io::stdin().is_terminal() {
                    (Source::Interactive, Vec::new(), false)
                } else {
                    (Source::Stdin { explicit: false }, Vec::new(), false)
                }
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
    let status =
        run(Request { source, args, max_tier: cli.tier, dis, adaptive: cli.adaptive, stats: cli.stats, inspect });
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
