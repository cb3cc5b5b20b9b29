"""Rules for .github/workflows that actionlint does not know about (what CI must contain)."""

import re
from pathlib import Path

from report import Report, load_yaml


def steps_text(job: dict) -> str:
    return "\n".join(str(s.get("run", "")) + " " + str(s.get("uses", "")) for s in job.get("steps") or [])


def uses_refs(doc: dict) -> list:
    refs = []
    for job in (doc.get("jobs") or {}).values():
        if job.get("uses"):
            refs.append(job["uses"])
        refs += [s["uses"] for s in job.get("steps") or [] if s.get("uses")]
    return refs


def triggers(doc: dict) -> dict:
    # PyYAML reads the bare key `on` as the boolean True.
    on = doc.get("on", doc.get(True)) or {}
    return {k: v for k, v in on.items()} if isinstance(on, dict) else {k: None for k in on}


def check_ci(r: Report, doc: dict) -> None:
    jobs = doc.get("jobs") or {}
    on = triggers(doc)
    r.check({"pull_request", "workflow_call"} <= set(on), "ci.yml: runs on pull requests and as a reusable workflow")
    test = next((j for j in jobs.values() if j.get("services")), {})
    images = {s.get("image") for s in (test.get("services") or {}).values()}
    r.check({"mongo:7", "redis:7"} <= images, "ci.yml: tests run against mongo:7 and redis:7 service containers")
    nodes = {str(n) for n in ((test.get("strategy") or {}).get("matrix") or {}).get("node", [])}
    r.check({"20", "22"} <= nodes, f"ci.yml: Node matrix {sorted(nodes)} covers 20 and 22")
    env = test.get("env") or {}
    r.check("localhost:27017" in str(env.get("MONGO_URI")) and "test" in str(env.get("MONGO_URI")).rsplit("/", 1)[-1]
            and "localhost:6379" in str(env.get("REDIS_URL")), "ci.yml: MONGO_URI (a *test* db) and REDIS_URL point at the services")
    everything = "\n".join(steps_text(j) for j in jobs.values())
    want = ["npm run lint", "npm run typecheck", "npm test", "scripts/check-deploy.sh", "poppler-utils"]
    r.all([w for w in want if w not in everything], "ci.yml: lint, typecheck, npm test, check-deploy, poppler-utils")
    cached = [s for j in jobs.values() for s in j.get("steps") or [] if "setup-node" in str(s.get("uses")) and (s.get("with") or {}).get("cache") == "npm"]
    r.check(bool(cached), "ci.yml: setup-node with the npm cache")


def check_deploy(r: Report, doc: dict, text: str) -> None:
    on = triggers(doc)
    r.check("main" in str((on.get("push") or {}).get("branches")), "deploy.yml: runs on push to main")
    refs = uses_refs(doc)
    r.check(any(u.startswith("docker/build-push-action@") for u in refs) and "./.github/workflows/ci.yml" in refs,
            "deploy.yml: CI first, then docker/build-push-action")
    secrets = set(re.findall(r"secrets\.(\w+)", text))
    r.all(sorted({"SSH_HOST", "SSH_USER", "SSH_KEY"} - secrets), "deploy.yml: SSH_HOST, SSH_USER, SSH_KEY secrets")
    r.check("docker compose -f docker-compose.prod.yml pull" in text and "up -d" in text, "deploy.yml: docker compose pull && up -d on the host")
    r.check("cache-from: type=gha" in text, "deploy.yml: build cache")


def run(r: Report, root: Path) -> None:
    r.section("workflows")
    base = root / ".github/workflows"
    docs = {p.name: (load_yaml(r, p) or {}, p.read_text()) for p in sorted(base.glob("*.yml"))}
    unpinned = [f"{n}: {u}" for n, (d, _) in docs.items() for u in uses_refs(d)
                if not u.startswith("./") and not re.search(r"@v\d+$", u)]
    r.all(unpinned, "workflows: every action pinned to a major version (@vN)")
    if "ci.yml" in docs:
        check_ci(r, docs["ci.yml"][0])
    else:
        r.fail("ci.yml missing")
    if "deploy.yml" in docs:
        check_deploy(r, *docs["deploy.yml"])
    else:
        r.fail("deploy.yml missing")
