import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCell, encodeCell } from '../src/surfaces/records/csv-cells.js';

describe('CSV cells', () => {
  it('keeps spreadsheet formulas from running, and reads them back unchanged', () => {
    for (const value of ['=HYPERLINK("http://x")', '+1', '-5 apples', '@SUM(A1)', '\tindent', "'=already quoted", "''=twice"]) {
      const cell = encodeCell('text', value);
      assert.ok(cell.startsWith("'"), `${JSON.stringify(value)} is written behind an apostrophe`);
      assert.equal(decodeCell('text', cell, '/title'), value);
    }
    for (const value of ['plain text', "it's fine", "'quoted but harmless", '5 apples']) {
      assert.equal(encodeCell('text', value), value);
      assert.equal(decodeCell('text', value, '/title'), value);
    }
  });
});
