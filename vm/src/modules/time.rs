//! The `time` module (`utime`): clocks (`time`, `time_ns`, `perf_counter`, `monotonic`...),
//! `sleep` (interruptible), MicroPython's `sleep_ms`/`sleep_us` and `ticks_*` functions (ticks
//! wrap at 2**30), and calendar conversions in UTC (`gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`) with CPython's `struct_time`.

use super::add_functions;
use crate::builtins::args;
use crate::obj::int::{is_int, to_bigint};
use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use num_traits::ToPrimitive;

/// MicroPython's ticks period: tick values wrap modulo 2**30.
pub const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALF: i64 = TICKS_PERIOD / 2;

fn no_args(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<()> {
    args::no_kw(vm, name, kw)?;
    if !a.is_empty() {
        return Err(vm.type_error(format!(
            "time.{name}() takes no arguments ({} given)",
            a.len()
        )));
    }
    Ok(())
}

fn one_arg(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, name, kw)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "time.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(a[0])
}

fn t_time(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "time", a, kw)?;
    let t = vm.host.time();
    vm.new_float(t)
}

fn t_time_ns(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "time_ns", a, kw)?;
    let t = vm.host.time();
    vm.int_from_i128((t * 1e9) as i128)
}

fn t_monotonic(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "monotonic", a, kw)?;
    let ns = vm.host.monotonic_ns();
    vm.new_float(ns as f64 / 1e9)
}

fn t_monotonic_ns(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "monotonic_ns", a, kw)?;
    let ns = vm.host.monotonic_ns();
    vm.int_from_i128(ns as i128)
}

fn t_perf_counter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "perf_counter", a, kw)?;
    let ns = vm.host.monotonic_ns();
    vm.new_float(ns as f64 / 1e9)
}

fn t_perf_counter_ns(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "perf_counter_ns", a, kw)?;
    let ns = vm.host.monotonic_ns();
    vm.int_from_i128(ns as i128)
}

fn t_process_time(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_args(vm, "process_time", a, kw)?;
    let ns = vm.host.monotonic_ns();
    vm.new_float(ns as f64 / 1e9)
}

/// Sleep `ns` nanoseconds, polling for Ctrl-C every 10 ms.
pub fn sleep_ns(vm: &mut Vm, ns: u64) -> PyResult<()> {
    const SLICE: u64 = 10_000_000;
    let start = vm.host.monotonic_ns();
    loop {
        vm.check_interrupt()?;
        let elapsed = vm.host.monotonic_ns().saturating_sub(start);
        if elapsed >= ns {
            return Ok(());
        }
        vm.host.sleep_ns((ns - elapsed).min(SLICE));
    }
}

fn t_sleep(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "sleep", a, kw)?;
    let secs = if is_int(v) {
        crate::ops::arith::to_f64(vm, v)?.expect("int")
    } else if let Some(f) = crate::ops::cmp::float_of(v) {
        f
    } else {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 1e10 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    sleep_ns(vm, (secs * 1e9) as u64)?;
    Ok(Value::NONE)
}

/// An integer argument of the MicroPython functions.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if !is_int(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("can't convert {t} to int")));
    }
    let b = to_bigint(v).expect("int");
    Ok(b.to_i64().unwrap_or(0))
}

fn t_sleep_ms(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "sleep_ms", a, kw)?;
    let ms = int_arg(vm, v)?;
    if ms > 0 {
        sleep_ns(vm, ms as u64 * 1_000_000)?;
    }
    Ok(Value::NONE)
}

fn t_sleep_us(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "sleep_us", a, kw)?;
    let us = int_arg(vm, v)?;
    if us > 0 {
        sleep_ns(vm, us as u64 * 1_000)?;
    }
    Ok(Value::NONE)
}

fn ticks(vm: &mut Vm, a: &[Value], kw: Value, name: &str, div: u64) -> PyResult<Value> {
    no_args(vm, name, a, kw)?;
    let t = vm.host.monotonic_ns() / div;
    Ok(Value::small_int((t as i64 & TICKS_MAX) as isize))
}

fn t_ticks_ms(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    ticks(vm, a, kw, "ticks_ms", 1_000_000)
}

fn t_ticks_us(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    ticks(vm, a, kw, "ticks_us", 1_000)
}

fn t_ticks_cpu(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    ticks(vm, a, kw, "ticks_cpu", 1)
}

fn t_ticks_add(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "ticks_add", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "function takes 2 positional arguments but {} were given",
            a.len()
        )));
    }
    let t = int_arg(vm, a[0])?;
    let d = int_arg(vm, a[1])?;
    if !(-TICKS_HALF..TICKS_HALF).contains(&d) {
        return Err(vm.overflow_error("ticks interval overflow"));
    }
    Ok(Value::small_int((t.wrapping_add(d) & TICKS_MAX) as isize))
}

fn t_ticks_diff(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "ticks_diff", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "function takes 2 positional arguments but {} were given",
            a.len()
        )));
    }
    let end = int_arg(vm, a[0])?;
    let start = int_arg(vm, a[1])?;
    let d = (end.wrapping_sub(start).wrapping_add(TICKS_HALF) & TICKS_MAX) - TICKS_HALF;
    Ok(Value::small_int(d as isize))
}

// ---- calendar ----

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `(year, month, day)` of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `struct_time` fields of a UTC timestamp: year, month, mday, hour, min, sec, wday (Monday
/// = 0), yday (1-based), isdst.
pub fn broken_down(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday
    [
        y,
        m,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday,
        0,
    ]
}

/// A `struct_time` class stored in the module (`struct_time`, or `_gmt_struct_time` whose
/// `tm_zone` is GMT).
fn struct_time_class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = match vm.dict_get_str(vm.modules, "time")? {
        Some(m) => m,
        None => match vm.dict_get_str(vm.modules, "utime")? {
            Some(m) => m,
            None => return Err(vm.runtime_error("time module not initialised")),
        },
    };
    let d = vm.module_dict(m);
    match vm.dict_get_str(d, name)? {
        Some(c) => Ok(c),
        None => Err(vm.runtime_error("time.struct_time missing")),
    }
}

fn make_struct_time(vm: &mut Vm, f: [i64; 9], class: &str) -> PyResult<Value> {
    let t = vm.new_tuple_with(9, |i| Value::small_int(f[i] as isize))?;
    let cls = struct_time_class(vm, class)?;
    vm.call(cls, &[t])
}

/// The optional seconds argument of `gmtime`/`localtime`/`ctime` (None = now).
fn secs_arg(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<i64> {
    args::no_kw(vm, name, kw)?;
    if a.len() > 1 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            a.len()
        )));
    }
    if a.is_empty() || a[0].is_none() {
        return Ok(libm::floor(vm.host.time()) as i64);
    }
    let f = if is_int(a[0]) {
        crate::ops::arith::to_f64(vm, a[0])?.expect("int")
    } else if let Some(f) = crate::ops::cmp::float_of(a[0]) {
        f
    } else {
        let t = vm.type_name(a[0]);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if f.abs() > 1e17 {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(libm::trunc(f) as i64)
}

fn t_gmtime(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = secs_arg(vm, "gmtime", a, kw)?;
    make_struct_time(vm, broken_down(s), "_gmt_struct_time")
}

fn t_localtime(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = secs_arg(vm, "localtime", a, kw)?;
    make_struct_time(vm, broken_down(s), "struct_time")
}

/// The fields of a time tuple (8 or 9 items; `struct_time` included).
fn tuple_fields(vm: &mut Vm, name: &str, v: Value) -> PyResult<[i64; 9]> {
    let t = if v.obj_kind() == Some(crate::obj::Kind::Tuple) {
        v
    } else {
        let ty = vm.type_name(v);
        let _ = ty;
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    let items = tuple::items(t);
    if items.len() != 9 && items.len() != 8 {
        let _ = name;
        return Err(vm.type_error(format!("{name}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, &x) in items.iter().enumerate() {
        f[i] = if let Some(fl) = crate::ops::cmp::float_of(x) {
            if i == 5 {
                libm::floor(fl) as i64
            } else {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
        } else {
            let b = crate::ops::arith::index_bigint(vm, x)?;
            b.to_i64()
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?
        };
    }
    Ok(f)
}

fn t_mktime(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "mktime", a, kw)?;
    let f = tuple_fields(vm, "mktime", v)?;
    // Normalise the month so out-of-range months roll over years, as C's mktime does.
    let m0 = f[1] - 1;
    let (y, m) = (f[0] + m0.div_euclid(12), m0.rem_euclid(12) + 1);
    let days = days_from_civil(y, m, 1) + f[2] - 1;
    let secs = days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5];
    vm.new_float(secs as f64)
}

const WDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn asctime_of(f: &[i64; 9]) -> String {
    let wd = &WDAYS[f[6].rem_euclid(7) as usize][..3];
    let mo = &MONTHS[(f[1] - 1).clamp(0, 11) as usize][..3];
    format!(
        "{wd} {mo} {:2} {:02}:{:02}:{:02} {}",
        f[2], f[3], f[4], f[5], f[0]
    )
}

/// The time tuple argument of `asctime`/`strftime` (default: now).
fn time_arg(vm: &mut Vm, name: &str, v: Option<Value>) -> PyResult<[i64; 9]> {
    match v {
        Some(t) => {
            let mut f = tuple_fields(vm, name, t)?;
            if !(1..=12).contains(&f[1]) {
                if f[1] == 0 {
                    f[1] = 1;
                } else {
                    return Err(vm.value_error("month out of range"));
                }
            }
            if f[2] == 0 {
                f[2] = 1;
            }
            if !(1..=31).contains(&f[2]) {
                return Err(vm.value_error("day of month out of range"));
            }
            if !(0..=23).contains(&f[3]) {
                return Err(vm.value_error("hour out of range"));
            }
            if !(0..=59).contains(&f[4]) {
                return Err(vm.value_error("minute out of range"));
            }
            if !(0..=61).contains(&f[5]) {
                return Err(vm.value_error("seconds out of range"));
            }
            if f[6] < 0 {
                return Err(vm.value_error("day of week out of range"));
            }
            if f[7] == 0 {
                f[7] = 1;
            }
            if !(1..=366).contains(&f[7]) {
                return Err(vm.value_error("day of year out of range"));
            }
            Ok(f)
        }
        None => {
            let now = libm::floor(vm.host.time()) as i64;
            Ok(broken_down(now))
        }
    }
}

fn t_asctime(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "asctime", kw)?;
    if a.len() > 1 {
        return Err(vm.type_error(format!(
            "asctime expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let f = time_arg(vm, "asctime", a.first().copied())?;
    vm.new_str(&asctime_of(&f))
}

fn t_ctime(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = secs_arg(vm, "ctime", a, kw)?;
    vm.new_str(&asctime_of(&broken_down(s)))
}

/// `strftime` of a time tuple (the C locale; UTC).
pub fn strftime(fmt: &str, f: &[i64; 9]) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    let wd = f[6].rem_euclid(7) as usize;
    let mo = (f[1] - 1).clamp(0, 11) as usize;
    let hour12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
    // Week numbers: %U counts Sundays, %W Mondays, as the first day of the week.
    let sunday_based = (f[6] + 1) % 7;
    let week_u = (f[7] - 1 + 7 - sunday_based) / 7;
    let week_w = (f[7] - 1 + 7 - f[6]) / 7;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let s = match d {
            'Y' => format!("{}", f[0]),
            'y' => format!("{:02}", f[0].rem_euclid(100)),
            'C' => format!("{:02}", f[0].div_euclid(100)),
            'm' => format!("{:02}", f[1]),
            'd' => format!("{:02}", f[2]),
            'e' => format!("{:2}", f[2]),
            'H' => format!("{:02}", f[3]),
            'I' => format!("{:02}", hour12),
            'M' => format!("{:02}", f[4]),
            'S' => format!("{:02}", f[5]),
            'p' => String::from(if f[3] < 12 { "AM" } else { "PM" }),
            'j' => format!("{:03}", f[7]),
            'a' => String::from(&WDAYS[wd][..3]),
            'A' => String::from(WDAYS[wd]),
            'b' | 'h' => String::from(&MONTHS[mo][..3]),
            'B' => String::from(MONTHS[mo]),
            'w' => format!("{}", (f[6] + 1) % 7),
            'u' => format!("{}", f[6] + 1),
            'U' => format!("{:02}", week_u),
            'W' => format!("{:02}", week_w),
            'c' => asctime_of(f),
            'x' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            'D' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", f[0], f[1], f[2]),
            'R' => format!("{:02}:{:02}", f[3], f[4]),
            'Z' => String::from("UTC"),
            'z' => String::from("+0000"),
            'n' => String::from("\n"),
            't' => String::from("\t"),
            '%' => String::from("%"),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn t_strftime(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "strftime", kw)?;
    if a.is_empty() || a.len() > 2 {
        let msg = if a.is_empty() {
            String::from("strftime expected at least 1 argument, got 0")
        } else {
            format!("strftime expected at most 2 arguments, got {}", a.len())
        };
        return Err(vm.type_error(msg));
    }
    let Some(fmt) = vm.str_of(a[0]) else {
        let t = vm.type_name(a[0]);
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {t}")));
    };
    let fmt = String::from(fmt);
    let f = time_arg(vm, "strftime", a.get(1).copied())?;
    vm.new_str(&strftime(&fmt, &f))
}

/// Build the `time` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("time")?;
    add_functions(
        vm,
        m,
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("process_time", t_process_time),
            ("sleep", t_sleep),
            ("sleep_ms", t_sleep_ms),
            ("sleep_us", t_sleep_us),
            ("ticks_ms", t_ticks_ms),
            ("ticks_us", t_ticks_us),
            ("ticks_cpu", t_ticks_cpu),
            ("ticks_add", t_ticks_add),
            ("ticks_diff", t_ticks_diff),
            ("gmtime", t_gmtime),
            ("localtime", t_localtime),
            ("mktime", t_mktime),
            ("asctime", t_asctime),
            ("ctime", t_ctime),
            ("strftime", t_strftime),
        ],
    )?;
    super::types_::run_python(vm, m, &crate::pylib::TIME_STRUCT_TIME, "<time>")?;
    let d = vm.module_dict(m);
    vm.dict_set_str(d, "timezone", Value::small_int(0))?;
    vm.dict_set_str(d, "altzone", Value::small_int(0))?;
    vm.dict_set_str(d, "daylight", Value::small_int(0))?;
    let utc = vm.new_str("UTC")?;
    let tzname = vm.new_tuple(&[utc, utc])?;
    vm.dict_set_str(d, "tzname", tzname)?;
    Ok(m)
}
