/** An error the officer can act on: its message is Indonesian and shown as is. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'UserError'
  }
}
