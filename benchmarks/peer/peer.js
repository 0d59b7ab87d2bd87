// The peer of DocGen's benchmark: docxtemplater (with pizzip) filling a same-shaped document, a
// project header and its indicator table with one templated row repeated per indicator, from the
// same JSON submission files DocGen reads. Run by benchmarks/DocGen.Benchmarks (PeerBenchmark.cs)
// when node is present; each call is a process of its own, so peak memory is that size's alone.
//
//   node peer.js table FILE RUNS   -> "<median ms per document>\t<peak RSS MB>\t<docx bytes>"
//   node peer.js burst FILE COUNT  -> "<docs/s, the first COUNT in a fresh process>\t<docs/s, the next COUNT>"
//
// End to end as DocGen is measured: read the file, parse the JSON, fill the template, zip the
// document into bytes (deflated, as Word writes it).
'use strict';
const fs = require('fs');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const font = '<w:rPr><w:rFonts w:ascii="FangSong_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="FangSong_GB2312"/><w:sz w:val="21"/></w:rPr>';
const para = (text, center) =>
  `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>${center ? '<w:jc w:val="center"/>' : ''}</w:pPr><w:r>${font}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (width, text, center) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${para(text, center)}</w:tc>`;
const row = (cells) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
const widths = [1000, 1200, 1600, 2200, 1400, 1600];

// One table per project: header rows with codes and amounts, then a row per indicator (the loop
// tags in the row's first and last cells make docxtemplater repeat the row).
const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${para('{unit.name}{fiscalYear}年度预算项目绩效目标表', true)}
${para('{#projects}', false)}
<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>
<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>
${row([cell(1000, '项目名称', true), cell(5000, '{projectName}'), cell(1400, '项目编码', true), cell(1600, '{projectCode}')])}
${row([cell(1000, '资金总额', true), cell(5000, '{budget.total}'), cell(1400, '财政资金', true), cell(1600, '{budget.fiscal}')])}
${row(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'].map((t, i) => cell(widths[i], t, true)))}
${row([cell(1000, '{#indicators}{level1}', true), cell(1200, '{level2}', true), cell(1600, '{name}'), cell(2200, '{description}'), cell(1400, '{comparator}{value}{unit}{valueText}', true), cell(1600, '{basis}{/indicators}')])}
</w:tbl>
${para('{/projects}', false)}
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>
</w:body></w:document>`;

function templateZip() {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', documentXml);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const template = templateZip();

function generate(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const [mode, file, countText] = process.argv.slice(2);
const count = Number(countText);
if (mode === 'table') {
  let bytes = generate(file).length; // warm-up, as DocGen's table benchmark renders once first
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    bytes = generate(file).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`${median(times).toFixed(2)}\t${peakMb.toFixed(0)}\t${bytes}`);
} else if (mode === 'burst') {
  const rate = () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) generate(file);
    return count / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  const first = rate();
  const warm = rate();
  console.log(`${first.toFixed(0)}\t${warm.toFixed(0)}`);
} else {
  console.error('usage: node peer.js table FILE RUNS | burst FILE COUNT');
  process.exit(2);
}
