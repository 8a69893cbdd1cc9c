/** A chart as a page shows it: the picture, its name, a one-sentence summary and its data table. */
export interface Chart {
  /** Unique within a page, used for the figure's anchor. */
  id: string;
  /** The accessible name of the picture and the heading of the figure. */
  title: string;
  summary: string;
  /** The picture, or empty when there is no figure to draw. */
  svg: string;
  table: DataTable;
  /** Explanations of likely, missing and suppressed figures, shown under the chart. */
  notes: string[];
}

export interface DataTable {
  caption: string;
  columns: string[];
  rows: DataRow[];
}

export interface DataRow {
  /** The row's heading cell. */
  label: string;
  cells: string[];
}
