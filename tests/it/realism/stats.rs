//! Statistics and calendar days the measures share.

use super::tables::{days_from_civil, weekday};

pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.iter().sum::<f64>() / values.len() as f64
}

/// The q-quantile (0..=1) by linear interpolation between order statistics, as
/// `percentile_cont` in SQL; NaN for no values.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let at = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64)
}

pub fn median(values: &[f64]) -> f64 {
    quantile(values, 0.5)
}

/// Ranks 1..n, ties sharing their average rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = rank;
        }
        i = j + 1;
    }
    ranks
}

pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt()
}

/// Spearman's rank correlation: Pearson's correlation of the average ranks.
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len());
    if x.len() < 3 {
        return f64::NAN;
    }
    pearson(&ranks(x), &ranks(y))
}

/// The day after the fourth Thursday of November.
pub fn black_friday(year: i64) -> i64 {
    let first = days_from_civil(year, 11, 1);
    let first_thursday = first + (3 - weekday(first)).rem_euclid(7);
    first_thursday + 21 + 1
}

/// The Monday after Black Friday.
pub fn cyber_monday(year: i64) -> i64 {
    black_friday(year) + 3
}

pub fn christmas(year: i64) -> i64 {
    days_from_civil(year, 12, 25)
}

/// Easter Sunday (the anonymous Gregorian computus).
pub fn easter(year: i64) -> i64 {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    days_from_civil(year, month as u32, day as u32)
}

/// Mothering Sunday in Britain: three weeks before Easter.
pub fn mothering_sunday(year: i64) -> i64 {
    easter(year) - 21
}

/// Mother's Day in the US, Canada, Australia and Germany: the second Sunday of May.
pub fn mothers_day(year: i64) -> i64 {
    let first = days_from_civil(year, 5, 1);
    first + (6 - weekday(first)).rem_euclid(7) + 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_days_are_the_real_ones() {
        assert_eq!(black_friday(2023), days_from_civil(2023, 11, 24));
        assert_eq!(cyber_monday(2023), days_from_civil(2023, 11, 27));
        assert_eq!(black_friday(2024), days_from_civil(2024, 11, 29));
        assert_eq!(easter(2023), days_from_civil(2023, 4, 9));
        assert_eq!(easter(2024), days_from_civil(2024, 3, 31));
        assert_eq!(mothering_sunday(2023), days_from_civil(2023, 3, 19));
        assert_eq!(mothers_day(2023), days_from_civil(2023, 5, 14));
        assert_eq!(mothers_day(2024), days_from_civil(2024, 5, 12));
    }

    #[test]
    fn spearman_reads_order_and_ties() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!((spearman(&x, &[10.0, 20.0, 30.0, 40.0, 50.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&x, &[5.0, 4.0, 3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        let tied = spearman(&[1.0, 1.0, 2.0, 2.0], &[1.0, 2.0, 3.0, 4.0]);
        assert!((tied - 0.894_427).abs() < 1e-5, "{tied}");
        assert!((quantile(&[1.0, 2.0, 3.0, 4.0], 0.5) - 2.5).abs() < 1e-12);
    }
}
