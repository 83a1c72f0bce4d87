// @xmldom/xmldom is a strict XML parser (installed with mammoth): a feed that is not well-formed XML fails here.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildFeed, formatDuration, type PodcastChannel, type PodcastEpisode } from '../../../src/lib/podcast/feed.ts';
import { escapeXml } from '../../../src/lib/podcast/xml.ts';

const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST = 'https://podcastindex.org/namespace/1.0';

function parse(xml: string): Document {
  const fail = (message: string) => {
    throw new Error(`not well-formed: ${message}`);
  };
  return new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(xml, 'application/xml');
}

const channel: PodcastChannel = {
  title: 'LTV道場: R&D <営業> "入門"',
  description: '「売って終わり」から & more',
  language: 'ja-JP',
  link: 'https://dojo.example/listen/ltv-selling/',
  feedUrl: 'https://dojo.example/podcast/ja/ltv-selling.xml',
  imageUrl: 'https://dojo.example/icons/icon-512.png',
  author: 'LTV道場',
  category: { name: 'Business', subcategory: 'Marketing' },
};

const episode = (n: number, overrides: Partial<PodcastEpisode> = {}): PodcastEpisode => ({
  title: `Lesson ${n} <b>&</b> 'quotes'`,
  description: `Summary ${n}\u0001 with a control character`,
  link: `https://dojo.example/lessons/l${n}/`,
  audioUrl: `https://dojo.example/audio/ja/l${n}.0123456789abcdef.mp3?a=1&b=2`,
  audioBytes: 1_234_567 + n,
  durationSeconds: 3725.4,
  guid: `ltv-dojo:ja:l${n}:/audio/ja/l${n}.0123456789abcdef.mp3`,
  published: new Date(Date.UTC(2026, 0, n, 9, 30)),
  episode: n,
  chaptersUrl: `https://dojo.example/podcast/ja/l${n}.chapters.json`,
  ...overrides,
});

const text = (parent: Document | Element, name: string, ns?: string) => {
  const found = ns ? parent.getElementsByTagNameNS(ns, name) : parent.getElementsByTagName(name);
  return found[0]?.textContent ?? null;
};
const attr = (parent: Document | Element, name: string, attribute: string, ns?: string) => {
  const found = ns ? parent.getElementsByTagNameNS(ns, name) : parent.getElementsByTagName(name);
  return found[0]?.getAttribute(attribute) ?? null;
};

describe('buildFeed', () => {
  const doc = parse(buildFeed(channel, [episode(1), episode(2, { chaptersUrl: undefined })]));
  const rss = doc.documentElement!;
  const channelElement = rss.getElementsByTagName('channel')[0]!;
  const items = Array.from(channelElement.getElementsByTagName('item'));

  it('is RSS 2.0 whose channel round-trips every field, special characters included', () => {
    expect(rss.tagName).toBe('rss');
    expect(rss.getAttribute('version')).toBe('2.0');
    expect(text(channelElement, 'title')).toBe(channel.title);
    expect(text(channelElement, 'description')).toBe(channel.description);
    expect(text(channelElement, 'language')).toBe('ja-JP');
    expect(text(channelElement, 'link')).toBe(channel.link);
    expect(text(channelElement, 'author', ITUNES)).toBe('LTV道場');
    expect(attr(channelElement, 'image', 'href', ITUNES)).toBe(channel.imageUrl);
    expect(attr(channelElement, 'category', 'text', ITUNES)).toBe('Business');
    expect(channelElement.getElementsByTagNameNS(ITUNES, 'category')[1]?.getAttribute('text')).toBe('Marketing');
    expect(text(channelElement, 'explicit', ITUNES)).toBe('false');
    expect(text(channelElement, 'type', ITUNES)).toBe('serial');
    expect(attr(channelElement, 'link', 'href', 'http://www.w3.org/2005/Atom')).toBe(channel.feedUrl);
  });

  it('has one item per episode, in order, with enclosure, guid, duration, date and chapters', () => {
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(text(first, 'title')).toBe("Lesson 1 <b>&</b> 'quotes'");
    expect(text(first, 'description')).toBe('Summary 1 with a control character');
    expect(attr(first, 'enclosure', 'url')).toBe('https://dojo.example/audio/ja/l1.0123456789abcdef.mp3?a=1&b=2');
    expect(attr(first, 'enclosure', 'length')).toBe('1234568');
    expect(attr(first, 'enclosure', 'type')).toBe('audio/mpeg');
    expect(text(first, 'guid')).toBe('ltv-dojo:ja:l1:/audio/ja/l1.0123456789abcdef.mp3');
    expect(attr(first, 'guid', 'isPermaLink')).toBe('false');
    expect(text(first, 'duration', ITUNES)).toBe('1:02:05');
    expect(text(first, 'episode', ITUNES)).toBe('1');
    expect(text(first, 'pubDate')).toBe('Thu, 01 Jan 2026 09:30:00 GMT');
    expect(attr(first, 'chapters', 'url', PODCAST)).toBe('https://dojo.example/podcast/ja/l1.chapters.json');
    expect(attr(first, 'chapters', 'type', PODCAST)).toBe('application/json+chapters');
    expect(items[1]!.getElementsByTagNameNS(PODCAST, 'chapters')).toHaveLength(0);
  });

  it('is a valid feed with no episodes too', () => {
    const empty = parse(buildFeed(channel, []));
    expect(empty.getElementsByTagName('item')).toHaveLength(0);
  });
});

describe('formatDuration', () => {
  it.each([
    { seconds: 0, expected: '0:00:00' },
    { seconds: 59.4, expected: '0:00:59' },
    { seconds: 59.6, expected: '0:01:00' },
    { seconds: 517.945, expected: '0:08:38' },
    { seconds: 3600, expected: '1:00:00' },
    { seconds: -3, expected: '0:00:00' },
  ])('$seconds s → $expected', ({ seconds, expected }) => expect(formatDuration(seconds)).toBe(expected));
});

describe('escapeXml', () => {
  it.each([
    { input: 'a & b', expected: 'a &amp; b' },
    { input: '<tag attr="x">', expected: '&lt;tag attr=&quot;x&quot;&gt;' },
    { input: "it's", expected: 'it&apos;s' },
    { input: 'bell\u0007 and NUL\u0000', expected: 'bell and NUL' },
    { input: 'tab\tnewline\n', expected: 'tab\tnewline\n' },
    { input: '&amp;', expected: '&amp;amp;' },
  ])('$input', ({ input, expected }) => expect(escapeXml(input)).toBe(expected));
});
