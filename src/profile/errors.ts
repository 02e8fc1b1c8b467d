/** A profile that cannot be used: one line naming the file and what is wrong. */
export class ProfileError extends Error {
  override name = "ProfileError";
  constructor(message: string) {
    super(message);
    // No stack: a reporter that prints it prints one line, all there is to say.
    this.stack = `ProfileError: ${message}`;
  }
}
