//! The `claimlens` command-line tool. All logic lives in `claimlens::cli`.

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let mut stdout = std::io::stdout().lock();
    let code = match claimlens::cli::run(args, &mut stdout) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("claimlens: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
