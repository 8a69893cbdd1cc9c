/**
 * Returns a promise that resolves once everything written so far to stdout and stderr has been
 * handed to the system. Node writes to a pipe asynchronously on Linux and other POSIX systems.
 * So process.exit straight after a long list of problems can cut the list short when the output
 * goes to a pipe, as it does under npm run. Await this before process.exit.
 */
export async function outputWritten(): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((resolve) => stream.write("", () => resolve())),
    ),
  );
}
