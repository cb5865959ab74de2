# syntax=docker/dockerfile:1
# Followthrough for a single server behind a reverse proxy (README: "Deploying"). Three stages:
# dependencies, the build (Next's self-contained `standalone` server), and a small runtime image
# that runs as the unprivileged `node` user. A fourth target runs the migrations once per deploy:
#
#   docker build -t followthrough .
#   docker build --target migrate -t followthrough-migrate .
#   docker run --rm -e DATABASE_URL=postgres://… followthrough-migrate
#   docker run -p 3000:3000 --env-file .env.production followthrough
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT_STANDALONE=1
RUN npm run build

# Migrations need a direct connection (DATABASE_URL, or DATABASE_URL_UNPOOLED beside a pooler's URL).
FROM deps AS migrate
COPY tsconfig.json ./
COPY db ./db
COPY scripts/migrate.ts ./scripts/migrate.ts
USER node
CMD ["node_modules/.bin/tsx", "scripts/migrate.ts"]

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# Only without DATABASE_URL (a trial run): the embedded database writes here.
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 3000
# Liveness only; a load balancer should ask /api/health/ready (503 while the database is away or the server shuts down).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# server.js finishes its requests on SIGTERM; the app then stops its delivery schedule and closes
# its pool, within 8 s (Docker's default stop timeout is 10 s).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
