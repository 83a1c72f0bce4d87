import { HEALTHY_LTV_TO_CAC, type CacBand, type LtvToCac } from '../../lib/clv/cac.ts';
import { formatNumber, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import RatioBand from '../charts/RatioBand.tsx';

const TEXT = {
  ja: {
    times: (n: string) => `${n}倍`,
    band: { losing: '赤字', thin: '薄い', healthy: '健全' } as Record<CacBand, string>,
    ranges: { losing: '1倍未満', thin: '1倍以上3倍未満', healthy: '3倍以上' } as Record<CacBand, string>,
    verdict: {
      losing: '赤字：CLVがCACに届かず、お客様を獲得するたびに損をしています。',
      thin: '薄い：獲得費用は取り戻せますが、余裕はあまりありません。',
      healthy: '健全：CLVがCACの3倍以上あります。',
    } as Record<CacBand, string>,
    bandTitle: (heading: string, ratio: string, band: string) => `${heading}のCLVとCACの比率は${ratio}で、「${band}」の範囲です`,
    tableHeaders: ['判定', '比率'] as [string, string],
    payback: '獲得費用を取り戻すまで',
    months: (n: string) => `約${n}か月`,
    noPayback: '1か月あたりの粗利を入れると表示します',
    maxCac: `比率${HEALTHY_LTV_TO_CAC}倍を保てるCACの上限`,
  },
  en: {
    times: (n: string) => `${n}×`,
    band: { losing: 'Losing', thin: 'Thin', healthy: 'Healthy' } as Record<CacBand, string>,
    ranges: { losing: 'below 1×', thin: '1× to under 3×', healthy: '3× or more' } as Record<CacBand, string>,
    verdict: {
      losing: 'Losing: CLV does not cover CAC, so every new customer loses money.',
      thin: 'Thin: the acquisition cost comes back, but with little room to spare.',
      healthy: 'Healthy: CLV is at least 3 times CAC.',
    } as Record<CacBand, string>,
    bandTitle: (heading: string, ratio: string, band: string) => `${heading}: the LTV to CAC ratio is ${ratio}, in the “${band}” range`,
    tableHeaders: ['Verdict', 'Ratio'] as [string, string],
    payback: 'Months to earn the CAC back',
    months: (n: string) => `about ${n} months`,
    noPayback: 'Enter the gross profit per month to see it',
    maxCac: `Highest CAC that keeps ${HEALTHY_LTV_TO_CAC}×`,
  },
};

interface Props {
  locale: Locale;
  /** Whose ratio this is: "Now", "Referrals". */
  heading: string;
  clv: number;
  cac: number;
  result: LtvToCac;
  /** Prefix of data-testid attributes. */
  testId: string;
}

/** One LTV:CAC verdict: the division, the band in words and on a scale, payback and the affordable CAC. */
export default function CacRatioCard({ locale, heading, clv, cac, result, testId }: Props) {
  const text = TEXT[locale];
  const ratio = text.times(formatNumber(locale, result.ratio, 1));
  return (
    <div class="ratio-card" data-band={result.band}>
      <p class="ratio-card__heading">{heading}</p>
      <p class="ratio-card__ratio">
        {formatYen(locale, clv)} ÷ {formatYen(locale, cac)} = <strong data-testid={`${testId}-ratio`}>{ratio}</strong>
      </p>
      <p class="ratio-card__verdict" data-testid={`${testId}-verdict`}>
        {text.verdict[result.band]}
      </p>
      <RatioBand
        title={text.bandTitle(heading, ratio, text.band[result.band])}
        ratio={result.ratio}
        valueLabel={ratio}
        bandLabels={text.band}
        limitLabels={[text.times('1'), text.times('3')]}
        tableHeaders={text.tableHeaders}
        bandRanges={text.ranges}
      />
      <dl class="ratio-card__facts">
        <div>
          <dt>{text.payback}</dt>
          {result.paybackMonths === null ? (
            <dd data-testid={`${testId}-payback`} class="ratio-card__missing">
              {text.noPayback}
            </dd>
          ) : (
            <dd data-testid={`${testId}-payback`}>{text.months(formatNumber(locale, result.paybackMonths, 1))}</dd>
          )}
        </div>
        <div>
          <dt>{text.maxCac}</dt>
          <dd data-testid={`${testId}-max-cac`}>{formatYen(locale, result.maxAffordableCac)}</dd>
        </div>
      </dl>
    </div>
  );
}
