'use strict';
// The page's copy of the one search (src/query/search/), rule for rule: the same query
// language, the same tiers, the same ranking. The fields, the glossary's bridges and the
// letter rules come from the program as JSON; the parity test runs hundreds of queries
// through this and the command line and fails on any difference.
const roadmapSearch = data => {
  const SEPARATOR = '\n';
  const LOOSE = 5;
  const NAMED = 0;
  const tierOf = new Map(data.tiers);
  const isCjk = cp => data.cjk.some(([first, last]) => cp >= first && cp <= last);
  const WORD = /[\p{Alphabetic}\p{N}]/u;
  const isWordChar = ch => WORD.test(ch);
  // A character in lowercase: its first lowercase character (letters.rs fold_char).
  const foldChar = ch => String.fromCodePoint(ch.toLowerCase().codePointAt(0));
  const fold = text => {
    const lower = text.toLowerCase();
    // Note: whole-text lowercasing differs from the character rule only where it changes a
    // length (İ) or writes a final sigma; those texts take the slow way.
    if (lower.length === text.length && !lower.includes('ς')) return lower;
    return Array.from(text, foldChar).join('');
  };
  const squash = text => Array.from(text, foldChar).filter(isWordChar).join('');
  const isCjkWord = word => Array.from(word).some(ch => isCjk(ch.codePointAt(0)));
  const charBefore = (text, at) => {
    if (at === 0) return null;
    const low = text.charCodeAt(at - 1);
    if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) {
      const high = text.charCodeAt(at - 2);
      if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
    }
    return text[at - 1];
  };
  const charAt = (text, at) => (at >= text.length ? null : String.fromCodePoint(text.codePointAt(at)));
  const wordStart = (text, at) => { const ch = charBefore(text, at); return ch === null || !isWordChar(ch); };
  const wordEnd = (text, at) => { const ch = charAt(text, at); return ch === null || !isWordChar(ch); };
  const fieldStart = (text, at) => { const ch = charBefore(text, at); return ch === null || ch === SEPARATOR; };
  const fieldEnd = (text, at) => { const ch = charAt(text, at); return ch === null || ch === SEPARATOR; };

  // pattern.rs: words ANDed, `|` ORs, fzf's marks.
  // Note: JavaScript's \s lacks U+0085, which Rust's white space has.
  const isSpace = ch => /[\s\u0085]/u.test(ch);
  const parseTerm = token => {
    let negated = false;
    let rest = token;
    if (rest.startsWith('!')) { negated = true; rest = rest.slice(1); }
    let kind;
    let text;
    if (rest.startsWith("'")) {
      const inner = rest.slice(1);
      if (inner.endsWith("'")) { kind = 'whole'; text = inner.slice(0, -1); } else { kind = 'exact'; text = inner; }
    } else {
      let start = false;
      let end = false;
      if (rest.startsWith('^')) { start = true; rest = rest.slice(1); }
      if (rest.endsWith('$') && (rest.length > 1 || start)) { end = true; rest = rest.slice(0, -1); }
      kind = start && end ? 'equal' : start ? 'prefix' : end ? 'suffix' : negated ? 'exact' : 'plain';
      text = rest;
    }
    if (text === '') return null;
    const folded = fold(text);
    return { kind, negated, text: folded, squashed: squash(folded), cjk: isCjkWord(folded) };
  };
  const parse = text => {
    const groups = [];
    let join = false;
    let token = '';
    const tokens = [];
    for (const ch of text) {
      if (isSpace(ch)) { if (token) tokens.push(token); token = ''; } else token += ch;
    }
    if (token) tokens.push(token);
    for (const raw of tokens) {
      if (raw === '|') { join = groups.length > 0; continue; }
      const term = parseTerm(raw);
      if (!term) continue;
      if (join && groups.length > 0) groups[groups.length - 1].push(term);
      else groups.push([term]);
      join = false;
    }
    const plain = groups.every(group => group.length === 1 && group[0].kind === 'plain');
    const named = plain ? squash(groups.map(group => group[0].text).join('')) : '';
    return { groups, named };
  };

  // index.rs: each paper's fields lowercased and joined tier by tier, made for the first
  // search (a page is ready sooner; it calls `prepare` once it is idle).
  let docs = null;
  const prepare = () => (docs ??= data.papers.map(fields => {
    const tiers = ['', '', '', ''];
    const starts = [[], [], [], []];
    const named = [];
    fields.forEach(([field, text], number) => {
      if (field === 'id' || field === 'alias') named.push(squash(text));
      const tier = tierOf.get(field);
      if (starts[tier].length > 0) tiers[tier] += SEPARATOR;
      starts[tier].push([tiers[tier].length, number]);
      tiers[tier] += fold(text).split(SEPARATOR).join(' ');
    });
    return { fields, tiers, starts, named };
  }));
  const fieldRanges = text => {
    const ranges = [];
    let at = 0;
    for (const field of text.split(SEPARATOR)) {
      ranges.push([at, at + field.length]);
      at += field.length + 1;
    }
    return ranges;
  };
  const bridges = data.bridges.map(([forms, english]) => ({ forms, english: parse(english).groups.flat() }));

  // matcher.rs: one word against one paper.
  const found = (tier, quality, at, start, end) => ({ tier, quality, spot: { tier: at, start, end } });
  // Every place `word` starts in `text`, overlapping ones included: the next after `at`.
  const stepOf = word => String.fromCodePoint(word.codePointAt(0)).length;
  const edged = (doc, word, edge) => {
    const step = stepOf(word);
    for (let tier = 0; tier < doc.tiers.length; tier++) {
      const text = doc.tiers[tier];
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + step)) {
        if (edge(text, at, at + word.length)) return found(tier + 1, 1, tier, at, at + word.length);
      }
    }
    return null;
  };
  const anywhere = (doc, piece) => {
    for (let tier = 0; tier < doc.tiers.length; tier++) {
      const at = doc.tiers[tier].indexOf(piece);
      if (at >= 0) return { tier, start: at, end: at + piece.length };
    }
    return null;
  };
  const segment = (word, bridgeList) => {
    const pieces = [];
    let at = 0;
    let textFrom = 0;
    while (at < word.length) {
      let longest = 0;
      for (const bridge of bridgeList) {
        for (const form of bridge.forms) {
          if (word.startsWith(form, at) && form.length > longest) longest = form.length;
        }
      }
      if (longest > 0) {
        if (textFrom < at) pieces.push({ text: word.slice(textFrom, at) });
        const form = word.slice(at, at + longest);
        pieces.push({ form, meanings: bridgeList.filter(bridge => bridge.forms.includes(form)) });
        at += longest;
        textFrom = at;
      } else {
        at += String.fromCodePoint(word.codePointAt(at)).length;
      }
    }
    if (textFrom < word.length) pieces.push({ text: word.slice(textFrom) });
    return pieces;
  };
  const english = (doc, bridge) => {
    let worst = null;
    for (const term of bridge.english) {
      const hit = find(doc, term, []);
      if (!hit) return null;
      if (worst === null) worst = hit;
      else worst = { ...worst, tier: Math.max(worst.tier, hit.tier), quality: Math.min(worst.quality, hit.quality) };
    }
    return worst;
  };
  const pieced = (doc, word, bridgeList) => {
    const pieces = segment(word, bridgeList);
    if (pieces.every(piece => piece.text !== undefined)) return null;
    const worst = { tier: 4, quality: 0, spot: null };
    for (const piece of pieces) {
      let hit;
      if (piece.text !== undefined) {
        const spot = anywhere(doc, piece.text);
        hit = spot && { tier: 4, quality: 0, spot };
      } else {
        let spot = anywhere(doc, piece.form);
        for (const form of piece.meanings.flatMap(bridge => bridge.forms)) {
          if (spot) break;
          spot = anywhere(doc, form);
        }
        hit = spot ? { tier: 4, quality: 0, spot } : null;
        for (const bridge of piece.meanings) {
          if (hit) break;
          hit = english(doc, bridge);
        }
      }
      if (!hit) return null;
      worst.spot = worst.spot || hit.spot;
      worst.tier = Math.max(worst.tier, hit.tier);
    }
    return worst;
  };
  const bigrams = (doc, word) => {
    const chars = Array.from(word);
    if (chars.length < 3) return null;
    let first = null;
    for (let i = 0; i + 1 < chars.length; i++) {
      const spot = anywhere(doc, chars[i] + chars[i + 1]);
      if (!spot) return null;
      first = first || spot;
    }
    return { tier: LOOSE, quality: 1, spot: first };
  };
  // The first stretch of `units` holding `letters` in order within letters + slack units of
  // where it starts, as unit indices (matcher.rs stretch).
  const stretch = (units, letters) => {
    const reach = letters.length + data.slack;
    for (let start = 0; start < units.length; start++) {
      if (units[start] !== letters[0]) continue;
      const end = Math.min(units.length, start + reach);
      let at = start + 1;
      let matched = true;
      for (let i = 1; i < letters.length; i++) {
        while (at < end && units[at] !== letters[i]) at++;
        if (at >= end) { matched = false; break; }
        at++;
      }
      if (matched) return [start, at];
    }
    return null;
  };
  const ASTRAL = /[\ud800-\udfff]/;
  const closeLetters = (doc, word) => {
    const letters = Array.from(word);
    for (let tier = 0; tier < 2; tier++) {
      const text = doc.tiers[tier];
      for (const [fieldStartAt, fieldEndAt] of fieldRanges(text)) {
        const piece = text.slice(fieldStartAt, fieldEndAt);
        // Note: text without surrogate pairs is its own list of characters.
        if (!ASTRAL.test(piece) && !ASTRAL.test(word)) {
          const hit = stretch(piece, word);
          if (hit) return found(LOOSE, 1, tier, fieldStartAt + hit[0], fieldStartAt + hit[1]);
          continue;
        }
        const chars = [];
        for (let at = 0; at < piece.length;) {
          const ch = String.fromCodePoint(piece.codePointAt(at));
          chars.push([at, ch]);
          at += ch.length;
        }
        const hit = stretch(chars.map(([, ch]) => ch), letters);
        if (hit) {
          const end = hit[1] < chars.length ? chars[hit[1]][0] : piece.length;
          return found(LOOSE, 1, tier, fieldStartAt + chars[hit[0]][0], fieldStartAt + end);
        }
      }
    }
    return null;
  };
  const plain = (doc, term, bridgeList) => {
    const { text: word, squashed, cjk } = term;
    if (squashed !== '') {
      const number = doc.named.indexOf(squashed);
      if (number >= 0) {
        const [start, end] = fieldRanges(doc.tiers[0])[number];
        return found(NAMED, 2, 0, start, end);
      }
    }
    let inside = null;
    const step = stepOf(word);
    for (let tier = 0; tier < doc.tiers.length; tier++) {
      const text = doc.tiers[tier];
      let start = null;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + step)) {
        const end = at + word.length;
        if (cjk || wordStart(text, at)) {
          if (cjk || wordEnd(text, end)) return found(tier + 1, 2, tier, at, end);
          if (start === null) start = [at, end];
        } else if (inside === null) {
          inside = { tier, start: at, end };
        }
      }
      if (start !== null) return found(tier + 1, 1, tier, start[0], start[1]);
    }
    if (cjk) return pieced(doc, word, bridgeList) || bigrams(doc, word);
    if (inside !== null) return { tier: LOOSE, quality: 2, spot: inside };
    return closeLetters(doc, word);
  };
  const find = (doc, term, bridgeList) => {
    const word = term.text;
    let hit;
    switch (term.kind) {
      case 'plain': hit = plain(doc, term, bridgeList); break;
      case 'exact': hit = edged(doc, word, () => true); break;
      case 'whole': hit = edged(doc, word, (text, start, end) => wordStart(text, start) && wordEnd(text, end)); break;
      case 'prefix': hit = edged(doc, word, (text, start) => fieldStart(text, start)); break;
      case 'suffix': hit = edged(doc, word, (text, start, end) => fieldEnd(text, end)); break;
      default: hit = edged(doc, word, (text, start, end) => fieldStart(text, start) && fieldEnd(text, end));
    }
    if (!term.negated) return hit;
    return hit ? null : { tier: NAMED, quality: 0, spot: null };
  };

  // mod.rs: every group must match; rank by name, loose words, tiers, quality, then order.
  const search = (text, among) => {
    const query = parse(text);
    if (query.groups.length === 0) return among.map(index => ({ index, spots: [] }));
    const docs = prepare();
    const ranked = [];
    among.forEach((index, order) => {
      const doc = docs[index];
      const key = [1, 0, 0, 0, order];
      const spots = [];
      for (const group of query.groups) {
        let best = null;
        for (const term of group) {
          const hit = find(doc, term, bridges);
          if (hit && (best === null || hit.tier < best.tier || (hit.tier === best.tier && hit.quality > best.quality))) {
            best = hit;
          }
        }
        if (best === null) return;
        key[1] += best.tier === LOOSE ? 1 : 0;
        key[2] += best.tier;
        key[3] -= best.quality;
        if (best.spot) spots.push(best.spot);
      }
      if (query.named !== '' && doc.named.includes(query.named)) key[0] = 0;
      ranked.push({ key, index, spots });
    });
    ranked.sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
      return 0;
    });
    return ranked.map(({ index, spots }) => ({ index, spots }));
  };

  // why.rs: the field a spot is in, and the matched letters of it as written.
  const why = (index, spot) => {
    const doc = prepare()[index];
    const starts = doc.starts[spot.tier];
    let which = 0;
    while (which + 1 < starts.length && starts[which + 1][0] <= spot.start) which++;
    const [fieldAt, number] = starts[which];
    const [field, text] = doc.fields[number];
    const folded = doc.tiers[spot.tier];
    const first = Array.from(folded.slice(fieldAt, spot.start)).length;
    const count = Array.from(folded.slice(spot.start, spot.end)).length;
    const chars = Array.from(text);
    return {
      field,
      before: chars.slice(0, first).join(''),
      matched: chars.slice(first, first + count).join(''),
      after: chars.slice(first + count).join(''),
    };
  };

  // The papers' ids, in the order the program listed them (an id is each paper's first field).
  const ids = data.papers.map(fields => fields[0][1]);
  return { search, why, ids, prepare };
};
