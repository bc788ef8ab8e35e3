# syntax=docker/dockerfile:1
# Qm+ Hjelp: the bot as a container (docs/deploy.md). The production dependencies and the
# TypeScript build (with every dependency) are made in stages of their own; the runtime image gets
# only the first and the compiled output of the second, and runs as the unprivileged `node` user.

ARG NODE_IMAGE=node:20-bookworm-slim

# Dependencies compile better-sqlite3 from source when no prebuilt binary fits.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# .npmrc sets yes=true, which botbuilder-dialogs' install script needs.
COPY package.json package-lock.json .npmrc ./

FROM toolchain AS production-dependencies
RUN npm ci --omit=dev

FROM toolchain AS build
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
COPY bot ./bot
COPY cards ./cards
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  PORT=3978
WORKDIR /app
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
# What dist/bot/main.js loads: the compiled code (card templates are JSON modules beside it).
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/bot ./dist/bot
COPY --from=build /app/dist/cards ./dist/cards
# The organisation files: read from ORG_FILE at start (the sample is the default) and by
# `node dist/bot/org-import.js FILE`.
COPY org ./org
USER node
EXPOSE 3978
CMD ["node", "dist/bot/main.js"]
