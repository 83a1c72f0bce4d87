import type { Locale } from '../../i18n/locales.ts';

/**
 * The speech engines and voices the rendered lesson audio is made with, and what their
 * licences ask of us, shown on /credits/ and /en/credits/. The HTS voice is CC BY 3.0: the
 * audio must credit it, link the licence and say what was done with it. Keep this list in step
 * with src/server/audio/engines.
 */
export interface AudioCredit {
  id: string;
  /** The work's own name, untranslated. */
  work: string;
  /** What the course uses it for. */
  usedFor: Readonly<Record<Locale, string>>;
  /** The copyright lines, as the work states them. */
  copyright: readonly string[];
  license: { name: string; url?: string };
  /** Where the work comes from. */
  source: string;
  /** What we did with it, where the licence asks (CC BY: "indicate if changes were made"). */
  changes?: Readonly<Record<Locale, string>>;
}

export const AUDIO_CREDITS: readonly AudioCredit[] = [
  {
    id: 'hts-voice-nitech-jp-atr503-m001',
    work: 'HTS voice "NIT ATR503 M001" (nitech_jp_atr503_m001)',
    usedFor: { ja: '日本語の音声（男性の声）', en: 'The Japanese narration voice (male)' },
    copyright: [
      'Copyright (c) 2003-2012 Nagoya Institute of Technology, Department of Computer Science',
      'Copyright (c) 2003-2008 Tokyo Institute of Technology, Interdisciplinary Graduate School of Science and Engineering',
    ],
    license: { name: 'Creative Commons Attribution 3.0 (CC BY 3.0)', url: 'https://creativecommons.org/licenses/by/3.0/' },
    source: 'http://open-jtalk.sourceforge.net/',
    changes: {
      ja: '声のモデルは変更していません。このモデルで教材の文章を読み上げて音声を作り、文の前後の無音を切り詰め、文の間に無音を入れてつなぎ、MP3に変換しています。',
      en: 'The voice model is used unchanged. We synthesize the lesson text with it, trim the silence before and after each sentence, join the sentences with pauses and encode the result as MP3.',
    },
  },
  {
    id: 'open-jtalk',
    work: 'Open JTalk and the hts_engine API',
    usedFor: { ja: '日本語の音声合成エンジン', en: 'The Japanese speech synthesis engine' },
    copyright: [
      'Copyright (c) 2008-2016 Nagoya Institute of Technology, Department of Computer Science',
      'Copyright (c) 2001-2008 Tokyo Institute of Technology, Interdisciplinary Graduate School of Science and Engineering',
    ],
    license: { name: 'Modified BSD license (3-clause)', url: 'https://opensource.org/license/bsd-3-clause' },
    source: 'http://open-jtalk.sourceforge.net/',
  },
  {
    id: 'naist-jdic',
    work: 'MeCab and the NAIST Japanese Dictionary (as bundled with Open JTalk)',
    usedFor: { ja: '日本語の読みとアクセントの辞書', en: 'The Japanese reading and accent dictionary' },
    copyright: [
      'Copyright (c) 2001-2008 Taku Kudo; Copyright (c) 2004-2008 Nippon Telegraph and Telephone Corporation',
      'Copyright (c) 2009 Nara Institute of Science and Technology; Copyright (c) 2011-2017 The UniDic Consortium',
    ],
    license: { name: 'Modified BSD license (3-clause)', url: 'https://opensource.org/license/bsd-3-clause' },
    source: 'http://open-jtalk.sourceforge.net/',
  },
  {
    id: 'flite',
    work: 'CMU Flite and its voice "slt" (built from the CMU ARCTIC speech database)',
    usedFor: { ja: '英語の音声合成エンジンと音声（女性の声）', en: 'The English speech synthesis engine and voice (female)' },
    copyright: [
      'Copyright (c) 1999-2016 Language Technologies Institute, Carnegie Mellon University. All rights reserved.',
      'Authors: Alan W Black, Kevin A. Lenzo, David Huggins-Daines and others.',
    ],
    license: {
      name: "CMU's free license: free to use and distribute, keeping the copyright notice and the authors' names; the authors do not endorse this course",
      url: 'http://www.festvox.org/flite/',
    },
    source: 'http://cmuflite.org/',
  },
];

/** The voice a recording names in its manifest (`voice` of /audio/<lang>/<lesson>.json). */
export interface RecordedVoice {
  engine: string;
  id: string;
}

/**
 * Azure's neural voices are a cloud service, not a work we ship: they are credited, and the
 * narration said to be synthetic, only when some lesson was recorded with one.
 */
function azureCredit(voiceIds: readonly string[]): AudioCredit {
  return {
    id: 'azure-neural-voices',
    work: `Microsoft Azure AI Speech, neural voices: ${voiceIds.join(', ')}`,
    usedFor: {
      ja: '一部のレッスンの音声（合成音声です。実在の人物の声ではありません）',
      en: 'The narration of some lessons (synthetic speech, not a real person’s voice)',
    },
    copyright: ['© Microsoft Corporation'],
    license: { name: 'Used through the Azure service under Microsoft’s product terms for online services' },
    source: 'https://azure.microsoft.com/products/ai-services/ai-speech',
  };
}

/** The credits for the voices the recordings were made with: the offline engines, plus Azure when used. */
export function creditsForVoices(voices: readonly RecordedVoice[]): readonly AudioCredit[] {
  const azure = [...new Set(voices.filter((voice) => voice.engine === 'azure').map((voice) => voice.id))].sort();
  return azure.length > 0 ? [...AUDIO_CREDITS, azureCredit(azure)] : AUDIO_CREDITS;
}
