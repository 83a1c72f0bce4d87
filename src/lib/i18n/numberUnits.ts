/**
 * Where a number and its unit must stay on one line. Japanese breaks a line between any two
 * characters, so 「2万5,000円」 could end a line after 「2万」 and 「72万円」 after 「72」; English
 * breaks at the space in "5 years". Pure text in, ranges out, so the build can wrap each run.
 */

const JA_UNITS = '円|人|回|年|か月|ヶ月|カ月|ヵ月|週|日|時間|分|秒|社|台|件|個|本|店|名|歳|点|問|倍|割|%|％';
const EN_UNITS = 'years?|months?|weeks?|days?|hours?|minutes?|customers?|companies|times|visits?|points?|yen|percent|%';

// A number: optional yen sign, digits with commas or a decimal point, optional 万/億/千 steps
// (「2万5,000」), then a Japanese unit right after it or an English unit after one space.
const NUMBER_WITH_UNIT = new RegExp(
  `[¥￥]?\\d[\\d,.]*(?:[万億千兆]\\d[\\d,.]*)*(?:[万億千兆](?:${JA_UNITS})?|(?:${JA_UNITS})|[ \\u00a0](?:${EN_UNITS})\\b)|[¥￥]\\d[\\d,.]*(?:[万億千兆])?`,
  'g',
);

export interface TextRange {
  start: number;
  end: number;
}

/** The runs of `text` that are a number with its unit (or a yen amount), in order. */
export function numberUnitRanges(text: string): TextRange[] {
  return [...text.matchAll(NUMBER_WITH_UNIT)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
