// Numbers as people read them; exact counts stay exact (requests are never rounded).
const integer = new Intl.NumberFormat('en-US');

export function count(n) {
  return integer.format(n);
}

export function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)) + ' ' + units[unit];
}

export function percent(part, whole) {
  if (!whole) return '0%';
  const p = (100 * part) / whole;
  return (p === 0 || p >= 10 ? p.toFixed(0) : p < 0.1 ? p.toFixed(2) : p.toFixed(1)) + '%';
}

/** The change from previous to current, as text and a class for its colour. */
export function delta(current, previous) {
  if (previous === undefined || previous === null) return null;
  if (previous === 0) return current === 0 ? { text: '±0', cls: '' } : { text: 'new', cls: 'up' };
  const change = (100 * (current - previous)) / previous;
  const text = (change > 0 ? '+' : '') + (Math.abs(change) < 10 ? change.toFixed(1) : change.toFixed(0)) + '%';
  return { text, cls: change > 0 ? 'up' : change < 0 ? 'down' : '' };
}

export function utc(seconds) {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

export function ago(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return s + ' s';
  if (s < 5400) return Math.round(s / 60) + ' min';
  if (s < 129600) return Math.round(s / 3600) + ' h';
  if (s < 63072000) return Math.round(s / 86400) + ' days';
  return Math.round(s / 31557600) + ' years';
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
