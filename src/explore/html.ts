/**
 * Self-contained HTML pages (compare.html, sweep.html): one file, no script, no request. Every
 * text that comes from a scenario or a policy is escaped, and the Content-Security-Policy allows
 * nothing but the page's own inline style, so a name like `<script>` or `"><img onerror=…>`
 * stays text.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A text for HTML content or a quoted attribute. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (char) => entities[char]);
}

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1100px; padding: 0 16px; color: #1d2733; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 32px; border-bottom: 1px solid #d5dbe3; padding-bottom: 4px; }
h3 { font-size: 15px; margin-top: 20px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; } dl.facts dt { color: #5b6675; }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e6eaf0; text-align: left; } td.num, th.num { text-align: right; }
tr.changed td { background: #fff8e6; } .up { color: #17803d; } .down { color: #b42318; }
figure { margin: 16px 0; } figcaption { color: #5b6675; font-size: 13px; margin-bottom: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #3b4656; } .legend span { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
.muted { color: #5b6675; }
`;

/** The page: its title, the CSP and the style, then the body. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A table of texts; `numeric` columns align right. */
export function htmlTable(headers: string[], rows: string[][], options: { numeric?: number[]; rowClass?: (row: number) => string } = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const cell = (tag: string, text: string, index: number) => `<${tag}${numeric.has(index) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${headers.map((header, index) => cell('th', header, index)).join('')}</tr>`;
  const body = rows.map((row, index) => `<tr${options.rowClass ? ` class="${options.rowClass(index)}"` : ''}>${row.map((text, column) => cell('td', text, column)).join('')}</tr>`);
  return `<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}
