'use strict';
// A paper's lineage on the page, from the tree's links: what it builds on and what builds on
// it, all the way, through papers off the page too. `order` is the papers' ids in the page's
// order and `links[at]` the links of its paper `at` as drawn (its parent's place first).
const roadmapLineage = (order, links) => {
  const parents = new Map();
  const children = new Map();
  for (const [at, ups] of links.entries()) {
    const id = order[at];
    parents.set(id, ups.map(([up]) => order[up]));
    for (const [up] of ups) {
      if (!children.has(order[up])) children.set(order[up], []);
      children.get(order[up]).push(id);
    }
  }
  const reach = (start, next) => {
    const seen = new Set();
    const stack = [...(next.get(start) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop();
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(next.get(id) ?? []));
    }
    return seen;
  };
  return { ancestors: id => reach(id, parents), descendants: id => reach(id, children) };
};
