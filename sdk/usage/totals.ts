import type {
  DeviceCountPoint,
  DeviceTotals,
  NotebookMinutePoint,
  NotebookTotals,
  PayloadCountPoint,
  PayloadTotals,
} from "./results";

function sum<T>(points: readonly T[], pick: (point: T) => number | undefined): number {
  return points.reduce((acc, point) => acc + (pick(point) ?? 0), 0);
}

/**
 * Totals a device series. A missing field counts as 0.
 *
 * @param counts - daily points, oldest first
 */
export function deviceTotals(counts: readonly DeviceCountPoint[]): DeviceTotals {
  const totals = counts.map((point) => point.total).filter((t): t is number => t !== undefined);
  return {
    latestTotal: totals.length === 0 ? 0 : totals[totals.length - 1],
    peakTotal: totals.reduce((peak, t) => Math.max(peak, t), 0),
    totalCreated: sum(counts, (point) => point.created),
    totalDeleted: sum(counts, (point) => point.deleted),
  };
}

/**
 * Totals a notebook series. A missing field counts as 0.
 *
 * @param counts - daily points, in any order
 */
export function notebookTotals(counts: readonly NotebookMinutePoint[]): NotebookTotals {
  const totalCompleted = sum(counts, (point) => point.completed);
  const totalCanceled = sum(counts, (point) => point.canceled);
  const totalErrored = sum(counts, (point) => point.errored);
  const totalTimeout = sum(counts, (point) => point.timeout);
  return {
    totalMinutes: sum(counts, (point) => point.minutes),
    totalCompleted,
    totalCanceled,
    totalErrored,
    totalTimeout,
    totalRuns: totalCompleted + totalCanceled + totalErrored + totalTimeout,
  };
}

/**
 * Totals a payload series. A missing value counts as 0.
 *
 * @param counts - points (daily or hourly), oldest first
 */
export function payloadTotals(counts: readonly PayloadCountPoint[]): PayloadTotals {
  let peak: PayloadCountPoint | undefined;
  for (const point of counts) {
    if (peak === undefined || (point.value ?? 0) > (peak.value ?? 0)) peak = point;
  }
  return { total: sum(counts, (point) => point.value), peak };
}
