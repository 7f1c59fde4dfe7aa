/**
 * Which side panels (the scenario's editor, the policy's knobs) are open, by the page's width.
 * A wide screen holds both beside the run; a laptop keeps the run wide and holds one at a time,
 * the knobs first (what a product manager changes); one column (a phone) shows the run and
 * opens a panel on demand.
 */
export type PageWidth = 'wide' | 'laptop' | 'oneColumn';

export interface Panels {
  editor: boolean;
  policy: boolean;
}

export type PanelName = keyof Panels;

/** The CSS breakpoint of App.css where the page becomes one column. */
const ONE_COLUMN_BELOW = 1200;
const WIDE_FROM = 1500;

export function pageWidth(px: number): PageWidth {
  if (px >= WIDE_FROM) return 'wide';
  return px >= ONE_COLUMN_BELOW ? 'laptop' : 'oneColumn';
}

export function panelsAtStart(width: PageWidth): Panels {
  return { editor: width === 'wide', policy: width !== 'oneColumn' };
}

/** Opens or closes a panel; on a laptop, opening one closes the other. */
export function toggled(panels: Panels, name: PanelName, width: PageWidth): Panels {
  const open = !panels[name];
  const other: PanelName = name === 'editor' ? 'policy' : 'editor';
  return { ...panels, [name]: open, ...(open && width === 'laptop' ? { [other]: false } : {}) };
}
