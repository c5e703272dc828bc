'use strict';
// Where the search found each listed paper, in the table: the title's matched letters
// marked, and the field and a few words around the match when it is not in the title.
// `titleOf(id)` is the title in the paper's row.
const roadmapExplain = (engine, titleOf) => {
  const searched = engine.ids;
  const mark = text => {
    const element = document.createElement('mark');
    element.textContent = text;
    return element;
  };
  const EXPLAINED = 100;
  const REACH = 24;
  let explained = [];
  // Each explained title's own text, to put back.
  const original = new Map();
  return hits => {
    for (const id of explained) {
      titleOf(id).replaceChildren(original.get(id));
    }
    explained = [];
    for (const { index, spots } of hits.slice(0, EXPLAINED)) {
      if (spots.length === 0) continue;
      const id = searched[index];
      const cell = titleOf(id);
      if (!original.has(id)) original.set(id, cell.textContent);
      const reasons = spots.map(spot => engine.why(index, spot));
      // Every word's letters in the title marked, in order; letters two words share, once.
      const title = original.get(id);
      const inTitle = reasons
        .filter(reason => reason.field === 'title')
        .map(reason => [reason.before.length, reason.before.length + reason.matched.length])
        .sort((a, b) => a[0] - b[0]);
      const parts = [];
      let at = 0;
      for (const [start, end] of inTitle) {
        const from = Math.max(start, at);
        if (from >= end) continue;
        if (from > at) parts.push(title.slice(at, from));
        parts.push(mark(title.slice(from, end)));
        at = end;
      }
      if (at < title.length) parts.push(title.slice(at));
      const elsewhere = reasons.find(reason => reason.field !== 'title');
      if (elsewhere) {
        const small = document.createElement('small');
        small.className = 'found';
        const before = Array.from(elsewhere.before);
        const after = Array.from(elsewhere.after);
        small.append(
          `${elsewhere.field}: ${before.length > REACH ? '…' : ''}${before.slice(-REACH).join('')}`,
          mark(elsewhere.matched),
          `${after.slice(0, REACH).join('')}${after.length > REACH ? '…' : ''}`,
        );
        parts.push(small);
      }
      cell.replaceChildren(...parts);
      explained.push(id);
    }
  };
};
