import { describe, expect, it } from 'vitest';
import { cmi5Identifiers, cmi5Structure, CMI5_NAMESPACE } from '../../../src/lib/scorm/cmi5Structure.ts';
import type { PackageModel } from '../../../src/lib/scorm/packageModel.ts';
import {
  ADLCP_NAMESPACE,
  IMSCP_NAMESPACE,
  SCORM12_SCHEMA_LOCATION,
  scorm12Identifiers,
  scorm12Manifest,
  XSI_NAMESPACE,
} from '../../../src/lib/scorm/scorm12Manifest.ts';
import { escapeXml } from '../../../src/lib/scorm/xml.ts';
import { children, only, parseXml } from './parseXml.ts';

const model: PackageModel = {
  moduleId: 'ltv-selling',
  locale: 'ja',
  title: 'LTV思考の営業 & "見込み" <入門>',
  description: '売って終わりから、選ばれ続ける営業へ。',
  lessons: [
    { id: 'what-is-ltv', title: 'LTVとは何か' },
    { id: 'sell-and-forget', title: '売って終わり？' },
  ],
  passMark: 0.8,
  launch: 'index.html',
  files: ['index.html', 'runtime.js', 'content.js', 'style.css', 'audio/ja/what-is-ltv.abc123.mp3'],
  version: '2026-12-04',
};

describe('escapeXml', () => {
  it.each([
    ['A & B', 'A &amp; B'],
    ['<tag>', '&lt;tag&gt;'],
    [`"q" 'a'`, '&quot;q&quot; &apos;a&apos;'],
    ['bell\u0007 tab\t', 'bell tab\t'],
    ['日本語', '日本語'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('scorm12Manifest', () => {
  const doc = parseXml(scorm12Manifest(model));
  const root = doc.documentElement;
  const ids = scorm12Identifiers(model);

  it('declares the IMS CP and ADL CP namespaces and their schema files', () => {
    expect(root.tagName).toBe('manifest');
    expect(root.getAttribute('xmlns')).toBe(IMSCP_NAMESPACE);
    expect(root.getAttribute('xmlns:adlcp')).toBe(ADLCP_NAMESPACE);
    expect(root.getAttribute('xmlns:xsi')).toBe(XSI_NAMESPACE);
    expect(root.getAttribute('xsi:schemaLocation')).toBe(SCORM12_SCHEMA_LOCATION);
    // schemaLocation is namespace/file pairs: every namespace used is paired with its .xsd.
    const pairs = SCORM12_SCHEMA_LOCATION.split(' ');
    expect(pairs[pairs.indexOf(IMSCP_NAMESPACE) + 1]).toBe('imscp_rootv1p1p2.xsd');
    expect(pairs[pairs.indexOf(ADLCP_NAMESPACE) + 1]).toBe('adlcp_rootv1p2.xsd');
    expect(root.getAttribute('identifier')).toBe(ids.manifest);
    expect(root.getAttribute('version')).toBe('2026-12-04');
  });

  it('says SCORM 1.2 in the metadata', () => {
    const metadata = only(root, 'metadata');
    expect(only(metadata, 'schema').textContent).toBe('ADL SCORM');
    expect(only(metadata, 'schemaversion').textContent).toBe('1.2');
  });

  it('has one organization, the default, with one SCO item carrying the mastery score', () => {
    const organizations = only(root, 'organizations');
    expect(organizations.getAttribute('default')).toBe(ids.organization);
    const organization = only(organizations, 'organization');
    expect(organization.getAttribute('identifier')).toBe(ids.organization);
    expect(only(organization, 'title').textContent).toBe(model.title);
    const item = only(organization, 'item');
    expect(item.getAttribute('identifierref')).toBe(ids.resource);
    expect(item.getAttribute('isvisible')).toBe('true');
    expect(only(item, 'title').textContent).toBe(model.title);
    expect(only(item, 'adlcp:masteryscore').textContent).toBe('80');
    // The schema's order: title before masteryscore.
    expect([...item.children].map((child) => child.tagName)).toEqual(['title', 'adlcp:masteryscore']);
  });

  it('lists every file in the SCO resource, the launch page first, each once', () => {
    const resource = only(only(root, 'resources'), 'resource');
    expect(resource.getAttribute('identifier')).toBe(ids.resource);
    expect(resource.getAttribute('type')).toBe('webcontent');
    expect(resource.getAttribute('adlcp:scormtype')).toBe('sco');
    expect(resource.getAttribute('href')).toBe('index.html');
    const files = children(resource, 'file').map((file) => file.getAttribute('href'));
    expect(files).toEqual(['index.html', 'runtime.js', 'content.js', 'style.css', 'audio/ja/what-is-ltv.abc123.mp3']);
  });

  it.each([
    [0.8, '80'],
    [0.7, '70'],
    [0.655, '66'],
    [1, '100'],
  ])('pass mark %d → masteryscore %s', (passMark, expected) => {
    const item = parseXml(scorm12Manifest({ ...model, passMark })).getElementsByTagName('item')[0]!;
    expect(only(item, 'adlcp:masteryscore').textContent).toBe(expected);
  });

  it.each([
    ['an absolute launch path', { launch: '/index.html' }, 'launch'],
    ['a parent path among the files', { files: ['../secret.txt'] }, 'files'],
    ['a URL among the files', { files: ['https://cdn/x.js'] }, 'files'],
    ['a pass mark over 1', { passMark: 80 }, 'passMark'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(() => scorm12Manifest({ ...model, ...change })).toThrow(field);
  });
});

describe('cmi5Structure', () => {
  const root = parseXml(cmi5Structure(model)).documentElement;
  const ids = cmi5Identifiers(model);

  it('is a cmi5 course structure with the course titled in the package language', () => {
    expect(root.tagName).toBe('courseStructure');
    expect(root.getAttribute('xmlns')).toBe(CMI5_NAMESPACE);
    const course = only(root, 'course');
    expect(course.getAttribute('id')).toBe(ids.course);
    const title = only(only(course, 'title'), 'langstring');
    expect(title.getAttribute('lang')).toBe('ja');
    expect(title.textContent).toBe(model.title);
    expect(only(only(course, 'description'), 'langstring').textContent).toBe(model.description);
  });

  it('has one AU launched at the relative launch page, passed by the mastery score', () => {
    const au = only(root, 'au');
    expect(au.getAttribute('id')).toBe(ids.au);
    expect(au.getAttribute('moveOn')).toBe('CompletedAndPassed');
    expect(au.getAttribute('masteryScore')).toBe('0.8');
    expect(au.getAttribute('launchMethod')).toBe('AnyWindow');
    expect(only(au, 'url').textContent).toBe('index.html');
    expect(only(only(au, 'title'), 'langstring').textContent).toBe(model.title);
    const description = only(only(au, 'description'), 'langstring').textContent ?? '';
    expect(description).toContain('1. LTVとは何か');
    expect(description).toContain('2. 売って終わり？');
    // The schema's order inside an AU.
    expect([...au.children].map((child) => child.tagName)).toEqual(['title', 'description', 'url']);
  });

  it('writes ids that are IRIs (a scheme, no spaces)', () => {
    for (const id of Object.values(ids)) expect(id).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
  });
});
