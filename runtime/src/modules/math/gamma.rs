//! `gamma` and `lgamma` by the Lanczos approximation that CPython's math
//! module uses (g = 6.0246800407767296, N = 13, with the error correction
//! for `x + g - 0.5`), rather than the C library's: the same formula in the
//! same order gives CPython's results to the last digit.
//!
//! Poles and negative integers return NaN (a domain error for the caller);
//! overflow returns infinity (a range error).

// The constants are written with the digits they are published with.
#![allow(clippy::excessive_precision)]

use std::f64::consts::PI;

const G: f64 = 6.024680040776729583740234375;
const G_MINUS_HALF: f64 = 5.524680040776729583740234375;

/// Numerator coefficients of the rational function L_g(x).
const NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// Denominator: the coefficients of x(x+1)...(x+11).
const DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Exact factorials: gamma(n) for n = 1..=23 is looked up.
const INTEGRAL: usize = 23;

/// L_g(x) for x > 0; in 1/x above 5 so that large x cannot overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + NUM[i];
            den = den * x + DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + NUM[i];
            den = den / x + DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), reduced to a quarter period first so that it is exact at
/// integers and half-integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

pub fn gamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        return f64::NAN;
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= INTEGRAL as f64 {
            return (1..x as u64).map(|k| k as f64).product();
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        return if x < 0.0 { 0.0 / sinpi(x) } else { f64::INFINITY };
    }
    let y = absx + G_MINUS_HALF;
    // The rounding error of y, to correct the result by (1 + z).
    let z = if absx > G_MINUS_HALF { (y - absx) - G_MINUS_HALF } else { (y - G_MINUS_HALF) - absx };
    let z = z * G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    r
}

pub fn lgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { f64::NAN } else { 0.0 };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return -absx.ln();
    }
    let mut r = lanczos_sum(absx).ln() - G;
    r += (absx - 0.5) * ((absx + G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection: log(pi) - log|sin(pi x)| - log|x| - r.
        r = PI.ln() - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        // python3 -c "import math; print(math.gamma(4.5), math.lgamma(5.5), math.gamma(-2.5), math.lgamma(-0.5))"
        assert_eq!(gamma(4.5), 11.631728396567446);
        assert_eq!(lgamma(5.5), 3.9578139676187165);
        assert_eq!(gamma(-2.5), -0.9453087204829417);
        assert_eq!(lgamma(-0.5), 1.265512123484645);
        assert_eq!(gamma(5.0), 24.0);
        assert!(gamma(-3.0).is_nan() && lgamma(0.0).is_nan());
        assert_eq!(gamma(171.7), f64::INFINITY);
    }
}
