'use strict';
// The page's address keeps what the reader chose as #track=ID&q=WORDS&paper=ID: any of the
// three, in any order, each value encoded as in a URL's query. A track the address leaves
// out is the page's own (`own`: none, or the track of a track's page); `track=` is all
// papers. Cards are #paper-ID, so the browser never jumps to a card for it.
const roadmapAddress = own => {
  const FIELDS = ['track', 'q', 'paper'];
  // What the address asks for; undefined for another address (#papers, a card), which
  // leaves the page as it is.
  const read = () => {
    const hash = location.hash.slice(1);
    if (hash === '') return { track: own, q: '', paper: null };
    const fields = new URLSearchParams(hash);
    if (![...fields.keys()].some(key => FIELDS.includes(key))) return undefined;
    return { track: fields.get('track') ?? own, q: fields.get('q') ?? '', paper: fields.get('paper') || null };
  };
  // The address of a page that shows `track`, the filter `q` and the paper `paper`.
  const write = ({ track, q, paper }) => {
    const fields = new URLSearchParams();
    if (track !== own) fields.set('track', track);
    if (q.trim() !== '') fields.set('q', q);
    if (paper) fields.set('paper', paper);
    const text = fields.toString();
    return text === '' ? location.pathname + location.search : `#${text}`;
  };
  return { read, write };
};
