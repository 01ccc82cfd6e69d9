// Guards LosantApiError: a caller (and a user reading a failed `pulumi up`) needs the status,
// Losant's own type and message, what was called and how often, and the scopes a 401/403
// asks for; and the token must never appear in any form of the error.
import type { LosantClient } from "../../../provider/losant/client";
import { INVALID_TOKEN_HINT, isLosantApiError, isNotFound } from "../../../provider/losant/errors";
import { ACTION_SCOPES, type LosantAction } from "../../../provider/losant/scopes";
import {
  INSTANCE_ID,
  ORG_PATH,
  ORG_ID,
  TOKEN,
  apiError,
  failureOf,
  fakeClient,
  hang,
  networkError,
  org,
  orgList,
  reply,
  type Answer,
} from "./fakeFetch";

/** Runs one call against a server that answers `answer` and returns the error it throws. */
function failWith(
  answer: Answer,
  call: (client: LosantClient) => Promise<unknown> = (c) => c.getOrg(INSTANCE_ID, ORG_ID),
) {
  // No retry, and no time for the wait a 429 asks for (429s do not count against `retries`).
  const noRetry = { retries: 0, deadlineMs: 0 };
  const { client } = fakeClient([answer], { retry: noRetry, timeoutMs: 20 });
  return failureOf(call(client));
}

describe("LosantApiError from an error response", () => {
  it("carries status, Losant's type and message, method, path without query, action and attempts", async () => {
    const err = await failWith(apiError(404, "NotFound", "Organization was not found"), (c) =>
      c.getOrg(INSTANCE_ID, ORG_ID, { summaryInclude: ["deviceCount"] }),
    );
    expect(err).toMatchObject({
      name: "LosantApiError",
      status: 404,
      type: "NotFound",
      apiMessage: "Organization was not found",
      method: "GET",
      path: ORG_PATH,
      action: "instanceOrg.get",
      attempts: 1,
      retryAfterMs: undefined,
      requiredScopes: undefined,
      outcomeUnknown: false,
    });
    expect(err.message).toBe(
      `Losant API instanceOrg.get (GET ${ORG_PATH}) failed: 404 NotFound: Organization was not found`,
    );
  });

  it("carries the parsed Retry-After of the last answer", async () => {
    const err = await failWith(apiError(429, "TooManyRequests", "x", { "Retry-After": "2" }));
    expect(err.retryAfterMs).toBe(2000);
  });

  it.each([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [429, false],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])("after a %i sets outcomeUnknown to %p", async (status, unknown) => {
    const err = await failWith(apiError(status, "T", "m"));
    expect(err.outcomeUnknown).toBe(unknown);
  });

  it("sets outcomeUnknown and no status after a network error, with the error code", async () => {
    const err = await failWith(networkError("ECONNRESET"));
    expect(err).toMatchObject({ status: undefined, type: "NetworkError", outcomeUnknown: true });
    expect(err.apiMessage).toBe("ECONNRESET: socket hang up (ECONNRESET)");
  });
});

describe("an error body that is not Losant's", () => {
  it("keeps a non-JSON body as the message under type HTTP<status>", async () => {
    const err = await failWith({ status: 502, text: "  <html>Bad Gateway</html>\n" });
    expect(err).toMatchObject({ type: "HTTP502", apiMessage: "<html>Bad Gateway</html>" });
  });

  it("says (empty body) when there is none", async () => {
    const err = await failWith({ status: 503, text: "" });
    expect(err).toMatchObject({ type: "HTTP503", apiMessage: "(empty body)" });
  });

  it("falls back to HTTP<status> when the JSON body has no type", async () => {
    const err = await failWith(reply(400, { message: "name is required" }));
    expect(err).toMatchObject({ type: "HTTP400", apiMessage: "name is required" });
  });

  it("turns a 2xx that is not JSON into an InvalidResponse whose outcome is unknown for a write", async () => {
    const err = await failWith({ status: 200, text: "<html>proxy</html>" }, (c) =>
      c.patchOrg(INSTANCE_ID, ORG_ID, { name: "x" }),
    );
    expect(err).toMatchObject({
      name: "LosantApiError",
      type: "InvalidResponse",
      outcomeUnknown: true,
    });
    expect(err.apiMessage).toContain("<html>proxy</html>");
  });

  it("cuts a long body to 500 characters", async () => {
    const err = await failWith({ status: 500, text: "x".repeat(2000) });
    expect(err.apiMessage).toHaveLength(500);
  });
});

describe("401 and 403", () => {
  const calls: [LosantAction, (c: LosantClient) => Promise<unknown>][] = [
    ["instanceOrg.get", (c) => c.getOrg(INSTANCE_ID, ORG_ID)],
    ["instanceOrg.patch", (c) => c.patchOrg(INSTANCE_ID, ORG_ID, {})],
    ["instanceOrg.delete", (c) => c.deleteOrg(INSTANCE_ID, ORG_ID)],
    ["instanceOrg.deviceCounts", (c) => c.deviceCounts(INSTANCE_ID, ORG_ID)],
    ["instanceOrg.notebookMinuteCounts", (c) => c.notebookMinuteCounts(INSTANCE_ID, ORG_ID)],
    ["instanceOrg.payloadCountsBreakdown", (c) => c.payloadCountsBreakdown(INSTANCE_ID, ORG_ID)],
    ["instanceOrgs.post", (c) => c.createOrg(INSTANCE_ID, { name: "Acme" })],
    ["instanceOrgs.get", (c) => c.listOrgs(INSTANCE_ID)],
    ["instanceOrgMembers.get", (c) => c.listMembers(INSTANCE_ID, ORG_ID)],
    [
      "instanceOrgMembers.post",
      (c) => c.addMember(INSTANCE_ID, ORG_ID, { userId: ORG_ID, role: "view" }),
    ],
    ["instanceOrgMember.get", (c) => c.getMember(INSTANCE_ID, ORG_ID, ORG_ID)],
    ["instanceOrgMember.patch", (c) => c.patchMember(INSTANCE_ID, ORG_ID, ORG_ID, {})],
    ["instanceOrgMember.delete", (c) => c.removeMember(INSTANCE_ID, ORG_ID, ORG_ID)],
  ];

  it.each(calls)("%s names the scopes of ACTION_SCOPES on 403", async (action, call) => {
    const err = await failWith(apiError(403, "Forbidden", "no"), call);
    expect(err.action).toBe(action);
    expect(err.requiredScopes).toEqual(ACTION_SCOPES[action]);
    expect(err.message).toContain(ACTION_SCOPES[action].join(", "));
  });

  it.each(calls)(
    "%s says the token is invalid or expired on 401, naming no scope",
    async (action, call) => {
      const err = await failWith(apiError(401, "Unauthorized", "no"), call);
      expect(err.action).toBe(action);
      expect(err.message).toContain(INVALID_TOKEN_HINT);
      expect(err.message).not.toContain(ACTION_SCOPES[action][0]);
    },
  );
});

describe("ACTION_SCOPES", () => {
  const read = ["all.Instance", "all.Instance.bounded", "all.Instance.read"];
  const user = ["all.User", "all.User.bounded", "all.User.read"];
  const write = ["all.Instance", "all.Instance.bounded", "all.User", "all.User.bounded"];

  it("lists the accepted scopes of the API reference for every action", () => {
    expect(ACTION_SCOPES).toEqual({
      "instanceOrg.get": [...read, ...user, "instanceOrg.*", "instanceOrg.get"],
      "instanceOrg.patch": [...write, "instanceOrg.*", "instanceOrg.patch"],
      "instanceOrg.delete": [...write, "instanceOrg.*", "instanceOrg.delete"],
      "instanceOrg.deviceCounts": [...read, ...user, "instanceOrg.*", "instanceOrg.deviceCounts"],
      "instanceOrg.notebookMinuteCounts": [
        ...read,
        ...user,
        "instanceOrg.*",
        "instanceOrg.notebookMinuteCounts",
      ],
      "instanceOrg.payloadCountsBreakdown": [
        ...read,
        ...user,
        "instanceOrg.*",
        "instanceOrg.payloadCountsBreakdown",
      ],
      "instanceOrgs.post": [...write, "instanceOrgs.*", "instanceOrgs.post"],
      "instanceOrgs.get": [...read, ...user, "instanceOrgs.*", "instanceOrgs.get"],
      "instanceOrgMembers.get": [
        ...read,
        ...user,
        "instanceOrgMembers.*",
        "instanceOrgMembers.get",
      ],
      "instanceOrgMembers.post": [
        "all.Instance",
        "all.User",
        "instanceOrgMembers.*",
        "instanceOrgMembers.post",
      ],
      "instanceOrgMember.get": [...read, ...user, "instanceOrgMember.*", "instanceOrgMember.get"],
      "instanceOrgMember.patch": [
        "all.Instance",
        "all.User",
        "instanceOrgMember.*",
        "instanceOrgMember.patch",
      ],
      "instanceOrgMember.delete": [
        "all.Instance",
        "all.User",
        "instanceOrgMember.*",
        "instanceOrgMember.delete",
      ],
    });
  });
});

describe("the token", () => {
  const failures: [string, Answer][] = [
    ["400", apiError(400, "Validation", "bad")],
    ["401", apiError(401, "Unauthorized", "Invalid access token")],
    ["403", apiError(403, "Forbidden", "no")],
    ["404", apiError(404, "NotFound", "gone")],
    ["429", apiError(429, "TooManyRequests", "x", { "Retry-After": "1" })],
    ["500", apiError(500, "InternalError", "oops")],
    ["a non-JSON body", { status: 502, text: "<html>proxy</html>" }],
    ["a network error", networkError("ECONNREFUSED")],
    ["a timeout", hang],
    [
      "a server that echoes the token in its message",
      apiError(401, "Unauthorized", `bad token ${TOKEN}`),
    ],
    [
      "a proxy page that echoes the Authorization header",
      { status: 400, text: `Authorization: Bearer ${TOKEN}` },
    ],
    ["a transport error that quotes the token", { networkError: `refused for ${TOKEN}` }],
    [
      "a long body whose 500-character cut falls inside the token",
      { status: 500, text: `${"x".repeat(490)}${TOKEN}` },
    ],
  ];

  const variants = (err: Error) => [err.message, JSON.stringify(err), String(err), err.stack];

  it.each(failures)(
    "never appears in the error, nor its first 10 characters, after %s",
    async (_, answer) => {
      const err = await failWith(answer);
      for (const text of variants(err)) expect(text).not.toContain(TOKEN.slice(0, 10));
    },
  );

  it("never appears in the CreateOutcomeUnknown error", async () => {
    const twins = orgList([org({ id: "a".repeat(24) }), org({ id: "b".repeat(24) })]);
    const { client } = fakeClient([networkError(), reply(200, twins)]);
    const err = await failureOf(client.createOrg(INSTANCE_ID, { name: "Acme" }));
    for (const text of variants(err)) expect(text).not.toContain(TOKEN);
  });
});

describe("type guards", () => {
  it("isLosantApiError accepts the client's errors and nothing else", async () => {
    const err = await failWith(apiError(400, "Validation", "bad"));
    expect([
      isLosantApiError(err),
      isLosantApiError(new Error("x")),
      isLosantApiError("x"),
    ]).toEqual([true, false, false]);
  });

  it("isNotFound is true for a 404 only", async () => {
    const notFound = await failWith(apiError(404, "NotFound", "gone"));
    const forbidden = await failWith(apiError(403, "Forbidden", "no"));
    expect([isNotFound(notFound), isNotFound(forbidden)]).toEqual([true, false]);
  });
});
