/**
 * Test .docx files, made at test time: with the `docx` package (Word's automatic
 * numbering, tracked changes, tables with merged cells, hyperlinks, fields, line
 * breaks, text boxes, footnotes, comments), and by hand where Word writes what no
 * library does (deleted paragraph marks, moved text, alternate content, a
 * deleted table row). `package()` wraps a document.xml body in a minimal package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CheckBox, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, ExternalHyperlink, FootnoteReferenceRun,
  HeadingLevel, InsertedTextRun, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, Textbox, TextRun, VerticalMergeType,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { draftToDocx } from '../batch/docx-fixture.js';
import { CORPUS } from '../helpers.js';

export const DRAFTS = ['tianxingsi-2022', 'tushan-2023', 'xinji-2023'];
export const corpusText = (name: string) => readFileSync(join(CORPUS, `${name}.txt`), 'utf8');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx around a w:body's content (and optional numbering.xml / comments.xml bodies). */
export function wordPackage(body: string, parts: { numbering?: string; comments?: string } = {}): Buffer {
  const rels = [
    parts.numbering && '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
    parts.comments && '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>',
  ].filter(Boolean).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      + (parts.numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : '')
      + (parts.comments ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : '')
      + '</Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${body}</w:body></w:document>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.comments) files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}">${parts.comments}</w:comments>`);
  return Buffer.from(zipSync(files));
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** Every feature the reader must read as mammoth does, one small document each. */
export async function featureFixtures(): Promise<Record<string, Buffer>> {
  const docs: Record<string, Document> = {
    tracked: new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('某镇人民政府关于2023年法治政府建设情况的报告')] }),
          new Paragraph({ children: [
            new TextRun('全年组织学法'),
            new DeletedTextRun({ text: '10', id: 1, author: '张三', date: '2024-01-02T00:00:00Z' }),
            new InsertedTextRun({ text: '12', id: 2, author: '张三', date: '2024-01-02T00:00:00Z' }),
            new TextRun('次。'),
          ] }),
        ],
      }],
    }),
    table: new Document({
      sections: [{
        children: [
          new Paragraph('一、主要举措和成效'),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')], rowSpan: 2 }), new TableCell({ children: [new Paragraph('2023年'), new Paragraph('（件）')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('12')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('合计')], verticalMerge: VerticalMergeType.RESTART }), new TableCell({ children: [new Paragraph('30')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }), new TableCell({ children: [new Paragraph('31')] })] }),
            ],
          }),
          new Paragraph('表后正文。'),
        ],
      }],
    }),
    hyperlink: new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('详见'), new ExternalHyperlink({ link: 'https://www.gov.cn/', children: [new TextRun({ text: '中国政府网', style: 'Hyperlink' })] }), new TextRun('。')] })] }],
    }),
    fields: new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页，共', PageNumber.TOTAL_PAGES, '页'] })] })] }],
    }),
    breaks: new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('重庆市某某镇人民政府'), new TextRun({ break: 1 }), new TextRun('关于2023年法治政府建设情况的报告')] }),
          new Paragraph({ children: [new TextRun('第一页末'), new PageBreak(), new TextRun('第二页首')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、主要举措和成效')] }),
        ],
      }],
    }),
    textbox: new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('框前'), new Textbox({ alignment: 'left', style: { width: '200pt', height: '50pt' }, children: [new Paragraph('框内第一段'), new Paragraph('框内第二段')] }), new TextRun('框后')] }),
          new Paragraph('正文'),
        ],
      }],
    }),
    footnotes: new Document({
      footnotes: { 1: { children: [new Paragraph('脚注的文字不是正文')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('依据《条例》'), new FootnoteReferenceRun(1), new TextRun('开展工作。')] })] }],
    }),
    checkbox: new Document({
      sections: [{ children: [new Paragraph({ children: [new CheckBox({ checked: true }), new TextRun('已完成')] })] }],
    }),
    comments: new Document({
      comments: { children: [{ id: 0, author: '审核人', date: new Date('2024-01-02T00:00:00Z'), children: [new Paragraph('请核实')] }] },
      sections: [{ children: [new Paragraph({ children: [new TextRun('全年'), new CommentRangeStart(0), new TextRun('组织学法'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun('12次。')] })] }],
    }),
  };
  const out: Record<string, Buffer> = {};
  for (const [name, doc] of Object.entries(docs)) out[name] = await Packer.toBuffer(doc);
  for (const name of DRAFTS) out[`numbered-${name}`] = await draftToDocx(corpusText(name), { autoNumber: true });
  // what Word writes and no library does
  out['deleted-paragraph-mark'] = wordPackage(`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>前半句</w:t></w:r></w:p>${p('后半句。')}${p('下一段')}`);
  out['moved-text'] = wordPackage(`<w:p><w:moveFrom w:id="1" w:author="A"><w:r><w:t>移走的</w:t></w:r></w:moveFrom><w:r><w:t>留下的</w:t></w:r><w:moveTo w:id="2" w:author="A"><w:r><w:t>移来的</w:t></w:r></w:moveTo></w:p>`);
  out['alternate-content'] = wordPackage(`<w:p><w:r><w:t>图前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>新式文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>旧式文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>图后</w:t></w:r></w:p>`);
  out['deleted-row'] = wordPackage(`<w:tbl><w:tr><w:tc>${p('保留的行')}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="3" w:author="A"/></w:trPr><w:tc>${p('删除的行')}</w:tc></w:tr></w:tbl>${p('表后')}`);
  out['content-controls'] = wordPackage(`<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent>${p('某某镇人民政府')}</w:sdtContent></w:sdt><w:p><w:r><w:t>普法</w:t></w:r><w:smartTag w:element="x"><w:r><w:t>宣传</w:t></w:r></w:smartTag><w:customXml w:element="y"><w:r><w:t>活动</w:t></w:r></w:customXml><w:r><w:tab/><w:t>12场</w:t><w:noBreakHyphen/><w:t>次</w:t></w:r></w:p>`);
  out['numbering-style-and-override'] = wordPackage(
    `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>主要举措和成效</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>强化学习</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:pPrChange w:id="9" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>完善制度</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>存在的不足和原因</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>执法力量薄弱</w:t></w:r></w:p>`,
    { numbering: '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' },
  );
  return out;
}
