// French formats for what people read (surfaces.md): 12,5 M€, 73 %, 24/11/2026, Europe/Paris.

const kZone = 'Europe/Paris';
const number = (digits) =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// 12 500 000 → "12,5 M€", 850 000 → "850 k€", 1 250 → "1 250 €".
// A unit never starts a line on its own: "12,5 M€", "73 %", "+5 j" keep a no-break space.
export const kNbsp = '\u00a0';

export function euros(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const size = Math.abs(value);
  if (size >= 1e6) return `${number(1).format(value / 1e6)}${kNbsp}M€`;
  if (size >= 1e4) return `${number(0).format(value / 1e3)}${kNbsp}k€`;
  return `${number(0).format(value)}${kNbsp}€`;
}

// 0.734 → "73 %"; with digits, "73,4 %".
export function percent(share, digits = 0) {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${number(digits).format(share * 100)}${kNbsp}%`;
}

export function decimal(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return number(digits).format(value);
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: kZone, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: kZone, hour: '2-digit', minute: '2-digit' });

// "2026-11-24T13:05:00Z" → "24/11/2026 14:05" (Paris time).
export function dateTime(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  return `${dateFormat.format(at)} ${timeFormat.format(at)}`;
}

// "2026-11-24" (a calendar day) → "24/11/2026".
export function day(isoDay) {
  if (!isoDay) return '—';
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

// An ISO week as a site office says it: '2026-W48' → 'sem. 48'; the year only when asked
// ('sem. 48 2026').
export function week(isoWeek, withYear = false) {
  const [y, w] = isoWeek.split('-W');
  return withYear ? `sem. ${Number(w)} ${y}` : `sem. ${Number(w)}`;
}

// A length of time given in hours, as people read it: "45 min", "1 h 20", "6 j 13 h".
export function hoursSpan(hours) {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '—';
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes}${kNbsp}min`;
  if (minutes < 48 * 60) {
    const m = minutes % 60;
    return m === 0 ? `${Math.floor(minutes / 60)}${kNbsp}h` : `${Math.floor(minutes / 60)}${kNbsp}h${kNbsp}${String(m).padStart(2, '0')}`;
  }
  const wholeHours = Math.round(hours);
  return `${Math.floor(wholeHours / 24)}${kNbsp}j ${wholeHours % 24}${kNbsp}h`;
}

// How long ago, as people say it: "à l'instant", "il y a 5 min", "il y a 2 h", "il y a 3 j".
export function ago(iso, now = Date.now()) {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return "à l'instant";
  if (minutes < 60) return `il y a ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `il y a ${hours} h`;
  return `il y a ${Math.floor(hours / 24)} j`;
}

// A time left, counting down to the second: 8 105 s → "2 h 15 min 05 s", 90 000 s → "1 j 1 h 00 min".
export function countdown(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  const [d, h, m, rest] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60];
  if (d > 0) return `${d} j ${h} h ${two(m)} min`;
  if (h > 0) return `${h} h ${two(m)} min ${two(rest)} s`;
  if (m > 0) return `${m} min ${two(rest)} s`;
  return `${rest} s`;
}

// A predicted delay in whole days, signed as people say it: "+5 j", "0 j", "−3 j" (ahead).
export function delayDays(value) {
  const rounded = Math.round(value);
  if (rounded > 0) return `+${rounded}${kNbsp}j`;
  return rounded < 0 ? `−${-rounded}${kNbsp}j` : `0${kNbsp}j`;
}

// The Paris calendar day of an instant: "24/11/2026".
export function dayOf(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}
