import { describe, expect, it } from "vitest";
import { aiConfig } from "@/server/ai/config";
import { readEnv } from "@/server/env";

describe("AI configuration", () => {
  it("is off, and nothing changes, with every AI variable unset or empty", () => {
    expect(aiConfig(readEnv({}))).toBeNull();
    expect(aiConfig(readEnv({ AI_BASE_URL: "", AI_MODEL: "", AI_API_KEY: "" }))).toBeNull();
  });

  it("reads the endpoint, model and optional key", () => {
    expect(aiConfig(readEnv({ AI_BASE_URL: "http://localhost:11434/v1", AI_MODEL: "llama3.1:8b" }))).toEqual({
      baseURL: "http://localhost:11434/v1",
      model: "llama3.1:8b",
    });
    expect(aiConfig(readEnv({ AI_BASE_URL: "https://api.openai.com/v1", AI_MODEL: "gpt-4o-mini", AI_API_KEY: "sk-x" }))?.apiKey).toBe("sk-x");
  });

  it("refuses half a configuration and a URL that is not http(s) at start", () => {
    expect(() => readEnv({ AI_BASE_URL: "http://localhost:11434/v1" })).toThrow(/AI_BASE_URL and AI_MODEL go together/);
    expect(() => readEnv({ AI_MODEL: "llama3.1:8b" })).toThrow(/AI_BASE_URL and AI_MODEL go together/);
    expect(() => readEnv({ AI_BASE_URL: "file:///etc/passwd", AI_MODEL: "m" })).toThrow(/http\(s\) URL/);
  });
});
