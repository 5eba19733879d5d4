// Time series, heat map and world map, all drawn by ECharts.
import { bytes, count } from './format.js';
import { WEEKDAYS } from './state.js';

const CLASS_COLORS = { '1xx': '#8b949e', '2xx': '#3fb950', '3xx': '#58a6ff', '4xx': '#d29922', '5xx': '#f85149', other: '#6e7681' };
const AXIS = { axisLine: { lineStyle: { color: '#30363d' } }, axisLabel: { color: '#8b949e' }, splitLine: { lineStyle: { color: '#21262d' } } };
const TOOLTIP = { backgroundColor: '#1c222c', borderColor: '#30363d', textStyle: { color: '#d7dde6' } };

/** GeoIP's English country names where Natural Earth's short names differ. */
const MAP_NAMES = {
  'United States of America': 'United States', 'Dem. Rep. Congo': 'DR Congo', Congo: 'Congo Republic',
  'Central African Rep.': 'Central African Republic', "Côte d'Ivoire": 'Ivory Coast', 'Bosnia and Herz.': 'Bosnia and Herzegovina',
  Macedonia: 'North Macedonia', eSwatini: 'Eswatini', 'Dominican Rep.': 'Dominican Republic', 'Eq. Guinea': 'Equatorial Guinea',
  'S. Sudan': 'South Sudan', 'Solomon Is.': 'Solomon Islands', 'Falkland Is.': 'Falkland Islands', 'W. Sahara': 'Western Sahara',
  'Fr. S. Antarctic Lands': 'French Southern Territories', 'Antigua and Barb.': 'Antigua and Barbuda', 'St. Kitts and Nevis': 'St Kitts and Nevis',
  'St. Vin. and Gren.': 'St Vincent and Grenadines', 'Cayman Is.': 'Cayman Islands', 'British Virgin Is.': 'British Virgin Islands',
  'U.S. Virgin Is.': 'U.S. Virgin Islands', 'Turks and Caicos Is.': 'Turks and Caicos Islands', 'N. Mariana Is.': 'Northern Mariana Islands',
  'Faeroe Is.': 'Faroe Islands', 'Cook Is.': 'Cook Islands', 'Marshall Is.': 'Marshall Islands', 'Pitcairn Is.': 'Pitcairn Islands',
  'Fr. Polynesia': 'French Polynesia', 'Wallis and Futuna Is.': 'Wallis and Futuna', 'Heard I. and McDonald Is.': 'Heard Island and McDonald Islands',
  'S. Geo. and the Is.': 'South Georgia and the South Sandwich Islands', 'Br. Indian Ocean Ter.': 'British Indian Ocean Territory',
  'St-Barthélemy': 'Saint Barthélemy', 'St-Martin': 'Saint Martin', 'St. Pierre and Miquelon': 'Saint Pierre and Miquelon',
  'São Tomé and Principe': 'São Tomé and Príncipe', Vatican: 'Vatican City', Åland: 'Åland',
};

export function timeline(element, data, onBucket) {
  const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'canvas' });
  const at = (i) => (data.start + i * data.step) * 1000;
  const series = data.classes.map((name, c) => ({
    name, type: 'bar', stack: 'requests', barMaxWidth: 28, itemStyle: { color: CLASS_COLORS[name] },
    data: data.requests[c].map((v, i) => [at(i), v]), emphasis: { focus: 'series' },
  })).filter((s) => s.data.some((p) => p[1] > 0));
  series.push({ name: 'bandwidth', type: 'line', yAxisIndex: 1, showSymbol: false, smooth: true,
    lineStyle: { width: 1.5, color: '#a371f7' }, itemStyle: { color: '#a371f7' }, data: data.bytes.map((v, i) => [at(i), v]) });
  if (data.previous) {
    series.push({ name: 'previous period', type: 'line', showSymbol: false, lineStyle: { type: 'dashed', width: 1.5, color: '#c9d1d9' },
      itemStyle: { color: '#c9d1d9' }, data: data.previous.map((v, i) => [at(i), v]) });
  }
  chart.setOption({
    animation: false, grid: { left: 56, right: 64, top: 30, bottom: 28 },
    legend: { top: 0, right: 10, textStyle: { color: '#8b949e' }, itemWidth: 12, itemHeight: 8 },
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: undefined, formatter: (items) => tooltipOf(items, data.bucket) },
    xAxis: { type: 'time', ...AXIS, splitLine: { show: false } },
    yAxis: [{ type: 'value', ...AXIS, axisLabel: { color: '#8b949e', formatter: (v) => count(v) } },
      { type: 'value', ...AXIS, splitLine: { show: false }, axisLabel: { color: '#8b949e', formatter: (v) => bytes(v) } }],
    series,
  }, { notMerge: true });
  chart.off('click');
  chart.on('click', (params) => onBucket(Math.round(params.value[0] / 1000), data.step));
  return chart;
}

function tooltipOf(items, bucket) {
  const when = new Date(items[0].value[0]).toISOString().replace('T', ' ').slice(0, bucket === 'minute' ? 16 : bucket === 'hour' ? 16 : 10);
  return `<b>${when} UTC</b><br>` + items.map((i) => `${i.marker} ${i.seriesName}: `
    + (i.seriesName === 'bandwidth' ? bytes(i.value[1]) : count(i.value[1]))).join('<br>')
    + '<br><span style="color:#8b949e">click to zoom into this ' + bucket + '</span>';
}

export function heatMap(element, data, onCell) {
  const chart = echarts.getInstanceByDom(element) || echarts.init(element);
  const cells = [];
  let max = 0;
  let min = Infinity;
  data.requests.forEach((hours, day) => hours.forEach((v, hour) => {
    cells.push([hour, day, v]);
    max = Math.max(max, v);
    min = Math.min(min, v);
  }));
  chart.setOption({
    animation: false, grid: { left: 44, right: 12, top: 8, bottom: 58 },
    tooltip: { ...TOOLTIP, formatter: (p) => `${WEEKDAYS[p.value[1]]} ${String(p.value[0]).padStart(2, '0')}:00 UTC<br>${count(p.value[2])} requests` },
    xAxis: { type: 'category', data: [...Array(24).keys()].map((h) => String(h).padStart(2, '0')), ...AXIS, splitArea: { show: false } },
    yAxis: { type: 'category', data: WEEKDAYS, inverse: true, ...AXIS },
    // From the quietest cell, not from 0: evenly spread traffic still shows its daily rhythm.
    visualMap: { min: Math.min(min, max - 1), max: Math.max(1, max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      textStyle: { color: '#8b949e' }, inRange: { color: ['#161b22', '#1f3b63', '#2f6fc0', '#5b9cf8', '#b6d4ff'] } },
    series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#0d1117', borderWidth: 1 } }],
  }, { notMerge: true });
  chart.off('click');
  chart.on('click', (p) => onCell(p.value[0], p.value[1] + 1));
  return chart;
}

let mapReady = null;

/**
 * ECharts draws a ring that crosses the antimeridian (Russia's Chukotka, Fiji) as a band across the whole map:
 * such a ring is moved east of 180° instead. Antarctica sends no traffic and only takes room.
 */
function drawable(geojson) {
  const unwrap = (ring) => {
    const lons = ring.map((p) => p[0]);
    return Math.max(...lons) - Math.min(...lons) > 180 ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
  };
  geojson.features = geojson.features.filter((f) => f.properties.name !== 'Antarctica');
  for (const feature of geojson.features) {
    const g = feature.geometry;
    if (g && g.type === 'Polygon') g.coordinates = g.coordinates.map(unwrap);
    if (g && g.type === 'MultiPolygon') g.coordinates = g.coordinates.map((polygon) => polygon.map(unwrap));
  }
  return geojson;
}

function registerWorld() {
  mapReady = mapReady || fetch('/vendor/world-atlas/countries-50m.json').then((r) => r.json()).then((world) => {
    echarts.registerMap('world', drawable(topojson.feature(world, world.objects.countries)));
  });
  return mapReady;
}

export async function worldMap(element, rows, onCountry) {
  await registerWorld();
  const chart = echarts.getInstanceByDom(element) || echarts.init(element);
  const data = rows.filter((r) => r.value !== null).map((r) => ({ name: r.value, value: r.hits }));
  const max = data.reduce((m, d) => Math.max(m, d.value), 0);
  chart.setOption({
    animation: false,
    tooltip: { ...TOOLTIP, trigger: 'item', formatter: (p) => `${p.name}<br>${Number.isFinite(p.value) ? count(p.value) + ' requests' : 'no requests'}` },
    // From 1: a country without requests is out of range and keeps the land colour.
    visualMap: { min: 1, max: Math.max(2, max), left: 8, bottom: 8, itemHeight: 90, calculable: false, textStyle: { color: '#8b949e' },
      inRange: { color: ['#1f3b63', '#2f6fc0', '#5b9cf8', '#b6d4ff'] }, outOfRange: { color: '#262d38' } },
    series: [{ type: 'map', map: 'world', nameMap: MAP_NAMES, roam: true, zoom: 1.1, data,
      itemStyle: { areaColor: '#212834', borderColor: '#0d1117', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#d29922' } }, select: { disabled: true } }],
  }, { notMerge: false });
  chart.off('click');
  chart.on('click', (p) => onCountry(p.name));
  return chart;
}

export function resizeAll() {
  document.querySelectorAll('.chart').forEach((el) => { const c = echarts.getInstanceByDom(el); if (c) c.resize(); });
}
