/**
 * Runs `run` with `process.env` replaced by a plain-object copy of the environment, and puts
 * Node's own environment object back afterwards, also when `run` throws.
 *
 * The yaml package's parser reads `process.env.LOG_TOKENS` once per token (yaml 2.9.1,
 * dist/parse/parser.js line 178, in `Parser#next`): about 2,600 reads for a 6 KB month file.
 * Each read of Node's `process.env` is a call into Node's C++ environment code, and in a CPU
 * profile of loadDataset on 120 month files these reads were the largest single cost of parsing.
 * Reading a property of a plain object stays in JavaScript.
 *
 * Use it only for synchronous code that does not write to the environment, because a variable set
 * during `run` goes into the copy and is lost.
 */
export function withEnvironmentCopy<T>(run: () => T): T {
  const environment = process.env;
  process.env = { ...environment };
  try {
    return run();
  } finally {
    process.env = environment;
  }
}
