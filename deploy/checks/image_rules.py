"""Rules for the Dockerfile, .dockerignore, entrypoint, env templates and nginx body limits."""

import json
import re
from pathlib import Path

import yaml

from report import Report, env_file_keys


def dockerfile_stages(text: str) -> list:
    """[(from_line, [instruction lines])] with continuations joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", text)
    lines = [ln.strip() for ln in joined.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    args = dict(re.findall(r"^ARG (\w+)=(\S+)", "\n".join(lines), re.M))
    stages = []
    for ln in lines:
        if ln.upper().startswith("FROM "):
            stages.append((re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), ln), []))
        elif stages:
            stages[-1][1].append(ln)
    return stages


def ignore_regex(pattern: str) -> re.Pattern:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        else:
            c = pattern[i]
            out += "[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c)
            i += 1
    return re.compile(out + "$")


def in_context(rules: list, path: str) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    included = True
    for negate, rx in rules:
        if any(rx.match(p) for p in prefixes):
            included = negate
    return included


def load_dockerignore(root: Path) -> list:
    rules = []
    for ln in (root / ".dockerignore").read_text().splitlines():
        ln = ln.strip()
        if ln and not ln.startswith("#"):
            negate = ln.startswith("!")
            rules.append((negate, ignore_regex(ln.lstrip("!").strip("/"))))
    return rules


def check_context(r: Report, root: Path) -> None:
    rules = load_dockerignore(root)
    must_in = ["package.json", "package-lock.json", ".npmrc", "tsconfig.json", "tsconfig.build.json",
               "src/main.ts", "src/worker.ts", "bin/screener.js", "models/screening-v1.onnx",
               "models/active.json", "libs/taxonomy/data/skills.json", "deploy/docker-entrypoint.sh"]
    must_out = [".env", ".git/config", "node_modules/x/index.js", "dist/src/main.js", "coverage/x",
                "src/a/b.spec.ts", "test/x.e2e-spec.ts", ".services/redis.log", "models/training/train.py"]
    r.all([p for p in must_in if not in_context(rules, p)], ".dockerignore: sources, lockfile, models and taxonomy data reach the build")
    r.all([p for p in must_out if in_context(rules, p)], ".dockerignore: .env, .git, node_modules, dist, specs, caches do not")
    build = json.loads((root / "tsconfig.build.json").read_text())
    tops = {g.split("/")[0] for g in build.get("include", [])}
    r.all(sorted(t for t in tops if not in_context(rules, f"{t}/x.ts")), ".dockerignore: every tsconfig.build.json include folder is in the context")


def check_dockerfile(r: Report, root: Path) -> None:
    stages = dockerfile_stages((root / "Dockerfile").read_text())
    final_from, final = stages[-1]
    everything = " ".join(i for _, ins in stages for i in ins)
    r.check(len(stages) >= 3, f"Dockerfile: multi-stage ({len(stages)} stages)")
    r.check(all(re.search(r"node:22[\w.-]*-slim", f) for f, _ in stages), "Dockerfile: every stage on node:22 slim")
    r.check("npm ci --omit=dev" in everything and "npm run build" in everything, "Dockerfile: npm ci, build, then npm ci --omit=dev")
    r.check("onnxruntime-node/bin/napi-v" in everything and "rm -rf" in everything, "Dockerfile: prunes other platforms' onnxruntime binaries")
    users = [i.split()[1] for i in final if i.startswith("USER ")]
    r.check(bool(users) and users[-1] not in ("root", "0"), f"Dockerfile: runs as non-root ({users[-1] if users else 'no USER'})")
    r.check(any(i.startswith("HEALTHCHECK ") and "/health/live" in i for i in final), "Dockerfile: HEALTHCHECK on /health/live")
    entry = next((i for i in final if i.startswith("ENTRYPOINT ")), "")
    r.check("tini" in entry and "screener-entrypoint" in entry, "Dockerfile: tini as PID 1, then the role entrypoint")
    r.check(any(i == 'CMD ["api"]' for i in final), 'Dockerfile: CMD ["api"] (worker: command "worker")')
    copied = " ".join(i for i in final if i.startswith("COPY"))
    needed = ["package.json", "/app/node_modules", "/app/dist", "/app/bin", "/app/models", "/app/libs/taxonomy/data"]
    r.all([n for n in needed if n not in copied], "Dockerfile: runtime has package.json, prod node_modules, dist, bin, models, taxonomy data")
    rules = load_dockerignore(root)
    sources = [p for i in final + [x for _, ins in stages for x in ins] if i.startswith("COPY ") and "--from" not in i
               for p in i.split()[1:-1] if not p.startswith("--") and p != "."]
    r.all(sorted({s for s in sources if not in_context(rules, s) or not (root / s).exists()}), "Dockerfile: every COPY source exists and is in the context")


def check_entrypoint(r: Report, root: Path) -> None:
    text = (root / "deploy/docker-entrypoint.sh").read_text()
    pkg = json.loads((root / "package.json").read_text())
    problems = []
    for role, script in (("api", "start:api"), ("worker", "start:worker")):
        m = re.search(rf"^\s*{role}\)\s*exec node (\S+)", text, re.M)
        target = m.group(1) if m else None
        if not target:
            problems.append(f"no `{role})` branch")
        elif target not in pkg["scripts"].get(script, ""):
            problems.append(f"{role} runs {target}, npm {script} runs {pkg['scripts'].get(script)}")
        elif not (root / target.replace("dist/", "", 1).replace(".js", ".ts")).exists():
            problems.append(f"{target} has no source")
    r.all(problems, "entrypoint: api/worker run the same files as npm start:api/start:worker")
    r.check(all("exec node" in ln for ln in text.splitlines() if re.match(r"^\s*(api|worker)\)", ln)), "entrypoint: exec, so SIGTERM reaches node")


def satisfies(rng: str, version: tuple) -> bool:
    for op, ver in re.findall(r"(>=|<=|>|<|=)?\s*(\d+(?:\.\d+){0,2})", rng):
        v = tuple(int(x) for x in ver.split(".")) + (0,) * (3 - len(ver.split(".")))
        ok = {">=": version >= v, "<=": version <= v, ">": version > v, "<": version < v}.get(op, version[: len(ver.split("."))] == v[: len(ver.split("."))])
        if not ok:
            return False
    return True


def check_env(r: Report, root: Path) -> None:
    pkg = json.loads((root / "package.json").read_text())
    rng = pkg.get("engines", {}).get("node", "")
    r.check(satisfies(rng, (20, 19, 0)) and satisfies(rng, (22, 12, 0)), f"package.json engines.node {rng!r} admits Node 20 and 22")
    app_keys = set(env_file_keys(root / ".env.example"))
    prod = env_file_keys(root / "deploy/env.prod.example")
    compose_text = (root / "docker-compose.prod.yml").read_text()
    stack_keys = set(re.findall(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)", compose_text))
    r.all(sorted(set(prod) - app_keys - stack_keys), "env.prod.example: every key is an app key (.env.example) or a compose variable")
    doc = yaml.safe_load(compose_text)
    pinned = set()
    for svc in ("api", "worker"):
        pinned |= set((doc["services"][svc].get("environment") or {}).keys())
    missing = sorted(app_keys - set(prod) - pinned - {"MODELS_DIR"})
    if missing:
        r.warn(f"env.prod.example lacks {', '.join(missing)} (the app's defaults apply in production)")
    r.check({"MONGO_URI", "REDIS_URL", "NODE_ENV"} <= pinned, "prod compose pins MONGO_URI, REDIS_URL, NODE_ENV for api and worker")


def size_bytes(text: str) -> int:
    n, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", text).groups()
    return int(n) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit.lower()]


def check_nginx_limits(r: Report, root: Path) -> None:
    conf = (root / "nginx.conf").read_text()
    default = size_bytes(re.search(r"^    client_max_body_size (\w+);", conf, re.M).group(1))
    batch_block = re.search(r"location ~ \^/jobs/\[\^/\]\+/applications/batch.*?\n        \}", conf, re.S)
    batch = size_bytes(re.search(r"client_max_body_size (\w+);", batch_block.group(0)).group(1)) if batch_block else 0
    for name in (".env.example", "deploy/env.prod.example"):
        env = env_file_keys(root / name)
        one, files = int(env.get("UPLOAD_MAX_BYTES") or 5242880), int(env.get("UPLOAD_MAX_FILES") or 50)
        r.check(one + 64 * 1024 <= default <= 2 * one, f"nginx client_max_body_size {default} fits UPLOAD_MAX_BYTES {one} + framing ({name})")
        r.check(batch >= files * one + 1024 * 1024, f"nginx batch limit {batch} >= UPLOAD_MAX_FILES x UPLOAD_MAX_BYTES ({name})")
    health = re.search(r"location \^~ /health/ \{(.*?)\}", conf, re.S)
    r.check(bool(health) and "limit_req" not in health.group(1), "nginx: /health/ has no limit_req")
    metrics = re.search(r"location \^~ /metrics \{(.*?)\}", conf, re.S)
    r.check(bool(metrics) and "deny all" in metrics.group(1) and "proxy_pass" not in metrics.group(1), "nginx: /metrics is deny all, never proxied")


def run(r: Report, root: Path) -> None:
    r.section("image and env")
    check_context(r, root)
    check_dockerfile(r, root)
    check_entrypoint(r, root)
    check_env(r, root)
    check_nginx_limits(r, root)
