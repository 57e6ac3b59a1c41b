"""The class store in the deployments: compose and Kubernetes give every replica one Redis as STORE_URL."""

from __future__ import annotations

import yaml

from app.classroom.store import RedisStore, open_store
from app.registry import ROOT


def test_compose_gives_every_replica_the_redis_store():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    app, redis = compose["services"]["app"], compose["services"]["redis"]
    url = app["environment"]["STORE_URL"]
    assert url == "redis://redis:6379/0"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    assert redis["image"].startswith("redis:") and "ping" in redis["healthcheck"]["test"]
    assert isinstance(open_store(url), RedisStore)  # the app reads that URL as a Redis store


def test_kubernetes_gives_every_replica_the_redis_store():
    k8s = ROOT / "deploy" / "k8s"
    assert "redis.yaml" in yaml.safe_load((k8s / "kustomization.yaml").read_text())["resources"]
    deployment = yaml.safe_load((k8s / "deployment.yaml").read_text())
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    docs = list(yaml.safe_load_all((k8s / "redis.yaml").read_text()))
    service = next(d for d in docs if d["kind"] == "Service")
    redis = next(d for d in docs if d["kind"] == "Deployment")
    port = service["spec"]["ports"][0]["port"]
    assert env["STORE_URL"] == f"redis://{service['metadata']['name']}:{port}/0"
    assert service["spec"]["selector"] == redis["spec"]["template"]["metadata"]["labels"]
    assert redis["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"]
