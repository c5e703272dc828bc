
'use strict';
// Following a paper's lineage, one filter for the tree, the table and the cards, a track
// picker, and an address that keeps all three. Without this script the page still shows
// everything, each box linked to its card (and a track's page its steps, in order).
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
  // The papers' own order, oldest first, as the tree lists them (a track's page lists its
  // table and cards in the track's order).
  const order = [...nodes.keys()];
  const engine = roadmapSearch(JSON.parse(document.getElementById('search-data').textContent));
  // The search's papers by id: its results are places in its own list.
  const searched = engine.ids;
  const place = new Map(searched.map((id, index) => [id, index]));
  const titles = new Map(order.map(id => [id, rows.get(id).querySelector('.title')]));
  const titleText = new Map([...titles].map(([id, span]) => [id, span.textContent]));
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

  // The address keeps what the reader chose as #track=ID&q=WORDS&paper=ID: any of the three,
  // in any order, each value encoded as in a URL's query. A track the address leaves out is
  // the page's own (none, or the track of a track's page); `track=` is all papers. Cards are
  // #paper-ID, so the browser never jumps to a card for it; other addresses (#papers, a
  // card) leave the page as it is.
  const FIELDS = ['track', 'q', 'paper'];
  const ownTrack = [...picker.options].find(option => option.defaultSelected)?.value ?? '';
  const fromAddress = () => {
    const hash = location.hash.slice(1);
    if (hash === '') return { track: ownTrack, q: '', paper: null };
    const fields = new URLSearchParams(hash);
    if (![...fields.keys()].some(key => FIELDS.includes(key))) return undefined;
    return { track: fields.get('track') ?? ownTrack, q: fields.get('q') ?? '', paper: fields.get('paper') || null };
  };
  // The address of what the page shows now.
  const address = () => {
    const fields = new URLSearchParams();
    if (picker.value !== ownTrack) fields.set('track', picker.value);
    if (filter.value.trim() !== '') fields.set('q', filter.value);
    if (selected) fields.set('paper', selected);
    const text = fields.toString();
    return text === '' ? location.pathname + location.search : `#${text}`;
  };
  // Keeps what the page shows in the address: a new history entry (`push`), or in place of
  // the current one.
  const record = (push = true) => {
    const next = address();
    if (next === (location.hash || location.pathname + location.search)) return;
    if (push) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
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
    if (remember) record();
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

  // One filter for the tree, the table and the cards: the one search (search.js, a port of
  // src/query/search/), best first. A track shows its papers only, in its order, numbered.
  // The tree shows every paper found; the table and the cards the best LISTED of them, and a
  // button shows the rest (so a keystroke lays out a few hundred rows, not ten thousand).
  const LISTED = 500;
  const more = document.getElementById('more');
  let everything = false;
  let track = null;
  const visible = new Map();
  const listed = new Map();
  // Puts the rows and the cards of `ids` first, in that order, moving only those out of place.
  const arrangeRows = ids => {
    for (const [box, items] of [[tbody, rows], [cardBox, cards]]) {
      let next = box.firstElementChild;
      for (const id of ids) {
        const item = items.get(id);
        if (item === next) next = next.nextElementSibling;
        else box.insertBefore(item, next);
      }
    }
  };
  // Shows where a search found each listed paper: the title's matched letters marked, and
  // the field and a few words around the match when it is not in the title.
  const EXPLAINED = 100;
  const REACH = 24;
  let explained = [];
  const explain = hits => {
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
  const mark = text => {
    const element = document.createElement('mark');
    element.textContent = text;
    return element;
  };
  const toggle = (item, show) => {
    if (item && item.classList.contains('off') === show) item.classList.toggle('off', !show);
  };
  const apply = () => {
    const base = track ? lifted : order;
    const hits = engine.search(filter.value, base.map(id => place.get(id)));
    const shownIds = hits.map(hit => searched[hit.index]);
    const inTable = everything ? shownIds : shownIds.slice(0, LISTED);
    const showing = new Set(shownIds);
    const tabled = new Set(inTable);
    for (const id of order) {
      const show = showing.has(id);
      if (visible.get(id) !== show) {
        visible.set(id, show);
        toggle(nodes.get(id), show);
      }
      const list = tabled.has(id);
      if (listed.get(id) !== list) {
        listed.set(id, list);
        toggle(rows.get(id), list);
        toggle(cards.get(id), list);
      }
    }
    arrangeRows(inTable);
    explain(hits);
    more.hidden = inTable.length === shownIds.length;
    more.textContent = more.dataset.template.replace('{count}', shownIds.length);
    for (const { path, from, to } of edges) toggle(path, visible.get(from) && visible.get(to));
    // A selected paper the filter hides is no longer selected.
    if (selected && !visible.get(selected)) {
      select(null, { remember: false });
      history.replaceState(null, '', location.pathname + location.search);
    }
    const template = order.length === 1 ? shown.dataset.one : shown.dataset.many;
    const read = shownIds.filter(id => rows.get(id).querySelector('td.status.read')).length;
    shown.textContent = template
      .replace('{shown}', shownIds.length)
      .replace('{total}', order.length)
      .replace('{read}', read);
  };
  more.addEventListener('click', () => {
    everything = true;
    apply();
  });
  // A track's steps: its papers first, in its order; each row numbered and its why under the
  // title, both from the paper's card, which holds them for every track it is on.
  let lifted = [];
  const arrange = () => {
    for (const mark of tbody.querySelectorAll('.step, .why')) mark.remove();
    const option = picker.selectedOptions[0];
    const chosen = option ? option.value : '';
    for (const why of document.querySelectorAll('.why[data-track]')) why.hidden = why.dataset.track !== chosen;
    lifted = chosen ? option.dataset.papers.split(' ').filter(id => rows.has(id)) : [];
    for (const id of lifted) {
      const row = rows.get(id);
      const step = cards.get(id).querySelector(`.why[data-track="${CSS.escape(chosen)}"]`);
      if (step) {
        const number = document.createElement('span');
        number.className = 'step';
        number.textContent = `${step.dataset.step}. `;
        row.cells[0].prepend(number);
      }
      const text = step?.querySelector('.why-text');
      if (text) {
        const why = document.createElement('p');
        why.className = 'why';
        why.textContent = text.textContent;
        row.cells[3].append(why);
      }
    }
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
  // Typing changes the address in place; a track, like a paper, is a step back can undo.
  filter.addEventListener('input', () => {
    everything = false;
    apply();
    record(false);
  });
  picker.addEventListener('change', () => {
    const papers = picker.value ? picker.selectedOptions[0].dataset.papers.split(' ') : null;
    if (selected && papers && !papers.includes(selected)) select(null, { remember: false });
    arrange();
    record();
  });

  // Shows what an address says (the track, the filter, then the paper, clearing only what
  // would hide it), and keeps the address of what it could show.
  const follow = () => {
    const wanted = fromAddress();
    if (wanted === undefined) return;
    const known = [...picker.options].some(option => option.value === wanted.track);
    const chosen = known ? wanted.track : ownTrack;
    const id = nodes.has(wanted.paper) ? wanted.paper : null;
    if (picker.value === chosen && filter.value === wanted.q && selected === id) return;
    if (selected) select(null, { remember: false });
    if (picker.value !== chosen) {
      picker.value = chosen;
      arrange();
    }
    if (filter.value !== wanted.q) {
      filter.value = wanted.q;
      apply();
    }
    if (id) {
      reveal(id);
      select(id, { remember: false, scroll: true });
    }
    record(false);
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);

  // A tree wider than the window gets a frame no taller than the window, so its sideways
  // scrollbar is in reach.
  const frame = () => treeBox.classList.toggle('framed', treeBox.scrollWidth > treeBox.clientWidth);
  window.addEventListener('resize', frame);
  frame();

  arrange();
  follow();
})();
