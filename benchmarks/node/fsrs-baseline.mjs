// Baseline for SchedulerBenchmark: ts-fsrs 5.4.2's fsrs().next() on the same review steps (the first 10,000
// of progress-scheduler/src/test/resources/fsrs-vectors.json). Prints ns per review step.
//   (cd /tmp && npm install ts-fsrs@5.4.2) && NODE_PATH=/tmp/node_modules node benchmarks/node/fsrs-baseline.mjs
import { createRequire } from 'module';
import { readFileSync } from 'fs';
const require = createRequire(import.meta.url);
const { fsrs, createEmptyCard, generatorParameters } = require(process.env.NODE_PATH ? 'ts-fsrs' : '/tmp/node_modules/ts-fsrs');

const STEPS = 10000;
const { sequences } = JSON.parse(readFileSync('progress-scheduler/src/test/resources/fsrs-vectors.json', 'utf8'));
const inputs = [];
for (const sequence of sequences) {
  const f = fsrs(generatorParameters(sequence.options));
  let card = createEmptyCard(new Date(sequence.start));
  for (const step of sequence.steps) {
    const at = new Date(step.at);
    inputs.push({ f, card, at, rating: step.rating });
    card = f.next(card, at, step.rating).card;
  }
}
const timed = inputs.slice(0, STEPS);
let sink = 0;
const round = () => {
  const start = process.hrtime.bigint();
  for (const { f, card, at, rating } of timed) sink += f.next(card, at, rating).card.scheduled_days;
  return Number(process.hrtime.bigint() - start) / timed.length;
};
for (let i = 0; i < 20; i++) round(); // warm-up: let V8 optimise
const results = [];
for (let i = 0; i < 20; i++) results.push(round());
results.sort((a, b) => a - b);
console.log(`ts-fsrs next(): median ${results[10].toFixed(0)} ns/review, best ${results[0].toFixed(0)} ns/review over ${timed.length} steps (sink ${sink % 7})`);
