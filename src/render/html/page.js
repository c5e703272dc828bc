
'use strict';
// Following a paper's lineage, one filter for the tree and the table, a track picker, the
// reader's marks (marks.js), and an address that keeps track, filter and paper. A track or a
// filter draws the tree again for what it shows (layout.js), so it closes up around it. A
// paper's card opens beside the tree and the table. Without this script the page still shows
// everything, each box linked to its card (and a track's page its steps, in order).
(() => {
  document.documentElement.classList.add('js');
  const tree = document.getElementById('tree');
  const treeBox = tree.querySelector('.tree-box');
  const partTree = treeBox.querySelector('svg.part');
  const cut = document.getElementById('tree-cut');
  const detail = document.getElementById('detail');
  const filter = document.getElementById('filter');
  const picker = document.getElementById('track');
  const shown = document.getElementById('shown');
  const summary = document.getElementById('track-summary');
  document.getElementById('toolbar').hidden = false;

  // The exporter's table, tree and cards, for a reader without the script, are text here
  // (source.js): the table is made with no rows, and each row, box and card when it shows.
  const tableSource = roadmapSource(document.getElementById('table-source'), 'tr');
  const boxSource = roadmapSource(document.getElementById('tree-source'), 'a', 'svg');
  const cards = roadmapSource(document.getElementById('card-source'), 'article');
  const table = tableSource.shell();
  document.getElementById('table-source').before(table);
  const tbody = table.tBodies[0];
  const [firstCard] = cards.ids();
  const engine = roadmapSearch(JSON.parse(document.getElementById('search-data').textContent));
  const treeData = JSON.parse(document.getElementById('tree-data').textContent);
  const layout = roadmapLayout(treeData);
  // The papers' own order, oldest first, as the tree lists them (a track's page lists its
  // table in the track's order).
  const order = treeData.papers.map(paper => paper[0]);
  // Each paper's row, made when the table first lists it, without the exporter's step number
  // and why (the script numbers the steps of the track picked).
  const rows = new Map();
  const rowOf = id => {
    let row = rows.get(id);
    if (row === undefined && tableSource.has(id)) {
      row = tableSource.make(id);
      for (const mark of row.querySelectorAll('.step, .why')) mark.remove();
      marks.fresh(row, id);
      rows.set(id, row);
    }
    return row;
  };
  // A box for the tree, as the exporter drew it; the reader's mark goes on once it is drawn
  // (a label is fitted to its box as the page measures it).
  let madeBoxes = [];
  const newBox = id => {
    const box = boxSource.make(id);
    madeBoxes.push([box, id]);
    return box;
  };
  // The reader's marks: on a change, the tree's copy of the box is made again and the shown
  // line recounted (marks.js recounts the bars and the summary).
  const marks = roadmapMarks({
    ids: order,
    initial: treeData.papers.map(paper => [paper[0], paper[4]]),
    row: id => rows.get(id),
    control: firstCard === undefined ? null : cards.make(firstCard).querySelector('select[data-status-for]'),
    onChange: id => {
      layout.forget(id);
      count();
    },
  });
  // The search's papers by id: its results are places in its own list.
  const searched = engine.ids;
  const place = new Map(searched.map((id, index) => [id, index]));
  // The tree on show: its boxes and lines.
  let nodes = new Map();
  let edgeGroup = null;
  const edgesOf = group => [...group.querySelectorAll('.edge')].map(path => ({ path, from: path.dataset.from, to: path.dataset.to }));
  let edges = [];

  const lineage = roadmapLineage(order, treeData.links);

  const ownTrack = [...picker.options].find(option => option.defaultSelected)?.value ?? '';
  const addresses = roadmapAddress(ownTrack);
  // Keeps what the page shows in the address: a new history entry (`push`), or in place of
  // the current one. Typing keeps it once the reader pauses (`soon`): on a big page, each
  // change of address costs the browser as much as the keystroke itself.
  let pending = 0;
  const record = (push = true) => {
    clearTimeout(pending);
    pending = 0;
    const next = addresses.write({ track: picker.value, q: filter.value, paper: selected });
    if (next === (location.hash || location.pathname + location.search)) return;
    if (push) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
  };

  let selected = null;
  // The paper's box in the tree, else its row in the table, when the page shows either.
  const onPage = id => [nodes.get(id), rows.get(id)].find(item => item?.isConnected) ?? null;
  // A card says why its paper is on the picked track, and on no other.
  const showWhys = root => {
    for (const why of root.querySelectorAll('.why[data-track]')) why.hidden = why.dataset.track !== picker.value;
  };
  // Moves the card out of the way: to the left when the paper is on the right of a wide
  // screen; on a phone, where the card is a sheet along the bottom, the paper scrolls up.
  const placeDetail = node => {
    const box = node.getBoundingClientRect();
    const wide = window.innerWidth > 700;
    detail.classList.toggle('left', wide && box.left + box.width / 2 > window.innerWidth / 2);
    if (!wide && box.bottom > detail.getBoundingClientRect().top - 8) node.scrollIntoView({ block: 'start' });
  };
  // Marks the selected paper's lineage on the tree on show and draws its lines strong,
  // unmarking only what was marked before.
  let lit = [];
  const highlight = () => {
    for (const item of lit) {
      if (item.dataset.lineage) delete item.dataset.lineage;
      else item.classList.remove('strong', 'down');
    }
    lit = [];
    tree.classList.toggle('selecting', selected !== null);
    if (!selected) return;
    const up = lineage.ancestors(selected);
    const down = lineage.descendants(selected);
    const mark = (ids, lineage) => {
      for (const id of ids) {
        const node = nodes.get(id);
        if (!node) continue;
        node.dataset.lineage = lineage;
        lit.push(node);
      }
    };
    mark(down, 'descendant');
    mark(up, 'ancestor');
    mark([selected], 'self');
    for (const { path, from, to } of edges) {
      const upward = (to === selected || up.has(to)) && up.has(from);
      const downward = (from === selected || down.has(from)) && down.has(to);
      if (!upward && !downward) continue;
      path.classList.add('strong');
      if (downward) path.classList.add('down');
      edgeGroup.append(path);
      lit.push(path);
    }
  };
  // Selects the paper `id` (null clears): marks its lineage, shows its card in #detail, keeps
  // it in the address and, when asked, scrolls to its box.
  const select = (id, { remember = true, scroll = false } = {}) => {
    const was = selected;
    selected = cards.has(id) ? id : null;
    if (was !== null || selected !== null) highlight();
    if (selected) {
      const card = cards.make(selected);
      card.removeAttribute('id');
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'close';
      close.textContent = '×';
      close.setAttribute('aria-label', detail.dataset.close);
      close.addEventListener('click', () => {
        const node = onPage(selected);
        select(null);
        (node?.matches('tr') ? node.querySelector('a') : node)?.focus();
      });
      detail.replaceChildren(close, card);
      showWhys(card);
      marks.show(selected);
      detail.hidden = false;
      detail.scrollTop = 0;
    } else {
      detail.replaceChildren();
      detail.hidden = true;
    }
    if (remember) record();
    const node = selected && onPage(selected);
    if (node) {
      if (scroll) node.scrollIntoView({ block: 'center', inline: 'center' });
      placeDetail(node);
    }
  };

  tree.addEventListener('click', event => {
    if (!event.target.closest('.node') && event.target.closest('svg')) select(null);
  });
  // A paper's box, its row, or a link to its card opens the card beside them.
  document.addEventListener('click', event => {
    if (event.target.closest('select, button, a:not([href^="#paper-"])')) return;
    const link = event.target.closest('a[href^="#paper-"]');
    const row = event.target.closest('#papers-table tr[data-paper]');
    const id = link ? decodeURIComponent(link.getAttribute('href').slice('#paper-'.length)) : row?.dataset.paper;
    if (!cards.has(id)) return;
    event.preventDefault();
    const fromDetail = link?.closest('#detail');
    if (fromDetail) reveal(id);
    select(id, { scroll: Boolean(fromDetail) });
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && selected && event.target !== filter) select(null);
  });

  // One filter for the tree and the table: the one search (search.js, a port of
  // src/query/search/), best first. A track shows its papers only, in its order, numbered.
  // The table shows the best LISTED of the papers found, and a button the rest; the tree the
  // best TREE_MOST (so a keystroke lays out a few hundred rows and boxes, not ten thousand).
  const LISTED = 500;
  const more = document.getElementById('more');
  let everything = false;
  let track = null;
  // A listed row's step number, and its why under the title, for the track picked: both
  // from the paper's card, which holds them for every track it is on.
  const numberRow = (row, id) => {
    const chosen = picker.value;
    if (row.numberedFor === chosen) return;
    row.numberedFor = chosen;
    for (const mark of row.querySelectorAll('.step, .why')) mark.remove();
    if (!track?.has(id)) return;
    const step = cards.make(id)?.querySelector(`.why[data-track="${CSS.escape(chosen)}"]`);
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
  };
  // The table holds only the rows it lists, in order, each numbered for the track picked.
  const arrangeRows = ids =>
    roadmapKeep(
      tbody,
      ids.map(id => {
        const row = rowOf(id);
        numberRow(row, id);
        return row;
      }),
    );
  const explain = roadmapExplain(engine, id => rowOf(id).querySelector('.title'));
  // The tree on show: the best TREE_MOST of the papers shown (all of them, on a page of no
  // more), laid out again so the tree closes up around them; a keystroke moves the boxes it
  // keeps. (The exporter's whole tree, for a reader without the script, is the same layout
  // of every paper, box by box.)
  const TREE_MOST = treeData.most;
  let drawn = '';
  const drawTree = shownIds => {
    const part = shownIds.slice(0, TREE_MOST).map(id => layout.index.get(id)).sort((a, b) => a - b);
    cut.hidden = shownIds.length <= TREE_MOST;
    cut.textContent = cut.hidden ? '' : cut.dataset.template.replace('{shown}', TREE_MOST).replace('{count}', shownIds.length);
    const key = part.join(' ');
    if (key === drawn) return;
    drawn = key;
    const was = selected;
    selected = null;
    highlight();
    selected = was;
    partTree.classList.toggle('off', part.length === 0);
    nodes = layout.draw(partTree, part, newBox);
    for (const [box, id] of madeBoxes) marks.fresh(box, id);
    madeBoxes = [];
    edgeGroup = partTree.querySelector('.edges');
    edges = edgesOf(edgeGroup);
    if (selected) highlight();
  };
  let showing = new Set(order);
  const apply = () => {
    const base = track ? lifted : order;
    const hits = engine.search(filter.value, base.map(id => place.get(id)));
    const shownIds = hits.map(hit => searched[hit.index]);
    const inTable = everything ? shownIds : shownIds.slice(0, LISTED);
    showing = new Set(shownIds);
    arrangeRows(inTable);
    explain(hits);
    more.hidden = inTable.length === shownIds.length;
    more.textContent = more.dataset.template.replace('{count}', shownIds.length);
    drawTree(shownIds);
    // A selected paper the filter hides is no longer selected.
    if (selected && !showing.has(selected)) {
      select(null, { remember: false });
      history.replaceState(null, '', location.pathname + location.search);
    }
    count(shownIds);
  };
  // How many of the papers shown are read, and every bar.
  let lastShown = order;
  const count = (shownIds = lastShown) => {
    lastShown = shownIds;
    const template = order.length === 1 ? shown.dataset.one : shown.dataset.many;
    const read = shownIds.filter(id => marks.status.get(id) === 'read').length;
    shown.textContent = template
      .replace('{shown}', shownIds.length)
      .replace('{total}', order.length)
      .replace('{read}', read);
  };
  more.addEventListener('click', () => {
    everything = true;
    apply();
  });
  // A track's steps: its papers first, in its order (each row numbered as the table lists it).
  let lifted = [];
  const arrange = () => {
    const option = picker.selectedOptions[0];
    const chosen = option ? option.value : '';
    showWhys(detail);
    lifted = chosen ? option.dataset.papers.split(' ').filter(tableSource.has) : [];
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
    if (!showing.has(id)) {
      filter.value = '';
      apply();
    }
  };
  // Typing changes the address in place; a track, like a paper, is a step back can undo.
  filter.addEventListener('input', () => {
    everything = false;
    apply();
    clearTimeout(pending);
    pending = setTimeout(() => record(false), 250);
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
    clearTimeout(pending);
    if (location.hash.startsWith('#paper-')) {
      const id = decodeURIComponent(location.hash.slice('#paper-'.length));
      if (cards.has(id) && selected !== id) {
        reveal(id);
        select(id, { remember: false, scroll: true });
      }
      return;
    }
    const wanted = addresses.read();
    if (wanted === undefined) return;
    const known = [...picker.options].some(option => option.value === wanted.track);
    const chosen = known ? wanted.track : ownTrack;
    const id = cards.has(wanted.paper) ? wanted.paper : null;
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

  // Printing lists every card (the print style shows the section): made for the print, in
  // one go, with the reader's marks, and taken away after it.
  let printed = null;
  window.addEventListener('beforeprint', () => {
    printed = cards.all();
    for (const card of printed.querySelectorAll('.card[data-paper]')) marks.fresh(card, card.dataset.paper);
    showWhys(printed);
    document.getElementById('cards').append(printed);
  });
  window.addEventListener('afterprint', () => printed?.remove());

  arrange();
  follow();
  // The search's index, made once the page is idle rather than before it is ready.
  (window.requestIdleCallback ?? setTimeout)(() => engine.prepare());
})();
