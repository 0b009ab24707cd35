/**
 * Names of the diagram's neurons and parameters, from the network's shape and the data's column names
 * (pure; tested in Node), so that they survive every edit that keeps the shape. Counting from 1, as
 * the notes do: inputs x1…, hidden h1… (h⁽ˡ⁾ⱼ with several hidden layers), outputs o1…; the
 * textbook's 2-2-2 net (note 003) gets w1…w8 and b1, b2; one neuron per layer (notes 000, 002, 004)
 * w1…, b1…; other weights are written w⁽ˡ⁾ⱼₖ. A column
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

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sub = (n: number) => [...String(n)].map((c) => SUB[Number(c)]).join('');
const sup = (n: number) => [...String(n)].map((c) => SUP[Number(c)]).join('');

/** w⁽ˡ⁾ⱼₖ in plain text, j and k counted from 1 (data indices `j`, `k` from 0). */
export function weightText(l: number, j: number, k: number): string {
  const two = j >= 9 || k >= 9;
  return `w⁽${sup(l)}⁾${sub(j + 1)}${two ? ',' : ''}${sub(k + 1)}`;
}

/** b⁽ˡ⁾ⱼ in plain text, j counted from 1. */
export function biasText(l: number, j: number): string {
  return `b⁽${sup(l)}⁾${sub(j + 1)}`;
}

/** Target columns the app made up itself (y, or y1, y2, …): they name nothing. */
const madeUp = (targets: readonly string[]) =>
  targets.length === 1 ? targets[0] === 'y' : targets.every((c, o) => c === `y${o + 1}`);

/** The names of a network of this shape, on data with these columns (inputs first, then targets). */
export function networkNames(columns: readonly string[], layers: readonly number[]): ColumnNames {
  const cols = columnNames(columns, layers);
  const L = layers.length - 1;
  const names: Record<string, string> = { ...cols.names };
  const about: Record<string, string> = { ...cols.about };
  const hiddenLayers = L - 1;
  for (let l = 1; l < L; l++)
    for (let j = 0; j < layers[l]!; j++)
      names[`n ${l} ${j}`] = hiddenLayers === 1 ? `h${j + 1}` : `h⁽${sup(l)}⁾${sub(j + 1)}`;
  if (madeUp(columns.slice(layers[0]!))) {
    for (let o = 0; o < layers[L]!; o++) {
      names[`n ${L} ${o}`] = `o${o + 1}`;
      about[`n ${L} ${o}`] = `output ${o + 1}, the prediction of ${columns[layers[0]! + o] ?? 'its target'}`;
    }
  }
  const textbook = layers.length === 3 && layers.every((n) => n === 2);
  // one neuron per layer after the inputs (notes 000, 002, 004): w1, w2, … in order
  const chain = layers.slice(1).every((n) => n === 1);
  if (textbook || chain) {
    let w = 0;
    const one = layers.length === 2 && layers[0] === 1 && layers[1] === 1; // note 001: just w and b
    for (let l = 1; l <= L; l++) {
      for (let j = 0; j < layers[l]!; j++) {
        names[`b ${l} ${j}`] = one ? 'b' : `b${l}`;
        for (let k = 0; k < layers[l - 1]!; k++) names[`w ${l} ${j} ${k}`] = one ? 'w' : `w${++w}`;
      }
    }
  }
  return { names, about, targets: cols.targets };
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
      if (shortName(c) !== c) about[`n 0 ${k}`] = `input column ${c}`;
    } else {
      const o = k - nIn;
      names[`n ${L} ${o}`] = predictionName(c, o, nOut);
      about[`n ${L} ${o}`] = `prediction of ${c}`;
      targets[o] = shortName(c);
    }
  });
  return { names, about, targets };
}
