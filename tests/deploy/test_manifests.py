"""The Kubernetes manifests say what the README promises: probes, affinity, shared secret, resources."""
from __future__ import annotations

from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def load(name: str) -> dict:
    return yaml.safe_load((K8S / name).read_text())


def test_deployment_probes_resources_and_shared_cookie_secret():
    container = load("deployment.yaml")["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert set(container["resources"]) == {"requests", "limits"}
    secret_env = next(e for e in container["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET")
    assert secret_env["valueFrom"]["secretKeyRef"]["name"] == load("secret.yaml")["metadata"]["name"]
    assert load("deployment.yaml")["spec"]["replicas"] >= 2


def test_session_affinity_at_service_and_ingress():
    assert load("service.yaml")["spec"]["sessionAffinity"] == "ClientIP"
    assert load("ingress.yaml")["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
