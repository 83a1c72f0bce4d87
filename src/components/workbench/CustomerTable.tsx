import type { TableColumn, TableSort } from '../../lib/workbench/tableQuery.ts';

/** One column of a customer table: its label, how a row's cell reads, and what it sorts by. */
export interface ColumnDef {
  key: string;
  label: string;
  cell: (customer: number) => string;
  /** The sort this column's header button sets; none for a column that does not sort. */
  sortBy?: TableColumn;
}

interface Props {
  caption: string;
  columns: ColumnDef[];
  /** Customer indices of the rows shown. */
  rows: ArrayLike<number>;
  sort?: TableSort;
  onSort?: (column: TableColumn) => void;
  sortHint?: string;
  empty: string;
  testId: string;
}

/**
 * A customer table: the first column names the row (th scope=row); sortable columns have a
 * header button (keyboard-usable) and aria-sort on the header cell, as the ARIA authoring
 * practices' sortable table does. The rows are one page: the caller pages or lists few.
 */
export default function CustomerTable({ caption, columns, rows, sort, onSort, sortHint, empty, testId }: Props) {
  const indices = Array.from(rows);
  return (
    <div class="table-scroll workbench-table" tabIndex={0} role="region" aria-label={caption}>
      <table class="data-table data-table--nowrap" data-testid={testId}>
        <caption>
          {caption}
          {sortHint && <span class="visually-hidden">{` ${sortHint}`}</span>}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = column.sortBy !== undefined && sort?.column === column.sortBy;
              const ariaSort = column.sortBy === undefined || !onSort ? undefined : sorted ? sort!.direction : 'none';
              return (
                <th scope="col" key={column.key} aria-sort={ariaSort}>
                  {column.sortBy !== undefined && onSort ? (
                    <button type="button" class="workbench-sort" onClick={() => onSort(column.sortBy!)}>
                      {column.label}
                      <span aria-hidden="true" class="workbench-sort__mark">
                        {sorted ? (sort!.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {indices.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            indices.map((customer) => (
              <tr key={customer}>
                {columns.map((column, c) =>
                  c === 0 ? (
                    <th scope="row" key={column.key}>
                      {column.cell(customer)}
                    </th>
                  ) : (
                    <td key={column.key}>{column.cell(customer)}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
