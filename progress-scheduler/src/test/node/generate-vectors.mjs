// Generates FSRS test vectors with the reference implementation, ts-fsrs 5.4.2, into
// progress-scheduler/src/test/resources/fsrs-vectors.json (read by ReferenceVectorTests and SchedulerBenchmark).
//
// Run (from anywhere; ts-fsrs comes from NODE_PATH or from a node_modules directory given as argument):
//   mkdir -p /tmp/tsfsrs && (cd /tmp/tsfsrs && npm init -y && npm install ts-fsrs@5.4.2)
//   NODE_PATH=/tmp/tsfsrs/node_modules node progress-scheduler/src/test/node/generate-vectors.mjs
//   node progress-scheduler/src/test/node/generate-vectors.mjs /tmp/tsfsrs/node_modules
//
// The output is reproducible (seeded PRNG). Every option combination is covered: short-term on/off x 6 learning-step
// lists (none, default, custom such as 5m,30m,1h, day-long steps) x 4 relearning-step lists (none, one, two); request
// retention 0.70-0.97; maximum interval 30/365/1000/36500; default, perturbed and out-of-range parameters (the last
// exercise ts-fsrs's parameter clipping). Ratings and review times are random: on time, early, or late by seconds,
// hours or days. Fuzz stays off in the sequences (ts-fsrs draws it from its own alea generator, which the Java
// port replaces with a seeded SplittableRandom); instead the file holds ts-fsrs's fuzz ranges (get_fuzz_range).
import { createRequire } from 'module';
import { writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const tsFsrs = process.argv[2] ? require(resolve(process.argv[2], 'ts-fsrs')) : require('ts-fsrs');
const { fsrs, createEmptyCard, generatorParameters, default_w, get_fuzz_range } = tsFsrs;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'fsrs-vectors.json');

let seed = 20261125;
function random() { // mulberry32: a small seeded PRNG so the file is reproducible
  seed |= 0; seed = seed + 0x6D2B79F5 | 0;
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
  return ((t ^ t >>> 14) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const learningChoices = [[], ['1m', '10m'], ['5m', '30m', '1h'], ['10m'], ['1m', '10m', '1d'], ['2h', '2d']];
const relearningChoices = [[], ['10m'], ['5m', '20m'], ['30m', '1d']];

function parameters(i) {
  if (i % 4 === 0) return [...default_w];
  // Every tenth set strays far from the defaults, often outside ts-fsrs's clamp ranges.
  const [low, high] = i % 10 === 9 ? [0.2, 3] : [0.8, 1.2];
  return default_w.map((x, k) => +(x * (k < 4 ? 0.5 + random() : low + (high - low) * random())).toFixed(4));
}

function nextRating() {
  const roll = random();
  return roll < 0.15 ? 1 : roll < 0.3 ? 2 : roll < 0.85 ? 3 : 4;
}

const SEQUENCES = 1300;
const sequences = [];
for (let i = 0; i < SEQUENCES; i++) {
  const combo = i % 48; // short-term x learning steps x relearning steps, all 48 combinations in turn
  const options = {
    w: parameters(i),
    request_retention: +(0.7 + 0.27 * random()).toFixed(3),
    maximum_interval: pick([30, 365, 1000, 36500]),
    enable_short_term: combo % 2 === 0,
    enable_fuzz: false,
    learning_steps: learningChoices[Math.floor(combo / 2) % 6],
    relearning_steps: relearningChoices[Math.floor(combo / 12)],
  };
  const f = fsrs(generatorParameters(options));
  let now = new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 365), Math.floor(random() * 24),
    Math.floor(random() * 60), Math.floor(random() * 60)));
  let card = createEmptyCard(now);
  const start = now.getTime();
  const steps = [];
  const length = 3 + Math.floor(random() * 15);
  for (let k = 0; k < length; k++) {
    const rating = nextRating();
    const result = f.next(card, now, rating).card;
    steps.push({
      at: now.getTime(), rating,
      state: result.state, due: result.due.getTime(), stability: result.stability, difficulty: result.difficulty,
      scheduledDays: result.scheduled_days, learningSteps: result.learning_steps, reps: result.reps, lapses: result.lapses,
    });
    card = result;
    // Next review: usually on time, sometimes early (even the same minute) or late by seconds, hours or days.
    const due = result.due.getTime();
    const roll = random();
    let next = due;
    if (roll < 0.15) next = now.getTime() + Math.floor(random() * (due - now.getTime()));
    else if (roll < 0.35) next = due + Math.floor(random() * 3 * 86400e3);
    else if (roll < 0.45) next = due + Math.floor(random() * 60 * 86400e3);
    else if (roll < 0.55) next = due + Math.floor(random() * 3600e3);
    else if (roll < 0.6) next = due + Math.floor(random() * 60e3);
    now = new Date(Math.max(next, now.getTime()));
  }
  sequences.push({ options, start, steps });
}
// ts-fsrs's fuzz ranges [interval, elapsed days, maximum interval, min, max] for whole-day intervals from 3 days
// (apply_fuzz leaves shorter ones alone): the Java port draws from the same range with its own random source.
const fuzzRanges = [];
for (let i = 0; i < 500; i++) {
  const maximum = pick([30, 365, 36500]);
  const interval = Math.min(3 + Math.floor(Math.exp(random() * Math.log(40000))), maximum + 5);
  const elapsed = Math.floor(random() * interval * 1.5);
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsed, maximum);
  fuzzRanges.push([interval, elapsed, maximum, min_ivl, max_ivl]);
}
writeFileSync(out, JSON.stringify({ generator: 'ts-fsrs 5.4.2', sequences, fuzzRanges }));
console.log(`wrote ${sequences.length} sequences, ${sequences.reduce((n, s) => n + s.steps.length, 0)} steps to ${out}`);
