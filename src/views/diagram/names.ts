/**
 * Names of the diagram's neurons taken from the data's column names (pure; tested in Node). A column
 * names what the data holds: an input, or a target. The output neuron that predicts a target is its
 * prediction — ŷ (ŷ1, ŷ2, … with several outputs) — never the target's own name, so a prediction and
 * its target can never be read as the same thing.
 */

/** A column name short enough for a neuron's label. */
export function shortName(name: string): string {
  return name.length > 10 ? `${name.slice(0, 9)}…` : name;
}

/** The name of the prediction of target column `c`: y_true → y_pred (note 000), else ŷ, ŷ1, ŷ2, …. */
export function predictionName(c: string, o: number, nOut: number): string {
  const m = /^(.{1,20})_true$/.exec(c);
  const name = m ? shortName(`${m[1]}_pred`) : nOut === 1 ? 'ŷ' : `ŷ${o + 1}`;
  return name === c ? shortName(`pred. ${c}`) : name;
}

export interface ColumnNames {
  /** Short labels by selection key (`n 0 1`, `n 2 0`). */
  readonly names: Readonly<Record<string, string>>;
  /** What each named neuron is, in words: "input column x1", "prediction of y_true". */
  readonly about: Readonly<Record<string, string>>;
  /** The label of each target (by output), for the diagram's target labels. */
  readonly targets: readonly string[];
}

export function columnNames(columns: readonly string[], layers: readonly number[]): ColumnNames {
  const nIn = layers[0]!;
  const L = layers.length - 1;
  const nOut = layers[L]!;
  const names: Record<string, string> = {};
  const about: Record<string, string> = {};
  const targets: string[] = [];
  columns.forEach((c, k) => {
    if (k < nIn) {
      names[`n 0 ${k}`] = shortName(c);
      about[`n 0 ${k}`] = `input column ${c}`;
    } else {
      const o = k - nIn;
      names[`n ${L} ${o}`] = predictionName(c, o, nOut);
      about[`n ${L} ${o}`] = `prediction of ${c}`;
      targets[o] = shortName(c);
    }
  });
  return { names, about, targets };
}
