'use strict';
// What the exporter wrote for a reader without the script, made into elements only when the
// page shows them. The exporter writes the cards, the table and the full tree inside
// <noscript> elements, which a browser running this script keeps as text: a page of 10k
// papers is then read in a fraction of the time, builds only the rows, boxes and cards it
// shows, and every change stays cheap (hidden elements in the document slow each one down).
//
// `element` is the <noscript>; `tag` opens each paper's piece and carries its data-paper;
// `wrap` is the element a piece is parsed inside ('svg' for a tree's box).
const roadmapSource = (element, tag, wrap = '') => {
  const text = element?.textContent ?? '';
  const open = new RegExp(`<${tag}\\s[^>]*?data-paper="([^"]*)"`, 'g');
  const close = `</${tag}>`;
  // Where each piece is, by id (its attribute decoded as the browser would).
  const spans = new Map();
  const decoder = document.createElement('textarea');
  for (const found of text.matchAll(open)) {
    const end = text.indexOf(close, found.index);
    if (end < 0) break;
    let id = found[1];
    if (id.includes('&')) {
      decoder.innerHTML = id;
      id = decoder.value;
    }
    spans.set(id, [found.index, end + close.length]);
  }
  const template = document.createElement('template');
  const parse = html => {
    template.innerHTML = wrap ? `<${wrap}>${html}</${wrap}>` : html;
    const root = template.content.firstElementChild;
    return document.importNode(wrap ? root.firstElementChild : root, true);
  };
  // A new element of `id`'s piece (undefined for a paper the source has none for).
  const make = id => {
    const span = spans.get(id);
    return span && parse(text.slice(...span));
  };
  // The source without its pieces (a table and its header, with an empty body).
  const shell = () => {
    const spansInOrder = [...spans.values()];
    if (spansInOrder.length === 0) return parse(text);
    return parse(text.slice(0, spansInOrder[0][0]) + text.slice(spansInOrder[spansInOrder.length - 1][1]));
  };
  // The whole source at once, every piece in it (one parse, for a printed page).
  const all = () => parse(text);
  return { has: id => spans.has(id), ids: () => spans.keys(), make, shell, all };
};
