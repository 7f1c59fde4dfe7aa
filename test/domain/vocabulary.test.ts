/** The domain's words are the machines' and the report's: declared once, in src/domain/vocabulary.ts. */
import { describe, expect, it } from 'vitest';
import { appStates, denialReasons } from '../../src/domain/vocabulary.ts';
import { appMachine as machine } from '../../src/machines/app.machine.ts';
import { emptyKpiSet } from '../../src/report/kpis.ts';


describe('the vocabulary', () => {
  it("the app machine's top-level states are the app states, in their order", () => {
    expect(Object.keys(machine.root.states)).toEqual([...appStates]);
  });

  it('the report counts every denial reason, in the vocabulary order', () => {
    expect(Object.keys(emptyKpiSet().denials)).toEqual([...denialReasons]);
  });
});
