import { useStore } from '@nanostores/preact';
import { withSign } from '../../lib/calculators/signed.ts';
import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { MIN_CALIBRATION_DAYS, MIN_HOLDOUT_DAYS, type FitCheck } from '../../lib/workbench/fitCheck.ts';
import type { AnalysisResult } from '../../lib/workbench/protocol.ts';
import { $pending, setCalibrationEnd } from '../../stores/workbench.ts';

const TEXT = {
  ja: {
    title: '当てはまりの確認（過去で試す）',
    lead: '区切りの日までのデータだけでモデルを作り、その後の期間に実際に買われた回数と、モデルの予測を比べます。',
    date: '区切りの日',
    dateHint: (min: string, max: string) => `${min}〜${max} の間で選べます。`,
    running: '計算しています…',
    verdict: { good: 'よく当てはまっています。', fair: 'おおむね当てはまっています。', poor: '予測と実際のずれが大きいです。予測は目安として見てください。' },
    totals: (days: string, actual: string, predicted: string, error: string) => `その後の${days}日間の購入回数：実際 ${actual}回、予測 ${predicted}回（${error}）`,
    left: (count: string) => `区切りの日より後に初めて買ったお客様${count}人は、比べる対象に入れていません。`,
    caption: '区切りの日までのリピート回数ごとの、その後の購入回数（1人あたり）',
    columns: ['それまでのリピート回数', 'お客様', '実際', '予測'],
    orMore: (n: number) => `${n}回以上`,
    times: (n: number) => `${n}回`,
    failed: {
      'calibration-too-short': `区切りの日が早すぎます（最初の購入から${MIN_CALIBRATION_DAYS}日以上あけてください）。`,
      'holdout-too-short': `区切りの日が遅すぎます（最後の日まで${MIN_HOLDOUT_DAYS}日以上残してください）。`,
      'too-few-repeat': '区切りの日までにリピートしたお客様が少なすぎて、確かめられません。',
      'not-converged': '区切りの日までのデータでは、モデルの計算が収束しませんでした。',
    },
  },
  en: {
    title: 'Fit check (test on the past)',
    lead: 'The model is fitted on the data up to a cut-off date only; its predictions for the period after are compared with what customers actually bought.',
    date: 'Cut-off date',
    dateHint: (min: string, max: string) => `Any day from ${min} to ${max}.`,
    running: 'Calculating…',
    verdict: { good: 'The model fits well.', fair: 'The model fits reasonably.', poor: 'Predictions and reality differ a lot: read the predictions as rough.' },
    totals: (days: string, actual: string, predicted: string, error: string) => `Purchases in the ${days} days after: actual ${actual}, predicted ${predicted} (${error})`,
    left: (count: string) => `${count} customers who first bought after the cut-off are left out of the comparison.`,
    caption: 'Purchases after the cut-off per customer, by repeat purchases before it',
    columns: ['Repeat purchases before', 'Customers', 'Actual', 'Predicted'],
    orMore: (n: number) => `${n} or more`,
    times: (n: number) => String(n),
    failed: {
      'calibration-too-short': `The cut-off is too early (leave at least ${MIN_CALIBRATION_DAYS} days after the first purchase).`,
      'holdout-too-short': `The cut-off is too late (leave at least ${MIN_HOLDOUT_DAYS} days before the last day).`,
      'too-few-repeat': 'Too few customers bought again before the cut-off to check the model.',
      'not-converged': 'The model did not converge on the data before the cut-off.',
    },
  },
};

/** The holdout check: a cut-off date input, the verdict, totals and the per-bucket table. */
export default function FitCheckSection({ locale, analysis, check }: { locale: Locale; analysis: AnalysisResult; check: FitCheck | null }) {
  const text = TEXT[locale];
  const pending = useStore($pending);
  const n = (value: number, digits = 0) => formatNumber(locale, value, digits);
  const { calibration } = analysis;
  const value = check?.calibrationEnd ?? calibration.default;
  return (
    <section aria-labelledby="workbench-fit-title" data-testid="fit-check">
      <h3 id="workbench-fit-title">{text.title}</h3>
      <p>{text.lead}</p>
      <div class="field">
        <label for="workbench-calibration">{text.date}</label>
        <div class="field__control">
          <input
            id="workbench-calibration"
            type="date"
            min={calibration.min}
            max={calibration.max}
            value={value}
            aria-describedby="workbench-calibration-hint"
            onChange={(event) => {
              const next = (event.target as HTMLInputElement).value;
              if (next !== '' && next !== value) setCalibrationEnd(next);
            }}
            data-testid="calibration-end"
          />
        </div>
        <p class="field__hint" id="workbench-calibration-hint">
          {text.dateHint(calibration.min, calibration.max)}
        </p>
      </div>
      <div aria-live="polite" aria-busy={pending.check}>
        {pending.check || check === null ? (
          <p>{text.running}</p>
        ) : !check.ok ? (
          <p class="calculator__warning">{text.failed[check.reason]}</p>
        ) : (
          <>
            <p class={check.verdict === 'poor' ? 'calculator__warning' : 'calculator__ok'} data-testid="fit-verdict">
              {text.verdict[check.verdict]}{' '}
              {text.totals(
                n(check.holdoutDays),
                n(check.actualTotal),
                n(check.predictedTotal),
                check.relativeError === null ? '–' : withSign(check.relativeError, formatPercent(locale, check.relativeError)),
              )}
            </p>
            <div class="table-scroll workbench-narrow">
              <table class="data-table" data-testid="fit-table">
                <caption>{text.caption}</caption>
                <thead>
                  <tr>
                    {text.columns.map((column) => (
                      <th scope="col" key={column}>
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {check.buckets.map((bucket) => (
                    <tr key={bucket.repeatPurchases}>
                      <th scope="row">{bucket.orMore ? text.orMore(bucket.repeatPurchases) : text.times(bucket.repeatPurchases)}</th>
                      <td>{n(bucket.customers)}</td>
                      <td>{n(bucket.actual, 2)}</td>
                      <td>{n(bucket.predicted, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {check.firstSeenInHoldout > 0 && <p class="field__hint">{text.left(n(check.firstSeenInHoldout))}</p>}
          </>
        )}
      </div>
    </section>
  );
}
