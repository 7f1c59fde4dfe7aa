import { describe, expect, it } from 'vitest';
import { pageWidth, panelsAtStart, toggled } from '../../src/ui/model/panels.ts';

describe('the side panels', () => {
  it('opens both on a wide screen, the knobs on a laptop (1280 px), none on a phone (390 px)', () => {
    expect(panelsAtStart(pageWidth(1680))).toEqual({ editor: true, policy: true });
    expect(panelsAtStart(pageWidth(1280))).toEqual({ editor: false, policy: true });
    expect(panelsAtStart(pageWidth(1440))).toEqual({ editor: false, policy: true });
    expect(panelsAtStart(pageWidth(390))).toEqual({ editor: false, policy: false });
  });

  it('holds one panel at a time on a laptop, so the run keeps its width', () => {
    const start = panelsAtStart('laptop');
    const editing = toggled(start, 'editor', 'laptop');
    expect(editing).toEqual({ editor: true, policy: false });
    expect(toggled(editing, 'policy', 'laptop')).toEqual({ editor: false, policy: true });
    expect(toggled(editing, 'editor', 'laptop')).toEqual({ editor: false, policy: false });
  });

  it('opens and closes each panel on its own on a wide screen and on a phone', () => {
    expect(toggled({ editor: true, policy: true }, 'editor', 'wide')).toEqual({ editor: false, policy: true });
    expect(toggled({ editor: false, policy: true }, 'editor', 'oneColumn')).toEqual({ editor: true, policy: true });
  });
});
