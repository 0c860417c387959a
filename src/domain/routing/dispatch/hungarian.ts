/**
 * Exact minimum-cost assignment: the shortest-augmenting-path form of the Hungarian method
 * (Jonker–Volgenant, as laid out by Crouse, "On implementing 2D rectangular assignment
 * algorithms", 2016 — the algorithm behind SciPy's linear_sum_assignment). Rows are added one at
 * a time; each is matched by a Dijkstra search over reduced costs `cost − u[row] − v[col]` that
 * stops at the first free column, then the path is flipped and the potentials are updated so all
 * reduced costs stay ≥ 0. O(rows² × cols) in the worst case, usually far less: most searches end
 * after a few steps, and among equally near columns a free one is taken first.
 *
 * A hot path, written for speed on purpose: one flat Float64Array for the matrix, typed arrays for
 * the potentials and the search state, all allocated once per solve; nothing is allocated inside
 * the loops, and columns already on the search tree are swapped out of the scan list rather than skipped.
 */
interface SearchState {
  cost: Float64Array;
  rows: number;
  cols: number;
  u: Float64Array;
  v: Float64Array;
  colOfRow: Int32Array;
  rowOfCol: Int32Array;
  /** Row from which each column was reached on the current search. */
  pathRow: Int32Array;
  /** Shortest reduced distance found so far from the new row to each column. */
  distance: Float64Array;
  /** Columns not yet on the tree occupy the first `remaining` entries. */
  unscanned: Int32Array;
  rowOnTree: Uint8Array;
  colOnTree: Uint8Array;
  /** Distance to the free column the last search ended at. */
  reach: number;
}

const FREE = -1;

/**
 * Assigns every row to a distinct column (rows ≤ cols) at the least total cost, exactly.
 * `cost` is row-major; Infinity forbids a pair. Throws when the forbidden pairs leave no complete assignment.
 */
export function solveAssignment(cost: Float64Array, rows: number, cols: number): Int32Array {
  if (rows > cols) throw new RangeError(`Cannot assign ${rows} rows to ${cols} columns.`);
  if (cost.length !== rows * cols) throw new RangeError('The cost matrix is not rows × cols.');
  const state: SearchState = {
    cost, rows, cols,
    u: new Float64Array(rows),
    v: new Float64Array(cols),
    colOfRow: new Int32Array(rows).fill(FREE),
    rowOfCol: new Int32Array(cols).fill(FREE),
    pathRow: new Int32Array(cols),
    distance: new Float64Array(cols),
    unscanned: new Int32Array(cols),
    rowOnTree: new Uint8Array(rows),
    colOnTree: new Uint8Array(cols),
    reach: 0,
  };
  for (let row = 0; row < rows; row++) {
    const sink = searchFreeColumn(state, row);
    updatePotentials(state, row);
    flipPath(state, row, sink);
  }
  return state.colOfRow;
}

/** Dijkstra from `row` over reduced costs until a free column is the nearest; returns that column. */
function searchFreeColumn(state: SearchState, start: number): number {
  const { cost, cols, u, v, rowOfCol, pathRow, distance, unscanned, rowOnTree, colOnTree } = state;
  rowOnTree.fill(0);
  colOnTree.fill(0);
  distance.fill(Infinity);
  for (let j = 0; j < cols; j++) unscanned[j] = j;
  let remaining = cols;
  let reached = 0;
  let row = start;
  for (;;) {
    rowOnTree[row] = 1;
    const base = row * cols;
    const ur = u[row]!;
    let lowest = Infinity;
    let pick = -1;
    for (let k = 0; k < remaining; k++) {
      const j = unscanned[k]!;
      const d = reached + cost[base + j]! - ur - v[j]!;
      let dj = distance[j]!;
      if (d < dj) {
        pathRow[j] = row;
        distance[j] = d;
        dj = d;
      }
      // Ties go to a free column: the search ends there instead of wandering along equal paths.
      if (dj < lowest || (dj === lowest && rowOfCol[j] === FREE)) {
        lowest = dj;
        pick = k;
      }
    }
    if (lowest === Infinity) throw new RangeError('The forbidden pairs leave no complete assignment.');
    reached = lowest;
    const col = unscanned[pick]!;
    colOnTree[col] = 1;
    unscanned[pick] = unscanned[--remaining]!;
    if (rowOfCol[col] === FREE) {
      state.reach = reached;
      return col;
    }
    row = rowOfCol[col]!;
  }
}

/** Shifts the potentials of everything on the tree so reduced costs stay ≥ 0 and the new path is tight. */
function updatePotentials(state: SearchState, start: number): void {
  const { rows, cols, u, v, colOfRow, distance, rowOnTree, colOnTree, reach } = state;
  u[start] = u[start]! + reach;
  for (let i = 0; i < rows; i++) {
    if (rowOnTree[i] !== 0 && i !== start) u[i] = u[i]! + reach - distance[colOfRow[i]!]!;
  }
  for (let j = 0; j < cols; j++) {
    if (colOnTree[j] !== 0) v[j] = v[j]! - (reach - distance[j]!);
  }
}

/** Walks back from the free column to the new row, moving each row on the path to its new column. */
function flipPath(state: SearchState, start: number, sink: number): void {
  const { colOfRow, rowOfCol, pathRow } = state;
  let col = sink;
  for (;;) {
    const row = pathRow[col]!;
    rowOfCol[col] = row;
    const before = colOfRow[row]!;
    colOfRow[row] = col;
    if (row === start) return;
    col = before;
  }
}
