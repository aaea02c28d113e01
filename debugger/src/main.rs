//! `pyfast-dbg`: the pyfast remote debugger.
//!
//! `ps` lists the pyfast processes this user can debug. Attaching to one
//! (`attach PID`) arrives with the inspection service.

mod procs;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "pyfast-dbg", version, about = "Debug running pyfast programs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List this user's pyfast processes (root sees everyone's).
    Ps,
}

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Command::Ps => {
            let uid = unsafe { libc::getuid() };
            let filter = if uid == 0 { None } else { Some(uid) };
            let found = procs::list(std::path::Path::new("/proc"), filter);
            println!("{:>8}  {:>6}  COMMAND", "PID", "UID");
            for p in found {
                println!("{:>8}  {:>6}  {}", p.pid, p.uid, p.cmdline);
            }
        }
    }
}
