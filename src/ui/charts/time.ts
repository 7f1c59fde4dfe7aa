/**
 * Chart time: uPlot's x values are seconds since the epoch; the axis and the legend show them
 * in the report's zone (Asia/Shanghai, +08:00) whatever the browser's zone, through uPlot's
 * `tzDate`. A day `YYYY-MM-DD` is plotted at its local midnight in that zone.
 */

export const chartZone = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in ms (+08:00 → 28,800,000). */
export function zoneOffsetMs(zone: string, instantMs: number): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(new Date(wholeSeconds))
      .map((part) => [part.type, Number(part.value)]),
  );
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wallClock - wholeSeconds;
}

/** Seconds since the epoch of 00:00 on a `YYYY-MM-DD` day in the zone. */
export function daySeconds(day: string, zone: string = chartZone): number {
  const [year, month, date] = day.split('-').map(Number);
  const wallClock = Date.UTC(year, month - 1, date);
  const first = wallClock - zoneOffsetMs(zone, wallClock);
  const settled = wallClock - zoneOffsetMs(zone, first);
  return settled / 1000;
}

