/** Amounts as the page shows them (issue 11: "124778234.20" had no separators and no currency). */
import { describe, expect, it } from 'vitest';
import { formatCny, formatCnyChange, isMoneyKpi } from '../../src/ui/model/money.ts';

describe('amounts on the page', () => {
  it('are in yuan with thousands separators, exact for the decimal texts of the report', () => {
    expect(formatCny('124778234.20')).toBe('¥124,778,234.20');
    expect(formatCny('12345678901234567.89')).toBe('¥12,345,678,901,234,567.89');
    expect(formatCny('-20.5')).toBe('-¥20.50');
    expect(formatCny('')).toBe('');
  });

  it('show a change with its sign, and none for no change', () => {
    expect([formatCnyChange('+2097000.00'), formatCnyChange('-14985.00'), formatCnyChange('0')]).toEqual(['+¥2,097,000.00', '-¥14,985.00', '¥0.00']);
  });

  it('are the revenue KPIs, not the counts', () => {
    expect(['revenue.netCollected', 'revenueByItem.pro', 'revenueByEdition.flagship', 'apps.total', 'appDays.active'].map(isMoneyKpi)).toEqual([true, true, true, false, false]);
  });
});
