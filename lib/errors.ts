/**
 * A refusal the user can act on: its message is shown as is, optionally against one form field. Any
 * other error is unexpected, logged with a reference, and never shown.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
