/** Prints a wire object as the CLI's `--json` output: the API's JSON, indented. */
export const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));
