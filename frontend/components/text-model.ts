/**
 * The logic behind <annals-text>, kept apart from the element so that it can be tested without a
 * build: cutting a passage into flat segments where annotations and citations begin and end, giving
 * overlapping annotations separate lanes, drawing a passage as DOM, and translating between DOM
 * boundary points and offsets into the source text; and what others have selected: which tint,
 * which names, which DOM ranges, and how often the reader's own selection is passed on.
 *
 * Offsets are UTF-16 code units into the whole text, ranges are [start, end), as on the server.
 * The file uses only erasable TypeScript (no enums, namespaces or parameter properties) and imports
 * nothing, so Node runs it with its built-in type stripping and a test page can load it as is.
 */

export type PassageKind = 'HEADING' | 'PARAGRAPH' | 'TABLE' | 'LIST' | 'QUOTE';
/** [start, end, kind, level]; level is the heading level for HEADING and ignored otherwise. */
export type Passage = [number, number, PassageKind, number];
export type AnnotationState = 'vetted' | 'pending' | 'draft';

export interface Annotation {
  id: string;
  s: number;
  e: number;
  /** Type id. */
  t: string;
  st: AnnotationState;
  /** Label of the linked record, plain text. */
  l: string;
  /** Deletion proposed. */
  x?: boolean;
}

export interface AnnotationType { id: string; name: string; color: string; key: string }

export interface Span { s: number; e: number }

/** A stretch of text with the same covering annotations and citation state. */
export interface Segment {
  s: number;
  e: number;
  /** Covering annotations, innermost (shortest) first. */
  covering: Annotation[];
  citation: boolean;
}

export interface RenderContext {
  text: string;
  types: ReadonlyMap<string, AnnotationType>;
  lanes: ReadonlyMap<string, number>;
  currentId: string | null;
}

export type Bias = 'start' | 'end';

export interface TextPoint { textNode: Text; offsetInNode: number }

// ---------------------------------------------------------------------------------------------
// Spans, segments and lanes

/** Innermost first: shorter spans, then the later start, then id, so the order is total. */
export function compareInnermost(a: Annotation, b: Annotation): number {
  return (a.e - a.s) - (b.e - b.s) || b.s - a.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Document order for j/k navigation: by start, then the longer first, then id. */
export function compareDocumentOrder(a: Annotation, b: Annotation): number {
  return a.s - b.s || b.e - a.e || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sorts and merges overlapping or touching spans, dropping empty ones (citations can nest). */
export function mergeSpans(spans: readonly (readonly [number, number])[]): Span[] {
  const sorted = spans.filter(([s, e]) => e > s).map(([s, e]) => ({ s, e })).sort((a, b) => a.s - b.s);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.s <= last.e) {
      last.e = Math.max(last.e, span.e);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Index of the first span in a sorted, non-overlapping list whose end lies after offset. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].e <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * Cuts [start, end) into segments at every annotation and citation boundary inside it. Annotations
 * and citations reaching outside the range are clipped to it; empty annotations are ignored.
 * Citations must be sorted and disjoint (see mergeSpans). A sweep over the sorted boundaries keeps
 * this linear in practice even for a very long passage.
 */
export function segmentRange(start: number, end: number, annotations: readonly Annotation[],
    citations: readonly Span[]): Segment[] {
  if (end <= start) return [];
  const inside = annotations.filter((a) => a.e > a.s && a.e > start && a.s < end)
    .sort((a, b) => a.s - b.s);
  const cites = citations.filter((c) => c.e > start && c.s < end);
  const cuts = new Set<number>([start, end]);
  for (const a of inside) {
    cuts.add(Math.max(a.s, start));
    cuts.add(Math.min(a.e, end));
  }
  for (const c of cites) {
    cuts.add(Math.max(c.s, start));
    cuts.add(Math.min(c.e, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let active: Annotation[] = [];
  let next = 0;
  let cite = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    active = active.filter((a) => a.e > s);
    while (next < inside.length && inside[next].s <= s) {
      if (inside[next].e > s) active.push(inside[next]);
      next++;
    }
    while (cite < cites.length && cites[cite].e <= s) cite++;
    const citation = cite < cites.length && cites[cite].s <= s;
    segments.push({ s, e, covering: [...active].sort(compareInnermost), citation });
  }
  return segments;
}

/**
 * Interval colouring: each annotation gets the lowest lane not used by an annotation it overlaps,
 * taking them in document order. That needs no more lanes than the deepest overlap, and an
 * annotation's lane depends only on the annotations it is chained to by overlaps, so adding or
 * removing one cannot move the lanes of annotations elsewhere in the text.
 */
export function assignLanes(annotations: Iterable<Annotation>): Map<string, number> {
  const sorted = [...annotations].sort(compareDocumentOrder);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const a of sorted) {
    let lane = 0;
    if (a.e > a.s) {
      while (lane < laneEnds.length && laneEnds[lane] > a.s) lane++;
      laneEnds[lane] = a.e;
    }
    lanes.set(a.id, lane);
  }
  return lanes;
}

/** Ids whose lane differs between two assignments (including ids present in only one). */
export function changedLanes(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): string[] {
  const changed: string[] = [];
  for (const [id, lane] of after) if (before.get(id) !== lane) changed.push(id);
  for (const id of before.keys()) if (!after.has(id)) changed.push(id);
  return changed;
}

/** Indexes (into passages sorted by start, not overlapping) of the passages a span touches. */
export function passagesTouching(passages: readonly Passage[], s: number, e: number): number[] {
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passages[mid][1] <= s) lo = mid + 1; else hi = mid;
  }
  const touched: number[] = [];
  // An empty span still touches the passage it sits in, so a removed zero-width annotation redraws.
  for (let i = lo; i < passages.length && (passages[i][0] < e || (s === e && passages[i][0] <= s)); i++) {
    touched.push(i);
  }
  return touched;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function isHighSurrogate(code: number): boolean { return code >= 0xd800 && code <= 0xdbff; }
function isLowSurrogate(code: number): boolean { return code >= 0xdc00 && code <= 0xdfff; }

/** True when offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length
    && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Moves an offset off the middle of a surrogate pair, towards direction. */
export function snapOffset(text: string, offset: number, direction: 'backward' | 'forward'): number {
  const clamped = Math.max(0, Math.min(text.length, offset));
  if (!splitsSurrogatePair(text, clamped)) return clamped;
  return direction === 'backward' ? clamped - 1 : clamped + 1;
}

/** Widens a range so neither end splits a surrogate pair: an emoji is in or out, never halved. */
export function snapRange(text: string, start: number, end: number): [number, number] {
  return [snapOffset(text, start, 'backward'), snapOffset(text, end, 'forward')];
}

// ---------------------------------------------------------------------------------------------
// Drawing

const LANE_STEP = 3;
const LINE_WIDTH = 2;

function tint(color: string, percent: number): string {
  return `color-mix(in srgb, ${color} ${percent}%, transparent)`;
}

/**
 * CSS background layers for a covered segment: one line per covering annotation, lane k drawn
 * k steps below the text (solid when vetted, dashed when pending, dotted when a draft; faded and
 * struck through when its deletion is proposed), over a light tint of the innermost annotation
 * (striped when that is a draft). Returns the background, the bottom padding that makes room, and a box
 * shadow (empty when none).
 *
 * Solid parts are painted without gradients where the box allows it: the tint as the background colour clipped to
 * the content box (the text, not the lanes' padding below it), and a solid line in the bottom lane as an inset box
 * shadow on the padding's bottom edge. Chromium paints every gradient layer as an image; with two per highlighted
 * segment, dragging through a 5 MB text with 20,000 highlights missed its frames (docs/performance.md, round 9).
 */
export function segmentBackground(covering: readonly Annotation[], ctx: RenderContext):
    { background: string; padding: number; shadow: string } {
  let maxLane = 0;
  for (const a of covering) maxLane = Math.max(maxLane, ctx.lanes.get(a.id) ?? 0);
  const padding = (maxLane + 1) * LANE_STEP;
  const layers: string[] = [];
  let shadow = '';
  const colour = (a: Annotation) => ctx.types.get(a.t)?.color ?? '#888888';
  for (const a of covering) {
    const lane = ctx.lanes.get(a.id) ?? 0;
    const c = a.x ? tint(colour(a), 45) : colour(a);
    if (a.st === 'vetted' && lane === maxLane) {
      shadow = `inset 0 -${LINE_WIDTH}px 0 ${c}`;
    } else {
      const y = `calc(100% - ${(maxLane - lane) * LANE_STEP}px)`;
      const line = a.st === 'vetted' ? `linear-gradient(${c}, ${c})`
        : a.st === 'pending' ? `repeating-linear-gradient(90deg, ${c} 0 6px, transparent 6px 9px)`
          : `repeating-linear-gradient(90deg, ${c} 0 2px, transparent 2px 4px)`;
      layers.push(`${line} 0 ${y} / 100% ${LINE_WIDTH}px no-repeat`);
    }
    if (a.x) {
      // A strike line through the middle of the glyphs (the padding sits below them).
      layers.push(`linear-gradient(${colour(a)}, ${colour(a)}) 0 calc(55% - ${Math.round(padding * 0.55)}px) / 100% 1.5px no-repeat`);
    }
  }
  const inner = covering[0];
  if (inner) {
    const c = colour(inner);
    layers.push(inner.st === 'draft'
      ? `repeating-linear-gradient(135deg, ${tint(c, 30)} 0 3px, transparent 3px 6px) 0 0 / 100% calc(100% - ${padding}px) no-repeat`
      : `content-box ${tint(c, inner.x ? 8 : 16)}`);
  }
  return { background: layers.join(', '), padding, shadow };
}

const STATE_WORDS: Record<AnnotationState, string> = { vetted: 'vetted', pending: 'pending review', draft: 'draft' };

/** Hover text of a covered segment: one line per covering annotation, innermost first. */
export function segmentTitle(covering: readonly Annotation[], types: ReadonlyMap<string, AnnotationType>): string {
  return covering.map((a) => {
    const type = types.get(a.t)?.name ?? a.t;
    const state = STATE_WORDS[a.st] + (a.x ? ', deletion proposed' : '');
    return a.l ? `${a.l} — ${type} (${state})` : `${type} (${state})`;
  }).join('\n');
}

/**
 * Draws one passage: a block with data-start/data-end and dir="auto" (so Arabic runs right to left
 * while offsets stay logical) holding one span per segment, each with data-s and exactly one text
 * node. Text only ever enters as text nodes and attributes.
 */
export function renderPassage(doc: Document, passage: Passage, annotations: readonly Annotation[],
    citations: readonly Span[], ctx: RenderContext): HTMLElement {
  const [start, end, kind, level] = passage;
  const el = doc.createElement('div');
  el.className = `passage passage-${kind.toLowerCase()}`;
  el.dataset.start = String(start);
  el.dataset.end = String(end);
  el.dir = 'auto';
  if (kind === 'HEADING') {
    el.setAttribute('role', 'heading');
    el.setAttribute('aria-level', String(Math.min(6, Math.max(1, level || 2))));
    el.dataset.level = String(level);
  }
  let lanes = 0;
  for (const seg of segmentRange(start, end, annotations, citations)) {
    const span = doc.createElement('span');
    span.dataset.s = String(seg.s);
    span.appendChild(doc.createTextNode(ctx.text.slice(seg.s, seg.e)));
    if (seg.citation) span.className = 'citation';
    if (seg.covering.length > 0) {
      const { background, padding, shadow } = segmentBackground(seg.covering, ctx);
      lanes = Math.max(lanes, padding / LANE_STEP);
      span.classList.add('ann');
      if (ctx.currentId !== null && seg.covering.some((a) => a.id === ctx.currentId)) span.classList.add('current');
      span.dataset.ids = seg.covering.map((a) => a.id).join(' ');
      // The states in the same order as the ids: styling is in the background, this says it in words.
      span.dataset.states = seg.covering.map((a) => (a.x ? 'deleting' : a.st)).join(' ');
      span.title = segmentTitle(seg.covering, ctx.types);
      span.style.background = background;
      span.style.paddingBottom = `${padding}px`;
      if (shadow) span.style.boxShadow = shadow;
    }
    el.appendChild(span);
  }
  if (lanes > 0) el.style.setProperty('--lanes', String(lanes));
  return el;
}

// ---------------------------------------------------------------------------------------------
// DOM boundary points <-> text offsets

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_POSITION_PRECEDING = 2;
const DOCUMENT_POSITION_CONTAINS = 8;

function isSegment(node: Node): node is HTMLElement {
  return node.nodeType === ELEMENT_NODE && (node as Element).hasAttribute('data-s');
}

function segmentStart(seg: Element): number { return Number(seg.getAttribute('data-s')); }

function segmentLength(seg: Element): number { return seg.textContent?.length ?? 0; }

function segmentEnd(seg: Element): number { return segmentStart(seg) + segmentLength(seg); }

function firstSegmentIn(node: Node): Element | null {
  if (isSegment(node)) return node;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const found = firstSegmentIn(child);
    if (found) return found;
  }
  return null;
}

function lastSegmentIn(node: Node): Element | null {
  if (isSegment(node)) return node;
  for (let child = node.lastChild; child; child = child.previousSibling) {
    const found = lastSegmentIn(child);
    if (found) return found;
  }
  return null;
}

/** First segment at or after `from` (a child of parent, or null for "after parent's children"). */
function segmentFrom(from: Node | null, parent: Node, root: Node): Element | null {
  let node = from;
  let container = parent;
  for (;;) {
    for (; node; node = node.nextSibling) {
      const found = firstSegmentIn(node);
      if (found) return found;
    }
    if (container === root || !container.parentNode) return null;
    node = container.nextSibling;
    container = container.parentNode;
  }
}

/** Last segment at or before `from` (a child of parent, or null for "before parent's children"). */
function segmentBefore(from: Node | null, parent: Node, root: Node): Element | null {
  let node = from;
  let container = parent;
  for (;;) {
    for (; node; node = node.previousSibling) {
      const found = lastSegmentIn(node);
      if (found) return found;
    }
    if (container === root || !container.parentNode) return null;
    node = container.previousSibling;
    container = container.parentNode;
  }
}

/** Characters of the segment's text before the boundary point (node, offset) inside it. */
function textBefore(seg: Element, node: Node, offset: number): number {
  if (node.nodeType === TEXT_NODE) {
    let count = Math.max(0, Math.min(offset, (node as Text).data.length));
    for (let n = precedingInside(seg, node); n; n = precedingInside(seg, n)) {
      if (n.nodeType === TEXT_NODE) count += (n as Text).data.length;
    }
    return count;
  }
  let count = 0;
  const children = node.childNodes;
  for (let i = 0; i < offset && i < children.length; i++) count += children[i].textContent?.length ?? 0;
  if (node !== seg) {
    for (let n = precedingInside(seg, node); n; n = precedingInside(seg, n)) {
      if (n.nodeType === TEXT_NODE) count += (n as Text).data.length;
    }
  }
  return count;
}

/** The node before n in document order, without leaving seg (and without entering n's ancestors). */
function precedingInside(seg: Node, n: Node): Node | null {
  if (n === seg) return null;
  if (n.previousSibling) {
    let last: Node = n.previousSibling;
    while (last.lastChild) last = last.lastChild;
    return last;
  }
  const parent = n.parentNode;
  return parent && parent !== seg ? precedingInside(seg, parent) : null;
}

function firstStart(root: Node): number | null {
  const seg = firstSegmentIn(root);
  return seg ? segmentStart(seg) : null;
}

function lastEnd(root: Node): number | null {
  const seg = lastSegmentIn(root);
  return seg ? segmentEnd(seg) : null;
}

/**
 * The text offset of a DOM boundary point (node, offset), as found in a Selection or Range.
 * Inside a segment it is exact. Elsewhere (between passages, in a passage element, in chrome such
 * as the legend) a start boundary moves to the next segment's start and an end boundary to the
 * previous segment's end, so that text dropped between passages is never picked up. Points outside
 * root clamp to its first or last offset. Null when root holds no segment.
 */
export function offsetAtBoundary(root: Node, node: Node, offset: number, bias: Bias): number | null {
  if (node !== root && !root.contains(node)) {
    const position = root.compareDocumentPosition(node);
    let before: boolean;
    if (position & DOCUMENT_POSITION_CONTAINS) {
      const child = node.childNodes[offset];
      // The boundary sits just before child: before root if child is, holds, or precedes root.
      before = child !== undefined && (child === root || child.contains(root)
        || (root.compareDocumentPosition(child) & DOCUMENT_POSITION_PRECEDING) !== 0);
    } else {
      before = (position & DOCUMENT_POSITION_PRECEDING) !== 0;
    }
    return before ? firstStart(root) : lastEnd(root);
  }
  const element = node.nodeType === ELEMENT_NODE ? node as Element : node.parentElement;
  const seg = element?.closest('[data-s]');
  if (seg && (seg === root || root.contains(seg))) {
    return segmentStart(seg) + Math.min(segmentLength(seg), textBefore(seg, node, offset));
  }
  let next: Element | null;
  let previous: Element | null;
  if (node.nodeType === ELEMENT_NODE) {
    const child = node.childNodes[offset] ?? null;
    next = child ? segmentFrom(child, node, root) : segmentFrom(null, node, root);
    previous = child ? segmentBefore(child.previousSibling, node, root) : segmentBefore(node.lastChild, node, root);
  } else {
    const parent = node.parentNode ?? root;
    next = segmentFrom(node.nextSibling, parent, root);
    previous = segmentBefore(node.previousSibling, parent, root);
  }
  if (bias === 'start') return next ? segmentStart(next) : previous ? segmentEnd(previous) : null;
  return previous ? segmentEnd(previous) : next ? segmentStart(next) : null;
}

function passageBounds(el: Element): [number, number] {
  return [Number(el.getAttribute('data-start')), Number(el.getAttribute('data-end'))];
}

/**
 * The DOM point for a text offset, for building a Range or Selection. passages are the passage
 * elements in text order (wherever they sit: the editor groups them in chunks). At a boundary between two segments (or passages) a start bias picks the
 * beginning of the later one and an end bias the end of the earlier one; an offset in text that is
 * not drawn (between passages) moves forward for a start and back for an end. Null when nothing
 * is drawn.
 */
export function pointAtOffset(passages: ArrayLike<Element>, offset: number, bias: Bias): TextPoint | null {
  const n = passages.length;
  const drawn = (i: number) => passages[i].firstElementChild !== null;
  if (bias === 'start') {
    // The first passage ending after offset; the point is in it, or at its start.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (passageBounds(passages[mid])[1] <= offset) lo = mid + 1; else hi = mid;
    }
    let i = lo;
    while (i < n && !drawn(i)) i++;
    if (i < n) return pointInPassage(passages[i], Math.max(offset, passageBounds(passages[i])[0]), bias);
    for (i = n - 1; i >= 0 && !drawn(i); i--);
    return i >= 0 ? pointInPassage(passages[i], passageBounds(passages[i])[1], 'end') : null;
  }
  // The last passage starting before offset; the point is in it, or at its end.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passageBounds(passages[mid])[0] < offset) lo = mid + 1; else hi = mid;
  }
  let i = lo - 1;
  while (i >= 0 && !drawn(i)) i--;
  if (i >= 0) return pointInPassage(passages[i], Math.min(offset, passageBounds(passages[i])[1]), bias);
  for (i = 0; i < n && !drawn(i); i++);
  return i < n ? pointInPassage(passages[i], passageBounds(passages[i])[0], 'start') : null;
}

/** The point for an offset within a passage's range: in the segment starting at or before it
 * (start bias) or strictly before it (end bias), so shared boundaries resolve as described above. */
function pointInPassage(passage: Element, offset: number, bias: Bias): TextPoint | null {
  const segments = passage.children;
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = segmentStart(segments[mid]);
    if (s < offset || (s === offset && bias === 'start')) lo = mid + 1; else hi = mid;
  }
  const seg = segments[Math.max(0, lo - 1)];
  const text = seg?.firstChild;
  if (!text || text.nodeType !== TEXT_NODE) return null;
  const inNode = Math.max(0, Math.min((text as Text).data.length, offset - segmentStart(seg)));
  return { textNode: text as Text, offsetInNode: inNode };
}

// ---------------------------------------------------------------------------------------------
// Others' selections

/** Someone else's selection, as the server sends it: their user id, name, and [s, e). */
export interface Peer { id: string; n: string; s: number; e: number }

/** How many tints there are for others' selections (the element styles ::highlight(annals-peer-0) and on). */
export const PEER_SLOTS = 6;

/** A person's tint: a hash of their id, so that everyone sees the same person in the same tint. */
export function peerSlot(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return (hash >>> 0) % PEER_SLOTS;
}

/**
 * The peers whose selection is a range in this text, widened off split surrogate pairs as the
 * reader's own is; anything else (negative, reversed, empty, past the end, not numbers) is dropped.
 */
export function validPeers(peers: readonly Peer[], text: string): Peer[] {
  const valid: Peer[] = [];
  for (const p of peers) {
    if (!Number.isInteger(p.s) || !Number.isInteger(p.e) || p.s < 0 || p.e > text.length || p.e <= p.s) continue;
    const [s, e] = snapRange(text, p.s, p.e);
    valid.push({ id: String(p.id), n: String(p.n), s, e });
  }
  return valid;
}

/** The names of the people whose selection covers the character at offset, each once, in order. */
export function peersAt(peers: readonly Peer[], offset: number): string[] {
  const names: string[] = [];
  for (const p of peers) if (p.s <= offset && offset < p.e && !names.includes(p.n)) names.push(p.n);
  return names;
}

/** A segment's hover text with a line naming the people who have it selected. */
export function withPeers(title: string, names: readonly string[]): string {
  if (names.length === 0) return title;
  const line = `Selected by ${names.join(', ')}`;
  return title ? `${title}\n${line}` : line;
}

/**
 * One DOM Range per peer over the drawn text, grouped by tint, for CSS custom highlights: they paint
 * without touching the DOM, so the reader's own selection, clicks and the text itself are left alone.
 * A range that maps to nothing drawn is left out.
 */
export function peerRanges(doc: Document, passages: ArrayLike<Element>, peers: readonly Peer[]): Map<number, Range[]> {
  const groups = new Map<number, Range[]>();
  for (const p of peers) {
    const range = rangeOf(doc, passages, p.s, p.e);
    if (!range) continue;
    const slot = peerSlot(p.id);
    const list = groups.get(slot);
    if (list) list.push(range); else groups.set(slot, [range]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Find in this source

/** Lightly marked hits drawn at most: the server sends those around the current one, this bounds a bad call. */
export const MAX_FIND_MARKS = 1000;

/** Hits of "find in this source" as the server sends them: the current one and others, each [s, e). */
export interface FindMarks { current: Span | null; others: Span[]; scroll: boolean }

/**
 * Reads what the server sent for "find in this source": ranges inside the text, widened off split
 * surrogate pairs; anything else (negative, reversed, empty, past the end, not numbers) is dropped,
 * and no more than MAX_FIND_MARKS others are kept.
 */
export function validFindMarks(data: unknown, text: string): FindMarks {
  const span = (value: unknown): Span | null => {
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [s, e] = value as unknown[];
    if (!Number.isInteger(s) || !Number.isInteger(e)) return null;
    const start = s as number;
    const end = e as number;
    if (start < 0 || end > text.length || end <= start) return null;
    const [from, to] = snapRange(text, start, end);
    return { s: from, e: to };
  };
  const record = (data && typeof data === 'object' ? data : {}) as { current?: unknown; others?: unknown; scroll?: unknown };
  const others: Span[] = [];
  if (Array.isArray(record.others)) {
    for (const value of record.others) {
      if (others.length >= MAX_FIND_MARKS) break;
      const valid = span(value);
      if (valid) others.push(valid);
    }
  }
  return { current: span(record.current), others, scroll: record.scroll === true };
}

/** A DOM Range over the drawn text for [s, e), or null when it maps to nothing drawn. */
export function rangeOf(doc: Document, passages: ArrayLike<Element>, s: number, e: number): Range | null {
  const from = pointAtOffset(passages, s, 'start');
  const to = pointAtOffset(passages, e, 'end');
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.textNode, from.offsetInNode);
  range.setEnd(to.textNode, to.offsetInNode);
  return range.collapsed ? null : range;
}

/**
 * How far to scroll a box so that a rectangle sits in the middle of what is visible of it, or 0 when
 * the rectangle is already wholly visible. visibleTop and visibleBottom bound the part of the box that
 * is on screen.
 */
export function scrollToCentre(target: { top: number; bottom: number }, visibleTop: number, visibleBottom: number): number {
  if (target.top >= visibleTop && target.bottom <= visibleBottom) return 0;
  return Math.round((target.top + target.bottom) / 2 - (visibleTop + visibleBottom) / 2);
}

/** What SelectionShare needs of time: injected, so that tests can run it on a fake clock. */
export interface Clock {
  now(): number;
  later(run: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

/**
 * Passes the reader's selection on to the others at most once per interval, and only when it
 * differs from the last one passed on: the first change goes at once, changes within the interval
 * wait for its end and then go as one, the latest. Nothing selected is null; nothing has been
 * passed on at first, which counts as null.
 */
export class SelectionShare {
  private readonly interval: number;
  private readonly send: (selection: Span | null) => void;
  private readonly clock: Clock;
  private last: Span | null = null;
  private latest: Span | null = null;
  private sentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;

  constructor(interval: number, send: (selection: Span | null) => void, clock: Clock) {
    this.interval = interval;
    this.send = send;
    this.clock = clock;
  }

  offer(selection: Span | null) {
    this.latest = selection ? { s: selection.s, e: selection.e } : null;
    if (this.timer !== null) return;
    const wait = this.sentAt + this.interval - this.clock.now();
    if (wait > 0) {
      this.timer = this.clock.later(() => {
        this.timer = null;
        this.flush();
      }, wait);
    } else {
      this.flush();
    }
  }

  /** Drops a pending send (the element left the page). */
  cancel() {
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
  }

  private flush() {
    const a = this.latest;
    const b = this.last;
    if (a === b || (a && b && a.s === b.s && a.e === b.e)) return;
    this.last = a;
    this.sentAt = this.clock.now();
    this.send(a);
  }
}

// ---------------------------------------------------------------------------------------------
// Suggestions (ghost highlights)

/**
 * A suggestion as the server sends it: its key, [s, e), its kind's id (see SuggestionKind) and a short
 * label of what it means. Drawn as a CSS custom highlight, never as part of the segments: suggestions
 * leave the text's DOM and the annotations' drawing alone, however many there are.
 */
export interface Suggestion { id: string; s: number; e: number; k: string; l: string }

/** A kind of suggestion as the legend shows it: id, name and the CSS name of its highlight. */
export interface SuggestionKind { id: string; name: string; css: string }

/** Suggestions drawn at most: a bound on a bad call, far above what a source gets. */
export const MAX_SUGGESTIONS = 20000;

/**
 * Reads what the server sent: suggestions of a known kind whose range lies in the text (widened off
 * split surrogate pairs), each id once, sorted in document order; anything else is dropped, and no
 * more than MAX_SUGGESTIONS are kept.
 */
export function validSuggestions(data: unknown, text: string, kinds: ReadonlySet<string>): Suggestion[] {
  const valid: Suggestion[] = [];
  const seen = new Set<string>();
  for (const value of Array.isArray(data) ? data : []) {
    if (valid.length >= MAX_SUGGESTIONS) break;
    const item = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const { s, e } = item;
    if (!Number.isInteger(s) || !Number.isInteger(e)) continue;
    const start = s as number;
    const end = e as number;
    const id = String(item.id ?? '');
    const kind = String(item.k ?? '');
    if (start < 0 || end > text.length || end <= start || id === '' || seen.has(id) || !kinds.has(kind)) continue;
    seen.add(id);
    const [from, to] = snapRange(text, start, end);
    valid.push({ id, s: from, e: to, k: kind, l: String(item.l ?? '') });
  }
  return valid.sort(compareSuggestions);
}

/** Document order: by start, the longer first, then id. */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return a.s - b.s || b.e - a.e || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The suggestion to move to from `from` (the current one, or where the reader is when null: an offset),
 * `delta` steps on (1 next, -1 previous), among those shown. Suggestions are sorted in document order.
 * From a suggestion that has just gone (accepted or rejected), the next is the first after where it
 * was. Null when there is none in that direction.
 */
export function stepSuggestion(ordered: readonly Suggestion[], from: Suggestion | number | null, delta: number,
    shown: (s: Suggestion) => boolean): Suggestion | null {
  // Index of the first suggestion after `from` in document order.
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const after = from === null ? false
      : typeof from === 'number' ? ordered[mid].s >= from : compareSuggestions(ordered[mid], from) > 0;
    if (after) hi = mid; else lo = mid + 1;
  }
  if (from === null) lo = delta > 0 ? 0 : ordered.length;
  if (delta > 0) {
    for (let i = lo; i < ordered.length; i++) if (shown(ordered[i])) return ordered[i];
    return null;
  }
  // Before: skip `from` itself (it sorts just before lo when it is still there).
  for (let i = lo - 1; i >= 0; i--) {
    const s = ordered[i];
    if (typeof from === 'object' && from !== null && s.id === from.id) continue;
    if (shown(s)) return s;
  }
  return null;
}

/** The shown suggestions that cover the character at offset, innermost (shortest) first. */
export function suggestionsAt(ordered: readonly Suggestion[], offset: number, shown: (s: Suggestion) => boolean): Suggestion[] {
  const found: Suggestion[] = [];
  for (const s of ordered) {
    if (s.s > offset) break;
    if (offset < s.e && shown(s)) found.push(s);
  }
  return found.sort((a, b) => (a.e - a.s) - (b.e - b.s));
}

/** How many suggestions there are of each kind. */
export function countByKind(suggestions: Iterable<Suggestion>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of suggestions) counts.set(s.k, (counts.get(s.k) ?? 0) + 1);
  return counts;
}

/**
 * The suggestions that start inside any of these spans (sorted by start, not overlapping), in document
 * order: those of the passages near the view, the only ones worth a highlight range.
 */
export function suggestionsStartingIn(ordered: readonly Suggestion[], spans: readonly Span[]): Suggestion[] {
  const found: Suggestion[] = [];
  for (const span of spans) {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ordered[mid].s < span.s) lo = mid + 1; else hi = mid;
    }
    for (let i = lo; i < ordered.length && ordered[i].s < span.e; i++) found.push(ordered[i]);
  }
  return found;
}
