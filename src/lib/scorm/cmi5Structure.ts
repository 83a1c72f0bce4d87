/**
 * cmi5.xml, the cmi5 course structure (cmi5 spec section 13): one course, one AU per module for
 * the same reason as one SCO per module (see scorm12Manifest.ts). The AU is satisfied when the
 * learner has gone through the lessons and passed the test (`CompletedAndPassed`).
 */
import { packageModelSchema, type PackageModel } from './packageModel.ts';
import { el, xmlDocument, type XmlElement } from './xml.ts';

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** Activity ids must be IRIs; a URN is one and claims no web host. */
export function cmi5Identifiers(model: Pick<PackageModel, 'moduleId' | 'locale'>) {
  return {
    course: `urn:ltv-dojo:course:${model.moduleId}:${model.locale}`,
    au: `urn:ltv-dojo:au:${model.moduleId}:${model.locale}`,
  };
}

function langstrings(name: string, text: string, lang: string): XmlElement {
  return el(name, [], [el('langstring', [['lang', lang]], [text])]);
}

export function cmi5Structure(input: PackageModel): string {
  const model = packageModelSchema.parse(input);
  const ids = cmi5Identifiers(model);
  const lessonList = model.lessons.map((lesson, i) => `${i + 1}. ${lesson.title}`).join('\n');
  return xmlDocument(
    el('courseStructure', [['xmlns', CMI5_NAMESPACE]], [
      el('course', [['id', ids.course]], [langstrings('title', model.title, model.locale), langstrings('description', model.description, model.locale)]),
      el(
        'au',
        [
          ['id', ids.au],
          ['moveOn', 'CompletedAndPassed'],
          // cmi5 writes the mastery score as a decimal 0..1 (scaled score), not a percentage.
          ['masteryScore', model.passMark],
          ['launchMethod', 'AnyWindow'],
        ],
        [
          langstrings('title', model.title, model.locale),
          langstrings('description', `${model.description}\n${lessonList}`, model.locale),
          el('url', [], [model.launch]),
        ],
      ),
    ]),
  );
}
