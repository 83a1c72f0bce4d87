/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with the ADL CP extensions).
 *
 * One SCO per module, not one per lesson. SCORM 1.2 keeps score, status and suspend_data per
 * SCO, and most LMSs (Moodle among them) roll several SCOs up in ways the author cannot control
 * (Moodle's "learning objects" vs "highest grade" setting). The module test covers every lesson
 * of the module, so a single SCO carries one score against one mastery score, one resume
 * position across lessons, and the lesson-to-lesson navigation stays inside the package, where
 * narration and progress keep working, instead of depending on each LMS's SCO menu.
 */
import { masteryScorePercent, packageModelSchema, type PackageModel } from './packageModel.ts';
import { el, xmlDocument } from './xml.ts';

export const IMSCP_NAMESPACE = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
export const ADLCP_NAMESPACE = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
export const IMSMD_NAMESPACE = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** Namespace → schema file pairs, as the ADL SCORM 1.2 conformance packages write them. */
export const SCORM12_SCHEMA_LOCATION = [
  `${IMSCP_NAMESPACE} imscp_rootv1p1p2.xsd`,
  `${IMSMD_NAMESPACE} imsmd_rootv1p2p1.xsd`,
  `${ADLCP_NAMESPACE} adlcp_rootv1p2.xsd`,
].join(' ');

/** Identifiers are XML IDs: they must start with a letter, so the slug gets a prefix. */
export function scorm12Identifiers(model: Pick<PackageModel, 'moduleId' | 'locale'>) {
  const base = `ltv-dojo-${model.moduleId}-${model.locale}`;
  return { manifest: `MANIFEST-${base}`, organization: `ORG-${base}`, item: `ITEM-${base}`, resource: `RES-${base}` };
}

export function scorm12Manifest(input: PackageModel): string {
  const model = packageModelSchema.parse(input);
  const ids = scorm12Identifiers(model);
  // The launch page first, then every other file once, so the LMS's copy list is complete.
  const files = [model.launch, ...model.files.filter((file) => file !== model.launch)];
  return xmlDocument(
    el(
      'manifest',
      [
        ['identifier', ids.manifest],
        ['version', model.version],
        ['xmlns', IMSCP_NAMESPACE],
        ['xmlns:adlcp', ADLCP_NAMESPACE],
        ['xmlns:xsi', XSI_NAMESPACE],
        ['xsi:schemaLocation', SCORM12_SCHEMA_LOCATION],
      ],
      [
        el('metadata', [], [el('schema', [], ['ADL SCORM']), el('schemaversion', [], ['1.2'])]),
        el('organizations', [['default', ids.organization]], [
          el('organization', [['identifier', ids.organization]], [
            el('title', [], [model.title]),
            el('item', [['identifier', ids.item], ['identifierref', ids.resource], ['isvisible', 'true']], [
              el('title', [], [model.title]),
              // adlcp_rootv1p2.xsd orders the item's children: title, ..., masteryscore last.
              el('adlcp:masteryscore', [], [String(masteryScorePercent(model.passMark))]),
            ]),
          ]),
        ]),
        el('resources', [], [
          el(
            'resource',
            [['identifier', ids.resource], ['type', 'webcontent'], ['adlcp:scormtype', 'sco'], ['href', model.launch]],
            files.map((file) => el('file', [['href', file]])),
          ),
        ]),
      ],
    ),
  );
}
