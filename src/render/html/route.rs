//! Routes a `builds_on` edge of the page's tree through the empty corridors between rows and
//! columns, so a line never runs through a paper's label: down out of the older paper, along
//! the corridor under its row, down the corridor beside the newer paper, and into its top.

use std::fmt::Write;

use super::layout::{Layout, NODE_HEIGHT, NODE_WIDTH, Place};

/// How far apart parallel edges sharing a corridor run, and how many lanes a corridor has.
pub const LANE_STEP: i32 = 2;
pub const LANES: usize = 5;
/// The radius of a rounded corner.
pub const RADIUS: i32 = 5;

/// The SVG path of the edge from `parent` (the older paper) to `child`; `lane` (any number)
/// spreads edges that share a corridor.
pub fn route(layout: &Layout<'_>, parent: Place, child: Place, lane: usize) -> String {
    let offset = i32::try_from(lane % LANES).expect("fewer than five lanes") * LANE_STEP - LANE_STEP * 2;
    let (parent_x, parent_y) = layout.corner(parent);
    let (child_x, child_y) = layout.corner(child);
    let start = (signed(parent_x + NODE_WIDTH / 2), signed(parent_y + NODE_HEIGHT));
    let end = (signed(child_x + NODE_WIDTH / 2), signed(child_y));
    let below = signed(layout.corridor_above(parent.row + 1)) + offset;
    let points = if child.row == parent.row + 1 {
        vec![start, (start.0, below), (end.0, below), end]
    } else {
        let beside = if parent.slot > child.slot { child.slot + 1 } else { child.slot };
        let across = signed(layout.corridor_left_of(beside)) + offset;
        let above = signed(layout.corridor_above(child.row)) + offset;
        vec![start, (start.0, below), (across, below), (across, above), (end.0, above), end]
    };
    rounded(&points)
}

fn signed(value: u32) -> i32 {
    i32::try_from(value).expect("the tree is far smaller than 2^31 pixels")
}

/// A path through axis-aligned `points` with its corners rounded.
fn rounded(points: &[(i32, i32)]) -> String {
    let mut corners: Vec<(i32, i32)> = Vec::with_capacity(points.len());
    for &point in points {
        if corners.last() == Some(&point) {
            continue;
        }
        // A point in line with the two before it is no corner.
        if let [.., before, last] = corners[..]
            && ((before.0 == last.0 && last.0 == point.0) || (before.1 == last.1 && last.1 == point.1))
        {
            corners.pop();
        }
        corners.push(point);
    }
    let mut path = String::new();
    let Some(&(x, y)) = corners.first() else { return path };
    let _ = write!(path, "M{x},{y}");
    for window in corners.windows(3) {
        let [before, corner, after] = [window[0], window[1], window[2]];
        let radius = RADIUS.min(distance(before, corner) / 2).min(distance(corner, after) / 2);
        let into = toward(corner, before, radius);
        let out = toward(corner, after, radius);
        let _ = write!(path, " L{},{} Q{},{} {},{}", into.0, into.1, corner.0, corner.1, out.0, out.1);
    }
    if let Some(&(x, y)) = corners.get(1..).and_then(<[_]>::last) {
        let _ = write!(path, " L{x},{y}");
    }
    path
}

/// The length of an axis-aligned segment.
fn distance(from: (i32, i32), to: (i32, i32)) -> i32 {
    (from.0 - to.0).abs() + (from.1 - to.1).abs()
}

/// The point `length` away from `from` in the direction of `to` (axis-aligned).
fn toward(from: (i32, i32), to: (i32, i32), length: i32) -> (i32, i32) {
    (from.0 + (to.0 - from.0).signum() * length, from.1 + (to.1 - from.1).signum() * length)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::render::html::layout::{AXIS, HEADER, ROW_GAP, SLOT_GAP};

    /// Three columns and four rows of boxes, evenly spaced.
    fn grid() -> Layout<'static> {
        Layout {
            bands: vec![],
            years: vec![],
            slots: (0..3).map(|slot| AXIS + slot * (NODE_WIDTH + SLOT_GAP)).collect(),
            rows: (0..4).map(|row| HEADER + row * (NODE_HEIGHT + ROW_GAP)).collect(),
            places: HashMap::new(),
            width: 0,
            height: 0,
        }
    }

    /// The corners of a path, read back from its `M`, `L` and `Q` commands.
    fn vertices(path: &str) -> Vec<(i32, i32)> {
        path.split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|part| !part.is_empty())
            .map(|pair| {
                let (x, y) = pair.split_once(',').expect("x,y");
                (x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect()
    }

    /// Whether a straight piece from `a` to `b` touches the inside of a box.
    fn crosses_a_box(layout: &Layout<'_>, a: (i32, i32), b: (i32, i32)) -> bool {
        let (low_x, high_x) = (a.0.min(b.0), a.0.max(b.0));
        let (low_y, high_y) = (a.1.min(b.1), a.1.max(b.1));
        layout.slots.iter().any(|&left| {
            layout.rows.iter().any(|&top| {
                let (left, top) = (signed(left), signed(top));
                let (right, bottom) = (left + signed(NODE_WIDTH), top + signed(NODE_HEIGHT));
                low_x < right && high_x > left && low_y < bottom && high_y > top
            })
        })
    }

    #[test]
    fn edges_run_in_corridors_and_never_through_a_box() {
        let layout = grid();
        let places: Vec<Place> = (0..4).flat_map(|row| (0..3).map(move |slot| Place { row, slot })).collect();
        for &parent in &places {
            for &child in &places {
                if parent == child {
                    continue;
                }
                for lane in 0..LANES {
                    let path = route(&layout, parent, child, lane);
                    let points = vertices(&path);
                    let (parent_x, parent_y) = layout.corner(parent);
                    let (child_x, child_y) = layout.corner(child);
                    assert_eq!(points[0], (signed(parent_x + NODE_WIDTH / 2), signed(parent_y + NODE_HEIGHT)));
                    assert_eq!(*points.last().unwrap(), (signed(child_x + NODE_WIDTH / 2), signed(child_y)));
                    // The first and last pieces only leave and enter their own boxes.
                    for piece in points[1..points.len() - 1].windows(2) {
                        assert!(
                            !crosses_a_box(&layout, piece[0], piece[1]),
                            "{parent:?} -> {child:?} lane {lane}: {path}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn corners_are_rounded_and_straight_runs_stay_straight() {
        assert_eq!(rounded(&[(0, 0), (0, 10), (0, 20)]), "M0,0 L0,20");
        assert_eq!(rounded(&[(0, 0), (0, 20), (30, 20)]), "M0,0 L0,15 Q0,20 5,20 L30,20");
        // A corner too tight for the radius gets half of its shorter side.
        assert_eq!(rounded(&[(0, 0), (0, 4), (30, 4)]), "M0,0 L0,2 Q0,4 2,4 L30,4");
        assert_eq!(rounded(&[(3, 3), (3, 3)]), "M3,3");
        assert_eq!(rounded(&[]), "");
    }
}
