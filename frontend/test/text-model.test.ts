/// <reference types="node" />
/**
 * Tests for text-model.ts, run by Node's own test runner (no npm packages):
 *
 *   node --test "frontend/test/*.test.ts"      (from the project directory; Node 23+, or Node 22.13+
 *                                              with --experimental-strip-types; Chromium on the PATH
 *                                              or in ANNALS_CHROMIUM)
 *
 * The pure logic runs in Node. The DOM mapping must be checked against a real layout engine (bidi,
 * surrogate pairs, Selection), so those checks run in headless Chromium: the model's types are
 * stripped, a temporary page imports the JavaScript, draws a fixture with the model's own
 * renderPassage, runs browserChecks() below and writes the results into the page, and Chromium's
 * --dump-dom hands them back here to be asserted case by case.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Model from '../components/text-model.ts';
import type { Annotation, AnnotationType, Passage } from '../components/text-model.ts';

// A computed specifier: Node strips the types itself; the project's tsc (which has no
// allowImportingTsExtensions) only sees the type-only imports above.
const modelUrl = new URL('../components/text-model.ts', import.meta.url);
const model: typeof Model = await import(modelUrl.href);

// ---------------------------------------------------------------------------------------------
// Fixture: chrome that is not drawn, an English passage with crossing and nested annotations, an
// emoji and a citation, an Arabic passage with nested annotations, and a table.
//
//   text offsets: p1 [13, 51)  army [20, 24)  entered [25, 32)  Kyiv [33, 37)  [12] [38, 42)
//                 at dawn [43, 50)  😀 [17, 19)   p2 [53, 79)  الجيش [57, 62)  المدينة [67, 74)
//                 p3 [80, 100)
const P1 = 'The 😀 army entered Kyiv [12] at dawn.';
const P2 = 'دخل الجيش إلى المدينة فجرا';
const P3 = 'Killed\t12\nWounded\t30';
const TEXT = `Menu | Share\n${P1}\n\n${P2}\n${P3}`;
const PASSAGES: Passage[] = [[13, 51, 'PARAGRAPH', 0], [53, 79, 'PARAGRAPH', 0], [80, 100, 'TABLE', 0]];
const CITATIONS: [number, number][] = [[38, 42]];
const TYPES: AnnotationType[] = [
  { id: 'event', name: 'Event mention', color: '#d62728', key: '1' },
  { id: 'entity', name: 'Entity mention', color: '#1f77b4', key: '2' },
  { id: 'date', name: 'Date', color: '#2ca02c', key: '3' },
  { id: 'casualty', name: 'Casualty figure', color: '#9467bd', key: '4' },
];
const ANNOTATIONS: Annotation[] = [
  { id: 'A', s: 20, e: 32, t: 'event', st: 'vetted', l: 'Entry into Kyiv' },
  { id: 'B', s: 25, e: 37, t: 'entity', st: 'pending', l: 'Kyiv <b>city</b>' },
  { id: 'D', s: 33, e: 37, t: 'entity', st: 'draft', l: 'Kyiv' },
  { id: 'C', s: 43, e: 50, t: 'date', st: 'vetted', l: 'dawn', x: true },
  { id: 'E', s: 57, e: 62, t: 'entity', st: 'vetted', l: 'the army' },
  { id: 'F', s: 57, e: 74, t: 'event', st: 'pending', l: 'entry' },
  { id: 'G', s: 87, e: 89, t: 'casualty', st: 'vetted', l: '12 killed' },
];
const byId = (id: string) => ANNOTATIONS.find((a) => a.id === id)!;

// ---------------------------------------------------------------------------------------------
// Pure logic

describe('segments', () => {
  test('a passage is cut at every annotation and citation boundary, innermost annotation first', () => {
    const segments = model.segmentRange(13, 51, ANNOTATIONS, model.mergeSpans(CITATIONS));
    assert.deepEqual(segments.map((s) => [s.s, s.e, TEXT.slice(s.s, s.e), s.covering.map((a) => a.id).join(' '), s.citation]), [
      [13, 20, 'The 😀 ', '', false],
      [20, 25, 'army ', 'A', false],
      [25, 32, 'entered', 'B A', false],
      [32, 33, ' ', 'B', false],
      [33, 37, 'Kyiv', 'D B', false],
      [37, 38, ' ', '', false],
      [38, 42, '[12]', '', true],
      [42, 43, ' ', '', false],
      [43, 50, 'at dawn', 'C', false],
      [50, 51, '.', '', false],
    ]);
  });

  test('annotations reaching outside the range are clipped and empty ones ignored', () => {
    const spans: Annotation[] = [
      { id: 'wide', s: 0, e: 30, t: 'event', st: 'vetted', l: '' },
      { id: 'empty', s: 22, e: 22, t: 'event', st: 'vetted', l: '' },
      { id: 'outside', s: 40, e: 45, t: 'event', st: 'vetted', l: '' },
    ];
    const segments = model.segmentRange(20, 35, spans, [{ s: 10, e: 21 }]);
    assert.deepEqual(segments.map((s) => [s.s, s.e, s.covering.map((a) => a.id), s.citation]), [
      [20, 21, ['wide'], true],
      [21, 30, ['wide'], false],
      [30, 35, [], false],
    ]);
    assert.deepEqual(model.segmentRange(5, 5, spans, []), []);
  });

  test('nested and touching citations merge into one span', () => {
    assert.deepEqual(model.mergeSpans([[10, 14], [2, 4], [11, 12], [4, 6], [20, 20]]), [{ s: 2, e: 6 }, { s: 10, e: 14 }]);
    const spans = [{ s: 2, e: 6 }, { s: 10, e: 14 }];
    assert.equal(model.firstEndingAfter(spans, 0), 0);
    assert.equal(model.firstEndingAfter(spans, 6), 1);
    assert.equal(model.firstEndingAfter(spans, 14), 2);
  });

  test('the passages a span touches are found by binary search', () => {
    assert.deepEqual(model.passagesTouching(PASSAGES, 20, 32), [0]);
    assert.deepEqual(model.passagesTouching(PASSAGES, 40, 60), [0, 1]);
    assert.deepEqual(model.passagesTouching(PASSAGES, 51, 53), []);
    assert.deepEqual(model.passagesTouching(PASSAGES, 0, 200), [0, 1, 2]);
  });
});

describe('lanes', () => {
  test('crossing and nested annotations get separate lanes, disjoint ones share lane 0', () => {
    const lanes = model.assignLanes(ANNOTATIONS);
    assert.deepEqual(Object.fromEntries(lanes), { A: 0, B: 1, D: 0, C: 0, F: 0, E: 1, G: 0 });
  });

  test('touching annotations share a lane; three mutually overlapping need three', () => {
    const a = (id: string, s: number, e: number): Annotation => ({ id, s, e, t: 'event', st: 'vetted', l: '' });
    assert.deepEqual(Object.fromEntries(model.assignLanes([a('x', 0, 5), a('y', 5, 9)])), { x: 0, y: 0 });
    assert.deepEqual(Object.fromEntries(model.assignLanes([a('x', 0, 9), a('y', 1, 8), a('z', 2, 3), a('w', 4, 5)])),
      { x: 0, y: 1, z: 2, w: 2 });
  });

  test('adding an annotation moves only lanes chained to it by overlaps', () => {
    const before = model.assignLanes(ANNOTATIONS);
    const added: Annotation = { id: 'H', s: 19, e: 26, t: 'claim', st: 'draft', l: '' };
    const after = model.assignLanes([...ANNOTATIONS, added]);
    // H starts first in its cluster, so it takes lane 0 and A and B move; the Arabic pair and G stay.
    assert.deepEqual(model.changedLanes(before, after).sort(), ['A', 'B', 'H']);
    assert.deepEqual(model.changedLanes(after, before).sort(), ['A', 'B', 'H']);
  });

  test('document order is by start, longer first; innermost order is shorter first', () => {
    assert.deepEqual([...ANNOTATIONS].sort(model.compareDocumentOrder).map((a) => a.id), ['A', 'B', 'D', 'C', 'F', 'E', 'G']);
    assert.deepEqual([byId('B'), byId('D'), byId('A')].sort(model.compareInnermost).map((a) => a.id), ['D', 'B', 'A']);
  });
});

describe('surrogate pairs', () => {
  test('an offset inside an emoji is detected and snapped in the asked direction', () => {
    assert.equal(model.splitsSurrogatePair(TEXT, 18), true);
    assert.equal(model.splitsSurrogatePair(TEXT, 17), false);
    assert.equal(model.splitsSurrogatePair(TEXT, 19), false);
    assert.equal(model.snapOffset(TEXT, 18, 'backward'), 17);
    assert.equal(model.snapOffset(TEXT, 18, 'forward'), 19);
    assert.equal(model.snapOffset(TEXT, 20, 'forward'), 20);
    assert.equal(model.snapOffset(TEXT, 500, 'forward'), TEXT.length);
  });

  test('a range is widened so the emoji is wholly in it', () => {
    assert.deepEqual(model.snapRange(TEXT, 18, 24), [17, 24]);
    assert.deepEqual(model.snapRange(TEXT, 13, 18), [13, 19]);
    assert.equal(TEXT.slice(...model.snapRange(TEXT, 18, 18)), '😀');
  });
});

describe('drawing', () => {
  const ctx = {
    text: TEXT, types: new Map(TYPES.map((t) => [t.id, t])), lanes: model.assignLanes(ANNOTATIONS), currentId: null,
  };

  test('each covering annotation adds a line in its colour and state; the innermost tints', () => {
    const { background, padding, shadow } = model.segmentBackground([byId('D'), byId('B')], ctx);
    // B is in lane 1, so two lanes of 3 px: D (lane 0) 3 px above the bottom, B at the bottom.
    assert.equal(padding, 6);
    assert.equal(shadow, '', 'no vetted line: every line is a gradient layer');
    const layers = background.split(/, (?=(?:linear|repeating))/);
    assert.equal(layers.length, 3);
    assert.match(layers[0], /^repeating-linear-gradient\(90deg, #1f77b4 0 2px, transparent 2px 4px\) 0 calc\(100% - 3px\)/);
    assert.match(layers[1], /^repeating-linear-gradient\(90deg, #1f77b4 0 6px, transparent 6px 9px\) 0 calc\(100% - 0px\)/);
    assert.match(layers[2], /^repeating-linear-gradient\(135deg, color-mix\(in srgb, #1f77b4 30%, transparent\)/);
  });

  test('a proposed deletion is struck through and faded; vetted is solid', () => {
    const { background, shadow } = model.segmentBackground([byId('C')], ctx);
    // The solid line in the bottom lane is a box shadow, the tint a colour: no gradient but the strike line.
    assert.equal(shadow, 'inset 0 -2px 0 color-mix(in srgb, #2ca02c 45%, transparent)');
    assert.equal(background, 'linear-gradient(#2ca02c, #2ca02c) 0 calc(55% - 2px) / 100% 1.5px no-repeat, '
      + 'content-box color-mix(in srgb, #2ca02c 8%, transparent)');
  });

  test('a vetted annotation alone is painted without any gradient', () => {
    const vetted = { ...byId('C'), x: false };
    const { background, padding, shadow } = model.segmentBackground([vetted], ctx);
    assert.equal(padding, 3);
    assert.equal(shadow, 'inset 0 -2px 0 #2ca02c');
    assert.equal(background, 'content-box color-mix(in srgb, #2ca02c 16%, transparent)');
  });

  test('the hover text names every covering annotation, innermost first, as plain text', () => {
    assert.equal(model.segmentTitle([byId('D'), byId('B')], ctx.types),
      'Kyiv — Entity mention (draft)\nKyiv <b>city</b> — Entity mention (pending review)');
    assert.equal(model.segmentTitle([byId('C')], ctx.types), 'dawn — Date (vetted, deletion proposed)');
  });
});

describe("others' selections", () => {
  const alice = { id: '6f1c2a9e-0000-4000-8000-000000000001', n: 'Alice', s: 20, e: 32 };
  const bob = { id: '6f1c2a9e-0000-4000-8000-000000000002', n: 'Bob <b>', s: 25, e: 37 };

  test('each person keeps one tint, the same on every screen, within the slots', () => {
    assert.equal(model.peerSlot(alice.id), model.peerSlot(alice.id));
    const slots = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const slot = model.peerSlot(`user-${i}`);
      assert.ok(Number.isInteger(slot) && slot >= 0 && slot < model.PEER_SLOTS, `slot ${slot}`);
      slots.add(slot);
    }
    // A hash, not a constant: two hundred people spread over every tint.
    assert.equal(slots.size, model.PEER_SLOTS);
  });

  test('selections outside the text, reversed, empty or not numbers are dropped; a split emoji is widened', () => {
    const peers = [
      alice,
      { id: 'x', n: 'Reversed', s: 30, e: 20 },
      { id: 'y', n: 'Empty', s: 20, e: 20 },
      { id: 'z', n: 'Past the end', s: 90, e: TEXT.length + 1 },
      { id: 'w', n: 'Negative', s: -1, e: 5 },
      { id: 'v', n: 'Text', s: '3' as unknown as number, e: 9 },
      { id: 'u', n: 'Half an emoji', s: 18, e: 24 },
    ];
    assert.deepEqual(model.validPeers(peers, TEXT), [alice, { id: 'u', n: 'Half an emoji', s: 17, e: 24 }]);
  });

  test('the hover text names whoever has the character selected, after the annotations', () => {
    const peers = [alice, bob, { ...alice, s: 30, e: 40 }];
    assert.deepEqual(model.peersAt(peers, 19), []);
    assert.deepEqual(model.peersAt(peers, 20), ['Alice']);
    assert.deepEqual(model.peersAt(peers, 31), ['Alice', 'Bob <b>']);
    assert.deepEqual(model.peersAt(peers, 37), ['Alice']);
    assert.deepEqual(model.peersAt(peers, 40), []);
    assert.equal(model.withPeers('Kyiv — Entity mention (draft)', ['Alice', 'Bob <b>']),
      'Kyiv — Entity mention (draft)\nSelected by Alice, Bob <b>');
    assert.equal(model.withPeers('', ['Alice']), 'Selected by Alice');
    assert.equal(model.withPeers('Kyiv', []), 'Kyiv');
  });

  /** A clock the test moves by hand. */
  function fakeClock() {
    let now = 1000;
    let pending: { at: number; run: () => void; handle: number }[] = [];
    let handles = 0;
    return {
      clock: {
        now: () => now,
        later: (run: () => void, ms: number) => {
          pending.push({ at: now + ms, run, handle: ++handles });
          return handles;
        },
        cancel: (handle: unknown) => { pending = pending.filter((p) => p.handle !== handle); },
      },
      advance(ms: number) {
        now += ms;
        const due = pending.filter((p) => p.at <= now);
        pending = pending.filter((p) => p.at > now);
        due.forEach((p) => p.run());
      },
      pendingCount: () => pending.length,
    };
  }

  test('the reader\'s selection is passed on at once, then at most once per interval, the latest, only if changed', () => {
    const time = fakeClock();
    const sent: (Model.Span | null)[] = [];
    const share = new model.SelectionShare(300, (s) => sent.push(s), time.clock);
    share.offer(null);
    assert.deepEqual(sent, [], 'nothing selected at first is nothing to tell');
    share.offer({ s: 1, e: 5 });
    assert.deepEqual(sent, [{ s: 1, e: 5 }], 'the first change goes at once');
    // A drag: many changes within the interval go as one, the last.
    for (let e = 6; e < 30; e++) {
      time.advance(10);
      share.offer({ s: 1, e });
    }
    assert.equal(sent.length, 1);
    time.advance(60);
    assert.deepEqual(sent, [{ s: 1, e: 5 }, { s: 1, e: 29 }]);
    // The same selection again is not sent; clearing is.
    time.advance(1000);
    share.offer({ s: 1, e: 29 });
    assert.equal(sent.length, 2);
    share.offer(null);
    assert.deepEqual(sent.at(-1), null);
    // Selected and cleared again within the interval: back where it was, nothing to tell.
    share.offer({ s: 3, e: 4 });
    share.offer(null);
    time.advance(300);
    assert.equal(sent.length, 3);
    // Leaving the page drops what is pending.
    time.advance(1000);
    share.offer({ s: 7, e: 9 });
    share.offer({ s: 7, e: 12 });
    share.cancel();
    time.advance(1000);
    assert.deepEqual(sent.at(-1), { s: 7, e: 9 });
    assert.equal(time.pendingCount(), 0);
  });
});

// ---------------------------------------------------------------------------------------------
// DOM checks in Chromium

interface Fixture { text: string; passages: Passage[]; citations: [number, number][]; types: AnnotationType[]; annotations: Annotation[] }

/**
 * Runs in the browser page (serialised with toString, so it may use only its parameters and
 * globals). Returns raw values; the assertions are made in Node, case by case.
 */
async function browserChecks(m: typeof Model, f: Fixture): Promise<Record<string, unknown>> {
  const doc = document;
  const before = doc.createElement('p');
  before.textContent = 'before the text';
  const root = doc.createElement('div');
  const after = doc.createElement('p');
  after.textContent = 'after the text';
  doc.body.append(before, root, after);
  const citations = m.mergeSpans(f.citations);
  const ctx = { text: f.text, types: new Map(f.types.map((t) => [t.id, t])), lanes: m.assignLanes(f.annotations), currentId: 'B' };
  for (const p of f.passages) {
    root.appendChild(m.renderPassage(doc, p, f.annotations.filter((a) => a.e > p[0] && a.s < p[1]), citations, ctx));
  }
  const seg = (s: number) => root.querySelector<HTMLElement>(`[data-s="${s}"]`)!;
  const textOf = (s: number) => seg(s).firstChild!;
  const passage = (i: number) => root.children[i] as HTMLElement;
  const at = (node: Node, offset: number, bias: 'start' | 'end') => m.offsetAtBoundary(root, node, offset, bias);
  const rangeText = (s: number, e: number) => {
    const from = m.pointAtOffset(root.children, s, 'start')!;
    const to = m.pointAtOffset(root.children, e, 'end')!;
    const range = doc.createRange();
    range.setStart(from.textNode, from.offsetInNode);
    range.setEnd(to.textNode, to.offsetInNode);
    return range.toString();
  };
  const r: Record<string, unknown> = {};

  r.markup = [...passage(0).children].map((el) => [
    Number(el.getAttribute('data-s')), el.textContent, el.getAttribute('data-ids'), el.className]);
  r.passageAttributes = [...root.children].map((p) => [p.className, p.getAttribute('data-start'), p.getAttribute('data-end'), p.getAttribute('dir')]);
  r.notOneTextNode = [...root.querySelectorAll('[data-s]')]
    .filter((el) => el.childNodes.length !== 1 || el.firstChild!.nodeType !== Node.TEXT_NODE).length;
  r.drawnText = [...root.children].map((p) => p.textContent);
  r.title = seg(33).title;
  r.pendingBackground = seg(32).style.backgroundImage.includes('repeating-linear-gradient');
  r.lanesVar = passage(0).style.getPropertyValue('--lanes');

  r.inTextNode = [at(textOf(13), 4, 'start'), at(textOf(33), 2, 'end'), at(textOf(53), 3, 'start')];
  r.inSegmentElement = [at(seg(20), 0, 'start'), at(seg(20), 1, 'end'), at(seg(33), 1, 'start')];
  r.inPassageElement = [at(passage(0), 0, 'start'), at(passage(0), passage(0).childNodes.length, 'end'),
    at(passage(0), 2, 'start'), at(passage(0), 2, 'end')];
  r.betweenPassages = [at(root, 1, 'start'), at(root, 1, 'end'), at(root, 0, 'end'), at(root, 3, 'start')];
  r.outside = [at(before.firstChild!, 3, 'end'), at(after.firstChild!, 1, 'start'), at(doc.body, 0, 'start'),
    at(doc.body, doc.body.childNodes.length, 'end')];

  const army = m.pointAtOffset(root.children, 20, 'start')!;
  r.emojiBeforeSpan = [army.textNode === textOf(20), army.offsetInNode, at(textOf(20), 0, 'start'), rangeText(20, 32)];
  const boundary = [m.pointAtOffset(root.children, 25, 'start')!, m.pointAtOffset(root.children, 25, 'end')!];
  r.sharedBoundary = boundary.map((p) => [Number(p.textNode.parentElement!.getAttribute('data-s')), p.offsetInNode]);
  const gap = [m.pointAtOffset(root.children, 52, 'start')!, m.pointAtOffset(root.children, 52, 'end')!, m.pointAtOffset(root.children, 0, 'start')!,
    m.pointAtOffset(root.children, 999, 'end')!];
  r.undrawnOffsets = gap.map((p) => at(p.textNode, p.offsetInNode, 'start'));

  const p2 = passage(1);
  r.arabic = {
    direction: getComputedStyle(p2).direction,
    matchesRtl: p2.matches(':dir(rtl)'),
    firstWordRightOfLast: seg(53).getBoundingClientRect().left > seg(74).getBoundingClientRect().right,
    army: [at(textOf(57), 0, 'start'), at(textOf(57), 5, 'end'), rangeText(57, 62), rangeText(57, 74)],
    middle: at(textOf(62), 5, 'start'),
  };

  // A Selection boundary between the halves of the emoji, as Selection.modify or a script can leave it.
  const selection = getSelection()!;
  selection.setBaseAndExtent(textOf(13), 5, textOf(20), 4);
  const range = selection.getRangeAt(0);
  const raw = [at(range.startContainer, range.startOffset, 'start'), at(range.endContainer, range.endOffset, 'end')];
  const snapped = m.snapRange(f.text, raw[0]!, raw[1]!);
  r.surrogate = { raw, snapped, quote: f.text.slice(snapped[0], snapped[1]) };
  selection.setBaseAndExtent(textOf(20), 0, passage(1), 2);
  const crossing = selection.getRangeAt(0);
  r.crossingSelection = [at(crossing.startContainer, crossing.startOffset, 'start'), at(crossing.endContainer, crossing.endOffset, 'end')];
  selection.removeAllRanges();

  r.quotes = Object.fromEntries(f.annotations.map((a) => [a.id, rangeText(a.s, a.e)]));
  const mismatches: string[] = [];
  for (const p of f.passages) {
    for (let o = p[0]; o <= p[1]; o++) {
      for (const bias of ['start', 'end'] as const) {
        const point = m.pointAtOffset(root.children, o, bias)!;
        const back = at(point.textNode, point.offsetInNode, bias);
        if (back !== o) mismatches.push(`${o}/${bias}->${back}`);
      }
    }
  }
  r.roundTripMismatches = mismatches;

  // Others' selections: ranges over the drawn text by tint, painted as custom highlights without a DOM change.
  const peers = [
    { id: 'alice', n: 'Alice', s: 20, e: 32 },
    { id: 'bob', n: 'Bob', s: 43, e: 62 },
    { id: 'carol', n: 'Carol', s: 51, e: 53 },
  ];
  r.peerRanges = peers.map((p) => [...m.peerRanges(doc, root.children, [p]).entries()]
    .map(([slot, ranges]) => [slot === m.peerSlot(p.id), ranges.map((range) => range.toString())]));
  const groups = m.peerRanges(doc, root.children, peers);
  r.peerGroups = [...groups.values()].map((ranges) => ranges.length).sort();
  // Find's hits: a range for [s, e) over the drawn text, nothing for text that is not drawn.
  r.findRanges = [[20, 24], [57, 62], [17, 19], [51, 53], [0, 5]].map(([s, e]) => m.rangeOf(doc, root.children, s, e)?.toString() ?? null);
  const markupBefore = root.innerHTML;
  selection.setBaseAndExtent(textOf(33), 0, textOf(33), 4);
  const highlights = (globalThis as any).CSS?.highlights;
  const Highlight = (globalThis as any).Highlight;
  r.highlightApi = !!highlights && !!Highlight;
  if (r.highlightApi) {
    for (const [slot, ranges] of groups) highlights.set(`test-peer-${slot}`, new Highlight(...ranges));
    r.highlightSizes = [...groups.keys()].map((slot) => highlights.get(`test-peer-${slot}`).size);
  }
  r.peersLeaveTextAndSelection = [root.innerHTML === markupBefore, selection.toString()];
  selection.removeAllRanges();
  return r;
}

function findChromium(): string | null {
  const configured = process.env.ANNALS_CHROMIUM;
  if (configured) return configured;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const RESULT_ATTRIBUTE = 'data-annals-result';

function pageFor(modelJs: string, fixture: Fixture): string {
  // Chromium will not import modules from file:// pages, so the model is imported from a Blob.
  const script = `
    const source = ${JSON.stringify(modelJs)};
    const out = document.documentElement;
    try {
      const m = await import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const result = await (${browserChecks.toString()})(m, ${JSON.stringify(fixture)});
      out.setAttribute('${RESULT_ATTRIBUTE}', encodeURIComponent(JSON.stringify({ ok: true, result })));
    } catch (e) {
      out.setAttribute('${RESULT_ATTRIBUTE}', encodeURIComponent(JSON.stringify({ ok: false, error: String(e && e.stack || e) })));
    }`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{width:760px;font:16px sans-serif}</style></head>`
    + `<body><script type="module">${script.replaceAll('</script', '<\\/script')}</script></body></html>`;
}

function runChromium(chromium: string, page: string, profile: string): Promise<string> {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`,
    '--virtual-time-budget=5000', '--dump-dom', pathToFileURL(page).href];
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && !stdout.includes(RESULT_ATTRIBUTE)) reject(new Error(`${chromium} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

describe('find in this source', () => {
  test('hits outside the text, reversed, empty or not numbers are dropped; a split emoji is widened', () => {
    const marks = model.validFindMarks({
      current: [33, 37],
      others: [[20, 24], [30, 20], [5, 5], [-1, 3], [90, TEXT.length + 1], ['3', 9], [18, 24], [1, 2, 3], null],
      scroll: true,
    }, TEXT);
    assert.deepEqual(marks, { current: { s: 33, e: 37 }, others: [{ s: 20, e: 24 }, { s: 17, e: 24 }], scroll: true });
  });

  test('no current hit, a bad current hit or anything that is not marks clears, without scrolling', () => {
    assert.deepEqual(model.validFindMarks({ others: [] }, TEXT), { current: null, others: [], scroll: false });
    assert.deepEqual(model.validFindMarks({ current: [10, 5000], scroll: 'yes' }, TEXT),
      { current: null, others: [], scroll: false });
    assert.deepEqual(model.validFindMarks(null, TEXT), { current: null, others: [], scroll: false });
    assert.deepEqual(model.validFindMarks('[1, 2]', TEXT), { current: null, others: [], scroll: false });
  });

  test('no more than MAX_FIND_MARKS other hits are drawn, whatever is sent', () => {
    const many = Array.from({ length: model.MAX_FIND_MARKS + 50 }, () => [20, 24]);
    assert.equal(model.validFindMarks({ others: many }, TEXT).others.length, model.MAX_FIND_MARKS);
  });

  test('a hit already in sight is not scrolled; one outside is brought to the middle of what is visible', () => {
    assert.equal(model.scrollToCentre({ top: 120, bottom: 140 }, 100, 500), 0);
    assert.equal(model.scrollToCentre({ top: 100, bottom: 500 }, 100, 500), 0);
    assert.equal(model.scrollToCentre({ top: 2000, bottom: 2020 }, 100, 500), 1710);
    assert.equal(model.scrollToCentre({ top: -300, bottom: -280 }, 100, 500), -590);
    // Half out of sight counts as out of sight.
    assert.equal(model.scrollToCentre({ top: 490, bottom: 510 }, 100, 500), 200);
  });
});

describe('DOM mapping in Chromium', () => {
  const chromium = findChromium();
  const required = process.env.ANNALS_REQUIRE_NODE_TESTS === 'true';
  const skip = chromium === null && !required ? 'no Chromium: set ANNALS_CHROMIUM or put chromium on the PATH' : false;
  let r: Record<string, any> = {};
  let work = '';

  before(async () => {
    if (skip) return;
    assert.ok(chromium, 'ANNALS_REQUIRE_NODE_TESTS=true but no Chromium: set ANNALS_CHROMIUM or put chromium on the PATH');
    work = mkdtempSync(join(tmpdir(), 'annals-text-test-'));
    const modelJs = stripTypeScriptTypes(readFileSync(modelUrl, 'utf8'));
    const page = join(work, 'page.html');
    writeFileSync(page, pageFor(modelJs, { text: TEXT, passages: PASSAGES, citations: CITATIONS, types: TYPES, annotations: ANNOTATIONS }));
    const dom = await runChromium(chromium, page, join(work, 'profile'));
    const match = dom.match(new RegExp(`${RESULT_ATTRIBUTE}="([^"]*)"`));
    assert.ok(match, `no result in the page Chromium dumped:\n${dom.slice(0, 2000)}`);
    const outcome = JSON.parse(decodeURIComponent(match[1]));
    assert.ok(outcome.ok, `the checks threw in the browser: ${outcome.error}`);
    r = outcome.result;
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('passages are blocks with their range and dir=auto; text between them is not drawn', { skip }, () => {
    assert.deepEqual(r.passageAttributes, [
      ['passage passage-paragraph', '13', '51', 'auto'],
      ['passage passage-paragraph', '53', '79', 'auto'],
      ['passage passage-table', '80', '100', 'auto'],
    ]);
    assert.deepEqual(r.drawnText, [P1, P2, P3]);
  });

  test('segments carry their start, covering ids innermost first, citation and current classes', { skip }, () => {
    assert.deepEqual(r.markup, [
      [13, 'The 😀 ', null, ''],
      [20, 'army ', 'A', 'ann'],
      [25, 'entered', 'B A', 'ann current'],
      [32, ' ', 'B', 'ann current'],
      [33, 'Kyiv', 'D B', 'ann current'],
      [37, ' ', null, ''],
      [38, '[12]', null, 'citation'],
      [42, ' ', null, ''],
      [43, 'at dawn', 'C', 'ann'],
      [50, '.', null, ''],
    ]);
    assert.equal(r.notOneTextNode, 0);
    assert.equal(r.title, 'Kyiv — Entity mention (draft)\nKyiv <b>city</b> — Entity mention (pending review)');
    assert.equal(r.pendingBackground, true);
    assert.equal(r.lanesVar, '2');
  });

  test('a boundary in a text node maps to the segment start plus the offset', { skip }, () => {
    assert.deepEqual(r.inTextNode, [17, 35, 56]);
  });

  test('a boundary in a segment element maps to its start or end', { skip }, () => {
    assert.deepEqual(r.inSegmentElement, [20, 25, 37]);
  });

  test('a boundary in a passage element maps to the segment after or before it', { skip }, () => {
    assert.deepEqual(r.inPassageElement, [13, 51, 25, 25]);
  });

  test('a boundary between passages moves forward for a start and back for an end', { skip }, () => {
    assert.deepEqual(r.betweenPassages, [53, 51, 13, 100]);
  });

  test('a boundary outside the text is clamped to its first or last offset', { skip }, () => {
    assert.deepEqual(r.outside, [13, 100, 13, 100]);
  });

  test('an emoji before a span counts two code units', { skip }, () => {
    assert.deepEqual(r.emojiBeforeSpan, [true, 0, 20, 'army entered']);
  });

  test('an offset on a segment boundary resolves by bias', { skip }, () => {
    assert.deepEqual(r.sharedBoundary, [[25, 0], [20, 5]]);
    // 52 lies between passages: forward to 53 for a start, back to 51 for an end; clamped at the ends.
    assert.deepEqual(r.undrawnOffsets, [53, 51, 13, 100]);
  });

  test('Arabic is laid out right to left while offsets stay logical', { skip }, () => {
    assert.equal(r.arabic.direction, 'rtl');
    assert.equal(r.arabic.matchesRtl, true);
    assert.equal(r.arabic.firstWordRightOfLast, true);
    assert.deepEqual(r.arabic.army, [57, 62, 'الجيش', 'الجيش إلى المدينة']);
    assert.equal(r.arabic.middle, 67);
  });

  test('a selection boundary inside a surrogate pair is snapped so the emoji is whole', { skip }, () => {
    assert.deepEqual(r.surrogate, { raw: [18, 24], snapped: [17, 24], quote: '😀 army' });
  });

  test('a selection crossing passages is reported, not refused', { skip }, () => {
    assert.deepEqual(r.crossingSelection, [20, 62]);
  });

  test('every annotation range reads back its quote, citations included', { skip }, () => {
    assert.deepEqual(r.quotes, {
      A: 'army entered', B: 'entered Kyiv', D: 'Kyiv', C: 'at dawn', E: 'الجيش', F: 'الجيش إلى المدينة', G: '12',
    });
  });

  test("others' selections map to ranges over the drawn text; one between passages maps to nothing", { skip }, () => {
    assert.deepEqual(r.peerRanges, [
      [[true, ['army entered']]],
      // Across passages: the text between them is not drawn, so it is not in the range either.
      [[true, ['at dawn.دخل الجيش']]],
      // Only the undrawn text between two passages: nothing to paint.
      [],
    ]);
    // Grouped by tint: people who share a tint share one highlight.
    assert.equal(r.peerGroups.reduce((a: number, b: number) => a + b, 0), 2);
  });

  test("find's hits map to ranges over the drawn text, emoji and Arabic included; undrawn text to nothing", { skip }, () => {
    assert.deepEqual(r.findRanges, ['army', 'الجيش', '😀', null, null]);
  });

  test("others' selections are painted as custom highlights, leaving the text and the reader's selection alone", { skip }, () => {
    assert.equal(r.highlightApi, true);
    assert.ok(r.highlightSizes.every((n: number) => n >= 1));
    assert.deepEqual(r.peersLeaveTextAndSelection, [true, 'Kyiv']);
  });

  test('every drawn offset round-trips through a DOM point', { skip }, () => {
    // Except, by design, a passage's end taken as a start (it is the next passage's start) and a
    // passage's start taken as an end (the previous passage's end).
    assert.deepEqual(r.roundTripMismatches, ['51/start->53', '53/end->51', '79/start->80', '80/end->79']);
  });
});

describe('suggestions', () => {
  const kinds = new Set(['MENTION', 'DATE']);
  const all = () => true;

  test('only suggestions of a known kind inside the text are kept, each once, in document order', () => {
    const valid = model.validSuggestions([
      { id: 'b', s: 33, e: 37, k: 'MENTION', l: 'Kyiv' },
      { id: 'a', s: 20, e: 24, k: 'MENTION', l: 'army' },
      { id: 'a', s: 43, e: 50, k: 'DATE', l: 'again' },
      { id: 'c', s: 43, e: 50, k: 'FIGURE', l: 'unknown kind' },
      { id: 'd', s: 90, e: 200, k: 'DATE', l: 'past the end' },
      { id: 'e', s: 9, e: 9, k: 'DATE', l: 'empty' },
      { id: 'f', s: '1', e: 2, k: 'DATE', l: 'not a number' },
      { id: 'g', s: 18, e: 24, k: 'DATE', l: 'splits the emoji' },
      null,
    ], TEXT, kinds);
    assert.deepEqual(valid.map((s) => [s.id, s.s, s.e]), [['g', 17, 24], ['a', 20, 24], ['b', 33, 37]]);
    assert.deepEqual(model.validSuggestions('not a list', TEXT, kinds), []);
  });

  const ordered = model.validSuggestions([
    { id: 'one', s: 20, e: 24, k: 'MENTION', l: '' },
    { id: 'two', s: 33, e: 37, k: 'DATE', l: '' },
    { id: 'three', s: 57, e: 62, k: 'MENTION', l: '' },
  ], TEXT, kinds);
  const byKey = (id: string) => ordered.find((s) => s.id === id)!;

  test('next and previous step among the shown suggestions and stop at either end', () => {
    assert.equal(model.stepSuggestion(ordered, null, 1, all)?.id, 'one');
    assert.equal(model.stepSuggestion(ordered, null, -1, all)?.id, 'three');
    assert.equal(model.stepSuggestion(ordered, byKey('one'), 1, all)?.id, 'two');
    assert.equal(model.stepSuggestion(ordered, byKey('two'), -1, all)?.id, 'one');
    assert.equal(model.stepSuggestion(ordered, byKey('three'), 1, all), null);
    assert.equal(model.stepSuggestion(ordered, byKey('one'), -1, all), null);
    const mentionsOnly = (s: Model.Suggestion) => s.k === 'MENTION';
    assert.equal(model.stepSuggestion(ordered, byKey('one'), 1, mentionsOnly)?.id, 'three');
  });

  test('from one just accepted or rejected, next is the first after where it was', () => {
    const left = ordered.filter((s) => s.id !== 'two');
    assert.equal(model.stepSuggestion(left, byKey('two'), 1, all)?.id, 'three');
    assert.equal(model.stepSuggestion(left, byKey('two'), -1, all)?.id, 'one');
  });

  test('from an offset, next starts there and previous before it', () => {
    assert.equal(model.stepSuggestion(ordered, 33, 1, all)?.id, 'two');
    assert.equal(model.stepSuggestion(ordered, 33, -1, all)?.id, 'one');
  });

  test('only the suggestions starting in the passages near the view are drawn', () => {
    assert.deepEqual(model.suggestionsStartingIn(ordered, [{ s: 13, e: 30 }, { s: 53, e: 79 }]).map((s) => s.id),
      ['one', 'three']);
    assert.deepEqual(model.suggestionsStartingIn(ordered, [{ s: 33, e: 51 }]).map((s) => s.id), ['two']);
    assert.deepEqual(model.suggestionsStartingIn(ordered, []), []);
  });

  test('a click finds the shown suggestion under it; counts are per kind', () => {
    assert.deepEqual(model.suggestionsAt(ordered, 35, all).map((s) => s.id), ['two']);
    assert.deepEqual(model.suggestionsAt(ordered, 37, all), []);
    assert.deepEqual(model.suggestionsAt(ordered, 35, (s) => s.k === 'MENTION'), []);
    assert.deepEqual([...model.countByKind(ordered)], [['MENTION', 2], ['DATE', 1]]);
  });
});
