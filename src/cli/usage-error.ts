/** A mistake in how the command was called (exit code 2). Printed without a stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hints: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
