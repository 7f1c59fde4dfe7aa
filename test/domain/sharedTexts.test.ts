import { describe, expect, it } from 'vitest';
import { textMemo } from '../../src/domain/sharedTexts.ts';

describe('textMemo', () => {
  it('writes the text of a key once while the memo holds it', () => {
    const written: number[] = [];
    const text = textMemo(10, (key: number) => {
      written.push(key);
      return `#${key}`;
    });
    expect([text(1), text(2), text(1), text(2), text(1)]).toEqual(['#1', '#2', '#1', '#2', '#1']);
    expect(written).toEqual([1, 2]);
  });

  it('starts over when full: every text stays right, and one dropped is written again', () => {
    const written: number[] = [];
    const text = textMemo(3, (key: number) => {
      written.push(key);
      return `#${key}`;
    });
    for (const key of [1, 2, 3, 4, 1, 4]) expect(text(key)).toBe(`#${key}`);
    expect(written).toEqual([1, 2, 3, 4, 1]);
  });
});
