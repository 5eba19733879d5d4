// The figures across the top: requests, IPs, bandwidth, error shares, lines set aside, and data delay.
import { ago, bytes, count, delta, escapeHtml, percent, utc } from './format.js';

function card(id, label, value, sub, { title = '', change = null, bad = false, filter = null } = {}) {
  const changeHtml = change ? `<span class="delta ${bad ? 'bad ' : ''}${change.cls}">${change.text}</span> vs previous` : sub;
  return `<div class="stat${filter ? ' clickable' : ''}" id="${id}" title="${escapeHtml(title)}"${filter ? ` data-filter="${filter}"` : ''}>`
    + `<div class="label">${label}</div><div class="value">${value}</div><div class="sub">${changeHtml}</div></div>`;
}

export function renderOverview(element, overview, rejected, onClassFilter) {
  const c = overview.current;
  const p = overview.previous;
  const share = (n, total) => (total ? n / total : 0);
  const long = overview.first !== null && overview.last - overview.first > 86400;
  const span = overview.first === null ? 'no requests'
    : `${utc(overview.first).slice(0, long ? 10 : 16)} – ${utc(overview.last).slice(long ? 0 : 11, long ? 10 : 16)}`;
  const lag = overview.newest === null ? '—' : ago(overview.now - overview.newest);
  const reasons = rejected ? rejected.reasons.map((r) => `${count(r.lines)} × ${r.reason}`).join('\n') : '';
  element.innerHTML = [
    card('stat-requests', 'Requests', count(c.requests), span, { change: p && delta(c.requests, p.requests), title: `${count(c.requests)} requests` }),
    card('stat-ips', 'Distinct IPs', count(c.ips), 'client addresses', { change: p && delta(c.ips, p.ips) }),
    card('stat-bytes', 'Bandwidth', bytes(c.bytes), `${count(c.bytes)} bytes`, { change: p && delta(c.bytes, p.bytes), title: `${count(c.bytes)} bytes` }),
    card('stat-4xx', '4xx share', percent(c.clientErrors, c.requests), `${count(c.clientErrors)} client errors`,
      { change: p && delta(share(c.clientErrors, c.requests), share(p.clientErrors, p.requests)), bad: true, filter: '4xx', title: 'Click to show only 4xx' }),
    card('stat-5xx', '5xx share', percent(c.serverErrors, c.requests), `${count(c.serverErrors)} server errors`,
      { change: p && delta(share(c.serverErrors, c.requests), share(p.serverErrors, p.requests)), bad: true, filter: '5xx', title: 'Click to show only 5xx' }),
    card('stat-rejected', 'Set aside', rejected ? count(rejected.lines) : '…',
      rejected && rejected.reasons.length ? escapeHtml(rejected.reasons[0].reason) : 'lines clean-log refused',
      { title: reasons ? `clean-log-rejected, by when set aside (not filtered):\n${reasons}` : 'clean-log-rejected: none in this period' }),
    card('stat-lag', 'Data delay', lag, overview.newest === null ? 'no rows yet' : `newest ${utc(overview.newest)}`,
      { title: 'now minus the newest row of clean-log' }),
  ].join('');
  element.querySelectorAll('.stat.clickable').forEach((el) => el.addEventListener('click', () => onClassFilter(el.dataset.filter)));
}
