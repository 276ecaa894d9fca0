/*
 * Practice Hub search worker: Pagefind behind Material for MkDocs' search interface.
 *
 * Material starts this worker (base.html's __config "search", overridden in
 * overrides/main.html) and talks to it with its own messages: SETUP (0) when the
 * search opens, READY (1) back, QUERY (2) with the typed text, RESULT (3) back with
 * {items: SearchItem[][]}: one array per page, the page first, then its sections.
 * Material renders, highlights and handles the keyboard exactly as with its own engine.
 *
 * Everything is loaded from the site's own origin, lazily: Pagefind's pagefind.js
 * and its index (written by the build into pagefind/) when the search opens, and
 * the word list for correcting misspellings only when a word finds nothing.
 * The site root is found from this file's own URL, so the site may live under a
 * sub-path. Written into the site by practice_hub/search/index.py.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const ROOT = new URL("../../../", self.location.href); // this file: assets/javascripts/workers/
// Every matching page is returned (up to CANDIDATES), so Material's count is true and a reader
// can scroll to see them all. Pages are ranked before any page's data is loaded (the weight
// classes below); data (a "fragment", about 1 kB each) is loaded for the first screenful only,
// and the list is sent; when the reader stops typing for PAUSE ms, the rest are loaded and the
// whole list is sent again, its first screenful unchanged (loading every fragment at once was
// too slow on a site of 10,000 pages).
const CANDIDATES = 300;
const FIRST = 12;     // at most this many results sent first (Material shows 10, then more as the
                      // reader scrolls); the rest follow when typing stops
const SCREEN = 6;     // pages loaded at a time: one round of requests (a browser opens at most six
                      // connections to a server over HTTP/1.1)
const PAUSE = 250;    // ms without a new query before the rest of the list is loaded
// Pagefind's search takes longer the more pages a word is on, faster than linearly in one index
// (a word on 4,000 pages about 120 ms on a slow laptop, on 8,000 about 400 ms: measured by
// `python -m practice_hub.bench.pagefind_scaling`), and at best linearly across shards (about
// 26 µs a page found: a word on 7,300 of 10,000 pages in 4 shards about 250 ms; the first two
// letters of a word match most pages). A search cannot be stopped once started, so on a large
// site one begun for a half-typed word would hold up the whole word's. On a site of more than
// LARGE pages a query waits until typing pauses (one and a half times the reader's last gap
// between keys, within SETTLE ms); on a smaller one every keystroke is searched at once.
const LARGE = 5000;
const SETTLE = [100, 350];
const SECTIONS = 6;   // sections shown under a page
const EXCERPT = 30;   // words in an excerpt
const COORDINATION = 2; // how much having every word of a query counts
// Pagefind's ranking: page length counts less than by default (short course pages won over
// the procedure for "MCA").
const RANKING = { pageLength: 0.2 };

// Procedures and standards first, news last: Pagefind's score times the page's content type's
// search weight (practice_hub/content_types.py), found without loading the page's data: every
// page has a Pagefind sort "ph_w", its type's weight class (the rank of its weight among all
// weights, lowest first). Sorted by it, a page's position says its class, since the build writes
// here, for each Pagefind index (shard), each class's weight and number of pages:
// [[[weight, pages], ...], ...], lowest weight first (search/index.py).
// A large site is split into shards (pagefind/, then pagefind/shard-1/, ...), each about 2,500
// pages picked by a hash of their URL: Pagefind's search of a word takes time nearly the square of
// the pages it is on, so several small indexes are searched faster than one large one. They are
// merged into one search (Pagefind's mergeIndex, which reuses the first index's WebAssembly).
const SHARDS = /* weight classes */ [];
// per shard: [position after the class's last page, weight], lowest weight first
const SHARD_ENDS = SHARDS.map(classes => {
  const ends = [];
  for (const [weight, pages] of classes) ends.push([(ends.length ? ends[ends.length - 1][0] : 0) + pages, weight]);
  return ends;
});
const shardPages = ends => ends.length ? ends[ends.length - 1][0] : 0;
// The shards that have pages (shard 0 alone when the build wrote no counts).
const LIVE = SHARDS.length ? SHARD_ENDS.flatMap((ends, n) => shardPages(ends) ? [n] : []) : [0];
const ENDS = SHARD_ENDS.length === 1 ? SHARD_ENDS[0] : []; // one index: weigh() can ask Pagefind
function shardPath(number) {
  return new URL(number ? `pagefind/shard-${number}/` : "pagefind/", ROOT);
}
// Words that do not narrow a plain-English question ("who do I tell about ...").
const STOP = new Set(("a an and are as at be by can could do does did for from have has had how i " +
  "if in into is it its me my of on or our should so the their there them they this that to was " +
  "we what when where which who whom why will with would you your about get got").split(" "));

let engine = null;     // Promise<{pf}>
let vocabulary = null; // Promise<string[]>
const answers = new Map(); // first character -> Promise<glossary entries>, for the direct answer
let weights = new Map(); // page id -> its type's search weight (see metaWeights and weigh)
let fromMeta = null;     // Promise<Map | null>
let pending = null;
let running = false;
let arrived = null;    // resolves the promise of newer() when a new query comes
let generation = 0;    // counts the queries received: a search of an older one stops
let lastQuery = 0, gap = 0; // when the last query came, and the time since the one before
let kept = new Map();  // word -> Pagefind's results, for the words of the last query
let shardOf = null;    // page id -> the shard it is in (a site of several shards; see rescore)

function pagefind() {
  if (!engine) {
    const starting = (async () => {
      const pf = await searcher();
      const known = await metaWeights(); // its files are in the browser's cache by now
      if (known) weights = known;
      return { pf, exact: !!known };
    })();
    // Should a file Pagefind needs never come, the search waiting for it ends with an error and
    // the next try starts again, instead of waiting for ever (and a late start is stopped).
    const started = within(starting, READY_WITHIN, "the search index did not load").catch(error => {
      if (engine === started) engine = null;
      starting.then(({ pf }) => pf.destroy(), () => {});
      throw error;
    });
    engine = started;
  }
  return engine;
}

// *promise*, or an error once *ms* have passed without it.
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// Pagefind's WebAssembly, as this worker fetched it: handed to the helpers (below), so that the
// browser neither downloads nor asks for it again. (A helper without it asks for the first
// shard's, the same file as every shard's.)
let wasmBytes = null;
const WASM = /\/wasm\.[^/]+\.pagefind$/;
const fetched = self.fetch.bind(self);
self.fetch = (resource, init) => {
  const url = new URL(resource instanceof Request ? resource.url : String(resource), self.location.href);
  if (!WASM.test(url.pathname)) return fetched(resource, init);
  if (HELPER && wasmBytes) return Promise.resolve(new Response(wasmBytes.slice(0)));
  if (HELPER) return fetched(new URL(url.pathname.split("/").pop(), shardPath(LIVE[0])).href, init);
  return fetched(resource, init).then(response => {
    if (response.ok && LIVE.length > 1) wasmBytes = response.clone().arrayBuffer(); // for helpers
    return response;
  });
};

// Pagefind with the indexes of the given shards merged into one search (Pagefind's mergeIndex,
// which reuses the first index's WebAssembly).
async function openIndexes(shards) {
  const [first, ...others] = shards;
  const pf = await import(new URL("pagefind.js", shardPath(LIVE[0])).href);
  const options = { baseUrl: "/", excerptLength: EXCERPT, ranking: RANKING };
  try {
    await pf.options({ basePath: shardPath(first).pathname, ...options });
    await pf.init();
    // init() only logs a file that did not load (the next search throws it); filters() waits for
    // the index, or throws its error, so a shard that failed is known now. The first index must
    // also be ready before others merge (mergeIndex waits for its WebAssembly without ever
    // giving up).
    await pf.filters();
    await Promise.all(others.map(number => pf.mergeIndex(shardPath(number).pathname, options)));
  } catch (error) {
    await pf.destroy().catch(() => {}); // the next query starts again from nothing
    throw error;
  }
  return pf;
}

// --- shards searched at once ----------------------------------------------------------------
// Pagefind's search takes time in proportion to the pages a word is on, and one search runs on
// one processor core. On a site of several shards, with a device of several cores, the shards
// are split into groups, one per core: this worker searches the first group, and a helper
// worker (this same file, started under the name "shards:1,3") each other group, at the same
// time. Helpers start once this worker has Pagefind's script and WebAssembly: they load the
// script from the same place (the first shard's folder: every shard's is the same), so the
// browser's cache answers, and are handed the WebAssembly.
const HELPER = /^shards:[\d,]+$/.test(self.name || "") ? self.name.slice(7).split(",").map(Number) : null;

function groups() {
  const count = Math.min(LIVE.length, (self.navigator && navigator.hardwareConcurrency) || 1);
  if (HELPER || count < 2 || typeof Worker === "undefined") return [LIVE];
  return Array.from({ length: count }, (_, i) => LIVE.filter((_, k) => k % count === i));
}

// Something that searches every shard like Pagefind's own search: this worker's Pagefind, with
// the helpers' results added (each result's data() asks the worker that found it). Should a
// helper not start, this worker opens every shard itself.
async function searcher() {
  const [mine, ...theirs] = groups();
  const own = await openIndexes(mine);
  if (!theirs.length) return own;
  let others;
  try {
    others = await helpers(theirs);
  } catch (error) {
    console.warn("Practice Hub search: shards searched one after another:", error);
    await own.destroy();
    return openIndexes(LIVE);
  }
  return {
    async search(term) {
      const elsewhere = others.search(term); // asked first: the helpers search while this one does
      const here = await own.search(term);
      const found = await elsewhere;
      return { results: [...(here ? here.results : []), ...found] };
    },
    preload: term => Promise.all([own.preload(term), others.preload(term)]),
    destroy: () => { others.destroy(); return own.destroy(); },
    helpers: theirs.length,
  };
}

// Starts a helper for each group; resolves to { search, preload, destroy } once all are ready
// (rejects if one fails to start). A helper that fails later makes the next query start the
// search again.
async function helpers(groups) {
  const mine = engine;
  let live = false; // all started: from then on, a helper that fails stops this engine
  const started = groups.map(shards => {
    const worker = new Worker(self.location.href, { name: `shards:${shards.join(",")}` });
    const waiting = new Map();
    let next = 0;
    let failed = null; // the helper's error: a call after it fails at once instead of waiting
    worker.addEventListener("message", event => {
      const { id, value, error } = event.data;
      const call = waiting.get(id);
      waiting.delete(id);
      if (call) error === undefined ? call.resolve(value) : call.reject(new Error(error));
    });
    worker.addEventListener("error", event => {
      event.preventDefault();
      failed = new Error(`search of shards ${shards}: ${event.message || "the helper stopped"}`);
      for (const { reject } of waiting.values()) reject(failed);
      waiting.clear();
      if (live && engine === mine) { // the next query starts the search again
        engine = null;
        mine.then(({ pf }) => pf.destroy(), () => {});
      }
    });
    const call = (method, ...args) => new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
    return { call, worker };
  });
  const destroy = () => started.forEach(helper => helper.worker.terminate());
  try {
    const bytes = await wasmBytes;
    await within(Promise.all(started.map(helper => helper.call("start", bytes))), HELPER_START, "a helper did not start");
    live = true;
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    async search(term) {
      const parts = await Promise.all(started.map(helper => helper.call("search", term)));
      return parts.flatMap((found, i) => found.map(([id, score, words]) =>
        ({ id, score, words, data: () => started[i].call("data", term, id) })));
    },
    preload: term => Promise.all(started.map(helper => helper.call("preload", term))),
    destroy,
  };
}

// A helper's side: its shards' Pagefind, searched on request. The results of the last few
// words are kept, so that their pages' data can be asked for.
function helperMain(shards) {
  let begin;
  const ready = new Promise(resolve => { begin = resolve; }).then(bytes => {
    wasmBytes = bytes; // the worker's copy: see self.fetch above
    return openIndexes(shards);
  });
  const found = new Map(); // term -> page id -> Pagefind's result, for the last KEEP words searched
  const KEEP = 16;
  async function results(pf, term) {
    const searched = await pf.search(term);
    const list = searched ? searched.results : [];
    found.delete(term);
    found.set(term, new Map(list.map(result => [result.id, result])));
    if (found.size > KEEP) found.delete(found.keys().next().value);
    return list;
  }
  self.addEventListener("message", async event => {
    const { id, method, args } = event.data;
    try {
      if (method === "start") begin(args[0]);
      const pf = await ready;
      let value = null;
      if (method === "search") {
        value = (await results(pf, args[0])).map(result => [result.id, result.score, result.words]);
      } else if (method === "data") {
        const [term, page] = args;
        // A word the reader typed long ago (its results kept by the worker) is searched again.
        if (!found.has(term)) await results(pf, term);
        const result = found.get(term).get(page);
        if (!result) throw new Error(`no page ${page} for ${term}`);
        value = await result.data();
      } else if (method === "preload") {
        await pf.preload(args[0]);
      }
      self.postMessage({ id, value });
    } catch (error) {
      self.postMessage({ id, error: String((error && error.message) || error) });
    }
  });
}

// Every page's type weight, read once from each shard's Pagefind metadata file
// (pagefind.<hash>.pf_meta), which pagefind.js has just downloaded, so the browser's cache
// answers: a CBOR array of the version, the pages ([hash, word count] by page number), the index
// chunks, the filters and the sorts ([key, page numbers in order]). Position p in the "ph_w" sort
// is page number sorted[p], and its class is the one whose pages end after p. Resolves to null,
// with a warning, when a file is not as expected (another Pagefind version): then weigh() asks
// Pagefind instead (on a site of one shard; on a larger one, pages are not weighed by type).
function metaWeights() {
  if (!fromMeta) {
    fromMeta = Promise.all(LIVE.map(shardWeights))
      .then(maps => {
        shardOf = new Map(maps.flatMap((map, i) => [...map.keys()].map(page => [page, LIVE[i]])));
        return new Map(maps.flatMap(map => [...map]));
      })
      .catch(error => {
        console.warn("Practice Hub search: types weighed one word at a time:", error);
        return null;
      });
  }
  return fromMeta;
}

async function shardWeights(number) {
  const base = shardPath(number);
  const ends = SHARD_ENDS[number] || [];
  const signal = AbortSignal.timeout(WAIT);
  const entry = await (await fetch(new URL("pagefind-entry.json", base), { signal })).json();
  const language = Object.values(entry.languages || {})[0];
  const response = await fetch(new URL(`pagefind.${language.hash}.pf_meta`, base), { signal });
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const signature = "pagefind_dcd";
  if (new TextDecoder().decode(bytes.subarray(0, signature.length)) !== signature) {
    throw new Error("no Pagefind signature");
  }
  const [, pages, , , sorts] = cbor(bytes, signature.length);
  const order = (sorts.find(sort => sort[0] === "ph_w") || [])[1];
  const total = shardPages(ends);
  if (!Array.isArray(order) || order.length !== total || pages.length < total) {
    throw new Error(`${Array.isArray(order) ? order.length : "no"} pages sorted, ${total} expected`);
  }
  return new Map(order.map((page, position) => [pages[page][0], weightAt(ends, position)]));
}

// Just enough CBOR (RFC 8949) for Pagefind's metadata: unsigned integers, strings and arrays.
function cbor(bytes, start) {
  let at = start;
  const text = new TextDecoder();
  function length(info) {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4 }[info];
    if (!size) throw new Error(`CBOR length ${info} at ${at}`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at++];
    return value;
  }
  function item() {
    const head = bytes[at++];
    const major = head >> 5, size = length(head & 31);
    if (major === 0) return size;
    if (major === 2 || major === 3) {
      const value = bytes.subarray(at, at + size);
      at += size;
      return major === 3 ? text.decode(value) : value;
    }
    if (major === 4) return Array.from({ length: size }, item);
    throw new Error(`CBOR type ${major} at ${at - 1}`);
  }
  const head = bytes[at++];
  if (head >> 5 !== 4) throw new Error("Pagefind metadata is not an array");
  const count = length(head & 31);
  const out = [];
  for (let i = 0; i < Math.min(count, 5); i++) out.push(item()); // the sixth (meta fields) is not needed
  return out;
}

// Pages in the index (every shard), as the build counted them.
function pagesIndexed() {
  return SHARD_ENDS.reduce((sum, ends) => sum + shardPages(ends), 0);
}

// The weight of the class holding position p of a shard's "ph_w" order (1 past the end).
function weightAt(ends, position) {
  const found = ends.find(([last]) => position < last);
  return found ? found[1] : 1;
}

// Otherwise: the type weight of every page a word finds, by its position in the same search
// sorted by "ph_w" (Pagefind gives minus the position as the score). The sorted search needs
// only the word's index chunks, which the plain search has just loaded. A page's weight never
// changes, so it is kept: as a word is typed, "sa" finds the pages "safeguarding" will.
async function weigh(pf, term, results) {
  if (!ENDS.length || results.every(result => weights.has(result.id))) return;
  const sorted = await pf.search(term, { sort: { ph_w: "asc" } });
  for (const result of sorted ? sorted.results : []) {
    weights.set(result.id, weightAt(ENDS, Math.round(Math.abs(result.score))));
  }
}

// Gives the worker's messages a turn: a newer query waiting makes the current one stop. (Once
// Pagefind has its chunks, a search never waits for anything, so without this a query typed
// meanwhile would be seen only after the previous one had finished.)
function yieldToMessages() {
  return new Promise(resolve => setTimeout(resolve, 0));
}

// A small JSON file of the site's, or `empty` when it cannot be had within WAIT ms (a response
// that never comes must not hold up the search); `forget` is called then, so that a later query
// asks again.
const WAIT = 5000;
const READY_WITHIN = 15000; // ms for Pagefind and its metadata to be ready
const HELPER_START = 6000;  // ms for the helpers to open their shards; then this worker opens them
function small(path, empty, forget) {
  return fetch(new URL(path, ROOT), { signal: AbortSignal.timeout(WAIT) })
    .then(response => {
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    })
    .catch(error => {
      console.warn("Practice Hub search:", error);
      forget();
      return empty;
    });
}

function words() {
  if (!vocabulary) {
    vocabulary = small("search/practice-hub-words.json", { words: [] }, () => { vocabulary = null; })
      .then(data => data.words || []);
  }
  return vocabulary;
}

// The glossary entries asked by forms that start with the query's first character (one small
// file per character, written by search/index.py), fetched once each.
function glossary(first) {
  const shard = /^[a-z0-9]$/.test(first) ? first : "_";
  if (!answers.has(shard)) {
    const loading = small(`search/answers/${shard}.json`, { answers: [] }, () => answers.delete(shard))
      .then(data => data.answers || []);
    answers.set(shard, loading);
  }
  return answers.get(shard);
}

// The entries a query asks about, contacts first ("LADO": who to call, then what it means):
// a contact ("EDT", "out of hours") or a glossary entry ("PLO", "public law outline").
async function answersFor(query) {
  const asked = tokens(query).join(" ");
  if (!asked) return [];
  const entries = await glossary(asked[0]);
  const found = entries.filter(entry => entry.forms.some(form => tokens(form).join(" ") === asked));
  return [...found.filter(e => e.kind === "contact"), ...found.filter(e => e.kind !== "contact")];
}

// --- query words, corrections -------------------------------------------------------------
function tokens(text) {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Damerau-Levenshtein (optimal string alignment) distance, giving up above `limit`.
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

// The closest known word: whole words first (distance 1 up to 5 letters, else 2), then
// a known word that starts with something within distance 1 ("safegaurd" -> "safeguarding").
async function correction(word) {
  if (word.length < 4 || /\d/.test(word)) return null;
  const known = await words();
  const limit = word.length <= 5 ? 1 : 2;
  let best = null, bestDistance = limit + 1;
  for (const candidate of known) {
    const d = distance(word, candidate, Math.min(limit, bestDistance));
    const better = d < bestDistance ||
      (d === bestDistance && best && candidate[0] === word[0] && best[0] !== word[0]);
    if (d <= limit && better) { best = candidate; bestDistance = d; }
  }
  if (best) return best;
  for (const candidate of known) {
    if (candidate.length > word.length && distance(word, candidate.slice(0, word.length), 1) <= 1) {
      return candidate;
    }
  }
  return null;
}

// --- searching ----------------------------------------------------------------------------
async function find(pf, query) {
  const found = await pf.search(query);
  return rescore(found ? found.results : []);
}

// A word of a query searched, and noted with the words searched ahead while it runs: should the
// reader type on ("capacity" paused on, then "capacity assessment"), the next query waits for
// it rather than searching it again (a search cannot be stopped).
function searching(pf, word) {
  const found = find(pf, word);
  ahead.set(word, found.catch(() => null));
  return found;
}

// Pagefind's score of a page for one word is the word's rarity in the page's index (its IDF:
// ln(1 + (pages - pages with the word + 0.5) / (pages with the word + 0.5))) times what the page
// itself has of it (pagefind_web/src/search.rs). Each shard knows only its own pages, so a word
// that happens to be rarer in one shard would lift that shard's pages. Each score is put on the
// whole site's rarity instead: times the site's IDF over the shard's, both counted from the
// results (a one-word search finds every page of the shard that has the word).
function idf(pages, having) {
  return Math.log(1 + (pages - having + 0.5) / (having + 0.5));
}

function rescore(results) {
  if (LIVE.length < 2 || !shardOf || !results.length) return results;
  const having = new Map(); // shard -> pages found in it
  for (const result of results) {
    const shard = shardOf.get(result.id);
    having.set(shard, (having.get(shard) || 0) + 1);
  }
  const site = idf(pagesIndexed(), results.length);
  const scale = new Map([...having].map(([shard, count]) =>
    [shard, shard === undefined ? 1 : site / idf(shardPages(SHARD_ENDS[shard]), count)]));
  for (const result of results) result.score *= scale.get(shardOf.get(result.id));
  return results; // ranked later, with the pages' type weights (search)
}

// Pages ranked by their score for each word, times the share of the words they have:
// questions in plain English rarely have every word on the page they want.
function anyOf(perTerm, count) {
  const pages = new Map();
  perTerm.forEach((results, term) => {
    for (const result of results) {
      const page = pages.get(result.id) || { result, found: 0, score: 0, first: new Array(count).fill(Infinity) };
      page.found += 1;
      page.score += result.score;
      page.first[term] = firstWord(result);
      pages.set(result.id, page);
    }
  });
  return [...pages.values()].map(({ result, found, score, first }) =>
    ({ id: result.id, data: result.data, score: score * Math.pow(found / count, COORDINATION), first }));
}

// Where a word is first on a page (Pagefind's word positions, counted from the page's hidden
// words, which begin with its title), without loading the page.
function firstWord(result) {
  let first = Infinity;
  for (const at of result.words || []) if (at < first) first = at;
  return first;
}

// How well a page's title matches the query: 2 when it is the query's words (in any order,
// a word's longer form counting: "core group" and "Core groups"), 1 when it has them all and at
// most TITLE_EXTRA other words ("Practice week, autumn 2026"), else 0. The query may be put
// another way: each form of what it asks of the glossary ("multi-agency safeguarding hub" is
// "MASH", so "Contacts and referrals (MASH)" is named by it). A query of one word matches
// exactly or not at all: "MCA essentials" is not what "MCA" asks for before the procedure.
const TITLE_EXTRA = 2;
function titleMatch(page, ways, single) {
  const title = tokens(unescapeHTML(page.meta.title || "")).filter(word => !STOP.has(word));
  let best = 0;
  for (const words of title.length ? ways : []) {
    const used = new Set();
    for (const term of words) {
      const at = title.findIndex((word, i) => !used.has(i) && word.startsWith(term));
      if (at < 0) break;
      used.add(at);
    }
    if (used.size < words.length) continue;
    const extra = title.length - used.size;
    best = Math.max(best, extra === 0 ? 2 : extra <= TITLE_EXTRA && !single ? 1 : 0);
  }
  return best;
}

// The query's results, ranked: { items } for the first screenful, and more() for the whole
// list (null when the first screenful is all of it).
async function search(query) {
  const mine = generation;
  const replaced = () => mine !== generation; // a newer query came: do no more
  const all = tokens(query);
  if (!all.length) return { items: [] };
  // One letter alone finds nearly every page and says nothing: wait for the next ("A&E" and
  // "5" are searched).
  if (all.length === 1 && all[0].length === 1 && !/\d/.test(all[0])) return null;
  const answering = answersFor(query); // its file is fetched while Pagefind searches
  // A start that failed (a file that did not come) is tried once more: the engine starts again.
  const { pf, exact } = await pagefind().catch(() => pagefind());
  // The engine may have taken a while to start (the search has just opened): a query typed on
  // since is not searched. Pagefind's search cannot be stopped, and one for a half-typed word
  // ("ca" finds most pages) would hold up the whole word's.
  if (replaced()) return null;
  warmed = engine; // a real search warms it
  let terms = all.filter(word => !STOP.has(word));
  if (!terms.length) terms = all;
  terms = [...new Set(terms)].slice(0, 8);
  // Pagefind ignores a word it does not know: correct those first ("safegaurding"). The words
  // of the last query are not searched again: typing "strategy discussion" searches "strategy"
  // once, not at every letter of "discussion".
  const alone = await Promise.all(terms.map(async term => kept.get(term) || (await ahead.get(term)) || searching(pf, term)));
  for (let i = 0; i < terms.length; i++) {
    if (!alone[i].length) {
      const better = await correction(terms[i]);
      if (better) {
        terms[i] = better;
        alone[i] = await find(pf, better);
      }
    }
  }
  if (replaced()) return null;
  kept = new Map(terms.map((term, i) => [term, alone[i]]));
  ahead = new Map([...ahead].filter(([word]) => all.includes(word) && !kept.has(word)));
  await yieldToMessages();
  if (replaced()) return null;
  const results = terms.length > 1
    ? anyOf(alone, terms.length)
    : alone[0].map(result => ({ id: result.id, data: result.data, score: result.score, first: [firstWord(result)] }));
  // Rank by content type before loading anything: procedures and standards above news.
  if (!exact) for (let i = 0; i < terms.length; i++) await weigh(pf, terms[i], alone[i]);
  await yieldToMessages();
  const candidates = results
    .map(result => ({ result, score: result.score * (weights.get(result.id) || 1) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, CANDIDATES);
  if (replaced()) return null; // load nothing more
  const answers = await answering;
  // A page has the word when it shows it, or a known expansion or alias of it: for
  // one word, a page without it never outranks one with it. (Plain-English questions are
  // ranked by score: their page rarely has every word.) Pages are loaded in score order, SCREEN
  // at a time, until SCREEN of them have the word: those (up to FIRST) are the first screenful
  // of the final order, since every page loaded after them scores lower. Each round is a round
  // trip to the server, so the list is sent after as few rounds as it can be.
  const forms = [...new Set([...terms, ...answers.flatMap(answer => answer.forms)])];
  // Pages whose title may be the query (each word found among the first words of the page,
  // where the build writes its title) are loaded first, so that a title the query names is
  // ranked first however low its score (see titleMatch).
  // A query of several words may name a title another way (see titleMatch); an acronym typed
  // alone is answered by the glossary, and its pages ranked by their words.
  const ways = [terms, ...(terms.length > 1 ? answers : []).flatMap(answer =>
    answer.forms.map(form => tokens(form).filter(w => !STOP.has(w))))].filter(words => words.length);
  const near = terms.length + TITLE_EXTRA;
  const titleFirst = candidates.filter(({ result }) => result.first && result.first.every(at => at < near));
  const rest = candidates.filter(candidate => !titleFirst.includes(candidate));
  candidates.splice(0, candidates.length, ...titleFirst.slice(0, SCREEN), ...rest, ...titleFirst.slice(SCREEN));
  const loaded = [];
  async function load(upTo) {
    const next = candidates.slice(loaded.length, upTo);
    const pages = await Promise.all(next.map(({ result }) => result.data()));
    pages.forEach((page, i) => loaded.push({
      page, score: next[i].score, has: coverage(page, terms, forms), titled: titleMatch(page, ways, terms.length === 1),
    }));
  }
  const best = terms.length === 1 ? 1 : 0;
  while (loaded.length < candidates.length && loaded.filter(page => page.has >= best).length < SCREEN) {
    await load(loaded.length + SCREEN);
    if (replaced()) return null;
  }
  // An exact or near-exact title ranks first: "practice week" puts the event called "Practice
  // week, autumn 2026" above pages that use both words more often.
  const order = pages => pages.slice().sort((a, b) =>
    (terms.length === 1 ? b.has - a.has : 0) || b.titled - a.titled || b.score - a.score);
  const shown = order(loaded).filter(page => page.has >= best).slice(0, FIRST);
  const items = list => {
    const out = list.map(({ page, score }) => item(page, score, terms));
    out.unshift(...answers.map(answer => answerItem(answer, terms)));
    return out;
  };
  if (loaded.length === candidates.length) return { items: items(order(loaded)) };
  const more = async () => {
    while (loaded.length < candidates.length) {
      await load(loaded.length + 50);
      if (replaced()) return null;
    }
    const rest = order(loaded).filter(page => !shown.includes(page));
    return { items: items([...shown, ...rest]) };
  };
  return { items: items(shown), more };
}

// How many of the query's words a page has (a word counts when any of its forms is there).
function coverage(page, terms, forms) {
  const hidden = [page.meta.ph_own, page.meta.ph_related, page.meta.title].filter(Boolean).map(unescapeHTML);
  const lower = [unescapeHTML(page.content || ""), ...hidden].join(" ").toLowerCase();
  const extra = forms.filter(form => !terms.includes(form));
  let count = 0;
  for (const term of terms) {
    if (matcher([term]).test(lower)) count += 1;
  }
  if (count < terms.length && extra.some(form => lower.includes(form))) count = terms.length;
  return count;
}

// A direct answer, first in the list and labelled: a glossary entry (its expansion and
// definition), a contact (who they are, tap to call, hours) or a useful link (its description,
// asked by its title or keywords: "CMS"). Its link opens the entry itself
// (glossary/#lado): Material takes the result without a "#" as the page and shows text only
// under sections, so the answer is given as two entries that both link to the entry: its text
// as a section, and its heading, which Material shows as the page (the last when none is).
function answerItem(answer, terms) {
  const found = {};
  for (const term of terms) found[term] = true;
  const contact = answer.kind === "contact";
  const heading = answer.expansion ? `${answer.term}: ${answer.expansion}` : answer.term;
  const link = answer.kind === "link";
  const label = contact ? "Contact" : link ? "Link" : "Glossary";
  const page = {
    location: answer.url,
    title: `<span class="ph-result-type ph-result-type--answer">${label}</span> ` + mark(heading, terms),
    text: "",
    score: 1e12,
    terms: found,
  };
  const text = contact ? contactText(answer) : escapeHTML(answer.definition);
  const section = {
    location: answer.url,
    title: contact ? "Who to contact" : link ? "In the links directory" : `${escapeHTML(answer.term)} in the glossary`,
    text,
    score: 1e12,
    terms: found,
    parent: page,
  };
  return [section, page];
}

// A contact's summary, then each phone number as a tap-to-call link, the email, hours and who
// covers out of hours.
function contactText(answer) {
  const phones = (answer.phones || []).map(phone =>
    `<a class="ph-result-call" href="${escapeHTML(phone.tel)}">${phone.label ? escapeHTML(phone.label) + ": " : ""}${escapeHTML(phone.number)}</a>`);
  const email = answer.email
    ? `<a class="ph-result-email" href="mailto:${escapeHTML(answer.email)}">${escapeHTML(answer.email)}</a>` : "";
  const lines = [
    escapeHTML(answer.definition),
    [...phones, email].filter(Boolean).join(" · "),
    answer.hours ? escapeHTML(answer.hours) : "",
    answer.out_of_hours ? "Out of hours: " + escapeHTML(answer.out_of_hours) : "",
  ].filter(Boolean);
  return lines.join("<br>");
}

// --- Material's result shape ----------------------------------------------------------------
function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function unescapeHTML(text) {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) =>
    ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[e]);
}

function matcher(terms) {
  const alternatives = terms.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(`(^|[^\\p{L}\\p{N}])((?:${alternatives})[\\p{L}\\p{N}]*)`, "giu");
}

function mark(text, terms) {
  return escapeHTML(text).replace(matcher(terms), "$1<mark data-md-highlight>$2</mark>");
}

// Up to EXCERPT words of plain text around the first place a term occurs.
function excerpt(text, terms) {
  const all = text.split(/\s+/).filter(Boolean);
  const pattern = matcher(terms);
  let at = all.findIndex(word => { pattern.lastIndex = 0; return pattern.test(word); });
  at = at < 0 ? 0 : Math.max(0, at - 6);
  const words = all.slice(at, at + EXCERPT).join(" ");
  return (at > 0 ? "… " : "") + mark(words, terms) + (at + EXCERPT < all.length ? " …" : "");
}

function item(page, score, terms) {
  // The build's hidden words (title, keywords, acronyms) are searched but never shown.
  const hidden = [page.meta.ph_own, page.meta.ph_related].filter(Boolean).map(unescapeHTML);
  let text = unescapeHTML(page.content || "");
  for (const words of hidden) {
    const start = text.indexOf(words);
    if (start >= 0) text = text.slice(0, start) + text.slice(start + words.length);
  }
  text = text.replace(/^[\s.]+/, "");
  const location = page.url.replace(/^\/+/, "");
  const title = unescapeHTML(page.meta.title || location);
  const lower = [text, ...hidden].join(" ").toLowerCase();
  const found = {};
  for (const term of terms) found[term] = matcher([term]).test(lower);
  const label = page.meta.ph_label ? `<span class="ph-result-type">${escapeHTML(unescapeHTML(page.meta.ph_label))}</span> ` : "";
  const article = { location, title: label + mark(title, terms), text: excerpt(text, terms), score, terms: found };
  const sections = (page.sub_results || [])
    .filter(sub => sub.url.includes("#") && sub.title && sub.title !== title)
    .slice(0, SECTIONS)
    .map(sub => {
      const subTitle = unescapeHTML(sub.title);
      const shown = matcher(terms).test(subTitle.toLowerCase());
      return {
        location: sub.url.replace(/^\/+/, ""),
        title: mark(subTitle, terms),
        text: mark(unescapeHTML((sub.excerpt || "").replace(/<\/?mark>/g, "")), terms),
        score: shown ? score : score / 2,
        terms: found,
        parent: article,
      };
    });
  return [article, ...sections];
}

// --- messages -----------------------------------------------------------------------------
// Waits ms, or less when a new query comes.
function pause(ms) {
  let timer;
  const waited = new Promise(resolve => { timer = setTimeout(resolve, ms); });
  return Promise.race([waited, newer()]).finally(() => clearTimeout(timer));
}

// While typing pauses, the index chunks of the words typed so far are fetched (words of four
// letters or more: fewer would fetch the chunks of many words they begin, from every shard).
function preload(query) {
  const asked = tokens(query);
  if (asked.length) glossary(asked.join(" ")[0]); // the direct answer's file
  const words = asked.filter(word => word.length > 3 && !STOP.has(word) && !kept.has(word));
  if (!words.length) return;
  // Words the reader has finished (typed on after them) are searched now, and their results kept
  // for the query: "capacity assessment" then needs only "assessment" searched when typing stops.
  const finished = (/[\p{L}\p{N}]$/u.test(query) ? words.filter(word => word !== asked.at(-1)) : words)
    .filter(word => !ahead.has(word));
  const started = pagefind();
  started
    .then(({ pf }) => {
      for (const word of finished) {
        warmed = started;
        ahead.set(word, find(pf, word).catch(() => null));
      }
      return Promise.all(words.map(word => pf.preload(word))).then(() => warmUp(started, pf, words[0]));
    })
    .catch(() => {}); // the search itself will say what is wrong
}

// Pagefind's first search in a worker runs code the browser has not optimised yet (it compiles
// WebAssembly and JavaScript fully only once they have run a while), so it takes about twice as
// long as the next: 230 to 380 ms against 130 to 170 for a word on 6,800 of 10,000 pages, in
// Chromium on a 2-core machine. On a large site, where a query waits for typing to pause, the
// first word typed is searched once, unshown, as soon as its index chunks are in, while the
// reader is still typing it.
let warmed = null; // the engine whose Pagefind has searched
let ahead = new Map(); // word -> Promise of its results (or null), searched while typing went on
function warmUp(started, pf, word) {
  if (warmed === started) return null;
  warmed = started;
  return pf.search(word);
}

// Resolves when a newer query comes. A search waits for the server (index chunks, pages'
// data); should a response never come, the reader's next query must still be searched, so each
// wait is raced against this one.
function newer() {
  return new Promise(resolve => { arrived = resolve; });
}

// The search log (setting search_log, off by default): the page names this worker with "?log"
// (overrides/main.html). A query is finished when its results are final and the reader has not
// typed on for 1.5 s; only then is it sent, with its number of results, to the site's own
// search/log: a GET with no cookies and nothing that names the reader, which nginx answers 204
// and writes in its access log (hosting/nginx-practice-hub.conf) for `practice-hub
// search-report`. Nothing is sent anywhere else; a failed send is ignored.
function logQuery(query, count) {
  if (HELPER || !new URL(self.location.href).searchParams.has("log")) return;
  clearTimeout(logQuery.timer);
  const mine = generation;
  const words = query.trim().replace(/\s+/g, " ").slice(0, 200);
  if (!words) return;
  logQuery.timer = setTimeout(() => {
    if (mine !== generation) return; // typed on: that query was not finished
    const address = new URL("search/log", ROOT);
    address.search = new URLSearchParams({ q: words, n: String(count) }).toString();
    fetch(address, { credentials: "omit", keepalive: true, cache: "no-store", referrerPolicy: "no-referrer" })
      .catch(() => {});
  }, 1500);
}

async function drain() {
  running = true;
  while (pending !== null) {
    const query = pending;
    pending = null;
    if (pagesIndexed() > LARGE && tokens(query).length) {
      preload(query);
      await pause(Math.min(SETTLE[1], Math.max(SETTLE[0], 1.5 * gap)));
      if (pending !== null) continue; // still typing
    }
    try {
      const data = await Promise.race([search(query), newer()]);
      if (pending !== null || !data) continue; // a newer query replaces it
      self.postMessage({ type: RESULT, data: { items: data.items } });
      const full = data.more ? await pause(PAUSE).then(() => pending === null && Promise.race([data.more(), newer()])) : data;
      if (pending === null && full) logQuery(query, full.items.length);
      if (!data.more) continue;
      if (pending === null && full) self.postMessage({ type: RESULT, data: full });
    } catch (error) {
      console.error("Practice Hub search:", error);
      if (pending === null) self.postMessage({ type: RESULT, data: { items: [] } });
    }
  }
  running = false;
}

if (HELPER) helperMain(HELPER);
else self.addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) {
    pagefind().catch(error => console.error("Practice Hub search:", error));
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const now = performance.now();
    gap = now - lastQuery;
    lastQuery = now;
    pending = String(message.data || "");
    generation += 1;
    if (arrived) { arrived(); arrived = null; }
    if (!running) drain();
  }
});
