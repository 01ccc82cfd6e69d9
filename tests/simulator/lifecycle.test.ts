/**
 * Starting and stopping: the simulator binds loopback, seeds an instance and two tokens,
 * and closes promptly even with open connections or pending latency, so jest exits.
 */
import { startSimulator } from "../../simulator";

it("listens on 127.0.0.1 on a free port by default", async () => {
  const sim = await startSimulator();
  expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
  expect(sim.port).toBeGreaterThan(0);
  await sim.close();
});

it("seeds one instance and an admin and a read-only token", async () => {
  const sim = await startSimulator();
  expect(sim.instanceId).toMatch(/^[0-9a-f]{24}$/);
  expect(sim.tokens.admin).not.toBe(sim.tokens.readOnly);
  const headers = { Authorization: `Bearer ${sim.tokens.readOnly}` };
  const answer = await fetch(`${sim.url}/instances/${sim.instanceId}/orgs`, { headers });
  expect(answer.status).toBe(200);
  await sim.close();
});

it("gives every simulator its own tokens", async () => {
  const [a, b] = await Promise.all([startSimulator(), startSimulator()]);
  expect(a.tokens.admin).not.toBe(b.tokens.admin);
  const headers = { Authorization: `Bearer ${a.tokens.admin}` };
  const answer = await fetch(`${b.url}/instances/${b.instanceId}/orgs`, { headers });
  expect(answer.status).toBe(401);
  await Promise.all([a.close(), b.close()]);
});

it("closes while a request waits on injected latency, cutting that request off unanswered", async () => {
  const sim = await startSimulator();
  sim.faults.add({ kind: "latency", ms: 600_000 });
  const headers = { Authorization: `Bearer ${sim.tokens.admin}` };
  const pending = fetch(`${sim.url}/instances/${sim.instanceId}/orgs`, { headers }).then(
    (response) => ({ answered: response.status }),
    (error: unknown) => ({ failed: String(error) }),
  );
  // The rule is used up once the request has been read; from there it waits on the delay.
  while (sim.faults.list().length > 0) await new Promise((resolve) => setImmediate(resolve));
  // A close that waited for the 600 s delay would time this test out.
  await sim.close();
  expect(await pending).toEqual({ failed: "TypeError: fetch failed" });
});

it("returns the same promise when closed twice", async () => {
  const sim = await startSimulator();
  expect(sim.close()).toBe(sim.close());
  await sim.close();
});

it("refuses a port that is taken", async () => {
  const sim = await startSimulator();
  await expect(startSimulator({ port: sim.port })).rejects.toThrow(/EADDRINUSE/);
  await sim.close();
});
