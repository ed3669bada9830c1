//! Durations, byte sizes and counts written the way the reports show them.

use std::time::Duration;

/// `8.4s` under a minute, `6m12s` above: precise where it matters, short where it does not.
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = d.as_secs();
        format!("{}m{:02}s", whole / 60, whole % 60)
    }
}

/// Kibibytes with one decimal, written `KB` as the budget is (150 KB = 150 × 1024 bytes).
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// A count with thousands separators: `2,577,957`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_durations_and_sizes() {
        assert_eq!(duration(Duration::from_millis(8_440)), "8.4s");
        assert_eq!(duration(Duration::from_secs(372)), "6m12s");
        assert_eq!(kb(150 * 1024), "150.0 KB");
        assert_eq!(kb(100_557), "98.2 KB");
        assert_eq!(thousands(2_577_957), "2,577,957");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(0), "0");
    }
}
