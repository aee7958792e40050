// Baseline for SchedulerBenchmark: ts-fsrs 5.4.2's fsrs().next(card, now, rating) on the same review steps (every
// step of the first 1,000 sequences of progress-scheduler/src/test/resources/fsrs-vectors.json). Prints ns/review.
// Run from the project root; ts-fsrs comes from NODE_PATH or from a node_modules directory given as argument:
//   mkdir -p /tmp/tsfsrs && (cd /tmp/tsfsrs && npm init -y && npm install ts-fsrs@5.4.2)
//   NODE_PATH=/tmp/tsfsrs/node_modules node benchmarks/node/fsrs-baseline.mjs
//   node benchmarks/node/fsrs-baseline.mjs /tmp/tsfsrs/node_modules
import { createRequire } from 'module';
import { readFileSync } from 'fs';
import { resolve } from 'path';

const require = createRequire(import.meta.url);
const { fsrs, createEmptyCard, generatorParameters } = process.argv[2]
  ? require(resolve(process.argv[2], 'ts-fsrs')) : require('ts-fsrs');

const SEQUENCES = 1000;
const file = process.env.VECTORS || 'progress-scheduler/src/test/resources/fsrs-vectors.json';
const { sequences } = JSON.parse(readFileSync(file, 'utf8'));
const inputs = [];
for (const sequence of sequences.slice(0, SEQUENCES)) {
  const f = fsrs(generatorParameters(sequence.options));
  let card = createEmptyCard(new Date(sequence.start));
  for (const step of sequence.steps) {
    const at = new Date(step.at);
    inputs.push({ f, card, at, rating: step.rating });
    card = f.next(card, at, step.rating).card;
  }
}

let sink = 0; // consumed below so V8 cannot drop the work
const round = () => {
  const start = process.hrtime.bigint();
  for (const { f, card, at, rating } of inputs) sink += f.next(card, at, rating).card.scheduled_days;
  return Number(process.hrtime.bigint() - start) / inputs.length;
};
const warmup = Date.now() + 5000; // warm up for 5 s: let V8 optimise
while (Date.now() < warmup) round();
const results = [];
for (let i = 0; i < 30; i++) results.push(round());
results.sort((a, b) => a - b);
console.log(`ts-fsrs 5.4.2 next(): median ${results[15].toFixed(0)} ns/review, best ${results[0].toFixed(0)} ns/review`
  + ` over ${inputs.length} review steps of ${SEQUENCES} sequences, ${results.length} rounds (sink ${sink % 7})`);
