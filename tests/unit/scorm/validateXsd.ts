import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { parseXml } from './parseXml.ts';

export interface XsdFile {
  name: string;
  bytes: Uint8Array;
}

/** The file name the document is validated under; its errors carry it in `loc.fileName`. */
export const DOCUMENT_NAME = 'document.xml';
const DRIVER_NAME = 'schema-location-driver.xsd';

/** Namespace declarations and xsi's own attributes are not content a schema describes. */
const NOT_CONTENT = new Set(['http://www.w3.org/2000/xmlns/', 'http://www.w3.org/2001/XMLSchema-instance']);

/** The namespaces of the document's elements and attributes. */
function namespacesUsed(doc: Document): Set<string> {
  const used = new Set<string>();
  for (const element of doc.getElementsByTagName('*')) {
    if (element.namespaceURI) used.add(element.namespaceURI);
    for (const attribute of element.attributes) if (attribute.namespaceURI && !NOT_CONTENT.has(attribute.namespaceURI)) used.add(attribute.namespaceURI);
  }
  return used;
}

/**
 * Validates `xml` against the schemas its own xsi:schemaLocation names, taken from `schemas` (the
 * XSDs a package ships), as ADL's checker and Xerces-based LMSs do. libxml2 ignores schemaLocation
 * once it is given a schema, and imscp_rootv1p1p2.xsd alone does not know the adlcp elements its
 * strict wildcards demand; so the schema given is a driver importing the pairs the document names.
 * Like Xerces, which loads a hinted schema when it meets the namespace, the driver imports only the
 * namespaces the document uses: the published imsmd_rootv1p2p1.xsd (IMS metadata, named by every
 * SCORM 1.2 manifest but used by none of ours) breaks XSD's deterministic-content rule, and libxml2
 * refuses to compile it. A named file that is not among `schemas` throws: the package lacks it.
 */
export async function validateBySchemaLocation(xml: string, schemas: readonly XsdFile[]): Promise<XMLValidationResult> {
  const doc = parseXml(xml);
  const hints = (doc.documentElement.getAttribute('xsi:schemaLocation') ?? '').trim().split(/\s+/).filter(Boolean);
  if (hints.length === 0 || hints.length % 2 !== 0) throw new Error(`xsi:schemaLocation is not namespace/file pairs: ${hints.join(' ')}`);
  const used = namespacesUsed(doc);
  const imports: string[] = [];
  for (let i = 0; i < hints.length; i += 2) {
    const [namespace, file] = [hints[i]!, hints[i + 1]!];
    if (!schemas.some((schema) => schema.name === file)) throw new Error(`schemaLocation names ${file}, which is not among the schemas`);
    if (used.has(namespace)) imports.push(`<xsd:import namespace="${namespace}" schemaLocation="${file}"/>`);
    used.delete(namespace);
  }
  if (used.size > 0) throw new Error(`no schemaLocation for the namespaces ${[...used].join(', ')}`);
  const driver = `<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">${imports.join('')}</xsd:schema>`;
  return validateXML({
    xml: { fileName: DOCUMENT_NAME, contents: xml },
    schema: { fileName: DRIVER_NAME, contents: driver },
    preload: schemas.map((schema) => ({ fileName: schema.name, contents: schema.bytes })),
  });
}

/** The validity errors located in the document itself, without file name and line. */
export function documentErrors(result: XMLValidationResult): string[] {
  return result.errors.filter((error) => error.loc?.fileName === DOCUMENT_NAME).map((error) => error.message);
}
