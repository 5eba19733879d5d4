// The page: reads the view from the URL, draws every part from the API, and redraws on live updates.
import { getJson, withParams } from './api.js';
import { heatMap, resizeAll, timeline, worldMap } from './charts.js';
import { escapeHtml, utc } from './format.js';
import { showLines } from './lines.js';
import { follow } from './live.js';
import { renderOverview } from './overview.js';
import { cardFor, renderPanel, rowsWanted } from './panels.js';
import { describeValue, FIELD_NAMES, queryOf, readState, withFilter, withoutFilter, writeState } from './state.js';

const MIN_REFRESH_MS = 1000;
const $ = (id) => document.getElementById(id);

let state = readState();
let panels = [];
const expanded = new Set();
let refreshing = false;
let pending = false;
let lastStart = 0;
let live = null;

function setState(next) {
  state = next;
  writeState(state);
  refresh(true);
}

function isoInput(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

function bindHeader() {
  $('ranges').addEventListener('click', (event) => {
    const range = event.target.dataset && event.target.dataset.range;
    if (!range) return;
    if (range === 'custom') {
      $('custom').classList.toggle('hidden');
      return;
    }
    setState({ ...state, range, from: '', to: '' });
  });
  $('custom').addEventListener('submit', (event) => {
    event.preventDefault();
    setState({ ...state, range: 'custom', from: $('custom-from').value, to: $('custom-to').value });
  });
  $('compare').addEventListener('change', (event) => setState({ ...state, compare: event.target.checked }));
  $('live').addEventListener('click', () => { if (live && live.toggle()) refresh(false); });
  $('drawer-close').addEventListener('click', () => $('drawer').classList.add('hidden'));
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') $('drawer').classList.add('hidden'); });
  window.addEventListener('popstate', () => { state = readState(); refresh(true); });
  window.addEventListener('resize', resizeAll);
}

function renderHeader() {
  document.querySelectorAll('#ranges button').forEach((b) => b.classList.toggle('on', b.dataset.range === state.range));
  $('custom').classList.toggle('hidden', state.range !== 'custom');
  $('custom-from').value = state.from;
  $('custom-to').value = state.to;
  const compare = $('compare');
  compare.checked = state.compare;
  compare.disabled = state.range === 'all' || (state.range === 'custom' && !(state.from && state.to));
  compare.parentElement.title = compare.disabled ? 'Choose a range with a length to compare it with the one before' : '';
  const chips = state.filters.map((f, i) => `<span class="chip${f.exclude ? ' exclude' : ''}" data-index="${i}">`
    + `<span class="k">${escapeHtml(FIELD_NAMES[f.field] || f.field)} ${f.exclude ? '≠' : '='}</span>`
    + `<span class="v" title="${escapeHtml(f.value)}">${escapeHtml(describeValue(f.field, f.value))}</span>`
    + '<button aria-label="Remove filter">×</button></span>').join('');
  $('filters').innerHTML = chips || '<span class="hint">Click a row, a country or a heat-map cell to filter every panel; ⊘ excludes a value; ≡ shows its raw lines.</span>';
  $('filters').querySelectorAll('.chip button').forEach((b) => b.addEventListener('click', () =>
    setState(withoutFilter(state, Number(b.parentElement.dataset.index)))));
}

function showLiveState({ paused, missed, connected }) {
  $('live').classList.toggle('paused', paused);
  $('live').classList.toggle('down', !connected && !paused);
  $('live-text').textContent = paused ? (missed ? `Paused · ${missed} update${missed > 1 ? 's' : ''}` : 'Paused')
    : connected ? 'Live' : 'Reconnecting…';
}

function banner(html, error = false) {
  const el = $('banner');
  el.classList.toggle('hidden', !html);
  el.classList.toggle('error', error);
  el.innerHTML = html || '';
}

function narrowed(result, value) {
  let next = withFilter(state, result.field, value);
  if (result.panel === 'not_found') next = withFilter(next, 'status', '404');
  return next;
}

const actions = {
  filter: (result, value, exclude) => setState(exclude ? withFilter(state, result.field, value, true) : narrowed(result, value)),
  lines: (result, value, label) => {
    $('drawer-title').textContent = `${result.title}: ${label}`;
    $('drawer').classList.remove('hidden');
    showLines($('drawer-lines'), queryOf(narrowed(result, value))).catch((e) => banner(escapeHtml(e.message), true));
  },
  toggle: (key) => { if (!expanded.delete(key)) expanded.add(key); refresh(false); },
};

function emptyHint(overview) {
  if (overview.current.requests > 0 || overview.rows === 0 || state.range === 'all') return null;
  return `No requests in this range. The newest row is from ${utc(overview.newest)} UTC.`
    + '<button id="show-all">Show all</button><button id="show-newest">Show the day up to it</button>';
}

async function drawOverview(params) {
  const [overview, rejected, status] = await Promise.all([getJson('/api/view/overview', params),
    getJson('/api/view/rejected', params).catch(() => null), getJson('/api/status')]);
  renderOverview($('overview'), overview, rejected, (cls) => setState(withFilter(state, 'class', cls)));
  if (!status.database.up) {
    banner(`Database unreachable since ${utc(Math.floor(status.database.since / 1000))} UTC: ${escapeHtml(status.database.problem)}. `
      + 'Showing the data as of then; it catches up by itself.', true);
  } else {
    banner(emptyHint(overview));
    if ($('show-all')) $('show-all').onclick = () => setState({ ...state, range: 'all', from: '', to: '' });
    if ($('show-newest')) {
      $('show-newest').onclick = () => setState({ ...state, range: 'custom', from: isoInput(overview.newest - 86399), to: isoInput(overview.newest + 1) });
    }
  }
}

async function drawPanel(panel, params) {
  const result = await getJson(`/api/view/panels/${panel.key}`, withParams(params, { limit: rowsWanted(expanded, panel.key) }));
  renderPanel($('card-' + panel.key), result, state.compare && !$('compare').disabled, expanded, actions);
  if (panel.key === 'countries') {
    const all = result.groups > result.rows.length
      ? await getJson('/api/view/panels/countries', withParams(params, { limit: 300 })) : result;
    await worldMap($('map'), all.rows, (country) => setState(withFilter(state, 'country', country)));
  }
}

async function draw(full) {
  lastStart = Date.now();
  renderHeader();
  const params = queryOf(state);
  const jobs = [
    drawOverview(params),
    getJson('/api/view/timeline', params).then((t) => {
      $('timeline-note').textContent = `per ${t.bucket}, UTC`;
      timeline($('timeline'), t, (start, step) => setState({ ...state, range: 'custom', from: isoInput(start), to: isoInput(start + step) }));
    }),
    getJson('/api/view/heatmap', params).then((h) => heatMap($('heatmap'), h, (hour, weekday) =>
      setState(withFilter(withFilter(state, 'hour', String(hour)), 'weekday', String(weekday))))),
    ...panels.map((panel) => drawPanel(panel, params)),
  ];
  if (full) jobs.push(showLines($('lines'), params));
  const failures = (await Promise.allSettled(jobs)).filter((r) => r.status === 'rejected');
  if (failures.length) banner(escapeHtml(failures[0].reason.message), true);
}

async function refresh(full) {
  if (refreshing) {
    pending = true;
    return;
  }
  refreshing = true;
  try {
    await draw(full);
  } finally {
    refreshing = false;
    if (pending) {
      pending = false;
      setTimeout(() => refresh(false), Math.max(0, MIN_REFRESH_MS - (Date.now() - lastStart)));
    }
  }
}

async function waitUntilReady() {
  for (;;) {
    const status = await getJson('/api/status').catch(() => null);
    if (status && status.ready) {
      $('loading').classList.add('hidden');
      return;
    }
    $('loading').classList.remove('hidden');
    const text = !status ? 'Cannot reach the dashboard server…'
      : !status.database.up && status.database.problem !== 'connecting' ? status.database.problem
      : status.expected ? `Loading clean-log: ${status.loaded.toLocaleString('en-US')} of ${status.expected.toLocaleString('en-US')} rows`
      : 'Loading clean-log…';
    $('loading-text').textContent = text;
    $('loading-bar').style.width = status && status.expected ? `${(100 * status.loaded / status.expected).toFixed(1)}%` : '0';
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function start() {
  bindHeader();
  renderHeader();
  await waitUntilReady();
  panels = await getJson('/api/panels');
  panels.forEach((panel) => cardFor(panel, $('panels')));
  document.querySelectorAll('a.csv').forEach((a) => a.addEventListener('click', () => {
    location.href = `/api/view/panels/${a.dataset.panel}/csv?${queryOf(state)}`;
  }));
  live = follow(() => refresh(false), showLiveState);
  await refresh(true);
  document.body.dataset.ready = 'true';
}

start();
