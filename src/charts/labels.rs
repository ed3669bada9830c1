//! Placing value labels so none overlaps another, however narrow the chart.

/// A label to place: its anchor (centre) and width, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub centre: f64,
    pub width: f64,
}

/// For each label (in the given order), the row it goes in and its centre after being kept
/// inside `bounds`. Labels are placed left to right, each in the first row where it clears the
/// previous label by `gap`; rows are unlimited, so nothing is ever hidden.
pub fn place_in_rows(labels: &[LabelBox], bounds: (f64, f64), gap: f64) -> Vec<(usize, f64)> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    crate::order::sort_by(&mut order, |a, b| {
        labels[*a].centre.total_cmp(&labels[*b].centre)
    });
    let mut row_ends: Vec<f64> = Vec::new();
    let mut placed = vec![(0, 0.0); labels.len()];
    for index in order {
        let label = labels[index];
        let half = label.width / 2.0;
        let centre = if bounds.1 - bounds.0 < label.width {
            (bounds.0 + bounds.1) / 2.0
        } else {
            label.centre.clamp(bounds.0 + half, bounds.1 - half)
        };
        let start = centre - half;
        let row = match row_ends.iter().position(|end| start >= end + gap) {
            Some(row) => row,
            None => {
                row_ends.push(f64::NEG_INFINITY);
                row_ends.len() - 1
            }
        };
        row_ends[row] = centre + half;
        placed[index] = (row, centre);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(centres: &[f64], width: f64) -> Vec<LabelBox> {
        centres
            .iter()
            .map(|c| LabelBox { centre: *c, width })
            .collect()
    }

    #[test]
    fn far_apart_labels_share_one_row() {
        let placed = place_in_rows(&boxes(&[50.0, 150.0, 250.0], 40.0), (0.0, 300.0), 4.0);
        assert_eq!(placed, [(0, 50.0), (0, 150.0), (0, 250.0)]);
    }

    #[test]
    fn crowded_labels_move_to_new_rows_and_never_overlap() {
        let placed = place_in_rows(&boxes(&[50.0, 60.0, 70.0, 120.0], 40.0), (0.0, 300.0), 4.0);
        assert_eq!(placed.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 1, 2, 0]);
    }

    #[test]
    fn labels_stay_inside_the_bounds() {
        let placed = place_in_rows(&boxes(&[2.0, 298.0], 40.0), (0.0, 300.0), 4.0);
        assert_eq!(placed, [(0, 20.0), (0, 280.0)]);
    }
}
