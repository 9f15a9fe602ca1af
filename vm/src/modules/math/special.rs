//! Numeric kernels of the `math` module that CPython computes itself rather than taking from
//! the C library, written so results match CPython's bit for bit: `gamma`/`lgamma` (Lanczos
//! approximation), `hypot`/`dist` (scaled, compensated sum of squares), `fsum` (exact
//! summation with partials), `remainder`, `nextafter` and `ulp`.

#![allow(clippy::excessive_precision)]

use alloc::vec::Vec;

/// Why a kernel failed: CPython's `EDOM` (ValueError) or `ERANGE` (OverflowError).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
    /// "math domain error".
    Domain,
    /// "math range error".
    Range,
}

const PI: f64 = core::f64::consts::PI;
const LOG_PI: f64 = 1.144_729_885_849_400_2;

/// The Lanczos approximation with g = 6.024680040776729583740234375 and 13 terms.
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
];
/// The denominator x*(x+1)*...*(x+11) as a polynomial.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// The rational function of the Lanczos approximation, for `x > 0`.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        // Horner's rule in x, from the highest coefficient.
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        // For large x, a polynomial in 1/x (avoids overflow).
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// C's `round`: halfway cases away from zero.
fn round_away(x: f64) -> f64 {
    let t = libm::trunc(x);
    if (x - t).abs() >= 0.5 {
        t + x.signum()
    } else {
        t
    }
}

/// `sin(pi * x)`, accurate for large `x` by reducing the argument first.
fn sinpi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let n = round_away(2.0 * y) as i32;
    let r = match n {
        0 => super::host::sin(PI * y),
        1 => super::host::cos(PI * (y - 0.5)),
        2 => super::host::sin(PI * (1.0 - y)),
        3 => -super::host::cos(PI * (y - 1.5)),
        _ => super::host::sin(PI * (y - 2.0)),
    };
    libm::copysign(1.0, x) * r
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathError::Domain);
    }
    if x == 0.0 {
        return Err(MathError::Domain);
    }
    if x == libm::floor(x) {
        if x < 0.0 {
            return Err(MathError::Domain);
        }
        if x <= 23.0 {
            // Exact factorials (all below 2**53 * 2**22, exactly representable).
            let mut r = 1.0;
            let mut k = 2.0;
            while k < x {
                r *= k;
                k += 1.0;
            }
            return Ok(r);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathError::Range)
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathError::Range);
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct pow(y, ...) / exp(y).
    let z = if ax > LANCZOS_G_MINUS_HALF {
        let q = y - ax;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - ax
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sinpi(ax) / ax * super::host::exp(y) / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= super::host::pow(y, ax - 0.5);
        } else {
            let s = super::host::pow(y, ax / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
        r
    } else {
        let mut r = lanczos_sum(ax) / super::host::exp(y);
        r += z * r;
        if ax < 140.0 {
            r *= super::host::pow(y, ax - 0.5);
        } else {
            let s = super::host::pow(y, ax / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
        r
    };
    if r.is_infinite() {
        Err(MathError::Range)
    } else {
        Ok(r)
    }
}

/// `math.lgamma(x)`: the log of the absolute value of the gamma function.
pub fn lgamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == libm::floor(x) && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathError::Domain);
        }
        return Ok(0.0);
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-super::host::log(ax));
    }
    let mut r = super::host::log(lanczos_sum(ax)) - LANCZOS_G;
    r += (ax - 0.5) * (super::host::log(ax + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOG_PI - super::host::log(sinpi(ax).abs()) - super::host::log(ax) - r;
    }
    if r.is_infinite() {
        Err(MathError::Range)
    } else {
        Ok(r)
    }
}

/// Split `x` (|x| < 1) into a high half with 26 significant bits and the exact rest.
fn split(x: f64) -> (f64, f64) {
    const T27: f64 = 134_217_729.0; // 2**27 + 1
    let t = x * T27;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// Add `x` to the running sum `csum` (which is never smaller in magnitude), keeping the
/// rounding error in `frac`.
fn add_compensated(csum: &mut f64, frac: &mut f64, x: f64) {
    let old = *csum;
    *csum += x;
    *frac += (old - *csum) + x;
}

/// The Euclidean norm of `vec` (absolute values), whose largest element is `max`; `found_nan`
/// when any is a NaN. CPython's accurate algorithm for `hypot` and `dist`.
pub fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0, 0.0, 0.0, 0.0);
    if max_e >= -1023 {
        let scale = libm::ldexp(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let (hi, lo) = split(x);
            add_compensated(&mut csum, &mut frac1, hi * hi);
            add_compensated(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = libm::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        let (hi, lo) = split(h);
        add_compensated(&mut csum, &mut frac1, -hi * hi);
        add_compensated(&mut csum, &mut frac2, -2.0 * hi * lo);
        add_compensated(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal maximum: divide by max instead of scaling by a power of two.
    for &v in vec {
        let x = v / max;
        add_compensated(&mut csum, &mut frac1, x * x);
    }
    max * libm::sqrt(csum - 1.0 + frac1)
}

/// Exact floating-point summation (Shewchuk's algorithm, as `math.fsum`).
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special: f64,
    inf: f64,
}

impl Fsum {
    /// A new, empty sum.
    pub fn new() -> Fsum {
        Fsum::default()
    }

    /// Add one value; `Err` carries CPython's OverflowError message.
    pub fn add(&mut self, value: f64) -> Result<(), &'static str> {
        let mut x = value;
        let mut kept = 0;
        for i in 0..self.partials.len() {
            let mut y = self.partials[i];
            if x.abs() < y.abs() {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN among the inputs, or an overflow of the partial sums.
                if value.is_finite() {
                    return Err("intermediate overflow in fsum");
                }
                if value.is_infinite() {
                    self.inf += value;
                }
                self.special += value;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum; `Err` carries CPython's ValueError message.
    pub fn finish(&self) -> Result<f64, &'static str> {
        if self.special != 0.0 {
            if self.inf.is_nan() {
                return Err("-inf + inf in fsum");
            }
            return Ok(self.special);
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        // Add from the largest partial down until the sum becomes inexact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across the remaining partials.
        if n > 0 && (lo < 0.0 && p[n - 1] < 0.0 || lo > 0.0 && p[n - 1] > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        Ok(hi)
    }
}

/// IEEE 754 `remainder(x, y)` (NaN for the invalid cases, which the caller reports).
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = libm::fmod(ax, ay);
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: choose the even multiple.
            m - 2.0 * libm::fmod(0.5 * (ax - m), ay)
        };
        return libm::copysign(1.0, x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// The next float after `x` towards `y`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return libm::copysign(f64::from_bits(1), y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}
