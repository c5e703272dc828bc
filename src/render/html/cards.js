'use strict';
// The papers' cards, each made when it is asked for. The exporter writes them all inside a
// <noscript>, which a browser running this script keeps as text: a page of 10k papers then
// builds no card until a reader opens one, and every change to the page stays cheap (hidden
// cards in the document slow each one down). Without the script they are the page's cards.
const roadmapCards = source => {
  const text = source?.textContent ?? '';
  const OPEN = /<article class="card" id="[^"]*" data-paper="([^"]*)"/g;
  const CLOSE = '</article>';
  // Where each card's text is, by id (its attribute decoded as the browser would).
  const spans = new Map();
  const decoder = document.createElement('textarea');
  for (const found of text.matchAll(OPEN)) {
    const end = text.indexOf(CLOSE, found.index);
    if (end < 0) break;
    let id = found[1];
    if (id.includes('&')) {
      decoder.innerHTML = id;
      id = decoder.value;
    }
    spans.set(id, [found.index, end + CLOSE.length]);
  }
  const template = document.createElement('template');
  // A new card for `id` (undefined for a paper the page has no card for).
  const make = id => {
    const span = spans.get(id);
    if (!span) return undefined;
    template.innerHTML = text.slice(...span);
    return document.importNode(template.content.firstElementChild, true);
  };
  return { has: id => spans.has(id), ids: () => spans.keys(), make };
};
