interface Props {
  /** The chart's title, repeated as the table caption. */
  title: string;
  headers: [string, string];
  /** One row per mark of the chart: its label and its value as shown. */
  rows: readonly (readonly [string, string])[];
}

/** The visually hidden table every chart carries, so screen readers get the numbers, not a picture. */
export default function ChartDataTable({ title, headers, rows }: Props) {
  return (
    <table class="visually-hidden">
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
  );
}
