// Recall's typed client: one openapi-fetch client per service, each with the caller's bearer token.
// The types come from src/generated (npm run generate), which come from contract/openapi.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type * as Content from "./generated/content-service.js";
import type * as Quiz from "./generated/quiz-service.js";
import type * as Progress from "./generated/progress-service.js";

export type { Content, Quiz, Progress };

/** Every error body: an RFC 9457 problem (the three services share one schema). */
export type Problem = Content.components["schemas"]["Problem"];

export interface RecallOptions {
  /** Base URLs of the services, e.g. http://localhost:8081 (the local stack) or https://recall.example.com (a Gateway). */
  content: string;
  quiz: string;
  progress: string;
  /** The caller's JWT, or a function that returns the current one (called for every request, so a refreshed token is used). */
  token: string | (() => string | Promise<string>);
  /**
   * The caller's languages as an Accept-Language value ("zh-CN", "zh-CN,zh;q=0.9,en;q=0.8"): problems then come with
   * their title, detail and messages in Chinese when it prefers Chinese (English otherwise). A call's own
   * Accept-Language header wins.
   */
  language?: string;
  /** A fetch of your own (tests, proxies); the global fetch otherwise. */
  fetch?: (input: Request) => Promise<Response>;
}

export interface Recall {
  content: Client<Content.paths>;
  quiz: Client<Quiz.paths>;
  progress: Client<Progress.paths>;
}

/** Adds "Authorization: Bearer <token>" to every request. */
export function bearer(token: RecallOptions["token"]): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === "function" ? await token() : token;
      request.headers.set("Authorization", `Bearer ${value}`);
      return request;
    },
  };
}

/** Adds "Accept-Language: <language>" to every request that does not name its own. */
export function acceptLanguage(language: string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has("Accept-Language")) request.headers.set("Accept-Language", language);
      return request;
    },
  };
}

export function recall(options: RecallOptions): Recall {
  const auth = bearer(options.token);
  const language = options.language === undefined ? undefined : acceptLanguage(options.language);
  const make = <P extends {}>(baseUrl: string): Client<P> => {
    const client = createClient<P>(options.fetch ? { baseUrl, fetch: options.fetch } : { baseUrl });
    client.use(auth);
    if (language) client.use(language);
    return client;
  };
  return {
    content: make<Content.paths>(options.content),
    quiz: make<Quiz.paths>(options.quiz),
    progress: make<Progress.paths>(options.progress),
  };
}
