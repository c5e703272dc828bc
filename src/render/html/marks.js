'use strict';
// The reader's own marks: each card's status control, kept in this browser's localStorage
// per page (the exporter's marks are where they start), shown at once on the table, the tree,
// the cards and every count, and downloaded as a progress file for `roadmap import`, whose
// merge (src/progress/merge.rs) never lets an undated mark replace one the learner has.
// `row(id)` is the paper's table row, which the page keeps out of the document while the
// table does not list it; `control` is a card's status control, for the statuses' words.
const roadmapMarks = ({ ids, initial, row, control, onChange }) => {
  const key = `roadmap-marks:${location.pathname}`;
  const STATUSES = ['unread', 'reading', 'read', 'skipped'];
  let stored = {};
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed;
  } catch {
    stored = {};
  }
  const status = new Map(initial);
  // Note: what another script or an older page left under the key is dropped, and a mark
  // whose date is not a date keeps no date (so it never goes into the file as one).
  const isDate = value => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  for (const [id, mark] of Object.entries(stored)) {
    if (status.has(id) && Array.isArray(mark) && STATUSES.includes(mark[0])) {
      status.set(id, mark[0]);
      if (!isDate(mark[1])) stored[id] = [mark[0], null];
    } else delete stored[id];
  }
  const today = () => {
    const now = new Date();
    const two = value => String(value).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  };

  // The words and marks of each status, from a card's status control `control` (in the
  // page's language).
  const words = new Map([...(control?.options ?? [])].map(option => [option.value, [option.dataset.mark, option.textContent]]));

  // Shows `id`'s status in `holder`: a table row, a card, or a tree's box.
  const paint = (holder, id) => {
    const value = status.get(id);
    const [mark, word] = words.get(value) ?? ['', value];
    for (const cell of holder.querySelectorAll('.status')) {
      cell.className = `status ${value}`;
      cell.textContent = `${mark}${word}`;
    }
    for (const select of holder.querySelectorAll('select[data-status-for]')) select.value = value;
    if (!holder.matches('#tree .node')) return;
    for (const other of STATUSES) holder.classList.remove(other);
    holder.classList.add(value);
    const text = holder.querySelector('text');
    holder.querySelector('.mark').textContent = mark;
    const label = `${holder.getAttribute('aria-label').replace(/\([^()]*\)$/, '')}`;
    const year = /\((\d+), [^()]*\)$/.exec(holder.getAttribute('aria-label'))?.[1];
    if (year) {
      holder.setAttribute('aria-label', `${label}(${year}, ${word})`);
      holder.querySelector('title').textContent = `${label}(${year}, ${word})`;
    }
    // A label that no longer fits its box is squeezed into it, and one that fits is not.
    text.removeAttribute('textLength');
    text.removeAttribute('lengthAdjust');
    const room = Number(holder.querySelector('rect').getAttribute('width')) - 10;
    if (text.getComputedTextLength() > room) {
      text.setAttribute('textLength', room);
      text.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    }
  };
  // Shows `id`'s status wherever the page shows it.
  const show = id => {
    for (const holder of document.querySelectorAll(`[data-paper="${CSS.escape(id)}"]`)) paint(holder, id);
    const waiting = row(id);
    if (waiting && !waiting.isConnected) paint(waiting, id);
  };
  // Shows the reader's mark on a row, box or card just made as the exporter wrote it.
  const exported = new Map(initial);
  const fresh = (holder, id) => {
    if (status.get(id) !== exported.get(id)) paint(holder, id);
  };

  // The marks as a progress file: every paper not unread; a mark the reader made here is
  // dated, the exporter's are not (so they never replace a mark the learner made since).
  const file = () => {
    const lines = ['# Marks made on the roadmap page. Keep them with: roadmap import roadmap-progress.yaml', 'version: 1', 'papers:'];
    for (const id of ids) {
      const value = status.get(id);
      if (value === 'unread') continue;
      lines.push(`  ${JSON.stringify(id)}:`, `    status: ${value}`);
      if (isDate(stored[id]?.[1])) lines.push(`    updated: ${JSON.stringify(stored[id][1])}`);
    }
    if (lines.length === 3) lines[2] = 'papers: {}';
    return `${lines.join('\n')}\n`;
  };
  const link = document.getElementById('download-progress');
  const refresh = () => {
    link.href = `data:application/x-yaml;charset=utf-8,${encodeURIComponent(file())}`;
  };
  link.parentElement.hidden = false;

  // Every bar (all papers, each track, each family) and the summary line count the marks.
  const barRows = [...document.querySelectorAll('#progress .bar-row[data-papers]')].map(row => ({ row, ids: null }));
  const bars = () => {
    for (const bar of barRows) {
      bar.ids ??= bar.row.dataset.papers.split(' ').filter(Boolean);
      const read = bar.ids.filter(id => status.get(id) === 'read').length;
      bar.row.querySelector('.bar > span').style.width = `${bar.ids.length ? (read * 100) / bar.ids.length : 0}%`;
      bar.row.querySelector('.bar').setAttribute('aria-label', `${read}/${bar.ids.length}`);
      bar.row.querySelector('.count').textContent = `${read}/${bar.ids.length}`;
    }
    const line = document.getElementById('summary');
    const tally = { read: 0, reading: 0, skipped: 0 };
    for (const value of status.values()) if (value in tally) tally[value]++;
    line.textContent = (tally.skipped > 0 ? line.dataset.skipped : line.dataset.plain)
      .replace('1000001', tally.read)
      .replace('1000002', tally.reading)
      .replace('1000003', tally.skipped);
  };

  const set = (id, value) => {
    if (!status.has(id) || !STATUSES.includes(value) || status.get(id) === value) return;
    status.set(id, value);
    stored[id] = [value, today()];
    try {
      localStorage.setItem(key, JSON.stringify(stored));
    } catch {
      // A browser that keeps nothing (private mode, storage full) still shows the mark.
    }
    show(id);
    refresh();
    bars();
    onChange(id);
  };
  document.addEventListener('change', event => {
    const select = event.target.closest?.('select[data-status-for]');
    if (select) set(select.dataset.statusFor, select.value);
  });
  for (const id of Object.keys(stored)) show(id);
  refresh();
  if (Object.keys(stored).length > 0) bars();
  return { status, show, fresh };
};
