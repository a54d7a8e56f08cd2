import type { CheckType } from '../types.js';
import { consistency } from './consistency.js';
import { correspondence } from './correspondence.js';
import { coverage } from './coverage.js';
import { existence } from './existence.js';
import { numbering } from './numbering.js';
import { quantity } from './quantity.js';
import { resemblance } from './resemblance.js';
import { sections } from './sections.js';
import { substitution } from './substitution.js';
import { title } from './title.js';

/**
 * Every rule type, by name. Adding a type = one file + one line here. Without a
 * prototype: a rule file's `type: constructor` names nothing, not Object.
 */
export const checkTypes: Record<string, CheckType<any>> = Object.assign(Object.create(null) as Record<string, CheckType<any>>, {
  [sections.type]: sections,
  [existence.type]: existence,
  [coverage.type]: coverage,
  [quantity.type]: quantity,
  [correspondence.type]: correspondence,
  [consistency.type]: consistency,
  [resemblance.type]: resemblance,
  [substitution.type]: substitution,
  [numbering.type]: numbering,
  [title.type]: title,
});
