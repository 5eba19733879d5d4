// Drill-down: the raw-log lines behind the view or one of its rows, newest first, a page at a time.
import { getJson, withParams } from './api.js';
import { count, escapeHtml, utc } from './format.js';

function lineHtml(line) {
  const row = line.row;
  const status = escapeHtml(row.status ?? '');
  const raw = line.raw
    ? `<div class="raw">${escapeHtml(line.raw.log)}</div>`
    : '<div class="raw missing">raw line not in raw-log (yet): the lake may be behind</div>';
  return `<div class="line" data-id="${row.id}"><div class="meta">${utc(row.time)}<br>`
    + `<span class="badge s${status.charAt(0)}">${status}</span><span class="badge">${escapeHtml(row.method ?? '')}</span>`
    + (row.occurrences > 1 ? `<span class="badge" title="the server wrote this line ${row.occurrences} times">×${count(row.occurrences)}</span>` : '')
    + `<br>${escapeHtml(row.ip ?? '')}</div>${raw}</div>`;
}

/** Shows the first page of lines for {@code params} in {@code container}, with a button for older ones. */
export async function showLines(container, params) {
  container.innerHTML = '<div class="lines"></div><div class="more"><span class="muted"></span><a class="older hidden">Older lines</a></div>';
  const list = container.querySelector('.lines');
  const older = container.querySelector('.older');
  const note = container.querySelector('.more .muted');
  let shown = 0;
  const load = async (before) => {
    const page = await getJson('/api/view/lines', withParams(params, { before }));
    list.insertAdjacentHTML('beforeend', page.lines.map(lineHtml).join(''));
    shown += page.lines.length;
    note.textContent = shown === 0 ? 'No lines' : `${count(shown)} lines shown`;
    older.classList.toggle('hidden', !page.next);
    older.onclick = () => load(page.next);
  };
  await load(null);
}
