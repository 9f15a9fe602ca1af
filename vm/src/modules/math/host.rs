//! The elementary floating-point functions used by `math` and `cmath`. With the `std` feature
//! they are the host C library's (through Rust's `f64` methods), so results agree bit for bit
//! with CPython on the same machine; without it (boards) they come from the `libm` crate.

macro_rules! host_fns {
    ($($(#[$doc:meta])* $name:ident($($arg:ident),*) => $std:expr, $libm:expr;)*) => {
        $(
            $(#[$doc])*
            #[inline]
            pub fn $name($($arg: f64),*) -> f64 {
                #[cfg(feature = "std")]
                {
                    $std
                }
                #[cfg(not(feature = "std"))]
                {
                    $libm
                }
            }
        )*
    };
}

host_fns! {
    /// `e**x`.
    exp(x) => x.exp(), libm::exp(x);
    /// `2**x`.
    exp2(x) => x.exp2(), libm::exp2(x);
    /// `e**x - 1`.
    expm1(x) => x.exp_m1(), libm::expm1(x);
    /// Natural logarithm.
    log(x) => x.ln(), libm::log(x);
    /// Base-2 logarithm.
    log2(x) => x.log2(), libm::log2(x);
    /// Base-10 logarithm.
    log10(x) => x.log10(), libm::log10(x);
    /// `log(1 + x)`.
    log1p(x) => x.ln_1p(), libm::log1p(x);
    /// `x**y`.
    pow(x, y) => x.powf(y), libm::pow(x, y);
    /// Sine.
    sin(x) => x.sin(), libm::sin(x);
    /// Cosine.
    cos(x) => x.cos(), libm::cos(x);
    /// Tangent.
    tan(x) => x.tan(), libm::tan(x);
    /// Arc sine.
    asin(x) => x.asin(), libm::asin(x);
    /// Arc cosine.
    acos(x) => x.acos(), libm::acos(x);
    /// Arc tangent.
    atan(x) => x.atan(), libm::atan(x);
    /// Arc tangent of `y/x` in the right quadrant.
    atan2(y, x) => y.atan2(x), libm::atan2(y, x);
    /// Hyperbolic sine.
    sinh(x) => x.sinh(), libm::sinh(x);
    /// Hyperbolic cosine.
    cosh(x) => x.cosh(), libm::cosh(x);
    /// Hyperbolic tangent.
    tanh(x) => x.tanh(), libm::tanh(x);
    /// Cube root.
    cbrt(x) => x.cbrt(), libm::cbrt(x);
    /// `sqrt(x*x + y*y)` without undue overflow.
    hypot(x, y) => x.hypot(y), libm::hypot(x, y);
}
