/** Binary searches over sorted numbers (instants, day numbers): every per-instant lookup of the visualizer. */

/** The first index whose value is ≥ `value` (`values.length` when none is). */
export function lowerBound(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index whose value is > `value` (`values.length` when none is). */
export function upperBound(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the last value ≤ `value`, -1 when every value is greater. */
export function lastAtOrBefore(values: ArrayLike<number>, value: number): number {
  return upperBound(values, value) - 1;
}
