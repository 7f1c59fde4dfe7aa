/** The forms of a comparison `imsim compare --format` knows, and the file each writes under `--out`. */
import type { CompareResult } from './compare.ts';
import { renderCompareHtml } from './compareHtml.ts';
import { renderCompareMarkdown } from './compareMarkdown.ts';
import { renderCompareText } from './compareText.ts';

export const compareFormats = ['text', 'json', 'md', 'html'] as const;
export type CompareFormat = (typeof compareFormats)[number];

export function renderComparison(result: CompareResult, format: CompareFormat): Record<string, string> {
  switch (format) {
    case 'json':
      return { 'compare.json': `${JSON.stringify(result.comparison, null, 2)}\n` };
    case 'text':
      return { 'compare.txt': renderCompareText(result.comparison) };
    case 'md':
      return { 'compare.md': renderCompareMarkdown(result.comparison) };
    case 'html':
      return { 'compare.html': renderCompareHtml(result) };
  }
}
