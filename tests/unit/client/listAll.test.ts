// Guards listing a whole instance: an import that missed the last page would leave orgs
// unmanaged without a word, and one that never stopped would hang.
import { INSTANCE_ID, ORGS_PATH, fakeClient, org, reply, requestLines } from "./fakeFetch";

const id = (i: number) => i.toString(16).padStart(24, "0");
const orgs = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => org({ id: id(from + k), name: `o${from + k}` }));
const page = (items: unknown[], totalCount: number) => ({ items, count: items.length, totalCount });
const line = (n: number, perPage = 2) =>
  `GET ${ORGS_PATH}?perPage=${perPage}&page=${n}&sortField=creationDate&sortDirection=asc`;

describe("listAllOrgs", () => {
  it("reads pages oldest first until a short page, and returns every org once", async () => {
    const { client, calls } = fakeClient([
      reply(200, page(orgs(0, 2), 5)),
      reply(200, page(orgs(2, 4), 5)),
      reply(200, page(orgs(4, 5), 5)),
    ]);
    const all = await client.listAllOrgs(INSTANCE_ID, { perPage: 2 });
    expect(all.map((o) => o.name)).toEqual(["o0", "o1", "o2", "o3", "o4"]);
    expect(requestLines(calls)).toEqual([line(0), line(1), line(2)]);
  });

  it("reads on when the server serves fewer per page than asked, until totalCount", async () => {
    const { client, calls } = fakeClient([
      reply(200, page(orgs(0, 2), 3)),
      reply(200, page(orgs(2, 3), 3)),
    ]);
    expect(await client.listAllOrgs(INSTANCE_ID, { perPage: 1000 })).toHaveLength(3);
    expect(calls).toHaveLength(2);
  });

  it("stops at a page shorter than the echoed perPage when there is no totalCount", async () => {
    const { client, calls } = fakeClient([
      reply(200, { items: orgs(0, 2), perPage: 2 }),
      reply(200, { items: orgs(2, 3), perPage: 2 }),
    ]);
    expect(await client.listAllOrgs(INSTANCE_ID, { perPage: 1000 })).toHaveLength(3);
    expect(calls).toHaveLength(2);
  });

  it("stops at totalCount without asking for an empty page", async () => {
    const { client, calls } = fakeClient([
      reply(200, page(orgs(0, 2), 4)),
      reply(200, page(orgs(2, 4), 4)),
    ]);
    expect(await client.listAllOrgs(INSTANCE_ID, { perPage: 2 })).toHaveLength(4);
    expect(calls).toHaveLength(2);
  });

  it("keeps an org that moved to the next page between two reads once", async () => {
    const { client } = fakeClient([
      reply(200, page(orgs(0, 2), 3)),
      reply(200, page(orgs(1, 3), 3)),
      reply(200, page([], 3)),
    ]);
    const all = await client.listAllOrgs(INSTANCE_ID, { perPage: 2 });
    expect(all.map((o) => o.name)).toEqual(["o0", "o1", "o2"]);
  });

  it("stops when a full page brings nothing new, as from a server ignoring page", async () => {
    const same = reply(200, { items: orgs(0, 2) });
    const { client, calls } = fakeClient([same, same, same]);
    expect(await client.listAllOrgs(INSTANCE_ID, { perPage: 2 })).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it("passes the advanced query and summary fields on to every page", async () => {
    const { client, calls } = fakeClient([reply(200, page([], 0))]);
    await client.listAllOrgs(INSTANCE_ID, { query: { name: { $eq: "x" } }, summaryInclude: [] });
    expect(calls[0].query).toEqual({
      perPage: "100",
      page: "0",
      sortField: "creationDate",
      sortDirection: "asc",
      query: '{"name":{"$eq":"x"}}',
    });
  });
});
