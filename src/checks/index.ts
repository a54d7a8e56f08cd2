import type { CheckType } from '../types.js';
import { existence } from './existence.js';
import { sections } from './sections.js';

/** Every rule type, by name. Adding a type = one file + one line here. */
export const checkTypes: Record<string, CheckType<any>> = {
  [sections.type]: sections,
  [existence.type]: existence,
};
