/**
 * Number and date formats of the documents, the dashboard and the command line. Full amounts and
 * percentages come from the narrative's wording module, so a figure is spelt the same in the narrative
 * and in the table beside it.
 */
import { formatIndicator, formatMoney, formatNumber, formatPercent, LOCALES, numberFormat } from '../analysis/narrative/wording.js';
import type { Language } from './shapes.js';

export { formatIndicator, formatMoney, formatNumber, formatPercent, LOCALES };

/** `₩1.2B` / `₩12억`: for headline figures, where the full amount is one click away. */
export function formatMoneyCompact(amount: number, currency: string, language: Language): string {
  return numberFormat(language, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

export function formatKm(distanceKm: number, language: Language): string {
  return `${formatNumber(distanceKm, distanceKm < 10 ? 1 : 0, language)} km`;
}

/** `35.1566° N, 129.1450° E` */
export function formatCoordinates(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(4)}° ${latitude < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(longitude).toFixed(4)}° ${longitude < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lon}`;
}

/** A date and time in UTC, the same wherever the document is read. */
export function formatTimestamp(at: string | number, language: Language): string {
  return `${new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(at))} UTC`;
}

/** `850 ms`, `4.2 s`, `3 min 05 s`: for durations of a few milliseconds to an hour. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1_000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
