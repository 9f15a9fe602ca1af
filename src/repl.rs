//! The interactive REPL: `>>>`/`...` prompts, continuation lines while a statement is
//! incomplete or a compound statement has not ended with an empty line, expression values
//! echoed, errors printed without leaving, Ctrl-D (end of input) to exit.

use vm::Vm;

/// Run the REPL until end of input; returns the exit status.
pub fn run(vm: &mut Vm) -> i32 {
    let globals = match vm::import::main_globals(vm) {
        Ok(g) => g,
        Err(e) => return vm::ops::traceback::report_uncaught(vm, e.0),
    };
    loop {
        let Some(source) = read_statement(vm) else {
            vm.host.write(1, b"\n");
            return 0;
        };
        if source.trim().is_empty() {
            continue;
        }
        let ran = vm::import::run_source(vm, &source, "<stdin>", frontend::Mode::Single, globals);
        if let Err(e) = ran {
            if vm.exc_is(e.0, vm::types::ExcKind::SystemExit) {
                vm.host.flush();
                return vm::ops::traceback::report_uncaught(vm, e.0);
            }
            vm::ops::traceback::print_exception(vm, e.0);
        }
        vm.host.flush();
    }
}

fn prompt(vm: &mut Vm, text: &str) -> Option<String> {
    vm.host.write(1, text.as_bytes());
    vm.host.flush();
    vm.host.read_line()
}

/// Read one complete statement (several lines for blocks and open brackets).
fn read_statement(vm: &mut Vm) -> Option<String> {
    let mut source = prompt(vm, ">>> ")?;
    while !source.trim().is_empty() && frontend::repl::needs_more_input(&source) {
        let Some(line) = prompt(vm, "... ") else {
            return Some(source);
        };
        source.push_str(&line);
    }
    Some(source)
}
