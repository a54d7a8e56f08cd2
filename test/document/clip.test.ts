import { expect, test } from 'vitest';
import { clip, clipSpaced } from '../../src/document/clip.js';

test('clip leaves short text alone and marks a cut with …', () => {
  expect(clip('法治政府', 4)).toBe('法治政府');
  expect(clip('法治政府建设', 4)).toBe('法治政府…');
});

test('a cut never leaves half of a character outside the BMP', () => {
  // 𠀀 (U+20000) is two UTF-16 units: cutting after its first would leave a lone surrogate
  const text = `法治${'𠀀'}建设`;
  expect(clip(text, 3)).toBe('法治…');
  expect(clip(text, 4)).toBe('法治𠀀…');
});

test('clipSpaced reads runs of whitespace, line breaks included, as one space first', () => {
  expect(clipSpaced('一、主要\n\n举措   和成效', 9)).toBe('一、主要 举措 和…');
});
