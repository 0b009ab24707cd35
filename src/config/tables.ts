/** The fixed tables of the notes, by the name a config's `dataset` uses. */
import { TABLE_FACE_CAR, TABLE_X1X2Y } from '../core/model/datasets.ts';
import type { DataRows, TableName } from './schema.ts';

export function tableRows(name: TableName): DataRows {
  return name === 'x1x2y' ? TABLE_X1X2Y : TABLE_FACE_CAR;
}
