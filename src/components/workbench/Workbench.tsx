import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { AnalysisResult } from '../../lib/workbench/protocol.ts';
import { $analysis, $fitCheck, $monitoring, $workbench, resetWorkbench, setWorkbenchLocale } from '../../stores/workbench.ts';
import AtRiskPanel from './AtRiskPanel.tsx';
import CustomersPanel from './CustomersPanel.tsx';
import LoadPanel from './LoadPanel.tsx';
import MappingStep from './MappingStep.tsx';
import ModelPanel from './ModelPanel.tsx';
import MonitoringPanel from './MonitoringPanel.tsx';
import OverviewPanel from './OverviewPanel.tsx';
import ProblemsPanel from './ProblemsPanel.tsx';
import ProgressPanel from './ProgressPanel.tsx';
import Tabs from './Tabs.tsx';

const TEXT = {
  ja: {
    results: '4. 結果',
    source: (name: string) => `データ：${name}`,
    another: '別のデータを読み込む',
    tabs: '結果の表示',
    tab: { overview: '概要', customers: '顧客一覧', 'at-risk': '離反リスク', monitoring: '推移', model: 'モデル' },
    done: (customers: string) => `分析が終わりました。お客様${customers}人です。`,
    monitoringLoading: '推移を集計しています…',
  },
  en: {
    results: '4. Results',
    source: (name: string) => `Data: ${name}`,
    another: 'Load other data',
    tabs: 'Views of the results',
    tab: { overview: 'Overview', customers: 'Customers', 'at-risk': 'At risk', monitoring: 'Trends', model: 'Model' },
    done: (customers: string) => `Analysis done: ${customers} customers.`,
    monitoringLoading: 'Summarising the trends…',
  },
};

type TabId = keyof (typeof TEXT)['ja']['tab'];
const TAB_IDS: TabId[] = ['overview', 'customers', 'at-risk', 'monitoring', 'model'];

/** The workbench island: load → map columns → progress → results in tabs. */
export default function Workbench({ locale }: { locale: Locale }) {
  const text = TEXT[locale];
  setWorkbenchLocale(locale);
  const state = useStore($workbench);
  const analysis = useStore($analysis);
  const ready = state.phase === 'ready' && analysis !== null;
  return (
    <div class="workbench" data-phase={state.phase} data-testid="workbench">
      <p class="visually-hidden" role="status">
        {ready ? text.done(formatNumber(locale, analysis.overview.customers)) : ''}
      </p>
      {(state.phase === 'idle' || state.phase === 'inspecting') && <LoadPanel locale={locale} state={state} />}
      {state.phase === 'mapping' && state.preview && <MappingStep locale={locale} state={state} preview={state.preview} />}
      {state.phase === 'processing' && <ProgressPanel locale={locale} progress={state.progress} />}
      {state.problems && state.phase !== 'processing' && <ProblemsPanel locale={locale} problems={state.problems} />}
      {ready && <Results locale={locale} analysis={analysis} />}
    </div>
  );
}

/** The results in tabs; mounted afresh for each analysis (overview first, heading focused). */
function Results({ locale, analysis }: { locale: Locale; analysis: AnalysisResult }) {
  const text = TEXT[locale];
  const monitoring = useStore($monitoring);
  const check = useStore($fitCheck);
  const [tab, setTab] = useState<TabId>('overview');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="workbench-results" aria-labelledby="workbench-results-title">
      <div class="workbench-results__head">
        <h2 id="workbench-results-title" tabIndex={-1} ref={heading}>
          {text.results}
        </h2>
        <p class="workbench-file">{text.source(analysis.sourceName)}</p>
        <button type="button" class="button button--quiet" onClick={resetWorkbench}>
          {text.another}
        </button>
      </div>
      <Tabs label={text.tabs} tabs={TAB_IDS.map((id) => ({ id, label: text.tab[id] }))} selected={tab} onSelect={(id) => setTab(id as TabId)}>
        {tab === 'overview' && <OverviewPanel locale={locale} overview={analysis.overview} />}
        {tab === 'customers' && <CustomersPanel locale={locale} analysis={analysis} />}
        {tab === 'at-risk' && <AtRiskPanel locale={locale} analysis={analysis} />}
        {tab === 'monitoring' && (monitoring ? <MonitoringPanel locale={locale} monitoring={monitoring} /> : <p>{text.monitoringLoading}</p>)}
        {tab === 'model' && <ModelPanel locale={locale} analysis={analysis} check={check} />}
      </Tabs>
    </section>
  );
}
