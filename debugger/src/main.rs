//! `pyfast-dbg`: the pyfast remote debugger.
//!
//! `ps` lists the pyfast processes this user can debug; `attach PID`
//! connects to one (signalling it to open its endpoint if needed), pauses
//! it and gives a pdb-like prompt; `connect ENDPOINT` does the same for an
//! explicit endpoint; `run FILE` starts a program paused under the
//! debugger. Commands come from `-c` (repeatable) or, when standard input
//! is not a terminal, from standard input; the exit status is 1 when a
//! command failed, 2 when the debugger could not attach.

mod client;
mod commands;
mod interrupt;
mod pretty;
mod procs;
mod render;
mod repl;

use std::io::{BufRead, IsTerminal};
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use pyfast_inspect_proto::{v1, PROTOCOL_VERSION};

#[derive(Parser)]
#[command(name = "pyfast-dbg", version, about = "Debug running pyfast programs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List this user's pyfast processes (root sees everyone's) and their endpoints.
    Ps,
    /// Attach to a running pyfast process, pause it and debug it.
    Attach {
        pid: u32,
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Connect to an endpoint: unix:PATH or tcp:HOST:PORT (with --token-file).
    Connect {
        endpoint: String,
        /// The token file a TCP endpoint wrote (PID.token).
        #[arg(long)]
        token_file: Option<std::path::PathBuf>,
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Start `pyfast --inspect-wait FILE ARGS...` and debug it from its first line.
    Run {
        #[command(flatten)]
        session: SessionArgs,
        /// The program and its arguments.
        #[arg(trailing_var_arg = true, required = true)]
        program: Vec<String>,
    },
}

#[derive(Args)]
struct SessionArgs {
    /// A command to run (repeatable); then detach. Without -c, commands
    /// come from standard input when it is not a terminal.
    #[arg(short = 'c', value_name = "COMMAND")]
    commands: Vec<String>,
    /// Seconds to wait for the process to open its endpoint.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
}

fn main() {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Ps => {
            ps();
            0
        }
        Command::Attach { pid, session } => {
            let target = client::find_endpoint(pid, Duration::from_secs(session.timeout));
            debug(target, &session)
        }
        Command::Connect { endpoint, token_file, session } => {
            debug(client::parse_target(&endpoint, token_file.as_deref()), &session)
        }
        Command::Run { session, program } => run(&session, &program),
    };
    std::process::exit(status);
}

fn ps() {
    let uid = unsafe { libc::getuid() };
    let filter = if uid == 0 { None } else { Some(uid) };
    let found = procs::list(std::path::Path::new("/proc"), filter);
    println!("{:>8}  {:>6}  {:<44}  COMMAND", "PID", "UID", "ENDPOINT");
    for p in found {
        let endpoint = match client::proc_info(p.pid) {
            Ok(info) => match client::open_endpoint(&info.endpoint_dir(), p.pid) {
                Some(t) => client::target_name(&t),
                None if info.disabled().is_some() => "disabled".into(),
                None => "- (attach opens one)".into(),
            },
            Err(_) => "?".into(),
        };
        println!("{:>8}  {:>6}  {:<44}  {}", p.pid, p.uid, endpoint, p.cmdline);
    }
}

/// Connect, take control, pause, then run the commands or the prompt.
fn debug(target: Result<client::Target>, args: &SessionArgs) -> i32 {
    match session(target, args) {
        Ok(failures) => i32::from(failures > 0),
        Err(e) => {
            eprintln!("pyfast-dbg: {e:#}");
            2
        }
    }
}

fn session(target: Result<client::Target>, args: &SessionArgs) -> Result<u32> {
    let target = target?;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
    let (client, events, hello) = rt.block_on(async {
        let mut client = client::connect(&target).await?;
        let hello = client
            .handshake(v1::HandshakeRequest {
                protocol_version: PROTOCOL_VERSION,
                client_name: format!("pyfast-dbg {}", env!("CARGO_PKG_VERSION")),
                want_control: true,
            })
            .await
            .context("handshake")?
            .into_inner();
        if !hello.has_control {
            anyhow::bail!("cannot take control: {}", hello.control_note);
        }
        let events = client::subscribe(&mut client).await?;
        Ok::<_, anyhow::Error>((client, events, hello))
    })?;
    println!("Attached to pyfast process {} ({}) at {}", hello.pid, hello.argv.join(" "), client::target_name(&target));
    let mut s = repl::Session::new(rt, client, events);
    s.pause_and_show(hello.paused);
    let lines: Vec<String> = if !args.commands.is_empty() {
        args.commands.clone()
    } else if !std::io::stdin().is_terminal() {
        std::io::stdin().lock().lines().map_while(Result::ok).collect()
    } else {
        repl::interactive(&mut s);
        return Ok(s.failures);
    };
    repl::scripted(&mut s, &lines);
    Ok(s.failures)
}

/// `pyfast-dbg run`: start the program paused before its first line.
fn run(args: &SessionArgs, program: &[String]) -> i32 {
    let pyfast = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("pyfast")))
        .filter(|p| p.exists())
        .unwrap_or_else(|| "pyfast".into());
    // Its own process group: Ctrl-C at the terminal reaches only the
    // debugger (which pauses the program), not the program as a
    // KeyboardInterrupt.
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(&pyfast);
    cmd.arg("--inspect-wait").args(program).process_group(0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("pyfast-dbg: cannot start {}: {e}", pyfast.display());
            return 2;
        }
    };
    let target = client::find_endpoint_of_child(child.id(), Duration::from_secs(args.timeout));
    let status = debug(target, args);
    match child.wait() {
        Ok(s) if status == 0 => s.code().unwrap_or(1),
        _ => status,
    }
}
