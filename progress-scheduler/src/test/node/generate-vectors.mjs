// Generates FSRS test vectors with the reference implementation, ts-fsrs 5.4.2.
// Run from the project root:
//   (cd /tmp && npm install ts-fsrs@5.4.2) && NODE_PATH=/tmp/node_modules \
//     node progress-scheduler/src/test/node/generate-vectors.mjs > progress-scheduler/src/test/resources/fsrs-vectors.json
// Every option is covered: short-term on/off, learning and relearning steps (none, default, custom),
// retention 0.70-0.97, maximum interval, perturbed parameters; ratings and review times are random
// (on time, early, late by minutes or days). Fuzz stays off: ts-fsrs seeds it from its own clock-based string.
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { fsrs, createEmptyCard, generatorParameters, default_w } = require(process.env.NODE_PATH ? 'ts-fsrs' : '/tmp/node_modules/ts-fsrs');

let seed = 20261125;
function random() { // mulberry32: a small seeded PRNG so the file is reproducible
  seed |= 0; seed = seed + 0x6D2B79F5 | 0;
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
  return ((t ^ t >>> 14) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const stepChoices = [[], ['1m', '10m'], ['5m', '30m', '1h'], ['10m'], ['1m', '10m', '1d'], ['2h', '2d']];
const relearningChoices = [[], ['10m'], ['5m', '20m'], ['30m', '1d']];
const sequences = [];
for (let i = 0; i < 1200; i++) {
  const w = i % 3 === 0 ? [...default_w] : default_w.map((x, k) => k >= 4 ? +(x * (0.8 + 0.4 * random())).toFixed(4) : +(x * (0.5 + random())).toFixed(4));
  const options = {
    w,
    request_retention: +(0.7 + 0.27 * random()).toFixed(3),
    maximum_interval: pick([30, 365, 1000, 36500]),
    enable_short_term: random() < 0.6,
    enable_fuzz: false,
    learning_steps: pick(stepChoices),
    relearning_steps: pick(relearningChoices),
  };
  const f = fsrs(generatorParameters(options));
  let now = new Date(Date.UTC(2026, 0, 1, Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60)));
  let card = createEmptyCard(now);
  const start = now.getTime();
  const steps = [];
  const length = 3 + Math.floor(random() * 15);
  for (let k = 0; k < length; k++) {
    const rating = random() < 0.15 ? 1 : random() < 0.2 ? 2 : random() < 0.8 ? 3 : 4;
    const result = f.next(card, now, rating).card;
    steps.push({
      at: now.getTime(), rating,
      state: result.state, due: result.due.getTime(), stability: result.stability, difficulty: result.difficulty,
      scheduledDays: result.scheduled_days, learningSteps: result.learning_steps, reps: result.reps, lapses: result.lapses,
    });
    card = result;
    // Next review: usually on time, sometimes early or late (by seconds, hours or days).
    const due = result.due.getTime();
    const roll = random();
    let next = due;
    if (roll < 0.15) next = now.getTime() + Math.floor(random() * (due - now.getTime()));
    else if (roll < 0.35) next = due + Math.floor(random() * 3 * 86400e3);
    else if (roll < 0.45) next = due + Math.floor(random() * 60 * 86400e3);
    else if (roll < 0.55) next = due + Math.floor(random() * 3600e3);
    now = new Date(Math.max(next, now.getTime()));
  }
  sequences.push({ options: { ...options, w: options.w }, start, steps });
}
process.stdout.write(JSON.stringify({ generator: 'ts-fsrs 5.4.2', sequences }));
