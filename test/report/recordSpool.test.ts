import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itemsChunk } from '../../src/report/json.ts';
import { RecordReader, RecordSpool } from '../../src/report/recordSpool.ts';
import { Figures } from '../../src/report/kpis.ts';
import type { EventRecord } from '../../src/report/types.ts';

const MIB = 1 << 20;
/** A record's own text in its list, as if it were stringified alone. */
const itemChunk = (item: unknown, index: number) => itemsChunk([item], index);
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Events whose text puts the three bytes of 名 across the first megabyte's end of the spool's file. */
function eventsAcrossAMegabyte(): EventRecord[] {
  const events: EventRecord[] = [];
  let bytes = 0;
  const add = (event: EventRecord) => {
    bytes += Buffer.byteLength(itemChunk(event, events.length));
    events.push(event);
  };
  while (bytes < MIB - 1000) add({ at: '2020-01-01T00:00:00+08:00', kind: 'note', detail: 'x'.repeat(200) });
  const straddling = [...Array(1000).keys()]
    .map((pad): EventRecord => ({ at: '2020-01-01T00:00:00+08:00', kind: 'note', detail: `${'y'.repeat(pad)}名字` }))
    .find((event) => Buffer.from(itemChunk(event, events.length)).indexOf(Buffer.from('名')) === MIB - bytes - 1);
  if (!straddling) throw new Error('no padding puts the character across the megabyte');
  add(straddling);
  for (let more = 0; more < 10; more += 1) add({ at: '2020-01-02T00:00:00+08:00', kind: 'note', detail: `名 ${more}` });
  return events;
}

describe('the record spool', () => {
  it('reads back a character whose bytes are split between two pieces of its file, as text, as bytes and as records', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    const events = eventsAcrossAMegabyte();
    const spool = new RecordSpool(dir, new Figures([], { start: '2020-01-01', end: '2020-01-31', timezone: 'Asia/Shanghai' }));
    try {
      for (const event of events) spool.add('events', event);
      const expected = `[${events.map((event, index) => itemChunk(event, index)).join('')}\n  ]`;
      expect([...(spool.list('events') ?? [])].join('')).toBe(expected);
      const pieces = [...(spool.listBytes('events') ?? [])];
      expect(pieces.filter((piece) => typeof piece !== 'string').length).toBe(2);
      expect(Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece))).equals(Buffer.from(expected))).toBe(true);
      expect([...spool.lists().events()]).toEqual(events);
    } finally {
      spool.close();
    }
  });

  it('writes a chunk of records longer than what it gathers before a write whole: half a megabyte of three-byte characters between short records', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    const events: EventRecord[] = [
      { at: '2020-01-01T00:00:00+08:00', kind: 'note', detail: '名'.repeat(1000) },
      { at: '2020-01-01T00:00:00+08:00', kind: 'note', detail: '名'.repeat(MIB / 2) },
      { at: '2020-01-02T00:00:00+08:00', kind: 'note', detail: 'after' },
    ];
    const spool = new RecordSpool(dir, new Figures([], { start: '2020-01-01', end: '2020-01-31', timezone: 'Asia/Shanghai' }));
    try {
      for (const event of events) spool.add('events', event);
      expect([...(spool.list('events') ?? [])].join('')).toBe(`[${events.map((event, index) => itemChunk(event, index)).join('')}\n  ]`);
    } finally {
      spool.close();
    }
  });

  it.each([150, 128])('keeps the length in bytes of each of %i records\' texts, with nested lists and objects and one longer than a write among them', (count) => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    const events: EventRecord[] = Array.from({ length: count }, (_, index) => ({
      at: '2020-01-01T00:00:00+08:00',
      kind: index % 3 === 0 ? 'nested' : 'note',
      detail: index === 70 ? '名'.repeat(MIB / 2) : `名 ${index} {`,
      ...(index % 3 === 0 ? { lines: [{ item: 'dau', nested: { deeper: [index, { x: '\n    {' }] } }, []] } : {}),
    }));
    const spool = new RecordSpool(dir, new Figures([], { start: '2020-01-01', end: '2020-01-31', timezone: 'Asia/Shanghai' }), true);
    try {
      for (const event of events) spool.add('events', event);
      expect([...spool.recordLengths().events]).toEqual(events.map((event, index) => Buffer.byteLength(itemChunk(event, index))));
      expect([...(spool.list('events') ?? [])].join('')).toBe(`[${events.map((event, index) => itemChunk(event, index)).join('')}\n  ]`);
    } finally {
      spool.close();
    }
  });
});

describe('a record reader', () => {
  const text = 'héllo, wörld: the bytes of a file read back in pieces';
  const pieces = (size: number) => {
    const bytes = Buffer.from(text);
    return Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size))[Symbol.iterator]();
  };

  it.each([1, 3, 7, 1000])('reads, copies and passes over bytes across pieces of %i bytes', (size) => {
    const reader = new RecordReader(pieces(size));
    const target = Buffer.alloc(64);
    expect(reader.next(6).toString()).toBe('héllo');
    expect(reader.peek()).toBe(0x2c);
    reader.skip(2);
    const end = reader.copyNext(Buffer.byteLength('wörld'), target, 3);
    expect(target.subarray(3, end).toString()).toBe('wörld');
    expect(reader.next(5).toString()).toBe(': the');
  });

  it('refuses to read past the end of its file', () => {
    const reader = new RecordReader(pieces(4));
    reader.skip(Buffer.byteLength(text));
    expect(() => reader.peek()).toThrow(/past the end/);
  });
});
