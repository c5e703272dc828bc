'use strict';
// The tree of the papers shown, laid out again so it closes up around them: a port of
// layout.rs (`arrange`, `share_columns`), route.rs (`route`, `rounded`) and of the links
// `lineage::nearest_kept` finds through papers left out, held to them by tests/page/layout.rs
// (the full tree and every track's page, box by box and line by line).
const roadmapLayout = data => {
  const [W, H, SLOT_GAP, ROW_GAP, YEAR_GAP, BRANCH_GAP, AXIS, HEADER, MAX_WIDTH, LANES, LANE_STEP, RADIUS] = data.sizes;
  const papers = data.papers;
  const half = value => Math.floor(value / 2);

  // The links among `shown` (indices in the page's order, ascending): each child's nearest
  // shown ancestors, ordered by their place in the catalog, direct before indirect.
  const linksOf = (shown, isShown) => {
    const memo = new Map();
    const behind = start => {
      const stack = [start];
      while (stack.length > 0) {
        const at = stack[stack.length - 1];
        if (memo.has(at)) {
          stack.pop();
          continue;
        }
        const pending = data.links[at].map(link => link[0]).filter(up => !isShown[up] && !memo.has(up));
        if (pending.length > 0) {
          stack.push(...pending);
          continue;
        }
        const found = new Set();
        for (const [up] of data.links[at]) {
          if (isShown[up]) found.add(up);
          else for (const further of memo.get(up)) found.add(further);
        }
        memo.set(at, [...found]);
        stack.pop();
      }
      return memo.get(start);
    };
    const links = [];
    for (const child of shown) {
      const found = new Map();
      for (const [up, direct, main] of data.links[child]) {
        if (isShown[up]) {
          const had = found.get(up);
          found.set(up, { direct: direct || (had?.direct ?? false), main: main || (had?.main ?? false) });
        } else {
          for (const further of behind(up)) if (!found.has(further)) found.set(further, { direct: false, main: false });
        }
      }
      const ups = [...found.keys()].sort((a, b) => papers[a][3] - papers[b][3]);
      for (const up of ups) links.push({ parent: up, child, ...found.get(up) });
    }
    return links;
  };

  const rowsFor = (counts, columns, year) =>
    counts.reduce((most, perYear, branch) => Math.max(most, Math.ceil(perYear[year] / columns[branch])), 0);
  const totalRows = (counts, columns) => {
    let total = 0;
    for (let year = 0; year < (counts[0]?.length ?? 0); year++) total += rowsFor(counts, columns, year);
    return total;
  };
  const shareColumns = (counts, budget) => {
    const most = counts.map(perYear => Math.max(1, ...perYear));
    const columns = counts.map(() => 1);
    let best = [totalRows(counts, columns), counts.length, [...columns]];
    const room = Math.max(budget, counts.length);
    const tryShares = branch => {
      if (branch === counts.length) {
        const rows = totalRows(counts, columns);
        const sum = columns.reduce((a, b) => a + b, 0);
        if (rows < best[0] || (rows === best[0] && sum < best[1])) best = [rows, sum, [...columns]];
        return;
      }
      const later = counts.length - branch - 1;
      const spent = columns.slice(0, branch).reduce((a, b) => a + b, 0);
      const free = Math.max(1, room - spent - later);
      for (let count = 1; count <= Math.min(free, most[branch]); count++) {
        columns[branch] = count;
        tryShares(branch + 1);
      }
      columns[branch] = 1;
    };
    tryShares(0);
    return best[2];
  };

  // Where each of `shown` sits, as layout.rs's `arrange` places them.
  const arrange = shown => {
    const years = [...new Set(shown.map(at => papers[at][2]))].sort((a, b) => a - b);
    const branches = [0, 1, 2, 3, 4].filter(branch => shown.some(at => papers[at][1] === branch));
    const yearOf = new Map(years.map((year, index) => [year, index]));
    const branchOf = new Map(branches.map((branch, index) => [branch, index]));
    const counts = branches.map(() => years.map(() => 0));
    for (const at of shown) counts[branchOf.get(papers[at][1])][yearOf.get(papers[at][2])]++;
    const gaps = Math.max(0, branches.length - 1) * BRANCH_GAP;
    const budget = Math.floor((Math.max(0, MAX_WIDTH - (AXIS + gaps)) + SLOT_GAP) / (W + SLOT_GAP));
    const columns = shareColumns(counts, budget);
    const slots = [];
    const firstSlot = [];
    const bands = [];
    let x = AXIS;
    branches.forEach((branch, index) => {
      firstSlot.push(slots.length);
      const left = x;
      for (let count = 0; count < columns[index]; count++) {
        slots.push(x);
        x += W + SLOT_GAP;
      }
      bands.push({ branch, left, right: x - SLOT_GAP });
      x += BRANCH_GAP - SLOT_GAP;
    });
    const width = x - BRANCH_GAP + 2 * SLOT_GAP;
    const rows = [];
    const firstRow = [];
    const yearBands = [];
    let y = HEADER;
    years.forEach((year, index) => {
      firstRow.push(rows.length);
      const top = y;
      for (let count = rowsFor(counts, columns, index); count > 0; count--) {
        rows.push(y);
        y += H + ROW_GAP;
      }
      yearBands.push({ year, top, bottom: y - ROW_GAP });
      y += YEAR_GAP - ROW_GAP;
    });
    const height = y - (YEAR_GAP - ROW_GAP) + ROW_GAP;
    const filled = branches.map(() => years.map(() => 0));
    const places = new Map();
    for (const at of shown) {
      const branch = branchOf.get(papers[at][1]);
      const year = yearOf.get(papers[at][2]);
      const index = filled[branch][year]++;
      places.set(at, {
        row: firstRow[year] + Math.floor(index / columns[branch]),
        slot: firstSlot[branch] + (index % columns[branch]),
      });
    }
    return { bands, years: yearBands, slots, rows, places, width, height };
  };

  const corridorLeftOf = (layout, slot) => {
    const { slots } = layout;
    if (slot === 0) return slots[0] - half(SLOT_GAP);
    if (slot === slots.length) return slots[slot - 1] + W + half(SLOT_GAP);
    return half(slots[slot - 1] + W + slots[slot]);
  };
  const corridorAbove = (layout, row) => {
    const { rows } = layout;
    if (row === 0) return rows[0] - half(ROW_GAP);
    if (row === rows.length) return rows[row - 1] + H + half(ROW_GAP);
    return half(rows[row - 1] + H + rows[row]);
  };
  const distance = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
  const toward = (from, to, length) => [
    from[0] + Math.sign(to[0] - from[0]) * length,
    from[1] + Math.sign(to[1] - from[1]) * length,
  ];
  const rounded = points => {
    const corners = [];
    for (const point of points) {
      const last = corners[corners.length - 1];
      if (last && last[0] === point[0] && last[1] === point[1]) continue;
      if (corners.length >= 2) {
        const before = corners[corners.length - 2];
        if ((before[0] === last[0] && last[0] === point[0]) || (before[1] === last[1] && last[1] === point[1])) corners.pop();
      }
      corners.push(point);
    }
    if (corners.length === 0) return '';
    let path = `M${corners[0][0]},${corners[0][1]}`;
    for (let at = 1; at + 1 < corners.length; at++) {
      const [before, corner, after] = [corners[at - 1], corners[at], corners[at + 1]];
      const radius = Math.min(RADIUS, Math.trunc(distance(before, corner) / 2), Math.trunc(distance(corner, after) / 2));
      const into = toward(corner, before, radius);
      const out = toward(corner, after, radius);
      path += ` L${into[0]},${into[1]} Q${corner[0]},${corner[1]} ${out[0]},${out[1]}`;
    }
    if (corners.length >= 2) path += ` L${corners[corners.length - 1][0]},${corners[corners.length - 1][1]}`;
    return path;
  };
  const route = (layout, parent, child, lane) => {
    const offset = (lane % LANES) * LANE_STEP - LANE_STEP * 2;
    const start = [layout.slots[parent.slot] + half(W), layout.rows[parent.row] + H];
    const end = [layout.slots[child.slot] + half(W), layout.rows[child.row]];
    const below = corridorAbove(layout, parent.row + 1) + offset;
    if (child.row === parent.row + 1) return rounded([start, [start[0], below], [end[0], below], end]);
    const beside = parent.slot > child.slot ? child.slot + 1 : child.slot;
    const across = corridorLeftOf(layout, beside) + offset;
    const above = corridorAbove(layout, child.row) + offset;
    return rounded([start, [start[0], below], [across, below], [across, above], [end[0], above], end]);
  };

  const escape = text =>
    String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const edgeClass = link => (!link.direct ? 'edge indirect' : link.main ? 'edge main' : 'edge other');

  // Each paper's box in the drawn tree, made once (by `make`) and kept, so a keystroke moves
  // the boxes it keeps rather than making them again.
  const copies = new Map();
  const copyOf = (id, make) => {
    let copy = copies.get(id);
    if (!copy) {
      copy = make(id);
      copy.rect = copy.querySelector('rect');
      copy.label = copy.querySelector('text');
      copies.set(id, copy);
    }
    return copy;
  };
  const move = (copy, x, y) => {
    if (copy.at === `${x},${y}`) return;
    copy.at = `${x},${y}`;
    copy.rect.setAttribute('x', x);
    copy.rect.setAttribute('y', y);
    copy.label.setAttribute('x', x + 5);
    copy.label.setAttribute('y', y + 14);
  };

  // Draws the tree of `shown` into `svg`: its bands, its lines, and each paper's box (made
  // by `make(id)` the first time) at its place, in the page's order. Returns the boxes by id.
  const draw = (svg, shown, make) => {
    const isShown = new Uint8Array(papers.length);
    for (const at of shown) isShown[at] = 1;
    const layout = arrange(shown);
    const links = linksOf(shown, isShown);
    let bands = '';
    layout.years.forEach((year, index) => {
      const top = Math.max(0, year.top - half(YEAR_GAP));
      if (index % 2 === 1) {
        bands += `<rect class="year-band" x="0" y="${top}" width="${layout.width}" height="${year.bottom + half(YEAR_GAP) - top}"/>`;
      }
      bands += `<text class="year" x="4" y="${year.top + 14}">${year.year}</text>`;
    });
    for (const band of layout.bands) {
      const [name, label] = data.branches[band.branch];
      bands += `<text class="branch b-${name}" x="${half(band.left + band.right)}" y="${HEADER - 12}" text-anchor="middle">${escape(label)}</text>`;
    }
    let edges = '';
    links.forEach((link, lane) => {
      const d = route(layout, layout.places.get(link.parent), layout.places.get(link.child), lane);
      edges += `<path class="${edgeClass(link)}" data-from="${escape(papers[link.parent][0])}" data-to="${escape(papers[link.child][0])}" d="${d}"/>`;
    });
    svg.setAttribute('width', layout.width);
    svg.setAttribute('height', layout.height);
    svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    if (svg.childElementCount !== 3) {
      svg.innerHTML = '<g class="bands" aria-hidden="true"></g><g class="edges"></g><g class="nodes"></g>';
    }
    const [bandGroup, edgeGroup, group] = svg.children;
    bandGroup.innerHTML = bands;
    edgeGroup.innerHTML = edges;
    const placed = new Map();
    for (const at of shown) {
      const id = papers[at][0];
      const copy = copyOf(id, make);
      const place = layout.places.get(at);
      move(copy, layout.slots[place.slot], layout.rows[place.row]);
      placed.set(id, copy);
    }
    roadmapKeep(group, [...placed.values()]);
    return placed;
  };
  // Forgets a paper's copy (its status changed while it was not drawn).
  const forget = id => {
    if (!copies.get(id)?.isConnected) copies.delete(id);
  };

  return { draw, forget, index: new Map(papers.map((paper, at) => [paper[0], at])) };
};
