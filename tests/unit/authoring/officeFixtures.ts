/** Tiny PPTX and DOCX files built in memory with JSZip: only the parts the importers read. */
import JSZip from 'jszip';

/** A real 1×1 transparent PNG. */
export const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SlideSpec {
  title?: string;
  bullets?: (string | [string, number])[];
  notes?: string;
  hidden?: boolean;
  /** Pictures after the text: a file under ppt/media/ (the rels point there), or a rels target that exists nowhere. */
  pictures?: PictureSpec[];
}

export interface PictureSpec {
  name?: string;
  descr?: string;
  /** The picture's bytes, stored as ppt/media/<file>; without it the rels point at `missing.png`. */
  media?: { file: string; bytes: Uint8Array };
}

const picture = (rId: string, { name, descr }: PictureSpec) =>
  `<p:pic><p:nvPicPr><p:cNvPr id="5"${name === undefined ? '' : ` name="${esc(name)}"`}${descr === undefined ? '' : ` descr="${esc(descr)}"`}/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr/></p:pic>`;

const paragraph = (text: string, level = 0) => `<a:p>${level ? `<a:pPr lvl="${level}"/>` : ''}<a:r><a:rPr lang="ja-JP"/><a:t>${esc(text)}</a:t></a:r></a:p>`;
const shape = (type: string | null, paragraphs: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr>${type === null ? '' : type === '' ? '<p:ph idx="1"/>' : `<p:ph type="${type}"/>`}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paragraphs}</p:txBody></p:sp>`;

/**
 * A deck whose slide files are numbered in reverse of the presentation order (slide order must
 * come from presentation.xml, not from the file names).
 */
export async function makePptx(slides: SlideSpec[], { title }: { title?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const count = slides.length;
  const ids: string[] = [];
  const rels: string[] = [];
  slides.forEach((slide, i) => {
    const file = count - i;
    const body = (slide.bullets ?? []).map((bullet) => (Array.isArray(bullet) ? paragraph(bullet[0], bullet[1]) : paragraph(bullet))).join('');
    const pictures = slide.pictures ?? [];
    const shapes = [slide.title ? shape('title', paragraph(slide.title)) : '', body ? shape('', body) : '', ...pictures.map((spec, n) => picture(`rId${n + 20}`, spec)), shape('sldNum', paragraph(String(i + 1)))].join('');
    zip.file(`ppt/slides/slide${file}.xml`, `<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:a="a" xmlns:p="p" xmlns:r="r"${slide.hidden ? ' show="0"' : ''}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:sld>`);
    const slideRels = pictures.map((spec, n) => {
      if (spec.media) zip.file(`ppt/media/${spec.media.file}`, spec.media.bytes);
      return `<Relationship Id="rId${n + 20}" Type="${REL}/image" Target="../media/${spec.media?.file ?? 'missing.png'}"/>`;
    });
    if (slide.notes !== undefined) slideRels.push(`<Relationship Id="rId2" Type="${REL}/notesSlide" Target="../notesSlides/notesSlide${file}.xml"/>`);
    if (slideRels.length) zip.file(`ppt/slides/_rels/slide${file}.xml.rels`, `<?xml version="1.0"?><Relationships>${slideRels.join('')}</Relationships>`);
    if (slide.notes !== undefined) {
      const notes = slide.notes.split('\n').map((line) => paragraph(line)).join('');
      zip.file(`ppt/notesSlides/notesSlide${file}.xml`, `<p:notes xmlns:a="a" xmlns:p="p"><p:cSld><p:spTree>${shape('sldImg', '')}${shape('body', notes)}</p:spTree></p:cSld></p:notes>`);
    }
    ids.push(`<p:sldId id="${256 + i}" r:id="rId${i + 10}"/>`);
    rels.push(`<Relationship Id="rId${i + 10}" Type="${REL}/slide" Target="slides/slide${file}.xml"/>`);
  });
  zip.file('ppt/presentation.xml', `<p:presentation xmlns:p="p" xmlns:r="r"><p:sldIdLst>${ids.join('')}</p:sldIdLst></p:presentation>`);
  zip.file('ppt/_rels/presentation.xml.rels', `<Relationships>${rels.join('')}</Relationships>`);
  if (title) zip.file('docProps/core.xml', `<cp:coreProperties xmlns:dc="dc"><dc:title>${esc(title)}</dc:title></cp:coreProperties>`);
  zip.file('[Content_Types].xml', '<Types/>');
  return zip.generateAsync({ type: 'uint8array' });
}

export type DocParagraph = {
  style?: string;
  text: string;
  list?: boolean;
  /** A picture in the paragraph, after its text: stored as word/media/<file>, or linked to a file outside the document. */
  image?: { descr?: string; file: string; bytes: Uint8Array } | { descr?: string; linked: string };
};

const drawing = (rId: string, descr: string | undefined, linked: boolean) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1"${descr === undefined ? '' : ` descr="${esc(descr)}"`}/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${linked ? 'r:link' : 'r:embed'}="${rId}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

/** A minimal Word document: styles by id (Heading1, Heading2, Title), bullets as numbered paragraphs. */
export async function makeDocx(paragraphs: DocParagraph[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const imageRels: string[] = [];
  const body = paragraphs
    .map(({ style, text, list, image }, i) => {
      const props = [style ? `<w:pStyle w:val="${style}"/>` : '', list ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''].join('');
      let picture = '';
      if (image) {
        const linked = 'linked' in image;
        if (!linked) zip.file(`word/media/${image.file}`, image.bytes);
        imageRels.push(`<Relationship Id="rIdImg${i}" Type="${REL}/image" Target="${linked ? image.linked : `media/${image.file}`}"${linked ? ' TargetMode="External"' : ''}/>`);
        picture = drawing(`rIdImg${i}`, image.descr, linked);
      }
      return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ''}${picture}</w:p>`;
    })
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  const namespaces = [
    `xmlns:w="${W}"`,
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
    `xmlns:r="${REL}"`,
  ].join(' ');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${namespaces}><w:body>${body}</w:body></w:document>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>${imageRels.join('')}</Relationships>`);
  const style = (id: string, name: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles xmlns:w="${W}">${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`);
  zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`);
  return zip.generateAsync({ type: 'uint8array' });
}
