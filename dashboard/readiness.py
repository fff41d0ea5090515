"""GET /ready: 200 when this process's knowledge loads, 503 when it does not.

Streamlit's /_stcore/health answers ok even when every page shows "the knowledge files could not be loaded"; an
orchestrator (the Kubernetes readiness probe, a load balancer) asks /ready instead. It loads through the same
cache as the sessions (components.frame.knowledge_store), so it costs nothing once the knowledge is loaded, and names no
file or problem: those are for the server log and `python -m dashboard validate`."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from components.frame import knowledge_store
from dashboard.knowledge import KnowledgeError


async def ready(request: Request) -> PlainTextResponse:
    try:
        knowledge = await run_in_threadpool(knowledge_store.load, knowledge_store.root())
    except KnowledgeError as error:
        return PlainTextResponse(f"not ready: the knowledge does not load ({len(error.problems)} problems)\n",
                                 status_code=503, headers={"Cache-Control": "no-store"})
    return PlainTextResponse(f"ready: {len(knowledge.treatments)} treatments\n", headers={"Cache-Control": "no-store"})
