'use strict';
// Makes `parent`'s children exactly `items`, in that order, moving only those out of place
// and taking the rest out of the page: a keystroke keeps most of the table's rows and the
// tree's boxes it had, and a row or box left in the page, even hidden, costs the browser
// time on every change beside it.
const roadmapKeep = (parent, items) => {
  const kept = new Set(items);
  for (const child of [...parent.children]) if (!kept.has(child)) child.remove();
  let next = parent.firstElementChild;
  for (const item of items) {
    if (item === next) next = next.nextElementSibling;
    else parent.insertBefore(item, next);
  }
};
