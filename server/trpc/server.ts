import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./root";

/** A server-side caller for Server Components, built once per request. */
export const serverApi = cache(async () => createCaller(await createContext(await headers())));
