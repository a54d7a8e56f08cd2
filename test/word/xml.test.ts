/**
 * The XML layer under the Word reader: both parsers (saxen for reading, saxes
 * where the annotator needs source positions) give the same names, attributes
 * and text, with references decoded and line ends normalised as XML defines them;
 * reading stays lenient where a draft's text is still plain, and refuses a
 * DOCTYPE and a part cut short.
 */
import { describe, expect, test } from 'vitest';
import { parseXml } from '../../src/word/xml.js';
import { DocxError } from '../../src/word/zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Every event, as one list of strings. */
function events(xml: string, positions: boolean): string[] {
  const out: string[] = [];
  parseXml(xml, 'word/document.xml', {
    open: (t) => out.push(`<${t.name}${t.selfClosing ? '/' : ''} val=${t.attr('w:val') ?? '-'}`),
    close: (name) => out.push(`</${name}`),
    text: (s) => out.push(`text ${JSON.stringify(s)}`),
  }, positions);
  // saxes hands text over in pieces at references: join neighbours
  return out.reduce<string[]>((acc, e) => {
    const last = acc[acc.length - 1];
    if (e.startsWith('text ') && last?.startsWith('text ')) acc[acc.length - 1] = `text ${JSON.stringify(JSON.parse(last.slice(5)) + JSON.parse(e.slice(5)))}`;
    else acc.push(e);
    return acc;
  }, []);
}

const both = (xml: string) => {
  const fast = events(xml, false);
  expect(events(xml, true)).toEqual(fast);
  return fast;
};

describe('both parsers read alike', () => {
  test('references, line ends and attribute values', () => {
    const xml = `<w:document xmlns:w="${W}"><w:p><w:pStyle w:val="a&amp;b&#x9;c\td"/><w:t>1 &lt; 2 &amp;&#x4e2d;&#25991;&#x1F600;\r\n行\r末</w:t></w:p></w:document>`;
    expect(both(xml)).toEqual([
      '<w:document val=-', '<w:p val=-', '<w:pStyle/ val=a&b\tc d', '</w:pStyle', '<w:t val=-', `text ${JSON.stringify('1 < 2 &中文😀\n行\n末')}`, '</w:t', '</w:p', '</w:document',
    ]);
  });

  test('a file that names Word\'s namespace with another prefix reads by the canonical names', () => {
    const xml = `<x:document xmlns:x="${W}"><x:p><x:pStyle x:val="Heading1"/></x:p></x:document>`;
    expect(both(xml)).toEqual(['<w:document val=-', '<w:p val=-', '<w:pStyle/ val=Heading1', '</w:pStyle', '</w:p', '</w:document']);
  });
});

describe('what reading refuses, and what it reads past', () => {
  const error = (xml: string, positions = false) => {
    try {
      parseXml(xml, 'word/document.xml', { open: () => {} }, positions);
    } catch (err) {
      return err as DocxError;
    }
    throw new Error('no error');
  };

  test('a DOCTYPE, by either parser', () => {
    const xml = `<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}">&x;</w:document>`;
    for (const positions of [false, true]) {
      expect(error(xml, positions)).toMatchObject({ code: 'docx-unsafe' });
      expect(error(xml, positions).message).toContain('DOCTYPE');
    }
  });

  test('a part cut short or with tags that do not match, naming the part', () => {
    for (const xml of [`<w:document xmlns:w="${W}"><w:p><w:t>法治`, `<w:document xmlns:w="${W}"><w:p></w:r></w:document>`, '']) {
      const err = error(xml);
      expect(err).toBeInstanceOf(DocxError);
      expect(err).toMatchObject({ code: 'bad-docx' });
      expect(err.message).toMatch(/^word\/document\.xml 不是完整的 XML：/);
    }
  });

  test('an entity no file may define is never expanded: it stays as written', () => {
    expect(events(`<w:document xmlns:w="${W}"><w:t>&nbsp;&#0;</w:t></w:document>`, false)).toContain(`text ${JSON.stringify('&nbsp;\ufffd')}`);
  });
});
