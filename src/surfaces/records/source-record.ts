import type { DomainError } from '../../domain/errors.js';

/**
 * One record read from an import file: its position (row 1 is the first record, a CSV header not
 * counted), how far through the file the reader is (0…1), and the value or why it is unreadable.
 */
export type SourceRecord<T = unknown> = { row: number; done: number } & ({ value: T } | { error: DomainError });
