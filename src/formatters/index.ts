import type { Formatter } from './context.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export type { FormatContext, Formatter } from './context.js';

/** Every output format, by name. Adding one = one module + one line here. */
export const formatters: Record<string, Formatter> = { stylish, json };
