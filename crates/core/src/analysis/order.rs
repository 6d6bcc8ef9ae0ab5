//! One sort for the whole crate.
//!
//! Every `slice::sort_by` with its own closure compiles to its own copy of the
//! standard sort, about 4 KB of wasm each. [`sort_by`] sorts through one shared
//! instantiation (indices compared by a `dyn` function) and then moves the items,
//! so the app stays within its size budget. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    if items.len() <= INSERTION_MAX {
        insertion_sort(items, &compare);
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|x, y| compare(&items[x], &items[y]));
    permute(items, order);
}

/// Sorts by a string key, like `sort_by_key`. Each key's first eight bytes are
/// compared as one integer first (their order is the strings' order), so most
/// comparisons never reach the bytes of the strings.
pub fn sort_by_str<T>(items: &mut Vec<T>, key: impl Fn(&T) -> &str) {
    if items.len() < 2 {
        return;
    }
    if items.len() <= INSERTION_MAX {
        insertion_sort(items, &|x: &T, y: &T| key(x).cmp(key(y)));
        return;
    }
    let prefixes: Vec<u64> = items.iter().map(|item| prefix(key(item))).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|x, y| prefixes[x].cmp(&prefixes[y]).then_with(|| key(&items[x]).cmp(key(&items[y]))));
    permute(items, order);
}

/// Up to this many items are sorted in place by insertion: most sorts are of a
/// handful of items, and the index sort would allocate twice for them.
const INSERTION_MAX: usize = 16;

/// A stable sort in place, for a few items: an item moves left past greater ones only.
fn insertion_sort<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The first eight bytes of `s`, big-endian, zero-padded.
fn prefix(s: &str) -> u64 {
    let mut bytes = [0; 8];
    let n = s.len().min(8);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

/// Puts `items` in `order` (a permutation of their indices).
fn permute<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts by a key (compared with `Ord`), like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |x, y| key(x).cmp(&key(y)));
}

/// How often each string occurs, sorted by the string (a counting map as a
/// vector: one shared code path instead of a hash map per key type).
pub fn tally(mut items: Vec<&str>) -> Vec<(&str, usize)> {
    sort_by_str(&mut items, |s| s);
    let mut out: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match out.last_mut() {
            Some((key, n)) if *key == item => *n += 1,
            _ => out.push((item, 1)),
        }
    }
    out
}

/// The value for `key` in a list sorted by key.
pub fn lookup<'l, T>(list: &'l [(&str, T)], key: &str) -> Option<&'l T> {
    list.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| &list[i].1)
}

fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&x, &y| compare(x, y));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }

    #[test]
    fn small_and_large_sorts_are_stable() {
        for len in [3, 16, 17, 40] {
            let mut v: Vec<(u32, usize)> = (0..len).map(|i| ((i * 7 % 5) as u32, i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected, "{len} items");
        }
    }

    #[test]
    fn sorts_by_strings_like_str_ord() {
        let words = ["ab", "", "abcdefghz", "ab\u{0}", "abcdefgh", "b", "abcdefgha", "\u{e9}", "ab", "a\u{1}"];
        let mut sorted: Vec<(&str, usize)> = words.iter().copied().zip(0..).collect();
        sort_by_str(&mut sorted, |w| w.0);
        let mut expected: Vec<(&str, usize)> = words.iter().copied().zip(0..).collect();
        expected.sort_by(|x, y| x.0.cmp(y.0));
        assert_eq!(sorted, expected);
    }

    #[test]
    fn tallies_and_looks_up() {
        let counts = tally(vec!["b", "a", "b", "c", "b"]);
        assert_eq!(counts, [("a", 1), ("b", 3), ("c", 1)]);
        assert_eq!(lookup(&counts, "b"), Some(&3));
        assert_eq!(lookup(&counts, "z"), None);
    }
}
