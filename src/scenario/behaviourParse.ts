/**
 * A cohort's `behaviour` (docs/scenario-format.md, "Behaviour"), section by section so that a
 * mistake in one hides nothing in another: chances are plain numbers from 0 to 1; delays in
 * days (fractional), months within the policy's lengths and amounts in CNY may be
 * distributions. A section left out means the customer never does that.
 */
import type { z } from 'zod';
import { isRecord } from '../input/plainData.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { type Behaviour, noBehaviour } from '../population/behaviour.ts';
import type { ChoiceValue, Varying } from '../population/distribution.ts';
import { type FieldRange, parseVarying } from './distributionParse.ts';
import type { ParseContext } from './parseContext.ts';
import { type BehaviourSection, behaviourKeysSchema, behaviourSections } from './populationSchema.ts';

const days: FieldRange = { what: 'a number of days ≥ 0', min: 0 };

export function parseBehaviour(ctx: ParseContext, raw: unknown, path: PathSegment[]): Behaviour | undefined {
  if (raw === undefined) return noBehaviour;
  const top = ctx.check(behaviourKeysSchema, raw, path);
  const fields = isRecord(raw) ? raw : {};
  // Without a policy (it has errors of its own) months are only checked to be whole numbers.
  const lengths = ctx.policy?.lengths;
  const range = lengths ? `from ${lengths.minMonths} to ${lengths.maxMonths} (P3)` : '≥ 1';
  const months: FieldRange = { what: `a whole number of months ${range}`, min: lengths?.minMonths ?? 1, max: lengths?.maxMonths, whole: true };
  let ok = top !== undefined;
  /** A section's fields as checked by its schema, or undefined (and not ok) when it is wrong; its distributions are checked either way. */
  const section = <S extends BehaviourSection>(name: S): { data?: z.output<(typeof behaviourSections)[S]>; raw: Record<string, unknown> } | undefined => {
    const value = fields[name];
    if (value === undefined) return undefined;
    const data = ctx.check(behaviourSections[name] as z.ZodType, value, [...path, name]) as z.output<(typeof behaviourSections)[S]> | undefined;
    if (!data) ok = false;
    return { data, raw: isRecord(value) ? value : {} };
  };
  /** A field's value, its default when left out; undefined (and not ok) when it is wrong. */
  const field = <T extends ChoiceValue>(value: unknown, at: PathSegment[], range: FieldRange, fallback: Varying<T>): Varying<T> => {
    if (value === undefined) return fallback;
    const parsed = parseVarying(ctx, value, [...path, ...at], range);
    if (parsed === undefined) ok = false;
    return parsed as Varying<T>;
  };
  const [purchase, renewal, payment, topUp, refund] = [section('purchase'), section('renewal'), section('payment'), section('topUp'), section('refund')];
  const afterExpiry = isRecord(renewal?.raw.afterExpiry) ? renewal.raw.afterExpiry : {};
  const behaviour: Behaviour = {
    autoRenew: top?.autoRenew ?? 0,
    ...(purchase && {
      purchase: {
        chance: purchase.data?.chance ?? 0,
        after: field(purchase.raw.after, ['purchase', 'after'], days, 0),
        months: field(purchase.raw.months, ['purchase', 'months'], months, lengths?.minMonths ?? 1),
      },
    }),
    ...(renewal && {
      renewal: {
        onWarning: renewal.data?.onWarning ?? 0,
        ...(renewal.data?.afterExpiry && {
          afterExpiry: { chance: renewal.data.afterExpiry.chance, delay: field(afterExpiry.delay, ['renewal', 'afterExpiry', 'delay'], days, 0) },
        }),
        months: field<ChoiceValue>(renewal.raw.months, ['renewal', 'months'], { ...months, what: `a whole number of months ${range}, or same`, words: ['same'] }, 'same'),
      },
    }),
    ...(payment && {
      payment: {
        chance: payment.data?.chance ?? 0,
        delay: field(payment.raw.delay, ['payment', 'delay'], days, 0),
        amount: field<ChoiceValue>(payment.raw.amount, ['payment', 'amount'], { what: 'an amount ≥ 0 (CNY), or debt', min: 0, words: ['debt'] }, 'debt'),
      },
    }),
    ...(topUp && { topUp: { chance: topUp.data?.chance ?? 0, delay: field(topUp.raw.delay, ['topUp', 'delay'], days, 0) } }),
    ...(refund && {
      refund: {
        noReason: refund.data?.noReason ?? 0,
        noReasonAfter: field(refund.raw.noReasonAfter, ['refund', 'noReasonAfter'], days, 0),
        normal: refund.data?.normal ?? 0,
        normalAfter: field(refund.raw.normalAfter, ['refund', 'normalAfter'], days, 0),
      },
    }),
  };
  return ok ? behaviour : undefined;
}
