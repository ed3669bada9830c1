//! Exact decimal parsing into integer units: `"27.30"` at 2 decimals is 2730. Never through `f64`,
//! so a published figure is held exactly as BLS wrote it.

/// Why a text is not a number in the unit asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not digits with at most one `.` between digits.
    NotANumber,
    /// More digits after the point than the unit holds (`"1.1015"` as thousandths).
    TooManyDecimals,
    /// Does not fit the field.
    TooLarge,
}

impl core::fmt::Display for DecimalError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            DecimalError::NotANumber => "is not a number",
            DecimalError::TooManyDecimals => "has more decimals than the figure holds",
            DecimalError::TooLarge => "is too large",
        })
    }
}

/// An unsigned decimal scaled by 10^`decimals`: `fixed("1.101", 3)` is 1101, `fixed("20", 2)` is
/// 2000. Digits are required on both sides of a point; no sign, spaces or separators.
pub fn fixed(text: &str, decimals: usize) -> Result<u64, DecimalError> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() => (whole, fraction),
        Some(_) => return Err(DecimalError::NotANumber),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(DecimalError::NotANumber);
    }
    if fraction.len() > decimals {
        return Err(DecimalError::TooManyDecimals);
    }
    let mut value: u64 = 0;
    let padding = core::iter::repeat_n(b'0', decimals - fraction.len());
    for digit in whole.bytes().chain(fraction.bytes()).chain(padding) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(digit - b'0')))
            .ok_or(DecimalError::TooLarge)?;
    }
    Ok(value)
}

/// [`fixed`] into a `u32`.
pub fn fixed_u32(text: &str, decimals: usize) -> Result<u32, DecimalError> {
    u32::try_from(fixed(text, decimals)?).map_err(|_| DecimalError::TooLarge)
}

/// A signed decimal (`"-3.2"` at 1 decimal is -32; a leading `+` is accepted too).
pub fn fixed_i32(text: &str, decimals: usize) -> Result<i32, DecimalError> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = i64::try_from(fixed(rest, decimals)?).map_err(|_| DecimalError::TooLarge)?;
    let value = if negative { -magnitude } else { magnitude };
    i32::try_from(value).map_err(|_| DecimalError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_scale_exactly_into_integer_units() {
        assert_eq!(fixed_u32("27.30", 2), Ok(2730));
        assert_eq!(fixed_u32("27.3", 2), Ok(2730));
        assert_eq!(fixed_u32("20", 2), Ok(2000));
        assert_eq!(fixed_u32("1.101", 3), Ok(1101));
        assert_eq!(fixed_u32("0.88", 3), Ok(880));
        assert_eq!(fixed_u32("194720", 0), Ok(194_720));
        assert_eq!(fixed_u32("194.8", 1), Ok(1948));
        assert_eq!(fixed_u32("155495730", 0), Ok(155_495_730));
        assert_eq!(fixed_i32("-3.2", 1), Ok(-32));
        assert_eq!(fixed_i32("7.1", 1), Ok(71));
        assert_eq!(fixed_i32("-2.2", 1), Ok(-22));
    }

    #[test]
    fn anything_but_plain_digits_is_refused() {
        assert_eq!(fixed_u32("27.305", 2), Err(DecimalError::TooManyDecimals));
        assert_eq!(fixed_u32("1.5", 0), Err(DecimalError::TooManyDecimals));
        for bad in [
            "", ".5", "5.", "1e3", " 5", "5 ", "1,234", "-5", "12a", "*", "NaN", "1.2.3",
        ] {
            assert_eq!(fixed_u32(bad, 2), Err(DecimalError::NotANumber), "{bad:?}");
        }
        assert_eq!(fixed_u32("4294967296", 0), Err(DecimalError::TooLarge));
        assert_eq!(
            fixed_u32("99999999999999999999999", 0),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(fixed_i32("--1", 0), Err(DecimalError::NotANumber));
    }
}
