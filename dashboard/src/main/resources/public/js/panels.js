// The ranked tables: hits with their share, distinct IPs, bytes, and the change when comparing.
import { bytes, count, delta, escapeHtml, percent } from './format.js';

const SHORT = 10;
const LONG = 50;

/** Creates the card of a panel that has none in the page yet; the countries card is in the HTML. */
export function cardFor(panel, container) {
  let card = document.getElementById('card-' + panel.key);
  if (!card) {
    card = document.createElement('article');
    card.className = 'card';
    card.id = 'card-' + panel.key;
    card.innerHTML = `<div class="card-head"><h2>${escapeHtml(panel.title)}</h2><span class="muted count"></span>`
      + `<a class="csv" data-panel="${panel.key}">CSV</a></div><div class="table-wrap"></div>`;
    container.insertBefore(card, document.getElementById('card-heatmap'));
  }
  return card;
}

export function rowsWanted(expanded, key) {
  return expanded.has(key) ? LONG : SHORT;
}

/**
 * Draws a panel's table. {@code actions} has filter(field, value, exclude), lines(field, value, label) and
 * toggle(key) (show more or fewer rows).
 */
export function renderPanel(card, result, compared, expanded, actions) {
  card.querySelector('.count').textContent = (result.groups === 1 ? '1 value' : count(result.groups) + ' values')
    + (result.unresolved ? ` · resolving ${count(result.unresolved)} user agents…` : '');
  const wrap = card.querySelector('.table-wrap');
  if (result.rows.length === 0) {
    wrap.innerHTML = '<div class="empty">No requests</div>';
    return;
  }
  const top = result.rows[0].hits;
  const body = result.rows.map((row) => {
    const change = compared ? delta(row.hits, row.previous ? row.previous.hits : 0) : null;
    return `<tr class="row" data-value="${escapeHtml(row.value ?? '')}" data-label="${escapeHtml(row.label)}">`
      + `<td class="value${row.value === null ? ' null' : ''}" title="${escapeHtml(row.label)}">`
      + `<div class="share" style="width:${(100 * row.hits / top).toFixed(1)}%"></div><span>${escapeHtml(row.label)}</span></td>`
      + `<td class="hits">${count(row.hits)}</td><td class="pct">${percent(row.hits, result.hits)}</td>`
      + `<td class="ips">${count(row.ips)}</td><td class="bytes" title="${count(row.bytes)} bytes">${bytes(row.bytes)}</td>`
      + (compared ? `<td class="delta ${change.cls}" title="previous: ${count(row.previous ? row.previous.hits : 0)}">${change.text}</td>` : '')
      + '<td class="acts"><button class="drill" title="Raw lines of this row">≡</button>'
      + '<button class="exclude" title="Exclude this value">⊘</button></td></tr>';
  }).join('');
  const more = result.groups > SHORT
    ? `<div class="more"><span class="muted">${count(result.rows.length)} of ${count(result.groups)}</span>`
      + `<a class="toggle">${expanded.has(result.panel) ? 'Show fewer' : 'Show ' + Math.min(LONG, result.groups)}</a></div>`
    : '';
  wrap.innerHTML = `<table><colgroup><col><col class="hits"><col class="pct"><col class="ips"><col class="bytes">`
    + (compared ? '<col class="delta">' : '') + '<col class="acts"></colgroup>'
    + `<thead><tr><th>${escapeHtml(header(result))}</th><th>Hits</th><th>%</th><th>IPs</th><th>Bytes</th>`
    + (compared ? '<th>Δ hits</th>' : '') + `<th></th></tr></thead><tbody>${body}</tbody></table>${more}`;
  wrap.querySelectorAll('tr.row').forEach((tr) => {
    const value = tr.dataset.value;
    tr.addEventListener('click', (event) => {
      if (event.target.closest('button.drill')) {
        actions.lines(result, value, tr.dataset.label);
      } else {
        actions.filter(result, value, !!event.target.closest('button.exclude') || event.altKey);
      }
    });
  });
  const toggle = wrap.querySelector('a.toggle');
  if (toggle) toggle.addEventListener('click', () => actions.toggle(result.panel));
}

const HEADERS = {
  requests: 'URL', not_found: 'URL', hosts: 'Host', status: 'Status', countries: 'Country', cities: 'City', ips: 'IP',
  users: 'User', email_domains: 'Domain', methods: 'Method', versions: 'Version', referrers: 'Site', browsers: 'Browser', os: 'System',
};

function header(result) {
  return HEADERS[result.panel] || result.title;
}
