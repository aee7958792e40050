// Validates an AsyncAPI 3 document with the AsyncAPI parser (its own Spectral rules included), resolving the
// relative $refs to the JSON Schemas beside it. Prints every diagnostic; exits 1 on an error.
import { Parser, fromFile } from "@asyncapi/parser";
import path from "node:path";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-asyncapi.mjs <asyncapi.yaml>");
  process.exit(2);
}
const severities = ["error", "warning", "info", "hint"];
const { document, diagnostics } = await fromFile(new Parser(), path.resolve(file)).parse();
let errors = 0;
const counts = [0, 0, 0, 0];
for (const d of diagnostics) {
  counts[d.severity]++;
  if (d.severity === 0) errors++;
  console.log(`${severities[d.severity]} ${d.code} ${d.path.join(".")}: ${d.message}`);
}
if (document) {
  const messages = document.allMessages().length;
  console.log(`${file}: AsyncAPI ${document.version()}, ${document.channels().length} channels, ${document.operations().length} operations, ${messages} messages`);
}
console.log(`${errors} errors, ${counts[1]} warnings, ${counts[2]} infos, ${counts[3]} hints`);
process.exit(errors === 0 && document ? 0 : 1);
