# syntax=docker/dockerfile:1.7
# One image, two processes: `api` (default) or `worker` as the command (see deploy/docker-entrypoint.sh).
#   docker build -t resume-screener .
#   docker run --env-file .env resume-screener api      # REST API on $PORT (3000)
#   docker run --env-file .env resume-screener worker   # queue worker, probes on $WORKER_PORT (3001)
# The code also runs on Node 20 (package.json engines); the image uses the current LTS.
ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: all dependencies, compile TypeScript --------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# onnxruntime-node's postinstall downloads optional GPU providers from a host builds can't rely on;
# the CPU binary ships in the package. (.npmrc says the same; scripts are skipped here anyway.)
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json .npmrc ./
# --ignore-scripts: `prepare` would build before the sources are copied; the build runs below.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# Both folders are optional in the build context but copied into the runtime stage by name.
RUN npm run build && mkdir -p models libs/taxonomy/data

# --- runtime dependencies only, other platforms' ONNX binaries pruned -----------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# onnxruntime-node ships darwin, win32 and linux binaries for x64 and arm64 (~245 MB); keep only
# this image's linux/<arch>. Fail the build if that one is missing, rather than at first inference.
RUN arch="$(node -p process.arch)" \
  && for dir in node_modules/onnxruntime-node/bin/napi-v*/*/*; do \
       case "$dir" in */linux/"$arch") ;; *) rm -rf "$dir" ;; esac; \
     done \
  && ls node_modules/onnxruntime-node/bin/napi-v*/linux/"$arch"/onnxruntime_binding.node

# --- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps zombies (the parser runs in child processes).
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    WORKER_PORT=3001
WORKDIR /app
# Everything stays owned by root: the app user can read the code and models but not change them.
# package.json is needed at run time: libs/common/paths.ts finds the project root by it.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/models ./models
COPY --from=build /app/libs/taxonomy/data ./libs/taxonomy/data
COPY --chmod=0755 deploy/docker-entrypoint.sh /usr/local/bin/screener-entrypoint
# `node` (uid 1000) comes with the base image.
USER node
EXPOSE 3000 3001
# Liveness of whichever process this container runs: the API answers on PORT, the worker on
# WORKER_PORT, and the other port refuses at once. Slim images have no curl, so Node's fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "const p=[process.env.PORT||3000,process.env.WORKER_PORT||3001];Promise.any(p.map(n=>fetch('http://127.0.0.1:'+n+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>{if(!r.ok)throw new Error(r.status)}))).then(()=>process.exit(0),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "screener-entrypoint"]
CMD ["api"]
