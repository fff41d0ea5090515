"""Kubernetes: the Ingress's per-client limits fit a lecture hall behind one address, and the controller takes the
client's address from the forwarded headers of a configured proxy only (deploy/k8s/ingress-controller/)."""
from __future__ import annotations

from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
PREFIX = "nginx.ingress.kubernetes.io/"


def test_ingress_limits_let_a_lecture_hall_in():
    ingress = yaml.safe_load((K8S / "ingress.yaml").read_text())
    limits = {k.removeprefix(PREFIX): int(v) for k, v in ingress["metadata"]["annotations"].items()
              if k.removeprefix(PREFIX).startswith("limit-")}
    # 1,000 browsers in 20 s, about 25 requests each on a first visit (the frontend's files come from the pods here)
    assert limits["limit-rps"] * limits["limit-burst-multiplier"] + 20 * limits["limit-rps"] >= 25 * 1000
    assert limits["limit-connections"] >= 1200  # the room's open sessions and files in flight


def test_forwarded_headers_trusted_from_a_named_proxy_range_only_and_not_applied_by_default():
    config = yaml.safe_load((K8S / "ingress-controller" / "forwarded-headers.yaml").read_text())
    data = config["data"]
    assert config["kind"] == "ConfigMap" and config["metadata"]["namespace"] == "ingress-nginx"
    assert data["use-forwarded-headers"] == "true" and data["compute-full-forwarded-for"] == "true"
    assert data["proxy-real-ip-cidr"] and data["proxy-real-ip-cidr"] != "0.0.0.0/0"
    assert not list(K8S.glob("*forwarded*"))  # in a subfolder: `kubectl apply -f deploy/k8s/` leaves it alone
