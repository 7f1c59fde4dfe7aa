import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/domain/randomStream.ts';

describe('Stream', () => {
  it('draws as many normals into an array as as many calls of normal give', () => {
    const [bulk, single] = [randomStream('normals'), randomStream('normals')];
    const out = new Float64Array(100);
    bulk.normals(out, 0, 40);
    bulk.normals(out, 40, 100);
    expect(Array.from(out)).toEqual(Array.from({ length: 100 }, () => single.normal()));
  });

  it('writes its normals from start to end only, and none for an empty range', () => {
    const out = new Float64Array(10).fill(7);
    const stream = randomStream('range');
    stream.normals(out, 3, 3);
    stream.normals(out, 3, 6);
    expect(Array.from(out.subarray(0, 3))).toEqual([7, 7, 7]);
    expect(Array.from(out.subarray(6))).toEqual([7, 7, 7, 7]);
    expect(out[3]).toBe(randomStream('range').normal());
  });
});
