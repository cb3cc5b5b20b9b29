"""Rules for the Prometheus config, alert rules, blackbox modules and the Grafana dashboard."""

import re
from pathlib import Path

import promql_parser

from report import Report, duration_seconds, load_json, load_yaml

REQUIRED_ALERTS = {
    "error rate": "ScreenerHighErrorRate",
    "queue backlog age": "ScreenerQueueBacklogAge",
    "readiness flapping": "ScreenerReadinessFlapping",
    "dead-letter growth": "ScreenerDeadLetterGrowth",
    "webhook failures": "ScreenerWebhookFailures",
}
DASHBOARD_METRICS = [
    "http_request_duration_seconds", "screener_queue_jobs", "screener_queue_oldest_waiting_seconds",
    "screener_parse_duration_seconds", "screener_inference_duration_seconds",
    "screener_webhook_deliveries_total", "screener_model_info", "nodejs_eventloop_lag",
    "process_resident_memory_bytes", "screener_uploads_total",
]


def parse_error(expr: str):
    try:
        promql_parser.parse(expr)
        return None
    except Exception as err:  # the binding raises plain ValueError/RuntimeError variants
        return str(err).splitlines()[0]


def doc_anchors(markdown: str) -> set:
    """GitHub-style anchors of the headings in a Markdown file."""
    out = set()
    for title in re.findall(r"^#{1,6} +(.+?) *$", markdown, re.M):
        slug = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
        out.add(slug)
    return out


def check_rules(r: Report, root: Path) -> None:
    anchors = doc_anchors((root / "docs/deployment.md").read_text())
    names, problems = [], []
    for path in sorted((root / "deploy/prometheus/rules").glob("*.yml")):
        doc = load_yaml(r, path) or {}
        for group in doc.get("groups") or []:
            for rule in group.get("rules") or []:
                name = rule.get("alert") or rule.get("record")
                names.append(name)
                if err := parse_error(rule.get("expr", "")):
                    problems.append(f"{name}: PromQL: {err}")
                if "for" in rule:
                    try:
                        duration_seconds(rule["for"])
                    except ValueError as err:
                        problems.append(f"{name}: {err}")
                if not rule.get("alert"):
                    continue
                if (rule.get("labels") or {}).get("severity") not in ("page", "ticket"):
                    problems.append(f"{name}: severity must be page or ticket")
                ann = rule.get("annotations") or {}
                anchor = str(ann.get("runbook_url", "")).partition("docs/deployment.md#")[2]
                if not ann.get("summary") or anchor not in anchors:
                    problems.append(f"{name}: needs a summary and a runbook_url into docs/deployment.md (#{anchor or '?'})")
    r.check(len(names) == len(set(names)) and bool(names), f"alert rules: {len(names)} rules, names unique")
    r.all(problems, "alert rules: PromQL parses, durations valid, severity, summary, runbook anchor exists")
    r.all([f"{k} ({v})" for k, v in REQUIRED_ALERTS.items() if v not in names], "alert rules: error rate, backlog age, flapping, dead letters, webhooks covered")


def check_prometheus(r: Report, root: Path) -> None:
    conf = load_yaml(r, root / "deploy/prometheus/prometheus.yml") or {}
    files = [f for g in conf.get("rule_files") or [] for f in (root / "deploy/prometheus").glob(g.replace("/etc/prometheus/", ""))]
    r.check(bool(files), f"prometheus.yml: rule_files match {len(files)} file(s) once mounted at /etc/prometheus")
    jobs = {j["job_name"]: j for j in conf.get("scrape_configs") or []}
    r.all(sorted({"screener-api", "screener-worker", "screener-ready"} - set(jobs)), "prometheus.yml: scrapes every api and worker replica, and probes readiness")
    blackbox = load_yaml(r, root / "deploy/prometheus/blackbox.yml") or {}
    module = ((jobs.get("screener-ready") or {}).get("params") or {}).get("module", [None])[0]
    r.check(module in (blackbox.get("modules") or {}), f"blackbox.yml defines the module the readiness job uses ({module})")


def panel_exprs(dashboard: dict):
    for panel in dashboard.get("panels") or []:
        for inner in [panel] + (panel.get("panels") or []):
            for target in inner.get("targets") or []:
                yield inner.get("title"), target.get("expr", "")


def overlaps(panels: list) -> list:
    boxes = [(p.get("title"), p["gridPos"]) for p in panels]
    out = []
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                out.append(f"{ta} / {tb}")
    return out


def check_dashboard(r: Report, root: Path) -> None:
    for path in sorted((root / "deploy/grafana/dashboards").glob("*.json")):
        dash = load_json(r, path)
        if not dash:
            continue
        panels = dash.get("panels") or []
        ids = [p.get("id") for p in panels]
        r.check(bool(dash.get("uid")) and len(ids) == len(set(ids)), f"{path.name}: uid set, {len(ids)} panels with unique ids")
        r.all(overlaps(panels), f"{path.name}: no two panels overlap on the grid")
        var_names = {v.get("name") for v in (dash.get("templating") or {}).get("list", [])}
        ds_vars = {m for m in re.findall(r"\$\{(\w+)\}", str([p.get("datasource") for p in panels]))}
        r.all(sorted(ds_vars - var_names), f"{path.name}: datasource variables are defined")
        exprs = list(panel_exprs(dash))
        errors = []
        for title, expr in exprs:
            concrete = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1h")
            if err := parse_error(concrete):
                errors.append(f"{title}: {err}")
        r.all(errors, f"{path.name}: all {len(exprs)} PromQL expressions parse")
        text = " ".join(e for _, e in exprs)
        r.all([m for m in DASHBOARD_METRICS if m not in text], f"{path.name}: covers route latency, errors, queues, parse/inference, webhooks, model, event loop, RSS")


def check_provisioning(r: Report, root: Path) -> None:
    base = root / "deploy/grafana/provisioning"
    ds = load_yaml(r, base / "datasources/prometheus.yml") or {}
    r.check(any(d.get("url") == "http://prometheus:9090" for d in ds.get("datasources") or []), "grafana datasource points at the prometheus service")
    prov = load_yaml(r, base / "dashboards/screener.yml") or {}
    paths = [(p.get("options") or {}).get("path") for p in prov.get("providers") or []]
    compose = (root / "docker-compose.prod.yml").read_text()
    r.check(all(f"./deploy/grafana/dashboards:{p}" in compose for p in paths) and bool(paths), "grafana dashboard provider path is where compose mounts deploy/grafana/dashboards")


def run(r: Report, root: Path) -> None:
    r.section("prometheus and grafana")
    check_prometheus(r, root)
    check_rules(r, root)
    check_dashboard(r, root)
    check_provisioning(r, root)
