/** A mistake in an expression's source, with where it is (offset 0-based; line and column 1-based). */
export interface ExpressionError {
  message: string;
  offset: number;
  line: number;
  column: number;
  length: number;
}

/**
 * A fault while evaluating a compiled expression: a missing map key, division by zero, member
 * access on null, a `dyn` value of the wrong type. Callers treat it as "this expression failed",
 * never as a crash.
 */
export class ExpressionRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionRuntimeError';
  }
}

/** A half-open range of source offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Collects errors for one source text and turns offsets into lines and columns. */
export class Diagnostics {
  readonly errors: ExpressionError[] = [];

  constructor(private readonly source: string) {}

  /** Records an error over `span`; an empty span still gets length 1 so editors can mark it. */
  report(message: string, span: Span): void {
    const offset = Math.max(0, Math.min(span.start, this.source.length));
    const length = Math.max(1, span.end - span.start);
    const { line, column } = this.position(offset);
    this.errors.push({ message, offset, line, column, length });
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  private position(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (this.source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }
}

/** Bounds that keep compiling and evaluating any policy expression cheap. */
export const EXPRESSION_LIMITS = {
  maxSourceLength: 4000,
  maxDepth: 64,
  maxNodes: 1000,
  /** Macro iterations one evaluation may run; nested macros multiply, this keeps them bounded. */
  maxIterations: 100_000,
} as const;
