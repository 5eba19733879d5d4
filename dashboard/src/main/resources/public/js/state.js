// The view lives in the URL, so a view can be shared and reloaded:
// ?range=24h&country=Colombia&-status=404&compare=1 (a field repeated ORs, "-field" excludes).
const NOT_FILTERS = new Set(['range', 'from', 'to', 'compare']);

export const FIELD_NAMES = {
  path: 'URL', host: 'Host', status: 'Status', country: 'Country', city: 'City', ip: 'IP', user: 'User',
  email_domain: 'Email domain', method: 'Method', version: 'HTTP version', referrer: 'Referrer',
  browser: 'Browser', os: 'OS', class: 'Status class', hour: 'Hour (UTC)', weekday: 'Weekday',
};

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function readState() {
  const params = new URLSearchParams(location.search);
  const filters = [];
  for (const [key, value] of params) {
    if (!NOT_FILTERS.has(key)) {
      filters.push({ field: key.replace(/^-/, ''), value, exclude: key.startsWith('-') });
    }
  }
  const custom = params.has('from') || params.has('to');
  return {
    range: custom ? 'custom' : (params.get('range') || 'all'),
    from: params.get('from') || '',
    to: params.get('to') || '',
    compare: params.get('compare') === '1',
    filters,
  };
}

/** The query string of a state: the page's URL and every API call use the same. */
export function queryOf(state) {
  const params = new URLSearchParams();
  if (state.range === 'custom') {
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
  } else {
    params.set('range', state.range);
  }
  if (state.compare) params.set('compare', '1');
  for (const filter of state.filters) {
    params.append((filter.exclude ? '-' : '') + filter.field, filter.value);
  }
  return params;
}

export function writeState(state) {
  history.pushState(null, '', '?' + queryOf(state).toString());
}

export function withFilter(state, field, value, exclude = false) {
  const same = (f) => f.field === field && f.value === value;
  const filters = state.filters.filter((f) => !same(f));
  filters.push({ field, value, exclude });
  return { ...state, filters };
}

export function withoutFilter(state, index) {
  return { ...state, filters: state.filters.filter((_, i) => i !== index) };
}

/** How a filter value reads on a chip. */
export function describeValue(field, value) {
  if (value === '') return '(none)';
  if (field === 'weekday') return WEEKDAYS[Number(value) - 1] || value;
  if (field === 'hour') return value.padStart(2, '0') + ':00';
  return value;
}
