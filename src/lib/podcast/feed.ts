import { element, escapeXml } from './xml.ts';

/** The podcast as a whole: one module in one language. URLs are absolute. */
export interface PodcastChannel {
  title: string;
  description: string;
  /** BCP 47, e.g. `ja-JP`. */
  language: string;
  /** The module's page (listen mode). */
  link: string;
  /** This feed's own URL (atom:link rel=self). */
  feedUrl: string;
  /** Square artwork, PNG or JPEG. */
  imageUrl: string;
  author: string;
  /** An Apple Podcasts category, e.g. `Business` / `Marketing`. */
  category: { name: string; subcategory?: string };
}

/** One lesson as an episode. */
export interface PodcastEpisode {
  title: string;
  description: string;
  /** The lesson page. */
  link: string;
  audioUrl: string;
  /** The MP3's size on disk: apps show it and some check it. */
  audioBytes: number;
  durationSeconds: number;
  /** Stable while the audio is unchanged; changes with a new rendering, so apps fetch the new file. */
  guid: string;
  published: Date;
  /** 1-based position in the module. */
  episode: number;
  chaptersUrl?: string;
}

/** `H:MM:SS`, as itunes:duration accepts. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function episodeXml(item: PodcastEpisode): string {
  return [
    '<item>',
    element('title', {}, item.title),
    element('itunes:title', {}, item.title),
    element('description', {}, item.description),
    element('itunes:summary', {}, item.description),
    element('link', {}, item.link),
    element('enclosure', { url: item.audioUrl, length: item.audioBytes, type: 'audio/mpeg' }),
    element('guid', { isPermaLink: 'false' }, item.guid),
    element('pubDate', {}, item.published.toUTCString()),
    element('itunes:duration', {}, formatDuration(item.durationSeconds)),
    element('itunes:episode', {}, String(item.episode)),
    element('itunes:episodeType', {}, 'full'),
    element('itunes:explicit', {}, 'false'),
    item.chaptersUrl ? element('podcast:chapters', { url: item.chaptersUrl, type: 'application/json+chapters' }) : '',
    '</item>',
  ].join('');
}

/**
 * RSS 2.0 with the iTunes and Podcasting 2.0 namespaces. A course is listened to in order, so the
 * show is `serial` and episodes carry their number: apps list lesson 1 first, whatever the dates.
 */
export function buildFeed(channel: PodcastChannel, episodes: readonly PodcastEpisode[]): string {
  const category = channel.category.subcategory
    ? `<itunes:category text="${escapeXml(channel.category.name)}">${element('itunes:category', { text: channel.category.subcategory })}</itunes:category>`
    : element('itunes:category', { text: channel.category.name });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', {}, channel.title),
    element('description', {}, channel.description),
    element('itunes:summary', {}, channel.description),
    element('language', {}, channel.language),
    element('link', {}, channel.link),
    element('atom:link', { href: channel.feedUrl, rel: 'self', type: 'application/rss+xml' }),
    element('itunes:author', {}, channel.author),
    `<itunes:owner>${element('itunes:name', {}, channel.author)}</itunes:owner>`,
    element('itunes:image', { href: channel.imageUrl }),
    `<image>${element('url', {}, channel.imageUrl)}${element('title', {}, channel.title)}${element('link', {}, channel.link)}</image>`,
    category,
    element('itunes:explicit', {}, 'false'),
    element('itunes:type', {}, 'serial'),
    ...episodes.map(episodeXml),
    '</channel>',
    '</rss>\n',
  ].join('\n');
}
