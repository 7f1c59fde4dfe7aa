/** `value` within [min, max], each bound applied only where given. */
export function clamp(value: number, min: number | undefined, max: number | undefined): number {
  const low = min === undefined ? value : Math.max(min, value);
  return max === undefined ? low : Math.min(max, low);
}
