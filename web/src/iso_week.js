// ISO weeks as the API names them ("2026-W50"), on the Paris calendar: the week of a day, a week
// some weeks away, and the French words for one ("Semaine 50 : du 07/12/2026 au 11/12/2026").
const kDayMs = 24 * 60 * 60 * 1000;
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

// Midnight UTC of the Paris calendar day of `at` (a Date).
function parisMidnight(at) {
  const [y, m, d] = parisDay.format(at).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function weekday(utcMidnight) {
  return (new Date(utcMidnight).getUTCDay() + 6) % 7;  // Monday 0 … Sunday 6
}

function name(mondayMs) {
  const thursday = new Date(mondayMs + 3 * kDayMs);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - weekday(jan4) * kDayMs;
  const week = Math.round((mondayMs - firstMonday) / (7 * kDayMs)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// "2026-W50" → the Monday as milliseconds at midnight UTC; null when it is not a week.
export function mondayOf(week) {
  const match = /^(\d{4})-W(\d{2})$/.exec(week ?? '');
  if (!match) return null;
  const jan4 = Date.UTC(Number(match[1]), 0, 4);
  const monday = jan4 - weekday(jan4) * kDayMs + (Number(match[2]) - 1) * 7 * kDayMs;
  return name(monday) === week ? monday : null;
}

// The ISO week holding the Paris day of `at`.
export function isoWeekOf(at = new Date()) {
  const day = parisMidnight(at);
  return name(day - weekday(day) * kDayMs);
}

export function addWeeks(week, count) {
  return name(mondayOf(week) + count * 7 * kDayMs);
}

const short = (ms) => new Date(ms).toISOString().slice(0, 10).split('-').reverse().join('/');

// "Semaine 50 : du 07/12/2026 au 11/12/2026" (Monday to Friday, the working week planned).
export function weekLabel(week) {
  const monday = mondayOf(week);
  if (monday === null) return week;
  return `Semaine ${Number(week.slice(6))} : du ${short(monday)} au ${short(monday + 4 * kDayMs)}`;
}
