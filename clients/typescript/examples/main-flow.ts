// The main flow with the typed client, no casts: an author writes a note, quiz-service turns it into items,
// a learner follows the note, takes today's queue and reviews the first card; then a bad review shows a problem, in
// English and in Chinese. Prints "main flow complete" last; any failure throws (node exits non-zero).
// Run against the local stack (deploy/local/run.sh prints AUTHOR and LEARNER): npm run example
import { recall, type Problem, type Progress } from "../src/index.js";

const urls = {
  content: process.env.RECALL_CONTENT_URL ?? "http://localhost:8081",
  quiz: process.env.RECALL_QUIZ_URL ?? "http://localhost:8082",
  progress: process.env.RECALL_PROGRESS_URL ?? "http://localhost:8083",
};
const author = recall({ ...urls, token: required("AUTHOR") });
const learner = recall({ ...urls, token: required("LEARNER") });

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: paste the export lines deploy/local/run.sh prints`);
  return value;
}

function fail(step: string, problem: Problem): never {
  throw new Error(`${step}: ${problem.status} ${problem.type} ${problem.detail ?? problem.title}`);
}

/** Items and cards appear after the note's events have travelled; ask again until they are there. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const created = await author.content.POST("/api/v1/notes", {
  params: { header: { "Idempotency-Key": crypto.randomUUID() } },
  body: {
    title: "Closures",
    visibility: "tenant",
    tags: ["python"],
    markdown: "# Closures\n\nWhat is a closure?::A function that keeps the variables of its defining scope\n"
      + "Which keyword rebinds an enclosing variable?::nonlocal\n",
  },
});
if (created.error) fail("create note", created.error);
const note = created.data;
console.log(`note ${note.id} version ${note.version}, visibility ${note.visibility}`);

const items = await eventually("items", async () => {
  const { data, error } = await learner.quiz.GET("/api/v1/items", { params: { query: { note: note.id } } });
  if (error) fail("list items", error);
  return data.items.length > 0 ? data.items : undefined;
});
console.log(`${items.length} items: ${items.map((item) => `${item.type} "${item.prompt}"`).join(", ")}`);

const enrolled = await learner.progress.POST("/api/v1/enrollments", { body: { kind: "note", target: note.id } });
if (enrolled.error) fail("enrol", enrolled.error);
console.log(`enrolled (${enrolled.data.kind} ${enrolled.data.target})`);

const due = await eventually("due cards", async () => {
  const { data, error } = await learner.progress.GET("/api/v1/reviews/due", { params: { query: { limit: 5 } } });
  if (error) fail("due queue", error);
  return data.length > 0 ? data : undefined;
});
const first: Progress.components["schemas"]["DueCard"] | undefined = due[0];
if (!first) throw new Error("the due queue emptied itself");
const good = first.previews.find((preview) => preview.rating === 3);
console.log(`due: ${due.length} cards; "${first.prompt}" (${first.state}), Good would be due ${good?.due ?? "?"}`);

const reviewed = await learner.progress.POST("/api/v1/reviews", { body: { cardId: first.cardId, rating: 3 } });
if (reviewed.error) fail("review", reviewed.error);
console.log(`reviewed: ${reviewed.data.state}, next due ${reviewed.data.due}`);

// A rating of 5 is outside 1..4: a validation problem, and nothing changes.
const refused = await learner.progress.POST("/api/v1/reviews", { body: { cardId: first.cardId, rating: 5 } });
if (!refused.error) throw new Error("a rating of 5 was accepted");
const problem: Problem = refused.error;
switch (problem.type) {
  case "https://recall.dev/problems/validation":
    console.log(`refused as expected: ${problem.errors?.map((e) => `${e.field} ${e.message}`).join("; ")}`);
    break;
  default:
    fail("bad review", problem);
}

// The same problem for a learner who reads Chinese: title, detail and messages follow Accept-Language, type does not.
const chinese = await learner.progress.POST("/api/v1/reviews", {
  params: { header: { "Accept-Language": "zh-CN" } },
  body: { cardId: first.cardId, rating: 5 },
});
if (!chinese.error) throw new Error("a rating of 5 was accepted");
if (chinese.error.type !== problem.type || chinese.response.headers.get("Content-Language") !== "zh-Hans") {
  fail("bad review in Chinese", chinese.error);
}
console.log(`in Chinese: ${chinese.error.title}: ${chinese.error.detail ?? ""}`);

// A client for a learner who reads Chinese asks once, for every call.
const zhLearner = recall({ ...urls, token: required("LEARNER"), language: "zh-CN,zh;q=0.9,en;q=0.8" });
const missing = await zhLearner.progress.GET("/api/v1/cards/{id}", { params: { path: { id: crypto.randomUUID() } } });
if (!missing.error || missing.error.type !== "https://recall.dev/problems/not-found" || missing.error.title !== "未找到") {
  throw new Error(`an unknown card was not a Chinese not-found problem: ${JSON.stringify(missing.error)}`);
}
console.log(`unknown card, in Chinese: ${missing.error.detail ?? ""}`);
console.log("main flow complete");
