/**
 * How a severity reads to a person, in one place: the word a report prints, the colour a
 * terminal paints it, and the word for a configured severity name (which also has 'off').
 */
export const SEVERITY_WORD: Readonly<Record<number, string>> = { 1: '错误', 2: '警告', 3: '提示', 4: '建议' };

/** The terminal colour of a severity. */
export const SEVERITY_STYLE: Readonly<Record<number, 'red' | 'yellow' | 'blue'>> = { 1: 'red', 2: 'yellow', 3: 'blue', 4: 'blue' };

/** The word for a configured severity name, as --explain, --print-config and the workbook show it. */
export const SEVERITY_NAME_WORD: Readonly<Record<string, string>> = { error: '错误', warning: '警告', info: '提示', off: '关闭' };
