import { formatNumber, formatPercent, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { MIN_REPEAT_CUSTOMERS, SHORT_PERIOD_DAYS, type ModelNote, type ModelReport } from '../../lib/workbench/model.ts';
import type { AnalysisResult } from '../../lib/workbench/protocol.ts';
import type { FitCheck } from '../../lib/workbench/fitCheck.ts';
import FitCheckSection from './FitCheckSection.tsx';

const TEXT = {
  ja: {
    usable: 'モデルを使えます。表の予測の列は、このモデルから出しています。',
    partlyUsable: '購入回数と継続の確率は予測できますが、予測CLVは出せません。',
    notUsable: 'このデータでは、予測モデルを使えません。履歴とRFMの列は使えます。',
    notes: {
      'too-few-repeat': (r: ModelReport) =>
        `2回以上買ったお客様が${r.repeatCustomers}人しかいません（${MIN_REPEAT_CUSTOMERS}人以上必要です）。リピートの様子がわからないため、予測は出していません。期間を長くするか、取引の多いデータで試してください。`,
      'not-converged': () =>
        'モデルの計算が収束しませんでした。データがモデルの前提に合っていない可能性があります（例：全員がほぼ同じ間隔で買っている、途中で顧客IDの付け方が変わった）。予測は出していません。',
      'spend-not-converged': () => '1回あたりの金額のモデルが収束しませんでした。予測CLVは出していません（購入回数と継続の確率は出しています）。',
      'spend-heavy-tail': () =>
        '金額のばらつきが大きすぎて、平均的な購入額を見積もれません。極端に大きな取引がないか確かめてください。予測CLVは出していません。',
      'spend-zero-value': (r: ModelReport) =>
        `2回目以降の購入がすべて0円のお客様が${formatNumber('ja', r.zeroValueRepeatCustomers)}人います。金額のモデルの推定には使っていません（このお客様の予測CLVは、ほかのお客様の金額から見積もっています）。`,
      'short-period': (r: ModelReport) =>
        `データの期間が${r.periodDays}日と短いため、予測は目安として見てください（${SHORT_PERIOD_DAYS}日以上あると安定します）。`,
      'spend-frequency-correlated': (r: ModelReport) =>
        `購入回数と1回あたりの金額に関係があります（相関係数 ${formatNumber('ja', r.spendFrequencyCorrelation ?? 0, 2)}）。金額のモデルは両者が無関係だと仮定しているので、予測CLVは幅をもって見てください。`,
    } as Record<ModelNote['code'], (r: ModelReport) => string>,
    bgTitle: '購入回数と継続のモデル（BG/NBD）',
    ggTitle: '1回あたりの金額のモデル（Gamma-Gamma）',
    parameter: 'パラメータ',
    value: '値',
    bg: {
      r: '購入ペースのばらつき（形）',
      alpha: '購入ペースのばらつき（尺度、日）',
      a: '離脱のしやすさ（a）',
      b: '離脱のしやすさ（b）',
    },
    meanRate: (perYear: string) => `平均で年${perYear}回のペース（r ÷ α × 365）`,
    meanDropout: (share: string) => `1回買うごとに、平均${share}のお客様が離れる（a ÷ (a + b)）`,
    gg: { p: '1回の金額のばらつき（p）', q: 'お客様ごとの差（q）', v: '金額の尺度（v）' },
    meanSpend: (yen: string) => `1回あたりの平均 ${yen}（p × v ÷ (q − 1)）`,
    logLikelihood: '対数尤度',
    iterations: (n: number) => `${n}回の反復で収束`,
    customersUsed: (n: string) => `2回以上買ったお客様 ${n}人で推定`,
  },
  en: {
    usable: 'The model can be used. The prediction columns of the table come from it.',
    partlyUsable: 'Purchases and the probability of being active can be predicted, but not the CLV.',
    notUsable: 'The predictive model cannot be used on this data. History and RFM columns are still there.',
    notes: {
      'too-few-repeat': (r: ModelReport) =>
        `Only ${r.repeatCustomers} customers bought more than once (at least ${MIN_REPEAT_CUSTOMERS} are needed). Without repeat purchases to learn from there are no predictions. Try a longer period or busier data.`,
      'not-converged': () =>
        'The model did not converge. The data may not fit its assumptions (for example everyone buys at the same interval, or customer IDs changed halfway). There are no predictions.',
      'spend-not-converged': () => 'The spend model did not converge. There is no predicted CLV (purchases and the probability of being active are shown).',
      'spend-heavy-tail': () =>
        'Purchase values vary too much to estimate a typical value. Check for extreme transactions. There is no predicted CLV.',
      'spend-zero-value': (r: ModelReport) =>
        `${formatNumber('en', r.zeroValueRepeatCustomers)} customers made only 0-yen repeat purchases. They are left out of the spend model's estimate (their predicted CLV uses the other customers' values).`,
      'short-period': (r: ModelReport) =>
        `The data covers only ${r.periodDays} days: read the predictions as rough (${SHORT_PERIOD_DAYS} days or more make them steadier).`,
      'spend-frequency-correlated': (r: ModelReport) =>
        `Purchase count and value per purchase are related (correlation ${formatNumber('en', r.spendFrequencyCorrelation ?? 0, 2)}). The spend model assumes they are not, so allow a margin around the predicted CLV.`,
    } as Record<ModelNote['code'], (r: ModelReport) => string>,
    bgTitle: 'Purchases and churn (BG/NBD)',
    ggTitle: 'Value per purchase (Gamma-Gamma)',
    parameter: 'Parameter',
    value: 'Value',
    bg: {
      r: 'Spread of purchase rates (shape)',
      alpha: 'Spread of purchase rates (scale, days)',
      a: 'Drop-out (a)',
      b: 'Drop-out (b)',
    },
    meanRate: (perYear: string) => `${perYear} purchases a year on average (r ÷ α × 365)`,
    meanDropout: (share: string) => `${share} of customers drop out after each purchase on average (a ÷ (a + b))`,
    gg: { p: 'Spread of each purchase (p)', q: 'Differences between customers (q)', v: 'Scale of values (v)' },
    meanSpend: (yen: string) => `${yen} per purchase on average (p × v ÷ (q − 1))`,
    logLikelihood: 'Log-likelihood',
    iterations: (n: number) => `Converged after ${n} iterations`,
    customersUsed: (n: string) => `Estimated on ${n} customers with repeat purchases`,
  },
};

/** The model panel: whether to trust it and why, the fitted parameters, and the fit check. */
export default function ModelPanel({ locale, analysis, check }: { locale: Locale; analysis: AnalysisResult; check: FitCheck | null }) {
  const text = TEXT[locale];
  const { model } = analysis;
  const n = (value: number, digits = 3) => formatNumber(locale, value, digits);
  const status = model.spendUsable ? text.usable : model.purchasesUsable ? text.partlyUsable : text.notUsable;
  // Parameters only from fits that worked: a failed fit has none, and its note says why.
  const bg = model.bgNbd?.ok ? model.bgNbd : null;
  const gg = model.gammaGamma?.ok ? model.gammaGamma : null;
  return (
    <div class="workbench-panel-body">
      <p class={model.purchasesUsable ? 'calculator__ok' : 'calculator__warning'} data-testid="model-status">
        {status}
      </p>
      {model.notes.length > 0 && (
        <ul class="workbench-notes" data-testid="model-notes">
          {model.notes.map((note) => (
            <li key={note.code} class={`workbench-note workbench-note--${note.severity}`}>
              {text.notes[note.code](model)}
            </li>
          ))}
        </ul>
      )}
      {bg && (
        <section aria-labelledby="workbench-bg-title">
          <h3 id="workbench-bg-title">{text.bgTitle}</h3>
          <table class="data-table workbench-narrow" data-testid="bg-params">
            <thead>
              <tr>
                <th scope="col">{text.parameter}</th>
                <th scope="col">{text.value}</th>
              </tr>
            </thead>
            <tbody>
              {(['r', 'alpha', 'a', 'b'] as const).map((name) => (
                <tr key={name}>
                  <th scope="row">
                    {text.bg[name]} <code>{name === 'alpha' ? 'α' : name}</code>
                  </th>
                  <td>{n(bg.params[name])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{text.logLikelihood}</th>
                <td>{n(bg.logLikelihood, 1)}</td>
              </tr>
            </tbody>
          </table>
          <ul class="field__hint">
            <li>{text.meanRate(n((bg.params.r / bg.params.alpha) * 365, 1))}</li>
            <li>{text.meanDropout(formatPercent(locale, bg.params.a / (bg.params.a + bg.params.b), 0))}</li>
            <li>{text.iterations(bg.iterations)}</li>
          </ul>
        </section>
      )}
      {gg && (
        <section aria-labelledby="workbench-gg-title">
          <h3 id="workbench-gg-title">{text.ggTitle}</h3>
          <table class="data-table workbench-narrow" data-testid="gg-params">
            <thead>
              <tr>
                <th scope="col">{text.parameter}</th>
                <th scope="col">{text.value}</th>
              </tr>
            </thead>
            <tbody>
              {(['p', 'q', 'v'] as const).map((name) => (
                <tr key={name}>
                  <th scope="row">{text.gg[name]}</th>
                  <td>{n(gg.params[name])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{text.logLikelihood}</th>
                <td>{n(gg.logLikelihood, 1)}</td>
              </tr>
            </tbody>
          </table>
          <ul class="field__hint">
            {gg.params.q > 1 && <li>{text.meanSpend(formatYen(locale, (gg.params.p * gg.params.v) / (gg.params.q - 1)))}</li>}
            <li>{text.customersUsed(formatNumber(locale, gg.customersUsed))}</li>
            <li>{text.iterations(gg.iterations)}</li>
          </ul>
        </section>
      )}
      <FitCheckSection locale={locale} analysis={analysis} check={check} />
    </div>
  );
}
