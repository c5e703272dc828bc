
'use strict';
// Following a paper's lineage, one filter for the tree, the table and the cards, and a track
// picker. Without this script the page still shows everything, each box linked to its card.
(() => {
  const tree = document.getElementById('tree');
  const detail = document.getElementById('detail');
  const filter = document.getElementById('filter');
  const picker = document.getElementById('track');
  const shown = document.getElementById('shown');
  const summary = document.getElementById('track-summary');
  const tbody = document.querySelector('#paper-table tbody');
  const cardBox = document.querySelector('#cards .cards');
  const edgeGroup = tree.querySelector('.edges');
  document.getElementById('toolbar').hidden = false;

  const byPaper = selector => new Map([...document.querySelectorAll(selector)].map(item => [item.dataset.paper, item]));
  const nodes = byPaper('#tree .node[data-paper]');
  const rows = byPaper('#paper-table tbody tr[data-paper]');
  const cards = byPaper('#cards .card[data-paper]');
  const edges = [...edgeGroup.querySelectorAll('.edge')];
  const order = [...rows.keys()];

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

  let selected = null;
  // Selects the paper `id` (null clears): marks its lineage, draws its edges strong, shows
  // its card in #detail and, when asked, keeps it in the URL and scrolls to it.
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
    for (const edge of edges) {
      const { from, to } = edge.dataset;
      const upward = (to === selected || up.has(to)) && up.has(from);
      const downward = (from === selected || down.has(from)) && down.has(to);
      edge.classList.toggle('strong', upward || downward);
      edge.classList.toggle('down', downward);
      if (upward || downward) edgeGroup.append(edge);
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
      close.addEventListener('click', () => select(null));
      detail.replaceChildren(close, card);
      detail.hidden = false;
    } else {
      detail.replaceChildren();
      detail.hidden = true;
    }
    if (remember) history.replaceState(null, '', selected ? `#paper-${selected}` : location.pathname + location.search);
    if (scroll && selected) nodes.get(selected).scrollIntoView({ block: 'center', inline: 'center' });
  };
  const fromHash = () => {
    const hash = decodeURIComponent(location.hash);
    return hash.startsWith('#paper-') ? hash.slice('#paper-'.length) : null;
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
    if (!link) return;
    event.preventDefault();
    select(decodeURIComponent(link.getAttribute('href')).slice('#paper-'.length), { scroll: true });
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && selected && event.target !== filter) select(null);
  });
  window.addEventListener('hashchange', () => select(fromHash(), { remember: false }));

  // One filter for the tree, the table and the cards; a track shows its papers in its order.
  const apply = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const option = picker.selectedOptions[0];
    const track = option && option.value ? option.dataset.papers.split(' ') : null;
    const inTrack = track ? new Set(track) : null;
    const visible = new Set();
    for (const id of order) {
      const show = (!inTrack || inTrack.has(id)) && words.every(word => rows.get(id).dataset.text.includes(word));
      if (show) visible.add(id);
      for (const item of [rows.get(id), cards.get(id), nodes.get(id)]) item?.classList.toggle('off', !show);
    }
    for (const edge of edges) edge.classList.toggle('off', !(visible.has(edge.dataset.from) && visible.has(edge.dataset.to)));
    shown.textContent = shown.dataset.template.replace('{shown}', visible.size).replace('{total}', order.length);
  };
  const arrange = () => {
    const option = picker.selectedOptions[0];
    const track = option && option.value ? option.dataset.papers.split(' ') : [];
    const inTrack = new Set(track);
    for (const id of [...track, ...order.filter(id => !inTrack.has(id))]) {
      const row = rows.get(id);
      if (inTrack.has(id)) row.dataset.step = track.indexOf(id) + 1;
      else delete row.dataset.step;
      tbody.append(row);
      cardBox.append(cards.get(id));
    }
    summary.hidden = track.length === 0;
    summary.textContent = track.length > 0 ? option.dataset.summary : '';
    apply();
  };
  filter.addEventListener('input', apply);
  picker.addEventListener('change', arrange);

  apply();
  if (fromHash()) select(fromHash(), { remember: false, scroll: true });
})();
