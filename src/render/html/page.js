
'use strict';
// Following a paper's lineage, one filter for the tree, the table and the cards, and a track
// picker. Without this script the page still shows everything, each box linked to its card.
(() => {
  const tree = document.getElementById('tree');
  const treeBox = tree.querySelector('.tree-box');
  const detail = document.getElementById('detail');
  const filter = document.getElementById('filter');
  const picker = document.getElementById('track');
  const shown = document.getElementById('shown');
  const summary = document.getElementById('track-summary');
  const tbody = document.querySelector('#papers-table tbody');
  const cardBox = document.querySelector('#cards .cards');
  const edgeGroup = tree.querySelector('.edges');
  document.getElementById('toolbar').hidden = false;

  const byPaper = selector => new Map([...document.querySelectorAll(selector)].map(item => [item.dataset.paper, item]));
  const nodes = byPaper('#tree .node[data-paper]');
  const rows = byPaper('#papers-table tbody tr[data-paper]');
  const cards = byPaper('#cards .card[data-paper]');
  const order = [...rows.keys()];
  const position = new Map(order.map((id, index) => [id, index]));
  const engine = roadmapSearch(JSON.parse(document.getElementById('search-data').textContent));
  const titles = new Map(order.map(id => [id, rows.get(id).querySelector('td:nth-child(4)')]));
  const titleText = new Map([...titles].map(([id, cell]) => [id, cell.textContent]));
  const edges = [...edgeGroup.querySelectorAll('.edge')].map(path => ({ path, from: path.dataset.from, to: path.dataset.to }));

  // The lineage, from each box's data-builds-on (links through papers off the page included).
  const parents = new Map();
  const children = new Map();
  for (const [id, node] of nodes) {
    const ups = (node.dataset.buildsOn || '').split(' ').filter(Boolean);
    parents.set(id, ups);
    for (const up of ups) {
      if (!children.has(up)) children.set(up, []);
      children.get(up).push(id);
    }
  }
  const reach = (start, links) => {
    const seen = new Set();
    const stack = [...(links.get(start) || [])];
    while (stack.length > 0) {
      const id = stack.pop();
      if (seen.has(id)) continue;
      seen.add(id);
      for (const next of links.get(id) || []) stack.push(next);
    }
    return seen;
  };

  // The address keeps the selection as #paper=ID (cards are #paper-ID, so the browser never
  // jumps to a card for it). Other addresses (#papers, a card) leave the selection alone.
  const SELECTED = '#paper=';
  const fromAddress = () => {
    if (location.hash === '') return null;
    let hash;
    try {
      hash = decodeURIComponent(location.hash);
    } catch {
      return undefined;
    }
    return hash.startsWith(SELECTED) ? hash.slice(SELECTED.length) : undefined;
  };

  let selected = null;
  // Moves the card out of the way: to the left when the paper is on the right of a wide
  // screen; on a phone, where the card is a sheet along the bottom, the paper scrolls up.
  const placeDetail = node => {
    const box = node.getBoundingClientRect();
    const wide = window.innerWidth > 700;
    detail.classList.toggle('left', wide && box.left + box.width / 2 > window.innerWidth / 2);
    if (!wide && box.bottom > detail.getBoundingClientRect().top - 8) node.scrollIntoView({ block: 'start' });
  };
  // Selects the paper `id` (null clears): marks its lineage, draws its edges strong, shows
  // its card in #detail, keeps it in the address and, when asked, scrolls to it.
  const select = (id, { remember = true, scroll = false } = {}) => {
    selected = nodes.has(id) ? id : null;
    const up = selected ? reach(selected, parents) : new Set();
    const down = selected ? reach(selected, children) : new Set();
    tree.classList.toggle('selecting', selected !== null);
    for (const [other, node] of nodes) {
      const lineage = other === selected ? 'self' : up.has(other) ? 'ancestor' : down.has(other) ? 'descendant' : null;
      if (lineage) node.dataset.lineage = lineage;
      else delete node.dataset.lineage;
    }
    for (const { path, from, to } of edges) {
      const upward = (to === selected || up.has(to)) && up.has(from);
      const downward = (from === selected || down.has(from)) && down.has(to);
      path.classList.toggle('strong', upward || downward);
      path.classList.toggle('down', downward);
      if (upward || downward) edgeGroup.append(path);
    }
    if (selected) {
      const card = cards.get(selected).cloneNode(true);
      card.removeAttribute('id');
      card.classList.remove('off');
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'close';
      close.textContent = '×';
      close.setAttribute('aria-label', detail.dataset.close);
      close.addEventListener('click', () => {
        const node = nodes.get(selected);
        select(null);
        node?.focus();
      });
      detail.replaceChildren(close, card);
      detail.hidden = false;
      detail.scrollTop = 0;
    } else {
      detail.replaceChildren();
      detail.hidden = true;
    }
    const address = selected ? SELECTED + selected : '';
    if (remember && fromAddress() !== selected) {
      history.pushState(null, '', address || location.pathname + location.search);
    }
    if (selected) {
      if (scroll) nodes.get(selected).scrollIntoView({ block: 'center', inline: 'center' });
      placeDetail(nodes.get(selected));
    }
  };

  tree.addEventListener('click', event => {
    const node = event.target.closest('.node');
    if (node) {
      event.preventDefault();
      select(node.dataset.paper);
    } else if (event.target.closest('svg')) {
      select(null);
    }
  });
  detail.addEventListener('click', event => {
    const link = event.target.closest('a[href^="#paper-"]');
    const id = link?.getAttribute('href').slice('#paper-'.length);
    if (!nodes.has(id)) return;
    event.preventDefault();
    reveal(id);
    select(id, { scroll: true });
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && selected && event.target !== filter) select(null);
  });
  const follow = () => {
    const id = fromAddress();
    if (id === undefined || id === selected) return;
    if (id) reveal(id);
    select(id, { remember: false, scroll: true });
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);

  // One filter for the tree, the table and the cards: the one search (search.js, a port of
  // src/query/search/), best first. A track shows its papers only, in its order, numbered.
  let track = null;
  const visible = new Map();
  let placed = order;
  // Puts the rows and the cards in `ids`' order, the others after them (hidden).
  const place = ids => {
    if (ids.length === placed.length && ids.every((id, index) => placed[index] === id)) return;
    const rowsInOrder = document.createDocumentFragment();
    const cardsInOrder = document.createDocumentFragment();
    for (const id of ids) {
      rowsInOrder.append(rows.get(id));
      cardsInOrder.append(cards.get(id));
    }
    tbody.prepend(rowsInOrder);
    cardBox.prepend(cardsInOrder);
    placed = ids;
  };
  // Shows where a search found each shown paper: the title's matched letters marked, and
  // the field and a few words around the match when it is not in the title.
  const SHOWN_WHY = 200;
  const REACH = 24;
  let explained = [];
  const explain = hits => {
    for (const id of explained) {
      titles.get(id).replaceChildren(titleText.get(id));
    }
    explained = [];
    for (const { index, spots } of hits.slice(0, SHOWN_WHY)) {
      if (spots.length === 0) continue;
      const id = order[index];
      const cell = titles.get(id);
      const reasons = spots.map(spot => engine.why(index, spot));
      const inTitle = reasons.find(reason => reason.field === 'title');
      const parts = inTitle
        ? [inTitle.before, mark(inTitle.matched), inTitle.after]
        : [titleText.get(id)];
      const elsewhere = reasons.find(reason => reason.field !== 'title');
      if (elsewhere) {
        const small = document.createElement('small');
        small.className = 'why';
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
  const mark = text => {
    const element = document.createElement('mark');
    element.textContent = text;
    return element;
  };
  const apply = () => {
    const base = track ? lifted : order;
    const hits = engine.search(filter.value, base.map(id => position.get(id)));
    const shownIds = hits.map(hit => order[hit.index]);
    const showing = new Set(shownIds);
    for (const id of order) {
      const show = showing.has(id);
      if (visible.get(id) === show) continue;
      visible.set(id, show);
      for (const item of [rows.get(id), cards.get(id), nodes.get(id)]) item?.classList.toggle('off', !show);
    }
    place(shownIds);
    explain(hits);
    for (const { path, from, to } of edges) {
      const show = visible.get(from) && visible.get(to);
      if (path.classList.contains('off') === show) path.classList.toggle('off', !show);
    }
    // A selected paper the filter hides is no longer selected.
    if (selected && !visible.get(selected)) {
      select(null, { remember: false });
      history.replaceState(null, '', location.pathname + location.search);
    }
    const template = order.length === 1 ? shown.dataset.one : shown.dataset.many;
    shown.textContent = template.replace('{shown}', shownIds.length).replace('{total}', order.length);
  };
  let lifted = [];
  const arrange = () => {
    for (const id of lifted) delete rows.get(id).dataset.step;
    const option = picker.selectedOptions[0];
    lifted = option && option.value ? option.dataset.papers.split(' ').filter(id => rows.has(id)) : [];
    lifted.forEach((id, index) => {
      rows.get(id).dataset.step = index + 1;
    });
    track = lifted.length > 0 ? new Set(lifted) : null;
    summary.hidden = track === null;
    summary.textContent = track ? option.dataset.summary : '';
    apply();
  };
  // Shows a paper the track or the filter hides, clearing only what hides it, before a link
  // selects it.
  const reveal = id => {
    if (track && !track.has(id)) {
      picker.value = '';
      arrange();
    }
    if (!visible.get(id)) {
      filter.value = '';
      apply();
    }
  };
  filter.addEventListener('input', apply);
  picker.addEventListener('change', arrange);

  // A tree wider than the window gets a frame no taller than the window, so its sideways
  // scrollbar is in reach.
  const frame = () => treeBox.classList.toggle('framed', treeBox.scrollWidth > treeBox.clientWidth);
  window.addEventListener('resize', frame);
  frame();

  apply();
  const start = fromAddress();
  if (start) select(start, { remember: false, scroll: true });
})();
