//! The interactive REPL: `>>>`/`...` prompts, continuation lines for incomplete input and for
//! compound statements (ended by an empty line), expression values echoed, errors printed
//! without leaving, Ctrl-D (end of input) to exit.

use vm::Vm;

/// Run the REPL until end of input; returns the exit status.
pub fn run(vm: &mut Vm) -> i32 {
    let globals = match setup(vm) {
        Ok(g) => g,
        Err(e) => return crate::report(vm, e.0),
    };
    loop {
        let Some(source) = read_statement(vm) else {
            vm.host.write(1, b"\n");
            return 0;
        };
        if source.trim().is_empty() {
            continue;
        }
        let code =
            match vm::import::compile_to_value(vm, &source, "<stdin>", frontend::Mode::Single) {
                Ok(c) => c,
                Err(e) => {
                    vm::ops::traceback::print_exception(vm, e.0);
                    continue;
                }
            };
        if let Err(e) = vm::interp::call::run_code(vm, code, globals, globals) {
            if vm.exc_is(e.0, vm::types::ExcKind::SystemExit) {
                vm.host.flush();
                return crate::report(vm, e.0);
            }
            vm::ops::traceback::print_exception(vm, e.0);
        }
        vm.host.flush();
    }
}

fn setup(vm: &mut Vm) -> vm::PyResult<vm::Value> {
    let main_name = vm.new_str("__main__")?;
    let m = match vm.dict_get(vm.modules, main_name)? {
        Some(m) => m,
        None => {
            let m = vm.new_module("__main__")?;
            vm.register_module("__main__", m)?;
            m
        }
    };
    Ok(vm.module_dict(m))
}

fn prompt(vm: &mut Vm, text: &str) -> Option<String> {
    vm.host.write(1, text.as_bytes());
    vm.host.flush();
    vm.host.read_line()
}

/// Read one complete statement (several lines for blocks and open brackets).
fn read_statement(vm: &mut Vm) -> Option<String> {
    let first = prompt(vm, ">>> ")?;
    let mut source = first.clone();
    let mut compound = first.trim_end().ends_with(':');
    loop {
        if !compound {
            match frontend::parser::parse(&source, frontend::Mode::Single) {
                Err(e) if e.incomplete => {}
                _ => return Some(source),
            }
        }
        let Some(line) = prompt(vm, "... ") else {
            return Some(source);
        };
        if compound && line.trim().is_empty() {
            return Some(source);
        }
        if line.trim_end().ends_with(':') {
            compound = true;
        }
        source.push_str(&line);
    }
}
