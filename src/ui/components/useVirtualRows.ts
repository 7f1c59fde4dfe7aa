/**
 * A virtualized list of fixed-height rows with @tanstack/virtual-core: only the rows in view
 * (and a few around them) are in the DOM, so 1,000 apps or 60,000 notifications cost the same.
 */
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';

export function useVirtualRows(count: number, rowHeight: number, overscan = 8) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLDivElement, HTMLDivElement>(options));
  const height = useRef(rowHeight);
  virtualizer.setOptions(options);
  if (height.current !== rowHeight) {
    // Sizes are cached per index: a new row height (the compare view's taller rows) re-measures them all.
    height.current = rowHeight;
    virtualizer.measure();
  }
  useEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return { scrollRef, virtualizer, items: virtualizer.getVirtualItems(), totalSize: virtualizer.getTotalSize() };
}
