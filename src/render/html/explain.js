'use strict';
// Where the search found each listed paper, in the table: the title's matched letters
// marked, and the field and a few words around the match when it is not in the title.
const roadmapExplain = (engine, titles, titleText) => {
  const searched = engine.ids;
  const mark = text => {
    const element = document.createElement('mark');
    element.textContent = text;
    return element;
  };
  const EXPLAINED = 100;
  const REACH = 24;
  let explained = [];
  return hits => {
    for (const id of explained) {
      titles.get(id).replaceChildren(titleText.get(id));
    }
    explained = [];
    for (const { index, spots } of hits.slice(0, EXPLAINED)) {
      if (spots.length === 0) continue;
      const id = searched[index];
      const cell = titles.get(id);
      const reasons = spots.map(spot => engine.why(index, spot));
      const inTitle = reasons.find(reason => reason.field === 'title');
      const parts = inTitle
        ? [inTitle.before, mark(inTitle.matched), inTitle.after]
        : [titleText.get(id)];
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
