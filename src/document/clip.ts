/**
 * Shortens text for a message or a report, marking the cut with “…”. Every place that quotes
 * draft text at a bounded length goes through here, so a cut never splits a surrogate pair
 * (a rare 汉字 outside the BMP) into a lone half.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** Like clip, with runs of whitespace (line breaks included) read as one space first. */
export function clipSpaced(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' '), max);
}
