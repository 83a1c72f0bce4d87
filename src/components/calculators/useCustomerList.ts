import { useEffect, useState } from 'preact/hooks';
import type { CustomerListResult } from '../../lib/calculators/customerList.ts';
import type { CustomerRow } from '../../lib/calculators/customerRows.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

/**
 * The customers of a pasted list. Preset rows are used as they are; anything else goes through
 * the CSV parser, which is loaded on first use so that lesson pages do not ship it up front.
 * Returns null while the parser is loading.
 */
export function useCustomerList(text: string, locale: Locale, presetRows: CustomerRow[] | null): CustomerListResult | null {
  const [parsed, setParsed] = useState<{ text: string; locale: Locale; result: CustomerListResult } | null>(null);
  const needsParser = presetRows === null;
  useEffect(() => {
    if (!needsParser) return;
    let current = true;
    void import('../../lib/calculators/customerList.ts').then(({ readCustomerList }) => {
      if (current) setParsed({ text, locale, result: readCustomerList(text, locale) });
    });
    return () => {
      current = false;
    };
  }, [text, locale, needsParser]);
  if (presetRows) return { format: 'customers', customers: presetRows, issues: [], issueCount: 0, customersWithoutValue: 0 };
  return parsed && parsed.text === text && parsed.locale === locale ? parsed.result : null;
}
