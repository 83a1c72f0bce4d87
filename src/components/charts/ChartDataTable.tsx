interface Props {
  /** The chart's title, repeated as the table caption. */
  title: string;
  headers: [string, string];
  /** One row per mark of the chart: its label and its value as shown. */
  rows: readonly (readonly [string, string])[];
}

/**
 * The visually hidden table every chart carries, so screen readers get the numbers, not a picture.
 * The wrapper is what hides it: a table ignores `width: 1px` and keeps its content's width, which
 * made the page pan sideways on a phone.
 */
export default function ChartDataTable({ title, headers, rows }: Props) {
  return (
    <div class="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{headers[0]}</th>
            <th scope="col">{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([head, value], index) => (
            <tr key={index}>
              <th scope="row">{head}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
