"""Rules for docker-compose.prod.yml and docker-compose.yml that `compose config` does not enforce."""

import re
from pathlib import Path

from report import Report, duration_seconds, env_file_keys, load_yaml

INTERPOLATION = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)")


def one_shots(services: dict) -> set:
    """Services that others wait on with service_completed_successfully."""
    out = set()
    for svc in services.values():
        deps = svc.get("depends_on") or {}
        for dep, spec in deps.items() if isinstance(deps, dict) else ():
            if isinstance(spec, dict) and spec.get("condition") == "service_completed_successfully":
                out.add(dep)
    return out


def check_healthchecks(r: Report, name: str, services: dict) -> None:
    shots = one_shots(services)
    missing = [s for s, v in services.items() if s not in shots and not (v.get("healthcheck") or {}).get("test")]
    r.all(missing, f"{name}: every long-running service has a healthcheck")
    bad_shots = [s for s in shots if str(services.get(s, {}).get("restart", "no")) != "no"]
    r.all(bad_shots, f"{name}: one-shot services ({', '.join(sorted(shots)) or 'none'}) do not restart")


def check_depends_on(r: Report, name: str, services: dict) -> None:
    problems = []
    shots = one_shots(services)
    for svc, spec in services.items():
        deps = spec.get("depends_on") or {}
        if isinstance(deps, list):
            problems.append(f"{svc}: depends_on is a list (no conditions)")
            continue
        for dep, cond in deps.items():
            condition = (cond or {}).get("condition")
            target = services.get(dep)
            if target is None:
                problems.append(f"{svc} -> {dep}: no such service")
            elif condition == "service_healthy" and not (target.get("healthcheck") or {}).get("test"):
                problems.append(f"{svc} -> {dep}: service_healthy but {dep} has no healthcheck")
            elif condition == "service_completed_successfully" and dep not in shots:
                problems.append(f"{svc} -> {dep}: not a one-shot")
            elif condition not in ("service_healthy", "service_completed_successfully"):
                problems.append(f"{svc} -> {dep}: condition {condition!r}")
            elif set(target.get("profiles") or []) - set(spec.get("profiles") or []):
                problems.append(f"{svc} -> {dep}: {dep} is only in profiles {target['profiles']}")
    r.all(problems, f"{name}: every depends_on has a condition its target can meet")


def check_volumes_and_networks(r: Report, name: str, doc: dict, root: Path) -> None:
    declared_vols = set((doc.get("volumes") or {}).keys())
    declared_nets = set((doc.get("networks") or {}).keys()) | {"default"}
    problems = []
    for svc, spec in doc["services"].items():
        for vol in spec.get("volumes") or []:
            source = str(vol).split(":")[0]
            if source.startswith("./"):
                if not (root / source).exists():
                    problems.append(f"{svc}: bind source {source} missing")
            elif not source.startswith("/") and source not in declared_vols:
                problems.append(f"{svc}: volume {source} not declared")
        for net in spec.get("networks") or []:
            if net not in declared_nets:
                problems.append(f"{svc}: network {net} not declared")
    r.all(problems, f"{name}: volumes and networks are declared; bind sources exist")


def check_interpolation(r: Report, text: str, env_example: Path) -> None:
    used = set(INTERPOLATION.findall(text))
    keys = set(env_file_keys(env_example))
    r.all(sorted(used - keys), f"prod compose: every ${{VAR}} is in {env_example.name}")


def app_env(spec: dict) -> dict:
    env = spec.get("environment") or {}
    return env if isinstance(env, dict) else dict(e.split("=", 1) for e in env)


def check_app_services(r: Report, services: dict, shutdown_ms: int) -> None:
    for role, port in (("api", "3000"), ("worker", "3001")):
        spec = services.get(role) or {}
        env = app_env(spec)
        problems = []
        if (spec.get("deploy") or {}).get("replicas") != 2:
            problems.append("deploy.replicas != 2")
        if spec.get("command") != [role]:
            problems.append(f"command {spec.get('command')} != ['{role}']")
        if spec.get("env_file") not in (".env", [".env"]):
            problems.append("env_file is not .env")
        if "${SCREENER_IMAGE" not in str(spec.get("image")):
            problems.append("image is not ${SCREENER_IMAGE}")
        if spec.get("container_name") or spec.get("ports"):
            problems.append("container_name/ports clash between replicas")
        if "replicaSet=rs0" not in str(env.get("MONGO_URI")):
            problems.append("MONGO_URI lacks replicaSet=rs0")
        if port not in str(spec.get("healthcheck", {}).get("test")):
            problems.append(f"healthcheck does not probe port {port}")
        grace = duration_seconds(spec.get("stop_grace_period", "10s"))
        if grace * 1000 <= shutdown_ms:
            problems.append(f"stop_grace_period {grace}s <= SHUTDOWN_TIMEOUT_MS {shutdown_ms}ms")
        r.all(problems, f"prod compose: {role} x2, one image, .env, rs0 URI, probe :{port}, grace > drain")
    r.check(app_env(services.get("api", {})).get("TRUST_PROXY") == "1", "prod compose: api trusts exactly one proxy hop")


def check_stores(r: Report, services: dict, root: Path) -> None:
    mongo, redis = services.get("mongo", {}), services.get("redis", {})
    cmd = [str(c) for c in mongo.get("command") or []]
    r.check(mongo.get("image") == "mongo:7" and "--replSet" in cmd and "rs0" in cmd, "prod compose: mongo:7 with --replSet rs0")
    init = " ".join(map(str, services.get("mongo-init", {}).get("command") or []))
    mounted = any("deploy/mongo-init.js" in str(v) for v in services.get("mongo-init", {}).get("volumes") or [])
    js = (root / "deploy/mongo-init.js").read_text()
    r.check(mounted and "mongo-init.js" in init and "rs.initiate" in js, "prod compose: mongo-init runs deploy/mongo-init.js (rs.initiate)")
    flags = " ".join(map(str, redis.get("command") or []))
    want = ["--appendonly yes", "--appendfsync everysec", "--maxmemory-policy noeviction"]
    r.all([w for w in want if w not in flags] + ([] if redis.get("image") == "redis:7" else ["image != redis:7"]),
          "prod compose: redis:7 with AOF everysec and noeviction")
    vols = {s: [str(v).split(":")[0] for v in services.get(s, {}).get("volumes") or []] for s in ("mongo", "redis")}
    r.check(all(v and not v[0].startswith(("/", ".")) for v in vols.values()), "prod compose: store data on named volumes")


def check_prod(r: Report, root: Path) -> None:
    path = root / "docker-compose.prod.yml"
    doc = load_yaml(r, path)
    if not isinstance(doc, dict):
        return
    services = doc.get("services") or {}
    needed = {"nginx", "api", "worker", "mongo", "mongo-init", "redis"}
    r.all(sorted(needed - set(services)), "prod compose: nginx, api, worker, mongo, mongo-init, redis present")
    check_healthchecks(r, "prod compose", services)
    check_depends_on(r, "prod compose", services)
    check_volumes_and_networks(r, "prod compose", doc, root)
    check_interpolation(r, path.read_text(), root / "deploy/env.prod.example")
    shutdown_ms = int(env_file_keys(root / "deploy/env.prod.example").get("SHUTDOWN_TIMEOUT_MS") or 25000)
    check_app_services(r, services, shutdown_ms)
    check_stores(r, services, root)
    nginx_vols = " ".join(map(str, services.get("nginx", {}).get("volumes") or []))
    r.check("./nginx.conf:/etc/nginx/templates/nginx.conf.template" in nginx_vols and "/etc/letsencrypt" in nginx_vols,
            "prod compose: nginx renders ./nginx.conf as a template and mounts /etc/letsencrypt")


def check_dev(r: Report, root: Path) -> None:
    doc = load_yaml(r, root / "docker-compose.yml")
    if not isinstance(doc, dict):
        return
    services = doc.get("services") or {}
    check_healthchecks(r, "dev compose", services)
    check_depends_on(r, "dev compose", services)
    check_volumes_and_networks(r, "dev compose", doc, root)
    ports = [str(p) for s in services.values() for p in s.get("ports") or []]
    r.all([p for p in ports if not p.startswith("127.0.0.1:")], "dev compose: published ports bind loopback only")
    env = env_file_keys(root / ".env.example")
    published = {p.split(":")[1] for p in ports}
    wanted = {m.group(1) for k in ("MONGO_URI", "REDIS_URL") if (m := re.search(r":(\d+)", env.get(k, "")))}
    r.all(sorted(wanted - published), "dev compose: publishes the ports .env.example's MONGO_URI/REDIS_URL use")
    images = {s.get("image") for s in services.values()}
    r.check({"mongo:7", "redis:7"} <= images, "dev compose: mongo:7 and redis:7")


def run(r: Report, root: Path) -> None:
    r.section("compose")
    check_prod(r, root)
    check_dev(r, root)
