// Guards the connection settings: stack config wins over the environment, a missing token says
// how to set it, and the token never travels in clear text to another machine.
import fc from "fast-check";
import { LosantClient } from "../../../provider/losant/client";
import {
  DEFAULT_API_URL,
  checkApiUrl,
  isLoopbackHost,
  resolveConnection,
} from "../../../provider/losant/config";
import { LosantConfigError, isLosantConfigError } from "../../../provider/losant/errors";
import { fakeFetch } from "./fakeFetch";

const env = { LOSANT_API_TOKEN: "env-token", LOSANT_API_URL: "https://env.example.com" };

describe("resolveConnection", () => {
  it("prefers explicit values over LOSANT_API_TOKEN and LOSANT_API_URL", () => {
    expect(resolveConnection({ token: "cfg", url: "https://cfg.example.com" }, env)).toEqual({
      token: "cfg",
      url: "https://cfg.example.com",
    });
  });

  it("falls back to the environment when explicit values are absent or blank", () => {
    expect(resolveConnection({ token: "  ", url: "" }, env)).toEqual({
      token: "env-token",
      url: "https://env.example.com",
    });
  });

  it("defaults the URL to https://api.losant.com", () => {
    expect(resolveConnection({ token: "t" }, {})).toEqual({
      token: "t",
      url: "https://api.losant.com",
    });
    expect(DEFAULT_API_URL).toBe("https://api.losant.com");
  });

  it("strips trailing slashes from the URL", () => {
    expect(resolveConnection({ token: "t", url: "https://x.example.com/api//" }, {}).url).toBe(
      "https://x.example.com/api",
    );
  });

  it("throws LosantConfigError naming both ways to set a missing token", () => {
    const attempt = () => resolveConnection({}, { LOSANT_API_URL: "https://x.example.com" });
    expect(attempt).toThrow(LosantConfigError);
    expect(attempt).toThrow("pulumi config set --secret losant:apiToken");
    expect(attempt).toThrow("LOSANT_API_TOKEN");
  });

  it("reports the missing token as the losant:apiToken setting", () => {
    expect(() => resolveConnection({}, {})).toThrow(
      expect.objectContaining({ name: "LosantConfigError", setting: "losant:apiToken" }),
    );
  });

  it("makes errors that isLosantConfigError recognizes", () => {
    expect(isLosantConfigError(new LosantConfigError("losant:apiUrl", "x"))).toBe(true);
    expect(isLosantConfigError(new Error("x"))).toBe(false);
  });

  it("makes the client itself refuse plain http to a host that is not loopback", () => {
    expect(() => new LosantClient({ token: "t", url: "http://api.example.com" })).toThrow(
      LosantConfigError,
    );
  });

  it("refuses plain http to a host that is not loopback, before any request is sent", () => {
    const { fetch, calls } = fakeFetch([]);
    const connect = () =>
      new LosantClient({
        ...resolveConnection({ token: "t", url: "http://api.example.com" }),
        fetch,
      });
    expect(connect).toThrow(/Refusing to send the API token over plain http to api\.example\.com/);
    expect(calls).toEqual([]);
  });

  it.each([
    "http://localhost:8080",
    "http://127.0.0.1:9000/",
    "http://[::1]:3000",
    "http://127.8.9.10",
  ])("allows plain http to the loopback URL %s", (url) => {
    expect(resolveConnection({ token: "t", url }, {}).url).toBe(url.replace(/\/+$/, ""));
  });
});

describe("checkApiUrl", () => {
  it.each(["not a url", "ftp://api.example.com", "file:///etc/passwd"])("refuses %p", (url) => {
    expect(() => checkApiUrl(url)).toThrow(expect.objectContaining({ setting: "losant:apiUrl" }));
  });

  it("refuses http to any host name that is not loopback", () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        fc.pre(!isLoopbackHost(host));
        expect(() => checkApiUrl(`http://${host}`)).toThrow(LosantConfigError);
      }),
    );
  });

  it("accepts https to any host name", () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        expect(checkApiUrl(`https://${host}/`)).toBe(`https://${host}`);
      }),
    );
  });
});

describe("isLoopbackHost", () => {
  it.each(["localhost", "LocalHost", "127.0.0.1", "127.255.0.9", "::1", "[::1]"])(
    "is true for %s",
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    "example.com",
    "10.0.0.1",
    "128.0.0.1",
    "0.0.0.0",
    "::2",
    "127.0.0.1.nip.io",
    "localhost.evil.example",
    "evil-localhost",
    "1127.0.0.1",
  ])("is false for %s", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it("is true for every address of 127.0.0.0/8", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, (a, b, c) => {
        expect(isLoopbackHost(`127.${a}.${b}.${c}`)).toBe(true);
      }),
    );
  });
});
