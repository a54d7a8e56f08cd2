/**
 * A text draft as a plain .docx (one paragraph per line, the title and headings
 * in Word's heading styles), so that every township gets a Word file back from
 * --annotate. Lines are kept exactly: the reader gives the same text back.
 */
import { escapeXml } from './xml.js';
import { makeZip } from './zip.js';

export type PlainStyle = 'Title' | 'Heading1' | 'Heading2';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const style = (id: string, name: string, props: string, base = '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${base}${props}</w:style>`;

// GB/T 9704 looks: 仿宋 body, 小标宋 title, 黑体 and 楷体 headings; fonts fall back where missing
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">`
  + '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
  + '<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>'
  + style('Normal', 'Normal', '', '<w:qFormat/>')
  + style('Title', 'Title', '<w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr>')
  + style('Heading1', 'heading 1', '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>')
  + style('Heading2', 'heading 2', '<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr>')
  + '</w:styles>';

function paragraph(text: string, s?: PlainStyle): string {
  const pPr = s ? `<w:pPr><w:pStyle w:val="${s}"/></w:pPr>` : '';
  if (!text) return `<w:p>${pPr}</w:p>`;
  // a tab is an element in Word, not a character of w:t
  const content = text.split('\t').map((t) => (t ? `<w:t xml:space="preserve">${escapeXml(t)}</w:t>` : '')).join('<w:tab/>');
  return `<w:p>${pPr}<w:r>${content}</w:r></w:p>`;
}

export function plainDocx(lines: readonly { text: string; style?: PlainStyle }[]): Uint8Array {
  const body = lines.map((l) => paragraph(l.text, l.style)).join('');
  return makeZip(new Map([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
    ['word/styles.xml', STYLES],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`],
  ]));
}
